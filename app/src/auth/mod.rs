//! Signing in and out of the back office, and who is signed in.

mod current_staff;
mod sign_in;
mod sign_out;
#[cfg(feature = "ssr")]
pub mod ssr;

pub use current_staff::get_current_staff;
pub use sign_in::{SignInPage, sign_in};
pub use sign_out::{SignOutButton, sign_out};

/// Where the sign-in page is.
pub const SIGN_IN_PATH: &str = "/quan-tri/dang-nhap";
