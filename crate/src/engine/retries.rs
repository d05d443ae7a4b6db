//! HubSpot's retries of a whole custom code action.
//!
//! The source, HubSpot's developer documentation ("Custom code workflow
//! actions", developers.hubspot.com/docs/api-reference/latest/automation/
//! workflow-actions/custom-code-actions, and the API usage guidelines): "if
//! the call fails due to a rate limiting error, or a 429 or 5XX error from
//! axios or @hubspot/api-client, HubSpot will reattempt to execute your action
//! for up to three days, starting one minute after failure. Subsequent
//! failures will be retried at increasing intervals, with a maximum gap of
//! eight hours between tries."
//!
//! HubSpot does not publish the intervals between the first and the
//! longest: here each gap doubles, from one minute up to eight hours, and no
//! attempt starts more than three days after the first failure. The
//! bootstrap's `answerStatus` decides which errors qualify (axios's
//! `error.response.status`, the HubSpot client's `ApiException.code`).

/// The first retry comes one minute after the failure.
pub const FIRST_GAP_MS: f64 = 60_000.0;
/// Gaps grow up to eight hours.
pub const LONGEST_GAP_MS: f64 = 8.0 * 3_600_000.0;
/// HubSpot stops retrying three days after the first failure.
pub const RETRY_WINDOW_MS: f64 = 3.0 * 24.0 * 3_600_000.0;

/// The most attempts the schedule allows (the first and 16 retries, each
/// failing at once): a bound for how long a guest may run.
pub const MAX_ATTEMPTS: u64 = 17;

/// Where one execution's retries stand.
#[derive(Default)]
pub struct RetrySchedule {
    retries: u32,
    first_failure_ms: Option<f64>,
}

impl RetrySchedule {
    /// The gap before retry number `retry` (0 for the first).
    pub fn gap_ms(retry: u32) -> f64 {
        (FIRST_GAP_MS * 2f64.powi(retry.min(30) as i32)).min(LONGEST_GAP_MS)
    }

    /// When the next attempt starts (on the run's clock), after an attempt
    /// failed at `failed_ms` on a retryable answer; `None` once the three
    /// days are over.
    pub fn next_attempt_at(&mut self, failed_ms: f64) -> Option<f64> {
        let first = *self.first_failure_ms.get_or_insert(failed_ms);
        let next = failed_ms + Self::gap_ms(self.retries);
        if next - first > RETRY_WINDOW_MS {
            return None;
        }
        self.retries += 1;
        Some(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_start_at_a_minute_and_grow_to_eight_hours() {
        let gaps: Vec<f64> = (0..12).map(|n| RetrySchedule::gap_ms(n) / 60_000.0).collect();
        assert_eq!(gaps, [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 480.0, 480.0, 480.0]);
    }

    #[test]
    fn retries_stop_three_days_after_the_first_failure() {
        let mut schedule = RetrySchedule::default();
        let mut failed = 100.0;
        let mut starts = Vec::new();
        while let Some(next) = schedule.next_attempt_at(failed) {
            starts.push(next);
            failed = next + 100.0;
        }
        assert_eq!(starts[0], 100.0 + 60_000.0);
        assert!(starts.windows(2).all(|w| w[1] - w[0] <= LONGEST_GAP_MS + 100.0));
        assert!(*starts.last().unwrap() - 100.0 <= RETRY_WINDOW_MS);
        assert!(*starts.last().unwrap() + 100.0 + LONGEST_GAP_MS - 100.0 > RETRY_WINDOW_MS);
        assert_eq!(starts.len() as u64, MAX_ATTEMPTS - 1);
    }
}
