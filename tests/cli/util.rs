//! Test harness: an isolated temporary directory with a store, and the `storydiff` binary run inside it.

#![allow(dead_code)] // each test module uses a different part of the harness

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// Root of the repository.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The shared corpus folder beside the repository (`../shared`).
pub fn shared() -> PathBuf {
    repo().join("..").join("shared")
}

/// A corpus version file: `corpus("cnn-…", "01.txt")`.
pub fn corpus(story: &str, file: &str) -> PathBuf {
    shared().join("corpus/versions").join(story).join(file)
}

/// The seed article.
pub fn seed() -> PathBuf {
    shared().join("seed/000_6082022efbbf9ef9.txt")
}

/// An isolated working directory with a store path inside it.
pub struct Sandbox {
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The store folder (created by the first save).
    pub fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// A path inside the sandbox.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write a file in the sandbox and return its path.
    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// `storydiff --store <store> ARGS…`, run in the sandbox, colour off, no inherited store.
    pub fn cmd<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> Command {
        let mut cmd = bin();
        cmd.current_dir(self.dir.path())
            .arg("--store")
            .arg(self.store())
            .args(args);
        cmd
    }

    /// Run and return (exit code, stdout, stderr).
    pub fn run<S: AsRef<std::ffi::OsStr>>(&self, args: &[S]) -> (i32, String, String) {
        output(self.cmd(args))
    }

    /// Save `path` as `story` and return the JSON outcome.
    pub fn save(&self, story: &str, path: &Path) -> serde_json::Value {
        let (code, out, err) = self.run(&[
            "save",
            "--story",
            story,
            "--format",
            "json",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "save failed: {err}");
        serde_json::from_str(&out).expect("save prints JSON")
    }
}

/// The binary with a clean environment.
pub fn bin() -> Command {
    let mut cmd = Command::cargo_bin("storydiff").expect("binary built");
    cmd.env_remove("STORYDIFF_STORE")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env("NO_COLOR", "1");
    cmd
}

/// Run a command and return (exit code, stdout, stderr).
pub fn output(mut cmd: Command) -> (i32, String, String) {
    let out = cmd.output().expect("run storydiff");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Whether the current process is root (permission bits do not stop root).
pub fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}
