//! Writing a report into BENCHMARKS.md with what the next person needs to compare: the date, the
//! machine, the commit and the exact command.

use std::path::Path;
use std::process::Command;

/// Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` in `file`, or adds
/// the section at the end.
pub fn write_section(file: &Path, name: &str, report: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let (start, end) = (format!("<!-- {name}:start -->"), format!("<!-- {name}:end -->"));
    let section = format!("{start}\n{}\n{report}\n", provenance());
    let updated = match (text.find(&start), text.find(&end)) {
        (Some(from), Some(to)) if from < to => format!("{}{section}{}", &text[..from], &text[to..]),
        _ => format!("{}\n{section}{end}\n", text.trim_end()),
    };
    std::fs::write(file, updated).map_err(|e| format!("cannot write {}: {e}", file.display()))
}

fn provenance() -> String {
    let command: Vec<String> = std::env::args().skip(1).collect();
    format!(
        "Measured {} on {}, commit {}, with `cargo run -p bench --release -- {}`.\n",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        machine(),
        commit(),
        command.join(" ")
    )
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "an unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let memory_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches(" kB").parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0 / 1024.0);
    format!("{cores} cores ({cpu}), {memory_gib:.0} GiB, client and server on the same machine")
}

fn commit() -> String {
    let git = |args: &[&str]| Command::new("git").args(args).output().ok().filter(|o| o.status.success());
    let hash = git(&["rev-parse", "--short", "HEAD"])
        .map_or("unknown".into(), |o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    let dirty = git(&["status", "--porcelain", "--untracked-files=no"]).is_some_and(|o| !o.stdout.is_empty());
    if dirty { format!("{hash} with uncommitted changes") } else { hash }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_is_replaced_in_place_or_added_at_the_end() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("BENCHMARKS.md");
        std::fs::write(&file, "# Benchmarks\n<!-- pages-2000:start -->\nold\n<!-- pages-2000:end -->\n## Soak\n")
            .unwrap();
        write_section(&file, "pages-2000", "| new |").unwrap();
        write_section(&file, "pages-100000", "| large |").unwrap();
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("old"));
        let order =
            ["# Benchmarks", "| new |", "<!-- pages-2000:end -->", "## Soak", "| large |", "<!-- pages-100000:end -->"];
        let positions: Vec<usize> = order.iter().map(|part| text.find(part).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
        assert!(text.contains("Measured ") && text.contains("commit "));
    }
}
