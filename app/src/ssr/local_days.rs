//! Filters by day: the days people pick are local days (Asia/Ho_Chi_Minh), turned into instants here.

use chrono::{DateTime, Days, NaiveDate, Utc};

use crate::format::site_time_zone;

/// Local midnight at the start of `date`, in UTC.
pub fn start_of_day(date: NaiveDate) -> DateTime<Utc> {
    date.and_hms_opt(0, 0, 0)
        .and_then(|midnight| midnight.and_local_timezone(site_time_zone()).single())
        .map(|local| local.with_timezone(&Utc))
        .expect("a fixed offset has exactly one local midnight")
}

/// Local midnight at the end of `date` (the start of the next day), in UTC.
pub fn end_of_day(date: NaiveDate) -> Option<DateTime<Utc>> {
    date.checked_add_days(Days::new(1)).map(start_of_day)
}

/// A date field as a date input sends it (`YYYY-MM-DD`); empty means no bound. `label` names the
/// field in the message.
pub fn parse_date(value: &str, label: &str) -> Result<Option<NaiveDate>, String> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map(Some)
        .map_err(|_| format!("{label} “{value}” không hợp lệ; hãy chọn ngày theo dạng năm-tháng-ngày."))
}

/// A from–to pair of date fields, both inclusive.
pub fn parse_range(from: &str, to: &str) -> Result<(Option<NaiveDate>, Option<NaiveDate>), String> {
    let from = parse_date(from, "Ngày bắt đầu")?;
    let to = parse_date(to, "Ngày kết thúc")?;
    match (from, to) {
        (Some(from), Some(to)) if from > to => Err("Ngày bắt đầu phải trước ngày kết thúc.".to_string()),
        range => Ok(range),
    }
}
