//! The cleaner's key → latest offset map, in a fixed amount of memory (Kafka's
//! SkimpyOffsetMap): each key is stored as a 128-bit hash, not its bytes, in an open-addressed
//! table of 24-byte slots, filled to at most [`LOAD_FACTOR`]. Its size is set by
//! `log_cleaner_dedupe_buffer_size`; when a pass's dirty records do not fit, the pass stops
//! where the map filled and the next pass continues from there.
//!
//! Two different keys with the same 128-bit hash would make the older record of one look
//! superseded by the other; at 2^-128 per pair that risk is accepted, as Kafka accepts MD5's.

use std::hash::{BuildHasher, Hasher};

/// Bytes per slot: two 64-bit hash halves and the offset.
pub(crate) const SLOT_BYTES: usize = 24;
/// The fullest the table is allowed to get before it counts as full.
pub(crate) const LOAD_FACTOR: f64 = 0.9;

#[derive(Clone, Copy)]
struct Slot {
    hash: [u64; 2],
    /// `EMPTY` for a free slot; otherwise the latest offset seen for the key.
    offset: i64,
}

const EMPTY: i64 = i64::MIN;

/// Hashes keys into 128 bits with two differently seeded SipHash instances. The seeds are fixed
/// per map, so a key hashes the same for the whole pass.
struct KeyHasher {
    seeds: [std::collections::hash_map::RandomState; 2],
}

impl KeyHasher {
    fn hash(&self, key: &[u8]) -> [u64; 2] {
        self.seeds.each_ref().map(|seed| {
            let mut h = seed.build_hasher();
            h.write(key);
            h.finish()
        })
    }
}

pub(crate) struct OffsetMap {
    slots: Vec<Slot>,
    entries: usize,
    max_entries: usize,
    hasher: KeyHasher,
    /// The last offset the map has seen (put or skipped), -1 before any.
    latest_offset: i64,
}

impl OffsetMap {
    /// A map of at most `buffer_bytes`, but no bigger than `expected_keys` need.
    pub(crate) fn new(buffer_bytes: usize, expected_keys: usize) -> OffsetMap {
        let most = (buffer_bytes / SLOT_BYTES).max(2);
        let needed = ((expected_keys as f64 / LOAD_FACTOR) as usize).saturating_add(2);
        let len = most.min(needed);
        OffsetMap {
            slots: vec![
                Slot {
                    hash: [0, 0],
                    offset: EMPTY,
                };
                len
            ],
            entries: 0,
            max_entries: ((len as f64 * LOAD_FACTOR) as usize).clamp(1, len - 1),
            hasher: KeyHasher {
                seeds: [Default::default(), Default::default()],
            },
            latest_offset: -1,
        }
    }

    /// Keys that can still be added before the map counts as full.
    #[cfg(test)]
    pub(crate) fn room(&self) -> usize {
        self.max_entries - self.entries
    }

    /// Bytes the table occupies.
    pub(crate) fn size_bytes(&self) -> usize {
        self.slots.len() * SLOT_BYTES
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries
    }

    /// The slot holding `hash`, or the free slot where it would go. Linear probing: the table
    /// always has a free slot (`max_entries < len`), so the walk ends.
    fn find(&self, hash: [u64; 2]) -> usize {
        let len = self.slots.len();
        let mut i = (hash[0] % len as u64) as usize;
        loop {
            match self.slots.get(i) {
                Some(slot) if slot.offset == EMPTY || slot.hash == hash => return i,
                Some(_) => i = (i + 1) % len,
                None => return 0,
            }
        }
    }

    /// Records `offset` as the latest for `key`. Returns false (and records nothing) when the
    /// key is new and the map is full.
    pub(crate) fn put(&mut self, key: &[u8], offset: i64) -> bool {
        let hash = self.hasher.hash(key);
        let i = self.find(hash);
        let Some(slot) = self.slots.get_mut(i) else {
            return false;
        };
        if slot.offset == EMPTY {
            if self.entries >= self.max_entries {
                return false;
            }
            self.entries += 1;
            slot.hash = hash;
        }
        slot.offset = offset;
        self.latest_offset = self.latest_offset.max(offset);
        true
    }

    /// The latest offset recorded for `key`, or -1 if it was not seen.
    pub(crate) fn get(&self, key: &[u8]) -> i64 {
        let hash = self.hasher.hash(key);
        match self.slots.get(self.find(hash)) {
            Some(slot) if slot.offset != EMPTY => slot.offset,
            _ => -1,
        }
    }

    /// Notes that every offset up to `offset` has been taken into the map.
    pub(crate) fn advance_to(&mut self, offset: i64) {
        self.latest_offset = self.latest_offset.max(offset);
    }

    /// The last offset the map covers: records after it were never looked at and are kept.
    pub(crate) fn latest_offset(&self) -> i64 {
        self.latest_offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_offset_per_key_wins() {
        let mut map = OffsetMap::new(1 << 20, 100);
        for i in 0..300i64 {
            assert!(map.put(format!("k{}", i % 100).as_bytes(), i));
        }
        assert_eq!(map.len(), 100);
        for k in 0..100i64 {
            assert_eq!(map.get(format!("k{k}").as_bytes()), 200 + k);
        }
        assert_eq!(map.get(b"absent"), -1);
        assert_eq!(map.latest_offset(), 299);
        map.advance_to(310);
        assert_eq!(map.latest_offset(), 310);
    }

    #[test]
    fn a_full_map_refuses_new_keys_but_updates_known_ones() {
        let mut map = OffsetMap::new(SLOT_BYTES * 10, 1_000_000);
        assert_eq!(map.size_bytes(), SLOT_BYTES * 10);
        let room = map.room();
        assert_eq!(room, 9);
        for i in 0..room {
            assert!(map.put(&[i as u8], i as i64));
        }
        assert_eq!(map.room(), 0);
        assert!(!map.put(b"new", 50));
        assert_eq!(map.get(b"new"), -1);
        assert!(map.put(&[0], 60), "a known key still updates");
        assert_eq!(map.get(&[0]), 60);
    }

    #[test]
    fn the_table_is_no_bigger_than_the_keys_need() {
        let map = OffsetMap::new(128 << 20, 1000);
        assert!(map.size_bytes() < 1200 * SLOT_BYTES, "{}", map.size_bytes());
        assert!(map.room() >= 1000);
    }
}
