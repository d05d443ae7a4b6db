//! A forked run's own heap. A run forked from a prepared zygote inherits the
//! zygote's malloc heap copy-on-write: every allocation glibc serves from a
//! free chunk left in an inherited page writes that page, and each such write
//! costs the kernel a page fault and a 4 KB copy (about half of a forked run's
//! time was those faults). Once [`start`] is called, allocations come from a
//! fresh anonymous mapping instead, managed by the `talc` allocator; what was
//! allocated before is never freed (its pages stay shared until the process
//! exits). The zygote starts one too, in huge pages, for a cheaper fork.

use std::alloc::Layout;
use std::ptr::{null_mut, NonNull};
use std::sync::atomic::{AtomicUsize, Ordering};

use talc::{ErrOnOom, Span, Talc, Talck};

/// Address space reserved for a heap; pages exist only once touched, and the
/// memory cap (`memory::set_limit`) refuses allocations long before the end.
const RESERVED_BYTES: usize = 8 << 30;
/// The start of a zygote's reservation, backed by 2 MB pages where the kernel allows.
const HUGE_PAGE_BYTES: usize = 1 << 30;

static HEAP: Talck<spin::Mutex<()>, ErrOnOom> = Talck::new(Talc::new(ErrOnOom));
static BASE: AtomicUsize = AtomicUsize::new(0);
static END: AtomicUsize = AtomicUsize::new(0);

/// From now on this process allocates from a fresh mapping. Call it in a
/// forked child before anything else allocates; a second call (in a child of
/// a process that called it) starts another mapping and leaves the first as
/// inherited. With `huge_pages`, the kernel may back it with 2 MB pages: a
/// zygote's big, long-lived heap is then forked as a few page directory
/// entries, while a run (which touches a few hundred KB of new memory) is
/// better off with 4 KB pages than with zeroing 2 MB.
/// False (and nothing changed) when the mapping cannot be made.
pub fn start(huge_pages: bool) -> bool {
    // SAFETY: a new private anonymous mapping, claimed whole by the heap.
    unsafe {
        let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE;
        let base = libc::mmap(null_mut(), RESERVED_BYTES, libc::PROT_READ | libc::PROT_WRITE, flags, -1, 0);
        if base == libc::MAP_FAILED {
            return false;
        }
        // Not at the far end, where the heap writes its closing tag (a 2 MB
        // page zeroed for a few bytes).
        if huge_pages {
            libc::madvise(base, HUGE_PAGE_BYTES, libc::MADV_HUGEPAGE);
        }
        let mut heap = HEAP.lock();
        // The parent's heap state is dropped, not freed into: its pages stay shared.
        let mut fresh = Talc::new(ErrOnOom);
        if fresh.claim(Span::from_base_size(base.cast(), RESERVED_BYTES)).is_err() {
            libc::munmap(base, RESERVED_BYTES);
            return false;
        }
        *heap = fresh;
        BASE.store(base as usize, Ordering::Relaxed);
        END.store(base as usize + RESERVED_BYTES, Ordering::Relaxed);
    }
    true
}

/// Whether allocations come from the fresh heap.
#[inline]
pub fn is_active() -> bool {
    END.load(Ordering::Relaxed) != 0
}

#[inline]
fn owns(ptr: *mut u8) -> bool {
    let at = ptr as usize;
    at >= BASE.load(Ordering::Relaxed) && at < END.load(Ordering::Relaxed)
}

/// # Safety
/// As `GlobalAlloc::alloc`, with the fresh heap active.
pub unsafe fn alloc(layout: Layout) -> *mut u8 {
    HEAP.lock().malloc(layout).map_or(null_mut(), NonNull::as_ptr)
}

/// Frees what the fresh heap served; an inherited allocation is left alone.
///
/// # Safety
/// As `GlobalAlloc::dealloc`, with the fresh heap active.
pub unsafe fn dealloc(ptr: *mut u8, layout: Layout) {
    if owns(ptr) {
        HEAP.lock().free(NonNull::new_unchecked(ptr), layout);
    }
}

/// # Safety
/// As `GlobalAlloc::realloc`, with the fresh heap active.
pub unsafe fn realloc(ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    if owns(ptr) {
        let ptr = NonNull::new_unchecked(ptr);
        let mut heap = HEAP.lock();
        if new_size >= layout.size() {
            return heap.grow(ptr, layout, new_size).map_or(null_mut(), NonNull::as_ptr);
        }
        heap.shrink(ptr, layout, new_size);
        return ptr.as_ptr();
    }
    // Inherited: moved into the fresh heap, the old copy left where it is.
    let moved = alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
    if !moved.is_null() {
        std::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
    }
    moved
}

/// Maps the used part of a huge-page heap (see [`start`]) with 2 MB pages
/// again, each made this process's own copy. A write to a huge page that a
/// forked child still shares splits it into 4 KB ones (the kernel copies only
/// the written page), so a zygote that loads libraries after it forked runs
/// can end with thousands of 4 KB entries, which each later fork copies;
/// collapsed, a fork copies a few page directory entries. Returns
/// how many 2 MB pages were made; 0 where the kernel cannot (before Linux 6.1).
pub fn collapse_huge_pages() -> usize {
    const HUGE: usize = 2 << 20;
    let base = BASE.load(Ordering::Relaxed);
    if base == 0 {
        return 0;
    }
    let page = 4096;
    let mut resident = vec![0u8; HUGE / page];
    let mut made = 0;
    // The 2 MB-aligned blocks inside the huge-page part that have any page in memory.
    let first = base.next_multiple_of(HUGE);
    for block in (first..base + HUGE_PAGE_BYTES - HUGE + 1).step_by(HUGE) {
        // SAFETY: `block` is inside this heap's mapping; `resident` has one byte per page.
        unsafe {
            if libc::mincore(block as *mut libc::c_void, HUGE, resident.as_mut_ptr()) != 0 || resident.iter().all(|r| r & 1 == 0) {
                continue;
            }
            if libc::madvise(block as *mut libc::c_void, HUGE, libc::MADV_COLLAPSE) == 0 {
                made += 1;
            }
        }
    }
    made
}
