//! A cap on the live connections one client address holds open, so that one machine cannot tie up
//! the server with thousands of never-ending streams. Generous enough for an office of readers
//! behind one address, each with a few tabs.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

pub const LIVE_CONNECTIONS_PER_ADDRESS: usize = 64;

#[derive(Clone)]
pub struct LiveConnectionCap {
    per_address: usize,
    open: Arc<Mutex<HashMap<String, usize>>>,
}

/// One open connection; dropping it frees its place.
pub struct Slot {
    cap: LiveConnectionCap,
    address: String,
}

impl LiveConnectionCap {
    pub fn new(per_address: usize) -> Self {
        Self { per_address, open: Arc::default() }
    }

    /// A place for one more connection from `address`, or `None` when it already has its share.
    pub fn take(&self, address: &str) -> Option<Slot> {
        let mut open = self.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = open.entry(address.to_owned()).or_default();
        if *count >= self.per_address {
            return None;
        }
        *count += 1;
        Some(Slot { cap: self.clone(), address: address.to_owned() })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut open = self.cap.open.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = open.get_mut(&self.address) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.address);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_gets_its_share_and_closed_connections_free_their_place() {
        let cap = LiveConnectionCap::new(2);
        let first = cap.take("203.0.113.7").unwrap();
        let _second = cap.take("203.0.113.7").unwrap();
        assert!(cap.take("203.0.113.7").is_none());
        assert!(cap.take("198.51.100.2").is_some(), "other addresses are not affected");
        drop(first);
        assert!(cap.take("203.0.113.7").is_some());
    }

    #[test]
    fn addresses_without_connections_are_forgotten() {
        let cap = LiveConnectionCap::new(2);
        drop(cap.take("203.0.113.7"));
        assert!(cap.open.lock().unwrap().is_empty());
    }
}
