use serde::{Deserialize, Serialize};

/// The numbers of the "Thống kê truy cập" widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VisitorStats {
    /// "Hôm nay": visits that started today in the site's time zone.
    pub today: i64,
    /// "Đã truy cập": every visit counted, plus the starting offset carried over from an old site.
    pub total: i64,
}
