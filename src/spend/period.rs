//! Budget periods on the UTC calendar: which window `now` falls in (its id names the counter) and
//! when it resets. Plain integer date arithmetic (days since 1970), no time-zone database.

use serde::Deserialize;

/// How often a budget starts again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Reset {
    /// At 00:00 UTC every day.
    Daily,
    /// At 00:00 UTC every Monday (ISO weeks).
    Weekly,
    /// At 00:00 UTC on the 1st of every month.
    Monthly,
    /// Never: a lifetime limit.
    #[default]
    Never,
}

/// The window a moment falls in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Stable name of the window, part of the counter's key: `d2026-11-23`, `w2026-11-23` (its
    /// Monday), `m2026-11`, `all`.
    pub id: String,
    /// Unix seconds when the next window starts; `None` for `Reset::Never`.
    pub resets_at: Option<u64>,
}

const DAY: u64 = 86_400;

/// ```
/// use llm_policy_router::spend::period::{window, Reset};
/// let w = window(Reset::Monthly, 1_795_436_000); // 2026-11-23T...Z
/// assert_eq!(w.id, "m2026-11");
/// assert_eq!(w.resets_at, Some(1_796_083_200)); // 2026-12-01T00:00:00Z
/// ```
pub fn window(reset: Reset, now_secs: u64) -> Window {
    let day = now_secs / DAY;
    match reset {
        Reset::Daily => {
            let (y, m, d) = civil_from_days(day);
            Window {
                id: format!("d{y:04}-{m:02}-{d:02}"),
                resets_at: Some((day + 1) * DAY),
            }
        }
        Reset::Weekly => {
            // 1970-01-01 was a Thursday; the first days clamp to day 0 instead of underflowing.
            let monday = day.saturating_sub((day + 3) % 7);
            let (y, m, d) = civil_from_days(monday);
            Window {
                id: format!("w{y:04}-{m:02}-{d:02}"),
                resets_at: Some((monday + 7) * DAY),
            }
        }
        Reset::Monthly => {
            let (y, m, _) = civil_from_days(day);
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            Window {
                id: format!("m{y:04}-{m:02}"),
                resets_at: Some(days_from_civil(ny, nm, 1) * DAY),
            }
        }
        Reset::Never => Window {
            id: "all".to_string(),
            resets_at: None,
        },
    }
}

/// RFC 3339 UTC timestamp, e.g. `2026-12-01T00:00:00Z`.
pub fn rfc3339(secs: u64) -> String {
    let (y, m, d) = civil_from_days(secs / DAY);
    let rem = secs % DAY;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// (year, month, day) of a day number (days since 1970-01-01); H. Hinnant's algorithm for
/// non-negative day numbers.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

/// Day number of a date from 1970 on (inverse of `civil_from_days`).
fn days_from_civil(y: u64, m: u64, d: u64) -> u64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y / 400;
    let yoe = y % 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    // 2026-11-23T12:25:53Z, a Monday.
    const NOW: u64 = 1_795_436_753;

    #[test]
    fn calendar_round_trips_over_centuries() {
        for day in (0..200_000).step_by(13) {
            let (y, m, d) = civil_from_days(day);
            assert_eq!(days_from_civil(y, m, d), day);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(rfc3339(NOW), "2026-11-23T12:25:53Z");
    }

    #[test]
    fn daily_window_changes_exactly_at_midnight_utc() {
        let w = window(Reset::Daily, NOW);
        assert_eq!(w.id, "d2026-11-23");
        let midnight = w.resets_at.unwrap();
        assert_eq!(rfc3339(midnight), "2026-11-24T00:00:00Z");
        assert_eq!(window(Reset::Daily, midnight - 1).id, "d2026-11-23");
        assert_eq!(window(Reset::Daily, midnight).id, "d2026-11-24");
    }

    #[test]
    fn weekly_windows_start_on_monday() {
        let w = window(Reset::Weekly, NOW);
        assert_eq!(w.id, "w2026-11-23");
        assert_eq!(rfc3339(w.resets_at.unwrap()), "2026-11-30T00:00:00Z");
        // Sunday 2026-11-22 still belongs to the week of Monday the 16th.
        assert_eq!(window(Reset::Weekly, NOW - DAY).id, "w2026-11-16");
        assert_eq!(window(Reset::Weekly, 4 * DAY).id, "w1970-01-05");
        assert_eq!(window(Reset::Weekly, 0).id, "w1970-01-01");
    }

    #[test]
    fn monthly_windows_cross_years() {
        let dec = days_from_civil(2026, 12, 31) * DAY + 5;
        let w = window(Reset::Monthly, dec);
        assert_eq!(w.id, "m2026-12");
        assert_eq!(rfc3339(w.resets_at.unwrap()), "2027-01-01T00:00:00Z");
        assert_eq!(window(Reset::Never, NOW).resets_at, None);
    }
}
