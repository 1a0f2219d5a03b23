//! Score storydiff's article extraction on `../shared/corpus/extraction` the benchmark's way (4-word
//! shingles, mean precision and recall per page, F1 of the means), `aeb-*` and `rdb-*` pages separately.
//!
//! ```text
//! cargo run --release --example extraction_score            # both sets
//! cargo run --release --example extraction_score -- --worst 10   # and the 10 worst pages of each
//! cargo run --release --example extraction_score -- --print PAGE.html   # print what is extracted
//! ```
//! `--print` prints the extracted body of one page, for `../shared/tools/extraction-f1 -- CMD {}`.

use std::path::{Path, PathBuf};

use storydiff::ingest::html::extract_html;
use storydiff::ingest::score::{PageScore, summarize};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, page] = args.as_slice() {
        if flag == "--print" {
            let html = std::fs::read_to_string(page)?;
            if let Ok(p) = extract_html(&html, None) {
                print!("{}", p.body_text());
            }
            return Ok(());
        }
    }
    let worst = match args.as_slice() {
        [flag, n] if flag == "--worst" => n.parse()?,
        _ => 0,
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/extraction");
    for prefix in ["aeb-", "rdb-"] {
        let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                name.starts_with(prefix) && name.ends_with(".html") && !name.ends_with(".expected.html")
            })
            .collect();
        pages.sort();
        let mut scores = Vec::new();
        for page in &pages {
            let html = std::fs::read_to_string(page)?;
            let expected = std::fs::read_to_string(page.with_extension("expected.txt"))?;
            let got = extract_html(&html, None).map(|p| p.body_text()).unwrap_or_default();
            let name = page.file_stem().and_then(|n| n.to_str()).unwrap_or_default().to_string();
            scores.push((name, PageScore::of(&expected, &got)));
        }
        scores.sort_by(|a, b| a.1.tp.total_cmp(&b.1.tp).then_with(|| a.0.cmp(&b.0)));
        for (name, s) in scores.iter().take(worst) {
            println!("  {name}: tp={:.2} fp={:.2} fn={:.2}", s.tp, s.fp, s.fn_);
        }
        let only: Vec<PageScore> = scores.iter().map(|(_, s)| *s).collect();
        let sum = summarize(&only);
        println!(
            "{prefix}* pages={} precision={:.3} recall={:.3} F1={:.3}",
            sum.pages, sum.precision, sum.recall, sum.f1
        );
    }
    Ok(())
}
