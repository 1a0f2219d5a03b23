//! Crash safety: concurrent saves, some killed with SIGKILL at random moments. Afterwards the store verifies,
//! versions run 1..N without gaps or repeats (verify checks the numbering), and every save that reported
//! success is in its history.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::util::Sandbox;

/// A small deterministic generator (the seed is printed, so a failure can be replayed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn saves_killed_at_random_moments_never_damage_the_store() {
    let seed = std::env::var("STORYDIFF_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos() as u64)
                .unwrap_or(7)
        });
    eprintln!("crash test seed: {seed} (replay with STORYDIFF_CRASH_SEED={seed})");
    let mut rng = Lcg(seed);
    let sb = Sandbox::new();
    let stories = ["alpha", "beta", "gamma"];
    let mut succeeded: Vec<(String, String)> = Vec::new(); // (story, sha256)
    let mut killed = 0;
    for round in 0..6 {
        let mut children: Vec<(Child, &str, bool)> = Vec::new();
        for i in 0..10 {
            let story = stories[(rng.next() % 3) as usize];
            let body = format!(
                "# Round {round}\n\nParagraph {i} of round {round}, variant {}.\n\n{}\n",
                rng.next() % 4,
                "Filler text to give the object some size. ".repeat((rng.next() % 200) as usize)
            );
            let file = sb.write(&format!("r{round}-{i}.txt"), body);
            let child = Command::new(assert_cmd::cargo::cargo_bin("storydiff"))
                .arg("--store")
                .arg(sb.store())
                .args(["save", "--story", story, "--format", "json"])
                .arg(&file)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let kill = rng.next().is_multiple_of(3);
            children.push((child, story, kill));
        }
        for (child, _, kill) in &mut children {
            if *kill {
                std::thread::sleep(Duration::from_micros(rng.next() % 4000));
                let _ = child.kill(); // SIGKILL on Unix
            }
        }
        for (child, story, kill) in children {
            let out = child.wait_with_output().unwrap();
            if kill && !out.status.success() {
                killed += 1;
                continue;
            }
            assert!(
                out.status.success(),
                "an unkilled save failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            succeeded.push((story.to_string(), v["sha256"].as_str().unwrap().to_string()));
        }
    }
    eprintln!("{} saves succeeded, {killed} killed", succeeded.len());
    let (code, out, _) = sb.run(&["verify"]);
    assert_eq!(code, 0, "verify after crashes: {out}");
    for (story, sha) in succeeded {
        let history =
            std::fs::read_to_string(sb.store().join(format!("histories/{story}.jsonl"))).unwrap();
        assert!(
            history.contains(&sha),
            "{story}: a save that reported success is missing"
        );
    }
}
