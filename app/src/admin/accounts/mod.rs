//! `/quan-tri/tai-khoan` (administrators: create accounts, change roles, disable, reset passwords)
//! and `/quan-tri/doi-mat-khau` (everyone: change their own password).

mod account_row;
mod accounts_page;
mod change_own_password;
mod create_account;
mod list_accounts;
mod own_password_page;
mod reset_account_password;
#[cfg(feature = "ssr")]
mod ssr;
mod update_account_access;

use account_row::AccountRowForms;
pub use accounts_page::AccountsPage;
pub use change_own_password::{ChangeOwnPassword, change_own_password};
pub use create_account::{CreateAccount, create_account};
pub use list_accounts::{AccountRow, ListAccounts, list_accounts};
pub use own_password_page::OwnPasswordPage;
pub use reset_account_password::{ResetAccountPassword, reset_account_password};
pub use update_account_access::{UpdateAccountAccess, update_account_access};
