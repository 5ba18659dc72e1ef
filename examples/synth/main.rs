//! `cargo run --release --example synth -- N [SEED]`: prints one notices file of N distinct notices for
//! benchmarks, made from the example notices in `notices.yaml` (every feature of the model they use:
//! shared organisations and contacts, special category data, transfers, retention with events, forms,
//! related notices). The same N and seed always give the same bytes.

mod generate;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or_else(|| {
        eprintln!("usage: synth N [SEED]");
        std::process::exit(2)
    });
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    print!("{}", generate::notices(n, seed));
}
