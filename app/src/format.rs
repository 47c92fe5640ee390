//! Dates as Vietnamese readers expect them, in the site's time zone.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc, Weekday};

/// Asia/Ho_Chi_Minh: UTC+7 all year (Vietnam has no daylight saving time).
pub fn site_time_zone() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset")
}

/// The calendar date in the site's time zone: the day turns over at local midnight, not UTC.
pub fn site_date(instant: DateTime<Utc>) -> NaiveDate {
    instant.with_timezone(&site_time_zone()).date_naive()
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ Nhật",
    }
}

/// "26/12/2022"
pub fn date(instant: DateTime<Utc>) -> String {
    instant.with_timezone(&site_time_zone()).format("%d/%m/%Y").to_string()
}

/// "Thứ Hai, 26/12/2022 - 08:30"
pub fn date_time(instant: DateTime<Utc>) -> String {
    let local = instant.with_timezone(&site_time_zone());
    format!("{}, {}", weekday_name(local.weekday()), local.format("%d/%m/%Y - %H:%M"))
}

/// "08:30:05", the site's local time of day.
pub fn time(instant: DateTime<Utc>) -> String {
    instant.with_timezone(&site_time_zone()).format("%H:%M:%S").to_string()
}

/// "Thứ Hai, 26/12/2022", for the header's date line.
pub fn weekday_date(instant: DateTime<Utc>) -> String {
    weekday_date_of_day(site_date(instant))
}

/// "Thứ Hai, 26/12/2022" for a calendar day.
pub fn weekday_date_of_day(day: NaiveDate) -> String {
    format!("{}, {}", weekday_name(day.weekday()), day.format("%d/%m/%Y"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_seed_article_date_reads_as_on_the_reference_page() {
        let published = Utc.with_ymd_and_hms(2022, 12, 26, 1, 30, 0).unwrap();
        assert_eq!(date_time(published), "Thứ Hai, 26/12/2022 - 08:30");
        assert_eq!(weekday_date(published), "Thứ Hai, 26/12/2022");
        assert_eq!(date(published), "26/12/2022");
        assert_eq!(time(published), "08:30:00");
    }

    #[test]
    fn the_day_turns_over_at_local_midnight() {
        let before = Utc.with_ymd_and_hms(2022, 12, 25, 16, 59, 59).unwrap();
        let after = Utc.with_ymd_and_hms(2022, 12, 25, 17, 0, 0).unwrap();
        assert_eq!(site_date(before).to_string(), "2022-12-25");
        assert_eq!(site_date(after).to_string(), "2022-12-26");
        assert_eq!(date_time(after), "Thứ Hai, 26/12/2022 - 00:00");
        assert_eq!(weekday_date(Utc.with_ymd_and_hms(2022, 12, 25, 3, 0, 0).unwrap()), "Chủ Nhật, 25/12/2022");
    }
}
