//! Greek local time. Meetings are stored in UTC and shown in Europe/Athens: UTC+2, and
//! UTC+3 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
//! October (the EU rule Greece has followed since 1981). One rule is cheaper than carrying
//! the whole tz database for a single zone.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, TimeZone, Utc};

fn last_sunday(year: i32, month: u32) -> NaiveDate {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }
    .expect("valid date");
    let last = first_of_next - Duration::days(1);
    let back = last.weekday().num_days_from_sunday();
    last - Duration::days(i64::from(back))
}

/// The offset of Athens local time at the instant `at`.
pub fn offset_at(at: DateTime<Utc>) -> FixedOffset {
    let year = at.year();
    let summer_start = Utc.from_utc_datetime(&last_sunday(year, 3).and_hms_opt(1, 0, 0).unwrap());
    let summer_end = Utc.from_utc_datetime(&last_sunday(year, 10).and_hms_opt(1, 0, 0).unwrap());
    let hours = if at >= summer_start && at < summer_end {
        3
    } else {
        2
    };
    FixedOffset::east_opt(hours * 3600).expect("valid offset")
}

/// `at` as Athens local time.
pub fn local(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.with_timezone(&offset_at(at))
}

/// The calendar year of `at` in Athens (a meeting at 23:30 on 31 December UTC is already in
/// the next year there).
pub fn year(at: DateTime<Utc>) -> i32 {
    local(at).year()
}

/// The instant an Athens wall-clock time names, as people write it on a form. In the hour
/// the clocks go back, which repeats, the first (summer) one; in the hour they skip, none.
pub fn from_local(local: chrono::NaiveDateTime) -> Option<DateTime<Utc>> {
    [3, 2].into_iter().find_map(|hours| {
        let at = Utc.from_utc_datetime(&(local - Duration::hours(hours)));
        (offset_at(at).local_minus_utc() == (hours * 3600) as i32).then_some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn athens_is_two_hours_ahead_in_winter_and_three_in_summer() {
        let winter = Utc.with_ymd_and_hms(2026, 2, 12, 15, 0, 0).unwrap();
        assert_eq!(local(winter).to_rfc3339(), "2026-02-12T17:00:00+02:00");
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 14, 0, 0).unwrap();
        assert_eq!(local(summer).to_rfc3339(), "2026-07-01T17:00:00+03:00");
    }

    #[test]
    fn the_clock_changes_at_one_in_the_morning_utc_on_the_last_sundays() {
        // 2026: 29 March and 25 October.
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 0).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(offset_at(before).local_minus_utc(), 7200);
        assert_eq!(offset_at(after).local_minus_utc(), 10800);
        let autumn = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(offset_at(autumn).local_minus_utc(), 7200);
    }

    #[test]
    fn new_years_eve_in_utc_can_be_next_year_in_athens() {
        let late = Utc.with_ymd_and_hms(2026, 12, 31, 23, 30, 0).unwrap();
        assert_eq!(year(late), 2027);
    }

    #[test]
    fn a_wall_clock_time_in_athens_names_one_instant() {
        let summer = NaiveDate::from_ymd_opt(2026, 6, 1)
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap();
        assert_eq!(
            from_local(summer).unwrap().to_rfc3339(),
            "2026-06-01T15:00:00+00:00"
        );
        let winter = NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(18, 0, 0)
            .unwrap();
        assert_eq!(
            from_local(winter).unwrap().to_rfc3339(),
            "2026-12-01T16:00:00+00:00"
        );
        let skipped = NaiveDate::from_ymd_opt(2026, 3, 29)
            .unwrap()
            .and_hms_opt(3, 30, 0)
            .unwrap();
        assert_eq!(from_local(skipped), None);
    }
}
