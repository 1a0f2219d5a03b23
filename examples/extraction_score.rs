//! Score storydiff's article extraction on `../shared/corpus/extraction` the benchmark's way (4-word
//! shingles, mean precision and recall per page, F1 of the means), `aeb-*` and `rdb-*` pages separately.
//!
//! ```text
//! cargo run --release --example extraction_score                  # both sets
//! cargo run --release --example extraction_score -- --worst 10    # and the 10 worst pages of each
//! cargo run --release --example extraction_score -- --print PAGE.html
//! ```
//! `--print` prints the extracted body of one page (nothing if the page is refused), which is what
//! `../shared/tools/extraction-f1 -- target/release/examples/extraction_score --print {}` scores.

use std::path::Path;

use storydiff::ingest::html::extract_html;
use storydiff::ingest::score::{PageScore, score_directory, summarize};

fn extract_text(html: &str) -> String {
    extract_html(html, None)
        .map(|p| p.body_text())
        .unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, page] = args.as_slice()
        && flag == "--print"
    {
        let html = String::from_utf8_lossy(&std::fs::read(page)?).into_owned();
        print!("{}", extract_text(&html));
        return Ok(());
    }
    let worst = match args.as_slice() {
        [flag, n] if flag == "--worst" => n.parse()?,
        _ => 0,
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/extraction");
    for prefix in ["aeb-", "rdb-"] {
        let mut scores = score_directory(&dir, prefix, extract_text)?;
        let summary = summarize(&scores.iter().map(|(_, s)| *s).collect::<Vec<PageScore>>());
        scores.sort_by(|a, b| a.1.tp.total_cmp(&b.1.tp).then_with(|| a.0.cmp(&b.0)));
        for (name, s) in scores.iter().take(worst) {
            println!("  {name}: tp={:.2} fp={:.2} fn={:.2}", s.tp, s.fp, s.fn_);
        }
        println!(
            "{prefix}* pages={} precision={:.3} recall={:.3} F1={:.3}",
            summary.pages, summary.precision, summary.recall, summary.f1
        );
    }
    Ok(())
}
