#!/usr/bin/env python3
"""Check the CI recipes: the composite action, the workflows, the GitLab job and the pre-commit hook.

    ci_check.py ROOT

Parses `action.yml`, `.github/workflows/notices.yml`, `docs/ci/github-actions.yml`,
`docs/ci/gitlab-ci.yml` and `.pre-commit-hooks.yaml` under ROOT (the repository) and checks:

- the action is a composite action with the inputs `notices`, `out`, `upload-sarif` and `build-check`,
  every input described and defaulted, every `run` step with a `shell`, `cargo install --locked --path`
  of the action's own folder, the `github`, `markdown` (into `$GITHUB_STEP_SUMMARY`) and `sarif`
  formats of `check`, and `build --check --format github`;
- every `noticec` command the action and the GitLab job run is written, as a command, in README.md (with
  `$NOTICES` read as `notices.yaml` and `$OUT` as `out`), so the docs show what runs;
- the repository's workflow uses the action as `./` and uploads SARIF with
  `github/codeql-action/upload-sarif@vN` under `security-events: write`; the copy-paste workflow uses it
  as `OWNER/noticec@v1`;
- the GitLab job writes the `gitlab` format to the file its `artifacts: reports: codequality` names;
- the pre-commit hook `noticec-check` runs `noticec check` with `language: rust` on files named
  `notices.yaml` or `notices.yml`, at any depth, and on no other.

Exit 0 when all hold, 1 on any problem (each printed), 2 on a file that cannot be read or parsed.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

# The inputs the action must take.
INPUTS = ("notices", "out", "upload-sarif", "build-check")


def load(root: Path, name: str):
    """One YAML file under the repository, parsed."""
    try:
        return yaml.safe_load((root / name).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        print(f"{name}: cannot be read as YAML: {e}", file=sys.stderr)
        sys.exit(2)


def commands(script: str) -> list[str]:
    """The `noticec` commands of a shell script, without redirections or `||` tails, inputs substituted."""
    out = []
    for line in script.splitlines():
        line = line.strip()
        if not line.startswith("noticec "):
            continue
        line = re.split(r"\s(?:\|\||>>|>|\|)\s", line)[0].strip()
        line = line.replace('"$NOTICES"', "notices.yaml").replace('"$OUT"', "out")
        out.append(line)
    return out


def check_action(action, readme: str) -> list[str]:
    """Problems with action.yml."""
    problems = []
    if not isinstance(action, dict):
        return ["action.yml: not a mapping"]
    for key in ("name", "description", "inputs", "runs"):
        if key not in action:
            problems.append(f"action.yml: no `{key}`")
    inputs = action.get("inputs") or {}
    for name in INPUTS:
        spec = inputs.get(name)
        if not isinstance(spec, dict) or "description" not in spec or "default" not in spec:
            problems.append(f"action.yml: input `{name}` missing, or without description and default")
    runs = action.get("runs") or {}
    if runs.get("using") != "composite":
        problems.append("action.yml: runs.using is not `composite`")
    steps = runs.get("steps") or []
    scripts = []
    for i, step in enumerate(steps):
        if "run" in step:
            if "shell" not in step:
                problems.append(f"action.yml: step {i} runs a script without `shell`")
            scripts.append(step["run"])
        elif "uses" not in step:
            problems.append(f"action.yml: step {i} neither runs nor uses")
    text = "\n".join(scripts)
    if 'cargo install --locked --path "${{ github.action_path }}"' not in text:
        problems.append("action.yml: does not install noticec from the action's folder")
    needed = [
        "noticec check notices.yaml --format github",
        "noticec check notices.yaml --format markdown",
        "noticec check notices.yaml --format sarif",
        "noticec build notices.yaml --out out --check --format github --ignore ALL",
    ]
    ran = commands(text)
    for command in needed:
        if command not in ran:
            problems.append(f"action.yml: does not run `{command}`")
    if '--format markdown >> "$GITHUB_STEP_SUMMARY"' not in text:
        problems.append("action.yml: the markdown report does not go to $GITHUB_STEP_SUMMARY")
    for command in ran:
        if f"`{command}`" not in readme:
            problems.append(f"action.yml runs `{command}`, which README.md does not show")
    return problems


def uses(workflow) -> list[str]:
    """Every `uses:` of a workflow's steps."""
    found = []
    for job in ((workflow or {}).get("jobs") or {}).values():
        for step in job.get("steps") or []:
            if "uses" in step:
                found.append(step["uses"])
    return found


def security_events(workflow) -> bool:
    """Whether every job that uploads SARIF may write security events."""
    for job in ((workflow or {}).get("jobs") or {}).values():
        perms = job.get("permissions") or workflow.get("permissions") or {}
        if perms.get("security-events") != "write":
            return False
    return True


def check_workflows(own, copy) -> list[str]:
    """Problems with the repository's workflow and the copy-paste one."""
    problems = []
    own_uses = uses(own)
    if "./" not in own_uses:
        problems.append(".github/workflows/notices.yml: does not use the action as `./`")
    if not any(re.fullmatch(r"github/codeql-action/upload-sarif@v\d+", u) for u in own_uses):
        problems.append(".github/workflows/notices.yml: no upload-sarif pinned to a major version")
    if not security_events(own):
        problems.append(".github/workflows/notices.yml: no `security-events: write`")
    if "OWNER/noticec@v1" not in uses(copy):
        problems.append("docs/ci/github-actions.yml: does not use `OWNER/noticec@v1`")
    if not security_events(copy):
        problems.append("docs/ci/github-actions.yml: no `security-events: write`")
    return problems


def check_gitlab(gitlab, readme: str) -> list[str]:
    """Problems with the GitLab job."""
    problems = []
    job = (gitlab or {}).get("noticec")
    if not isinstance(job, dict):
        return ["docs/ci/gitlab-ci.yml: no job `noticec`"]
    report = ((job.get("artifacts") or {}).get("reports") or {}).get("codequality")
    script = "\n".join(job.get("script") or [])
    if not report:
        problems.append("docs/ci/gitlab-ci.yml: no `artifacts: reports: codequality`")
    elif f"--format gitlab > {report}" not in script:
        problems.append(f"docs/ci/gitlab-ci.yml: the gitlab format is not written to {report}")
    for command in commands(script):
        if f"`{command}`" not in readme and "--format gitlab" in command:
            problems.append(f"docs/ci/gitlab-ci.yml runs `{command}`, which README.md does not show")
    return problems


def check_hooks(hooks) -> list[str]:
    """Problems with .pre-commit-hooks.yaml."""
    if not isinstance(hooks, list):
        return [".pre-commit-hooks.yaml: not a list of hooks"]
    hook = next((h for h in hooks if isinstance(h, dict) and h.get("id") == "noticec-check"), None)
    if hook is None:
        return [".pre-commit-hooks.yaml: no hook `noticec-check`"]
    problems = []
    for key, want in (("entry", "noticec check"), ("language", "rust")):
        if hook.get(key) != want:
            problems.append(f".pre-commit-hooks.yaml: `{key}` is {hook.get(key)!r}, expected {want!r}")
    if "name" not in hook:
        problems.append(".pre-commit-hooks.yaml: no `name`")
    try:
        files = re.compile(hook.get("files") or "")
    except re.error as e:
        return problems + [f".pre-commit-hooks.yaml: `files` is not a regular expression: {e}"]
    # pre-commit matches `files` with re.search against the path from the repository root.
    for path in ("notices.yaml", "notices.yml", "privacy/notices.yaml"):
        if not files.search(path):
            problems.append(f".pre-commit-hooks.yaml: `files` does not match {path}")
    for path in ("other.yaml", "notices.yaml.bak", "mynotices.yaml", "notices.json"):
        if files.search(path):
            problems.append(f".pre-commit-hooks.yaml: `files` matches {path}")
    return problems


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(sys.argv[1])
    readme = (root / "README.md").read_text(encoding="utf-8")
    problems = check_action(load(root, "action.yml"), readme)
    problems += check_workflows(
        load(root, ".github/workflows/notices.yml"), load(root, "docs/ci/github-actions.yml")
    )
    problems += check_gitlab(load(root, "docs/ci/gitlab-ci.yml"), readme)
    problems += check_hooks(load(root, ".pre-commit-hooks.yaml"))
    for p in problems:
        print(p)
    if not problems:
        print("action.yml, the workflows, the GitLab job and the pre-commit hook are as documented")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
