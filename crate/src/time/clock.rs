//! The run's virtual clock: `Date` starts at `settings.now` and moves only
//! when the event loop jumps to the next timer or a mock answers after its
//! latency, so a 25 s wait costs microseconds of real time.

use boa_engine::context::time::JsInstant;
use boa_engine::context::Clock;
use std::cell::Cell;

/// Milliseconds since the epoch of an ISO 8601 date-time (or date).
pub fn parse_iso_millis(text: &str) -> Option<i64> {
    if let Ok(ts) = text.parse::<jiff::Timestamp>() {
        return Some(ts.as_millisecond());
    }
    // A date-time without an offset, or a bare date, reads as UTC.
    if let Ok(dt) = text.parse::<jiff::civil::DateTime>() {
        return dt.to_zoned(jiff::tz::TimeZone::UTC).ok().map(|z| z.timestamp().as_millisecond());
    }
    None
}

/// The zone `Date` works in (`settings.timezone`).
#[derive(Clone, Debug)]
pub struct TimeZone(jiff::tz::TimeZone);

impl TimeZone {
    pub fn named(name: &str) -> Option<Self> {
        if name.eq_ignore_ascii_case("utc") {
            return Some(Self(jiff::tz::TimeZone::UTC));
        }
        jiff::tz::TimeZone::get(name).ok().map(Self)
    }

    /// Offset from UTC in seconds at a given instant.
    pub fn offset_seconds(&self, unix_seconds: i64) -> i32 {
        jiff::Timestamp::from_second(unix_seconds).map(|ts| self.0.to_offset(ts).seconds()).unwrap_or(0)
    }

    /// The zone's abbreviation at that instant (`EST`, `CET`, `+0530`), as tzdb has it.
    pub fn abbreviation(&self, unix_ms: i64) -> String {
        jiff::Timestamp::from_millisecond(unix_ms).map(|ts| self.0.to_offset_info(ts).abbreviation().to_string()).unwrap_or_default()
    }
}

#[derive(Debug)]
pub struct VirtualClock {
    start_ms: Cell<i64>,
    elapsed_ns: Cell<u128>,
}

impl VirtualClock {
    pub fn new(start_ms: i64) -> Self {
        Self { start_ms: Cell::new(start_ms), elapsed_ns: Cell::new(0) }
    }

    /// Restarts the clock at `start_ms` (a prepared context gets the scenario's start).
    pub fn restart(&self, start_ms: i64) {
        self.start_ms.set(start_ms);
        self.elapsed_ns.set(0);
    }

    pub fn elapsed_ms(&self) -> f64 {
        self.elapsed_ns.get() as f64 / 1e6
    }

    /// Moves the clock forward to `elapsed_ms` since the start (never back).
    pub fn advance_to_ms(&self, elapsed_ms: u64) {
        let target = u128::from(elapsed_ms) * 1_000_000;
        if target > self.elapsed_ns.get() {
            self.elapsed_ns.set(target);
        }
    }

    pub fn now_ms(&self) -> i64 {
        self.start_ms.get() + (self.elapsed_ns.get() / 1_000_000) as i64
    }

    pub fn elapsed_ns(&self) -> u128 {
        self.elapsed_ns.get()
    }
}

impl Clock for VirtualClock {
    fn now(&self) -> JsInstant {
        let ns = self.elapsed_ns.get();
        JsInstant::new((ns / 1_000_000_000) as u64, (ns % 1_000_000_000) as u32)
    }

    fn system_time_millis(&self) -> i64 {
        self.now_ms()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_parse_as_utc() {
        assert_eq!(parse_iso_millis("2026-03-02T14:30:00Z"), Some(1_772_461_800_000));
        assert_eq!(parse_iso_millis("2026-03-02T14:30:00"), Some(1_772_461_800_000));
        assert_eq!(parse_iso_millis("2026-03-02T15:30:00+01:00"), Some(1_772_461_800_000));
        assert_eq!(parse_iso_millis("yesterday"), None);
    }

    #[test]
    fn zones_know_daylight_saving() {
        let ny = TimeZone::named("America/New_York").unwrap();
        assert_eq!(ny.offset_seconds(1_767_225_600), -5 * 3600); // January
        assert_eq!(ny.offset_seconds(1_782_864_000), -4 * 3600); // July
        assert!(TimeZone::named("Nowhere/Special").is_none());
    }

    #[test]
    fn clock_only_moves_forward() {
        let c = VirtualClock::new(1000);
        c.advance_to_ms(250);
        c.advance_to_ms(100);
        assert_eq!(c.now_ms(), 1250);
    }
}
