//! An allocator for a process that serves Kafka clients: the system allocator, except that
//! very large requests are served by lazily committed anonymous mappings.
//!
//! The library does not install it — a library must leave the global allocator to its
//! program. The `streamline` executable and the test suite do; a program embedding a broker
//! that untrusted clients reach should too:
//!
//! ```
//! #[global_allocator]
//! static GLOBAL: streamline::alloc::LazyLargeAlloc = streamline::alloc::LazyLargeAlloc;
//! # fn main() {}
//! ```
//!
//! Why: the `kafka-protocol` decoders pre-size every array with `Vec::with_capacity(n)` from the
//! element count a request *claims*, before checking that the frame holds that many elements.
//! A hostile four-byte count of two billion thus asks for hundreds of gigabytes; the system
//! allocator refuses, and Rust aborts the whole process on a failed allocation — one bad frame
//! would take the broker down. Mapping such requests with `MAP_NORESERVE` reserves address
//! space only: no memory is committed until written, the decoder fails on the missing bytes
//! after reading the first few elements, and the mapping is released at once.
//!
//! Legitimate allocations never reach the threshold: frames are capped by `max_frame_bytes`
//! and every buffer the broker builds is bounded well below it.

use std::alloc::{GlobalAlloc, Layout, System};

/// Requests at least this large are mapped lazily.
pub const LAZY_THRESHOLD_BYTES: usize = 1 << 30;

/// Mappings are page aligned; larger alignments go to the system allocator.
const PAGE_BYTES: usize = 4096;

/// See the module documentation.
pub struct LazyLargeAlloc;

fn is_lazy(size: usize, align: usize) -> bool {
    size >= LAZY_THRESHOLD_BYTES && align <= PAGE_BYTES
}

unsafe fn map(size: usize) -> *mut u8 {
    // SAFETY: an anonymous private mapping with no address hint has no preconditions; failure
    // is reported as MAP_FAILED and turned into a null pointer, as GlobalAlloc requires.
    let p = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
            -1,
            0,
        )
    };
    if p == libc::MAP_FAILED {
        std::ptr::null_mut()
    } else {
        p.cast()
    }
}

// SAFETY: every pointer handed out is either from `System` (and returned to it) or from
// `map` (and returned to `munmap` with the same size); which one is decided by the layout,
// which the caller must pass unchanged to `dealloc`/`realloc`.
unsafe impl GlobalAlloc for LazyLargeAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if is_lazy(layout.size(), layout.align()) {
            unsafe { map(layout.size()) }
        } else {
            unsafe { System.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if is_lazy(layout.size(), layout.align()) {
            // Fresh anonymous mappings are zero-filled by the kernel.
            unsafe { map(layout.size()) }
        } else {
            unsafe { System.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if is_lazy(layout.size(), layout.align()) {
            unsafe {
                libc::munmap(ptr.cast(), layout.size());
            }
        } else {
            unsafe { System.dealloc(ptr, layout) }
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        if !is_lazy(layout.size(), align) && !is_lazy(new_size, align) {
            return unsafe { System.realloc(ptr, layout, new_size) };
        }
        // SAFETY: the caller guarantees new_size, rounded up to align, does not overflow.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, align) };
        let new = unsafe { self.alloc(new_layout) };
        if !new.is_null() {
            unsafe {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::LAZY_THRESHOLD_BYTES;

    #[test]
    fn an_absurd_reservation_does_not_abort_and_small_ones_still_work() {
        // 64 GiB of address space: more than this machine's memory, refused by the system
        // allocator's overcommit heuristic, but only reserved here.
        let v: Vec<u64> = Vec::with_capacity(8 << 30);
        assert!(v.capacity() >= 8 << 30);
        drop(v);
        // Growing across the threshold and shrinking back keep the contents.
        let mut grow: Vec<u8> = vec![7; 10];
        grow.reserve_exact(LAZY_THRESHOLD_BYTES);
        assert!(grow.capacity() >= LAZY_THRESHOLD_BYTES);
        grow.push(8);
        grow.shrink_to_fit();
        assert_eq!(grow, [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 8]);
    }
}
