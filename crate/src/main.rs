//! `action-playground`: run scenario files headless, as HubSpot's test panel
//! would show them (`run`), or as a CI suite (`test`), or measure (`bench`).

mod cli;

use action_playground::memory::CountingAllocator;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(cli::main(&args));
}
