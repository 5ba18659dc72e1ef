"""The timing half of bench/compare.sh: runs every command once a round, in a rotated order, and prints
medians (of the wall time, and of the CPU time in user and system mode), peak memory and the ratios of
the performance goals. Run it through bench/compare.sh."""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

LIMITS = [
    "--max-notices", "1000000",
    "--max-input-bytes", "1073741824",
    "--max-print-chars", "1073741824",
]
CHECK_LIMITS = LIMITS[:4]
COMMON = ["--isolated", "--today", "2026-11-24", "--color", "never"]


def run(argv, capture=False):
    """Runs argv; returns (seconds, peak RSS in MiB, exit code, stderr text, (user, system) CPU
    seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    err = proc.stderr.read().decode("utf-8", "replace") if capture else ""
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return took, usage.ru_maxrss / 1024, proc.returncode, err, (usage.ru_utime, usage.ru_stime)


def edited_copy(src, dst):
    """The file with one notice's title changed: a one-notice edit."""
    with open(src, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    titles = [i for i, line in enumerate(lines) if line.startswith("    title: ")]
    at = titles[len(titles) // 2]
    lines[at] = lines[at][:-1] + ' (edited)"'
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--sizes", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--large-rounds", type=int, default=2)
    args = ap.parse_args()
    bin_ = os.path.abspath(args.binary)
    work = os.path.abspath(args.work)
    py = sys.executable
    sizes = [int(s) for s in args.sizes.split()]
    cores = os.cpu_count()
    print(f"noticec whole-run benchmark: {cores} cores, medians of interleaved rounds")

    results = {}
    user = {}
    for n in sizes:
        src = os.path.join(work, f"notices-{n}.yaml")
        edited = os.path.join(work, f"notices-{n}-edited.yaml")
        edited_copy(src, edited)
        d = lambda name: os.path.join(work, f"{name}-{n}")  # noqa: E731
        for folder in ["empty", "current", "edit", "copy"]:
            shutil.rmtree(d(folder), ignore_errors=True)
        # Untimed: the folders a round starts from.
        print(f"{n} notices: preparing the output folders ...", file=sys.stderr, flush=True)
        took, _, code, err, _ = run(
            [bin_, "build", src, "--out", d("current"), *LIMITS, *COMMON], capture=True)
        if code != 0:
            sys.exit(f"noticec build failed on {src}:\n{err}")
        shutil.copytree(d("current"), d("edit"))
        state = {"edit": False}

        def edit_input():
            state["edit"] = not state["edit"]
            return edited if state["edit"] else src

        cases = {
            "libyaml parse": lambda: [py, "-c",
                                      "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)",
                                      src],
            "check": lambda: [bin_, "check", src, *CHECK_LIMITS, *COMMON],
            "build, empty folder": lambda: (shutil.rmtree(d("empty"), ignore_errors=True),
                                            [bin_, "build", src, "--out", d("empty"), *LIMITS, *COMMON])[1],
            "build, current folder": lambda: [bin_, "build", src, "--out", d("current"), *LIMITS, *COMMON],
            "build, one notice edited": lambda: [bin_, "build", edit_input(), "--out", d("edit"),
                                                 *LIMITS, *COMMON],
            "rm -rf + cp -r of the output": lambda: ["sh", "-c", 'rm -rf "$1" && cp -r "$0" "$1"',
                                                     d("current"), d("copy")],
        }
        rounds = args.large_rounds if n >= 5000 else args.rounds
        times = {name: [] for name in cases}
        cpu = {name: [] for name in cases}
        rss = {name: 0.0 for name in cases}
        wrote = {}
        names = list(cases)
        for r in range(rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            for name in order:
                argv = cases[name]()
                took, peak, code, err, used = run(argv, capture=name.startswith("build"))
                if code != 0:
                    sys.exit(f"`{name}` failed (exit {code}) on {n} notices:\n{err}")
                times[name].append(took)
                cpu[name].append(used)
                rss[name] = max(rss[name], peak)
                m = re.search(r"wrote (\d+) files.*?(?:\((\d+) more unchanged\))?$", err, re.M)
                if m:
                    wrote[name] = (int(m.group(1)), int(m.group(2) or 0))
            print(f"{n} notices: round {r + 1} of {rounds} done", file=sys.stderr, flush=True)
        results[n] = {name: statistics.median(t) for name, t in times.items()}
        user[n] = {name: statistics.median(u for u, _ in c) for name, c in cpu.items()}
        files = sum(len(fs) for _, _, fs in os.walk(d("current")))
        mb = sum(os.path.getsize(os.path.join(p, f)) for p, _, fs in os.walk(d("current")) for f in fs) / 1e6
        size = os.path.getsize(src) / 1e6
        print(f"\n## {n} notices ({size:.1f} MB of YAML; {files} files, {mb:.0f} MB out; {rounds} rounds)\n")
        print("| command | median | min | max | user CPU | system CPU | peak RSS | files written (unchanged) |")
        print("|---|---|---|---|---|---|---|---|")
        for name in names:
            t = times[name]
            w = wrote.get(name)
            ws = f"{w[0]} ({w[1]})" if w else ""
            u = statistics.median(c[0] for c in cpu[name])
            k = statistics.median(c[1] for c in cpu[name])
            print(f"| {name} | {statistics.median(t):.3f} s | {min(t):.3f} s | {max(t):.3f} s "
                  f"| {u:.3f} s | {k:.3f} s | {rss[name]:.0f} MiB | {ws} |")
        res = results[n]
        floor = res["rm -rf + cp -r of the output"]
        print()
        print(f"- check ÷ libyaml parse: {res['check'] / res['libyaml parse']:.3f}")
        print(f"- build, current folder ÷ libyaml parse: {res['build, current folder'] / res['libyaml parse']:.3f}")
        print(f"- build, one notice edited ÷ libyaml parse: "
              f"{res['build, one notice edited'] / res['libyaml parse']:.3f}")
        print(f"- build, empty folder ÷ (rm -rf + cp -r): {res['build, empty folder'] / floor:.2f}")
    if len(sizes) > 1:
        lo, hi = sizes[0], sizes[-1]
        print(f"\n## Scaling, {hi} ÷ {lo} notices ({hi / lo:.0f}× the notices)\n")
        for name in ["libyaml parse", "check", "build, empty folder", "build, current folder",
                     "build, one notice edited"]:
            print(f"- {name}: {results[hi][name] / results[lo][name]:.1f}× "
                  f"(user CPU {user[hi][name] / user[lo][name]:.1f}×)")


if __name__ == "__main__":
    main()
