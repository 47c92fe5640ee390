//! Where media files live. Files are written once under names the server chooses from their
//! content (so a name never comes from a user, and a name's content never changes, which lets
//! browsers cache them for a year); deleting is the only other change.

use std::future::Future;
use std::io;
use std::path::PathBuf;
use std::pin::Pin;

use sha2::{Digest, Sha256};

pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = io::Result<T>> + Send + 'a>>;

/// A place for media files: the local disk now; an S3-compatible bucket can implement it when
/// several servers share media.
pub trait MediaStore: Send + Sync {
    /// Stores `bytes` as `name`, all or nothing.
    fn put<'a>(&'a self, name: &'a str, bytes: &'a [u8]) -> StoreFuture<'a, ()>;
    /// The file's content, or `None` when there is no such file.
    fn get<'a>(&'a self, name: &'a str) -> StoreFuture<'a, Option<Vec<u8>>>;
    /// Removes the file; removing a missing file is not an error.
    fn delete<'a>(&'a self, name: &'a str) -> StoreFuture<'a, ()>;
}

/// The name a file is stored under: a hash of its content, a suffix saying which copy it is
/// (for example `960` for a variant) and the extension of its real type.
pub fn content_name(bytes: &[u8], suffix: &str, extension: &str) -> String {
    let hash = hex::encode(&Sha256::digest(bytes)[..12]);
    if suffix.is_empty() { format!("{hash}.{extension}") } else { format!("{hash}-{suffix}.{extension}") }
}

/// Whether `name` is one the server could have chosen: lower-case letters, digits and hyphens, one
/// dot before the extension. Anything else (`../`, encoded or Unicode look-alikes, slashes) is not.
pub fn is_stored_name(name: &str) -> bool {
    let Some((stem, extension)) = name.split_once('.') else { return false };
    !stem.is_empty()
        && name.len() <= 100
        && stem.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !extension.is_empty()
        && extension.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// Files in one folder on the local disk (by default `media/` in the data directory).
#[derive(Clone, Debug)]
pub struct LocalDiskStore {
    folder: PathBuf,
}

impl LocalDiskStore {
    pub fn new(folder: impl Into<PathBuf>) -> io::Result<Self> {
        let folder = folder.into();
        std::fs::create_dir_all(&folder)?;
        Ok(Self { folder })
    }

    fn path(&self, name: &str) -> io::Result<PathBuf> {
        if is_stored_name(name) {
            Ok(self.folder.join(name))
        } else {
            Err(io::Error::new(io::ErrorKind::InvalidInput, format!("not a stored file name: {name:?}")))
        }
    }
}

impl MediaStore for LocalDiskStore {
    fn put<'a>(&'a self, name: &'a str, bytes: &'a [u8]) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            let path = self.path(name)?;
            // Written beside and renamed into place, so a reader or a crash never sees half a file.
            let partial = self.folder.join(format!(".{name}.partial"));
            let mut file = tokio::fs::File::create(&partial).await?;
            tokio::io::AsyncWriteExt::write_all(&mut file, bytes).await?;
            file.sync_all().await?;
            tokio::fs::rename(&partial, &path).await
        })
    }

    fn get<'a>(&'a self, name: &'a str) -> StoreFuture<'a, Option<Vec<u8>>> {
        Box::pin(async move {
            match tokio::fs::read(self.path(name)?).await {
                Ok(bytes) => Ok(Some(bytes)),
                Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
                Err(error) => Err(error),
            }
        })
    }

    fn delete<'a>(&'a self, name: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(async move {
            match tokio::fs::remove_file(self.path(name)?).await {
                Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
                _ => Ok(()),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_content() {
        let name = content_name(b"anh", "960", "webp");
        assert!(name.ends_with("-960.webp") && name.len() == 24 + 9, "{name}");
        assert_eq!(content_name(b"anh", "960", "webp"), name);
        assert_ne!(content_name(b"anh khac", "960", "webp"), name);
        assert!(is_stored_name(&name));
        assert!(is_stored_name(&content_name(b"x", "", "pdf")));
    }

    #[test]
    fn only_names_the_server_could_choose_are_accepted() {
        for name in [
            "../portal.db",
            "..%2fportal.db",
            "a/b.jpg",
            "a\\b.jpg",
            ".hidden.jpg",
            "anh.jpg/",
            "ảnh.jpg",
            "a\u{2215}b.jpg",
            "\u{ff0e}\u{ff0e}.jpg",
            "A.JPG",
            "a.jpg.exe.",
            "noextension",
            "",
        ] {
            assert!(!is_stored_name(name), "{name:?}");
        }
    }

    #[tokio::test]
    async fn files_are_stored_read_and_deleted() {
        let folder = tempfile::tempdir().unwrap();
        let store = LocalDiskStore::new(folder.path().join("media")).unwrap();
        let name = content_name(b"noi dung", "", "pdf");
        store.put(&name, b"noi dung").await.unwrap();
        assert_eq!(store.get(&name).await.unwrap().as_deref(), Some(&b"noi dung"[..]));
        store.delete(&name).await.unwrap();
        assert_eq!(store.get(&name).await.unwrap(), None);
        store.delete(&name).await.unwrap();
        let refused = store.put("../thoat.pdf", b"x").await.unwrap_err();
        assert_eq!(refused.kind(), io::ErrorKind::InvalidInput);
        assert!(!folder.path().join("thoat.pdf").exists());
    }
}
