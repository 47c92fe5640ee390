use serde::{Deserialize, Serialize};

/// What a back-office account may do (the roles of a Vietnamese newsroom).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StaffRole {
    /// Quản trị.
    Administrator,
    /// Biên tập viên trưởng / Duyệt bài.
    Editor,
    /// Biên tập viên / Phóng viên.
    Author,
}

impl StaffRole {
    pub fn label(self) -> &'static str {
        match self {
            Self::Administrator => "Quản trị",
            Self::Editor => "Biên tập viên trưởng",
            Self::Author => "Phóng viên",
        }
    }
}

/// The signed-in account.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    pub username: String,
    pub display_name: String,
    pub role: StaffRole,
}
