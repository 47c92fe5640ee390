//! Lighthouse (the npm package pinned in end2end/package.json) on Debian's Chromium with its default
//! mobile settings (a mid-range phone, simulated slow 4G and CPU): the four category scores and the
//! paint and blocking times behind the performance score.

use std::path::PathBuf;
use std::process::Command;

const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub performance: f64,
    pub accessibility: f64,
    pub best_practices: f64,
    pub seo: f64,
    pub first_contentful_paint_ms: f64,
    pub largest_contentful_paint_ms: f64,
    pub total_blocking_time_ms: f64,
    /// The element Lighthouse timed as the largest contentful paint (its markup, shortened).
    pub largest_contentful_paint_element: Option<String>,
    /// Titles of the failed audits that cost accessibility, best-practices or SEO points.
    pub failed_audits: Vec<String>,
}

/// Lighthouse now and then fails to record the trace of a load (NO_NAVSTART); a second run does.
pub fn run_with_retry(url: &str) -> Result<Scores, String> {
    run(url).or_else(|first| {
        eprintln!("lighthouse, once more: {first}");
        run(url)
    })
}

fn run(url: &str) -> Result<Scores, String> {
    let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../end2end/node_modules/.bin/lighthouse");
    let output = Command::new(&binary)
        .arg(url)
        .args(["--output=json", "--output-path=stdout", "--quiet"])
        .arg("--only-categories=performance,accessibility,best-practices,seo")
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .env("CHROME_PATH", std::env::var("CHROMIUM_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into()))
        .output()
        .map_err(|e| format!("cannot run {} (scripts/setup.sh installs it): {e}", binary.display()))?;
    if !output.status.success() {
        return Err(format!("lighthouse failed on {url}: {}", String::from_utf8_lossy(&output.stderr)));
    }
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("lighthouse's report is not JSON: {e}"))?;
    scores(&report).ok_or_else(|| format!("lighthouse's report on {url} lacks a score"))
}

fn scores(report: &serde_json::Value) -> Option<Scores> {
    let category = |name: &str| report["categories"][name]["score"].as_f64().map(|score| score * 100.0);
    let audit = |name: &str| report["audits"][name]["numericValue"].as_f64();
    Some(Scores {
        performance: category("performance")?,
        accessibility: category("accessibility")?,
        best_practices: category("best-practices")?,
        seo: category("seo")?,
        first_contentful_paint_ms: audit("first-contentful-paint")?,
        largest_contentful_paint_ms: audit("largest-contentful-paint")?,
        total_blocking_time_ms: audit("total-blocking-time")?,
        largest_contentful_paint_element: first_snippet(
            &report["audits"]["largest-contentful-paint-element"]["details"],
        ),
        failed_audits: failed_audits(report),
    })
}

/// The first element's markup anywhere in an audit's details.
fn first_snippet(details: &serde_json::Value) -> Option<String> {
    match details {
        serde_json::Value::Object(fields) => fields
            .get("snippet")
            .and_then(|snippet| snippet.as_str())
            .map(str::to_owned)
            .or_else(|| fields.values().find_map(first_snippet)),
        serde_json::Value::Array(items) => items.iter().find_map(first_snippet),
        _ => None,
    }
}

fn failed_audits(report: &serde_json::Value) -> Vec<String> {
    let mut failed = Vec::new();
    for category in ["accessibility", "best-practices", "seo"] {
        let references = report["categories"][category]["auditRefs"].as_array().cloned().unwrap_or_default();
        for reference in references.iter().filter(|r| r["weight"].as_f64().unwrap_or(0.0) > 0.0) {
            let audit = &report["audits"][reference["id"].as_str().unwrap_or_default()];
            if audit["score"].as_f64().is_some_and(|score| score < 1.0) {
                failed.push(audit["title"].as_str().unwrap_or_default().to_owned());
            }
        }
    }
    failed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_are_read_as_percentages_with_the_paint_times() {
        let report = serde_json::json!({
            "categories": {
                "performance": {"score": 0.97}, "accessibility": {"score": 1.0},
                "best-practices": {"score": 0.96}, "seo": {"score": 1.0}
            },
            "audits": {
                "first-contentful-paint": {"numericValue": 812.5},
                "largest-contentful-paint": {"numericValue": 1210.0},
                "total-blocking-time": {"numericValue": 40.0},
                "largest-contentful-paint-element": {"details": {"type": "list", "items": [
                    {"type": "table", "items": [{"node": {"type": "node", "snippet": "<h1 class=\"title\">"}}]}
                ]}},
                "color-contrast": {"score": 0.0, "title": "Contrast is too low"},
                "image-alt": {"score": 1.0, "title": "Images have alt text"}
            }
        });
        let scores = scores(&report).unwrap();
        assert_eq!((scores.performance.round(), scores.accessibility, scores.seo), (97.0, 100.0, 100.0));
        assert_eq!(scores.largest_contentful_paint_ms, 1210.0);
        assert_eq!(scores.largest_contentful_paint_element.as_deref(), Some("<h1 class=\"title\">"));
        assert!(scores.failed_audits.is_empty(), "no category lists its audits here");

        let mut with_refs = report.clone();
        with_refs["categories"]["accessibility"]["auditRefs"] =
            serde_json::json!([{"id": "color-contrast", "weight": 7}, {"id": "image-alt", "weight": 10}]);
        assert_eq!(super::scores(&with_refs).unwrap().failed_audits, ["Contrast is too low"]);
        assert_eq!(super::scores(&serde_json::json!({"categories": {}})), None);
    }
}
