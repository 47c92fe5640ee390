//! Password hashing with Argon2id. Each hash takes tens of milliseconds of a CPU and 19 MiB, so it
//! runs on the blocking threads, a few at a time: a burst of sign-ins waits its turn instead of
//! stalling the threads that serve readers' pages.

use std::sync::LazyLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use tokio::sync::Semaphore;

/// Hashes computed at once: one per core.
static HASHING: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// An Argon2id PHC string for `password`, with a fresh random salt.
pub async fn hash_password(password: &str) -> String {
    let password = password.to_owned();
    on_hashing_thread(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .expect("Argon2 with default parameters accepts any password and a generated salt")
            .to_string()
    })
    .await
}

/// Whether `password` matches the stored PHC string; a malformed hash never matches.
pub async fn verify_password(password: &str, hash: &str) -> bool {
    let (password, hash) = (password.to_owned(), hash.to_owned());
    on_hashing_thread(move || {
        PasswordHash::new(&hash)
            .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
}

async fn on_hashing_thread<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    let _turn = HASHING.acquire().await.expect("the semaphore is never closed");
    tokio::task::spawn_blocking(work).await.expect("password hashing does not panic")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() {
        let first = hash_password("mật khẩu dài").await;
        let second = hash_password("mật khẩu dài").await;
        assert!(first.starts_with("$argon2id$"));
        assert_ne!(first, second);
        assert!(verify_password("mật khẩu dài", &first).await);
        assert!(!verify_password("mat khau dai", &first).await);
        assert!(!verify_password("anything", "not a hash").await);
    }

    /// Runs on a runtime with one worker thread: were hashing done on it, the ticker could not
    /// tick while the hashes run.
    #[tokio::test(flavor = "current_thread")]
    async fn hashing_leaves_the_async_threads_free() {
        let hashes = tokio::spawn(async {
            for _ in 0..4 {
                hash_password("mật khẩu dài").await;
            }
        });
        let mut ticks = 0;
        while !hashes.is_finished() {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            ticks += 1;
        }
        assert!(ticks >= 4, "the runtime kept serving while hashing ({ticks} ticks)");
    }
}
