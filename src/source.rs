//! Reading an input: a file path or `-` for standard input, as bytes with a size cap, then as UTF-8 text.
//!
//! HTML detection, extraction and URLs are handled by [`crate::ingest`] on top of these bytes
//! ([`crate::ingest::load_source`] is the one entry point from a source to an article).

use std::io::Read;
use std::path::Path;

use crate::error::InputError;

/// Largest input storydiff reads, in bytes (32 MiB): far above any article, small enough that a hostile input
/// cannot exhaust memory.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Read `path` (or standard input for `-`) as bytes, refusing directories and inputs over
/// [`MAX_INPUT_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, InputError> {
    let read_err = |error| InputError::Read {
        path: path.to_path_buf(),
        error,
    };
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
    } else {
        let meta = std::fs::metadata(path).map_err(read_err)?;
        if meta.is_dir() {
            return Err(InputError::IsDirectory(path.to_path_buf()));
        }
        if meta.len() > MAX_INPUT_BYTES {
            return Err(InputError::TooLarge {
                size: meta.len(),
                limit: MAX_INPUT_BYTES,
            });
        }
        let file = std::fs::File::open(path).map_err(read_err)?;
        file.take(MAX_INPUT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(read_err)?;
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(InputError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_INPUT_BYTES,
        });
    }
    Ok(bytes)
}

/// Decode bytes as UTF-8, naming the first bad byte.
///
/// ```
/// use storydiff::source::decode_utf8;
/// assert_eq!(decode_utf8(b"ok".to_vec()).unwrap(), "ok");
/// assert_eq!(decode_utf8(b"ab\xffc".to_vec()).unwrap_err().to_string(), "invalid UTF-8 at byte 2");
/// ```
pub fn decode_utf8(bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        byte: e.utf8_error().valid_up_to(),
    })
}
