//! Honest memory figures: a counting global allocator. The binary (and the
//! browser worker) install [`CountingAllocator`]; the engine reads the peak
//! a run reached above its starting point, and a limit turns a runaway
//! allocation into a refused one instead of a dead process.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

#[cfg(not(target_arch = "wasm32"))]
pub mod fresh_heap;

/// The allocator under the count: `System`, or a forked run's fresh heap.
struct Underlying;

impl Underlying {
    #[inline]
    unsafe fn alloc(layout: Layout) -> *mut u8 {
        #[cfg(not(target_arch = "wasm32"))]
        if fresh_heap::is_active() {
            return fresh_heap::alloc(layout);
        }
        System.alloc(layout)
    }

    #[inline]
    unsafe fn dealloc(ptr: *mut u8, layout: Layout) {
        #[cfg(not(target_arch = "wasm32"))]
        if fresh_heap::is_active() {
            return fresh_heap::dealloc(ptr, layout);
        }
        System.dealloc(ptr, layout)
    }

    #[inline]
    unsafe fn realloc(ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        #[cfg(not(target_arch = "wasm32"))]
        if fresh_heap::is_active() {
            return fresh_heap::realloc(ptr, layout, new_size);
        }
        System.realloc(ptr, layout, new_size)
    }
}

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// Refuse allocations past this many bytes in use (0 = no limit).
static LIMIT: AtomicUsize = AtomicUsize::new(0);
static INSTALLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
/// Called once when the cap refuses an allocation, just before the process
/// (or the browser's worker) aborts: the last chance to say why.
static ON_REFUSAL: AtomicUsize = AtomicUsize::new(0);

pub struct CountingAllocator;

/// Counts `bytes` as in use unless that passes the cap; false when refused.
fn reserve(bytes: usize) -> bool {
    let limit = LIMIT.load(Ordering::Relaxed);
    let now = CURRENT.fetch_add(bytes, Ordering::Relaxed) + bytes;
    if limit != 0 && now > limit {
        CURRENT.fetch_sub(bytes, Ordering::Relaxed);
        return false;
    }
    PEAK.fetch_max(now, Ordering::Relaxed);
    true
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if !INSTALLED.load(Ordering::Relaxed) {
            INSTALLED.store(true, Ordering::Relaxed);
        }
        let size = layout.size();
        if !reserve(size) {
            refused();
            return std::ptr::null_mut();
        }
        let p = Underlying::alloc(layout);
        if p.is_null() {
            CURRENT.fetch_sub(size, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        Underlying::dealloc(ptr, layout);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old {
            let grow = new_size - old;
            if !reserve(grow) {
                refused();
                return std::ptr::null_mut();
            }
            let p = Underlying::realloc(ptr, layout, new_size);
            if p.is_null() {
                CURRENT.fetch_sub(grow, Ordering::Relaxed);
            }
            p
        } else {
            CURRENT.fetch_sub(old - new_size, Ordering::Relaxed);
            Underlying::realloc(ptr, layout, new_size)
        }
    }
}

/// Runs the refusal hook once, with the cap lifted so the hook may allocate.
fn refused() {
    let hook = ON_REFUSAL.swap(0, Ordering::Relaxed);
    if hook != 0 {
        LIMIT.store(0, Ordering::Relaxed);
        // SAFETY: only `set_refusal_hook` stores here, always a `fn()`.
        let hook: fn() = unsafe { std::mem::transmute::<usize, fn()>(hook) };
        hook();
    }
}

/// `hook` runs once when the cap next refuses an allocation (the run is
/// about to abort); the browser worker uses it to tell the page why it died.
pub fn set_refusal_hook(hook: fn()) {
    ON_REFUSAL.store(hook as usize, Ordering::Relaxed);
}

/// Whether the counting allocator is the process's allocator.
pub fn is_counting() -> bool {
    INSTALLED.load(Ordering::Relaxed)
}

pub fn current_bytes() -> u64 {
    CURRENT.load(Ordering::Relaxed) as u64
}

/// Starts a new peak measurement from the current use.
pub fn reset_peak() {
    PEAK.store(CURRENT.load(Ordering::Relaxed), Ordering::Relaxed);
}

pub fn peak_bytes() -> u64 {
    PEAK.load(Ordering::Relaxed) as u64
}

/// Caps total use at `bytes` (0 lifts the cap).
pub fn set_limit(bytes: u64) {
    LIMIT.store(bytes as usize, Ordering::Relaxed);
}

/// Grows the process's heap by `bytes` in one step, for the allocations to
/// come (they are served from it without asking the system). In the
/// browser, wasm's heap grows by `memory.grow`, and the first context's
/// preparation grew it about 190 times, each a call into the browser that
/// the worker waited for. Not counted: nothing is in use afterwards.
pub fn grow_heap_once(bytes: usize) {
    let Ok(layout) = Layout::from_size_align(bytes, 16) else { return };
    // SAFETY: a non-zero layout, freed at once with the same layout.
    unsafe {
        let block = Underlying::alloc(layout);
        if !block.is_null() {
            Underlying::dealloc(block, layout);
        }
    }
}
