//! Running the portal's real server binary and talking plain HTTP/1.1 to it, for the
//! benchmarks and for the server's multi-process tests.

pub mod http;
pub mod server_process;

pub use server_process::ServerProcess;
