//! Time storydiff's full diff ([`diff_articles`], default options) on every consecutive pair of versions in
//! `../shared/corpus/versions`, in process: the storydiff side of the difflib comparison in
//! `scripts/bench-peers.sh` (whose peer is `scripts/difflib_pairs.py`, with the same output format).
//!
//! `cargo run --release --example diff_all_pairs -- ROUNDS [MEDIAN_PAIR_ITERATIONS]`
//!
//! Prints one line per pair, `pair<TAB>story/old->new<TAB>median ns over the rounds`, then
//! `total<TAB>median over the rounds of the time for all pairs, ns`, `cpu_total<TAB>…` (this thread's CPU
//! time), and `median_pair_cpu<TAB>story/old->new<TAB>ns`: the CPU time of one full diff of the median pair
//! (pairs sorted by the bytes of both texts, index len/2, as in `benches/diff.rs`), the median over the rounds
//! of the mean of MEDIAN_PAIR_ITERATIONS diffs. Parsing ([`Article::from_text`]) is done before timing.

/// The binary's allocator (see `src/main.rs`), so the figures are what `storydiff` itself does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::Path;
use std::time::Instant;

use storydiff::article::Article;
use storydiff::diff::{DiffOptions, diff_articles};

/// One consecutive pair: its name and both texts, raw and parsed.
struct Pair {
    name: String,
    bytes: usize,
    old: Article,
    new: Article,
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let rounds: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let iterations: u32 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(200);
    let pairs =
        corpus_pairs(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/versions"));
    let options = DiffOptions::default();

    let mut per_pair = vec![Vec::with_capacity(rounds); pairs.len()];
    let (mut totals, mut cpu_totals) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let cpu0 = thread_cpu_ns();
        let t0 = Instant::now();
        for (k, p) in pairs.iter().enumerate() {
            let s = Instant::now();
            std::hint::black_box(diff_articles(&p.old, &p.new, &options));
            per_pair[k].push(s.elapsed().as_nanos());
        }
        totals.push(t0.elapsed().as_nanos());
        cpu_totals.push(thread_cpu_ns() - cpu0);
    }
    for (p, times) in pairs.iter().zip(&mut per_pair) {
        println!("pair\t{}\t{}", p.name, median(times));
    }
    println!("total\t{}", median(&mut totals));
    println!("cpu_total\t{}", median(&mut cpu_totals));

    let mut by_size: Vec<&Pair> = pairs.iter().collect();
    by_size.sort_by_key(|p| p.bytes);
    if let Some(p) = by_size.get(by_size.len() / 2) {
        let mut means = Vec::new();
        for _ in 0..rounds {
            let cpu0 = thread_cpu_ns();
            for _ in 0..iterations {
                std::hint::black_box(diff_articles(&p.old, &p.new, &options));
            }
            means.push((thread_cpu_ns() - cpu0) / u128::from(iterations.max(1)));
        }
        println!("median_pair_cpu\t{}\t{}", p.name, median(&mut means));
    }
}

/// Every consecutive pair of every story, stories and versions in name order (as `difflib_pairs.py`).
fn corpus_pairs(root: &Path) -> Vec<Pair> {
    let sorted_entries = |dir: &Path| {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        paths
    };
    let mut pairs = Vec::new();
    for story in sorted_entries(root).into_iter().filter(|p| p.is_dir()) {
        let files: Vec<_> = sorted_entries(&story)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        let texts: Vec<String> = files
            .iter()
            .map(|f| std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display())))
            .collect();
        let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
        for k in 1..files.len() {
            let parse = |t: &str| Article::from_text(t).expect("corpus versions are not empty");
            pairs.push(Pair {
                name: format!(
                    "{}/{}->{}",
                    name(&story).unwrap_or_default(),
                    name(&files[k - 1]).unwrap_or_default(),
                    name(&files[k]).unwrap_or_default()
                ),
                bytes: texts[k - 1].len() + texts[k].len(),
                old: parse(&texts[k - 1]),
                new: parse(&texts[k]),
            });
        }
    }
    pairs
}

/// The median (upper middle for an even count).
fn median(values: &mut [u128]) -> u128 {
    values.sort_unstable();
    values.get(values.len() / 2).copied().unwrap_or(0)
}

/// CPU time of this thread, ns (wall time where the platform has no thread clock).
#[cfg(unix)]
fn thread_cpu_ns() -> u128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID is supported on Linux and macOS.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return 0;
    }
    u128::try_from(ts.tv_sec).unwrap_or(0) * 1_000_000_000 + u128::try_from(ts.tv_nsec).unwrap_or(0)
}

#[cfg(not(unix))]
fn thread_cpu_ns() -> u128 {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_nanos()
}
