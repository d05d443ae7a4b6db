//! Linux: a forked run starts with the binary's code already mapped.
//!
//! At `fork()` the kernel copies the page table entries of a mapping only
//! when the mapping has anonymous pages; the binary's code and read-only
//! data are file mappings without any, so every forked run began with none
//! of them mapped and faulted its code back in from the page cache, 64 KB
//! at a time (about a sixth of a forked run's page faults). Once one of
//! their pages is the process's own (written once, copy-on-write), the
//! kernel copies their entries too, and a run inherits the code its zygote
//! has run.

use std::ffi::c_void;

/// Gives each of this executable's read-only mappings one private page. Call
/// it in the zygote before it forks; anything that fails leaves the mapping as
/// it was (the runs then fault their code in, as before).
pub fn map_code_into_forks() {
    let Ok(exe) = std::fs::read_link("/proc/self/exe") else { return };
    let Ok(maps) = std::fs::read_to_string("/proc/self/maps") else { return };
    for line in maps.lines() {
        // "start-end perms offset device inode path"
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [range, perms, _, _, _, path] = fields[..] else { continue };
        if std::path::Path::new(path) != exe || !perms.starts_with('r') || perms.as_bytes()[1] == b'w' {
            continue;
        }
        let Some((start, end)) = range.split_once('-') else { continue };
        let (Ok(start), Ok(end)) = (usize::from_str_radix(start, 16), usize::from_str_radix(end, 16)) else { continue };
        let protection = libc::PROT_READ | if perms.as_bytes()[2] == b'x' { libc::PROT_EXEC } else { 0 };
        // SAFETY: the range is one whole mapping of this executable, made
        // writable only for the moment of rewriting one byte with its own
        // value (the process has one thread here), then protected as before.
        unsafe {
            let at = start as *mut c_void;
            if libc::mprotect(at, end - start, protection | libc::PROT_WRITE) != 0 {
                continue;
            }
            let byte = start as *mut u8;
            byte.write_volatile(byte.read_volatile());
            libc::mprotect(at, end - start, protection);
        }
    }
}
