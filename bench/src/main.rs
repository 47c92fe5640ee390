//! `cargo run -p bench --release -- [pages|page-views|fan-out|soak|sign-in-flood|documents|all]`: measures the release server
//! (`target/release/server`, built first by `cargo leptos build --release`) on a fresh SQLite
//! database, and prints the figures recorded in BENCHMARKS.md.

mod corpus;
mod documents;
mod fan_out;
mod lighthouse;
mod nginx;
mod page_views;
mod pages;
mod record;
mod sign_in_flood;
mod soak;
mod wrk;

use std::path::PathBuf;
use std::process::ExitCode;

use bench::server_process::release_server_binary;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Benchmarks of the portal's release server")]
struct Cli {
    /// The server binary to measure.
    #[arg(long, default_value_os_t = release_server_binary())]
    server: PathBuf,
    #[command(subcommand)]
    command: Option<Benchmark>,
}

#[derive(Subcommand)]
enum Benchmark {
    /// Pages, search and feeds under load from wrk, against the same page as a static file from nginx;
    /// start-up time, peak memory and what a reader downloads.
    Pages {
        /// Articles in the generated corpus (100000 for the search target).
        #[arg(long, default_value_t = 2_000)]
        articles: usize,
        /// How long wrk loads each page at each number of connections.
        #[arg(long, default_value_t = 10)]
        seconds: u64,
        #[arg(long, value_delimiter = ',', default_values_t = [32, 256])]
        connections: Vec<usize>,
        /// Leave out the Lighthouse runs (a minute or two).
        #[arg(long)]
        no_lighthouse: bool,
        /// Also write the report, with the date, machine, commit and command, into this file's
        /// section between `<!-- pages-ARTICLES:start -->` and `<!-- pages-ARTICLES:end -->`.
        #[arg(long)]
        record: Option<PathBuf>,
    },
    /// Page views counted per second, and whether any were lost.
    PageViews {
        #[arg(long, default_value_t = 200_000)]
        views: usize,
        #[arg(long, default_value_t = 64)]
        connections: usize,
        /// Distinct readers the views come from.
        #[arg(long, default_value_t = 10_000)]
        readers: usize,
    },
    /// Time for one change to reach every connected live client.
    FanOut {
        #[arg(long, value_delimiter = ',', default_values_t = [1_000, 10_000])]
        clients: Vec<usize>,
    },
    /// A bounded soak: readers, searches, live connections and an editor saving, all at once.
    Soak {
        #[arg(long, default_value_t = 300)]
        seconds: u64,
        #[arg(long, default_value_t = 256)]
        connections: usize,
    },
    /// Readers' page latency alone and during a flood of sign-ins (each an Argon2 check).
    SignInFlood {
        #[arg(long, default_value_t = 5)]
        seconds: u64,
        /// Clients sending sign-ins one after another.
        #[arg(long, default_value_t = 32)]
        clients: usize,
    },
    /// The legal documents' list and search on a large library, timed against the data layer.
    Documents {
        #[arg(long, default_value_t = 20_000)]
        count: usize,
        /// Times each query runs.
        #[arg(long, default_value_t = 100)]
        rounds: usize,
        /// A PostgreSQL database to fill instead of a new SQLite file (it must be empty).
        #[arg(long)]
        database_url: Option<String>,
    },
    /// Everything, with the default sizes.
    All,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    if !cli.server.exists() {
        eprintln!("{} is missing: run `cargo leptos build --release` first", cli.server.display());
        return ExitCode::FAILURE;
    }
    let result = match cli.command.unwrap_or(Benchmark::All) {
        Benchmark::Pages { articles, seconds, connections, no_lighthouse, record } => {
            let options = pages::Options { articles, seconds, connections, lighthouse: !no_lighthouse };
            match pages::run(&cli.server, &options).await {
                Ok(report) => {
                    println!("{report}");
                    let section = format!("pages-{articles}");
                    record.map_or(Ok(()), |file| record::write_section(&file, &section, &report))
                }
                Err(error) => Err(error),
            }
        }
        Benchmark::PageViews { views, connections, readers } => {
            page_views::run(&cli.server, views, connections, readers).await
        }
        Benchmark::FanOut { clients } => fan_out::run(&cli.server, &clients).await,
        Benchmark::Soak { seconds, connections } => soak::run(&cli.server, seconds, connections).await,
        Benchmark::SignInFlood { seconds, clients } => sign_in_flood::run(&cli.server, seconds, clients).await,
        Benchmark::Documents { count, rounds, database_url } => documents::run(count, rounds, database_url).await,
        Benchmark::All => match page_views::run(&cli.server, 200_000, 64, 10_000).await {
            Ok(()) => fan_out::run(&cli.server, &[1_000, 10_000]).await,
            failed => failed,
        },
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("benchmark failed: {error}");
            ExitCode::FAILURE
        }
    }
}
