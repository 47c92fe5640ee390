//! Who is counted: people reading pages. Not robots, not link prefetches, not editors.

use axum::http::HeaderMap;

/// Why a request is not a person's page view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotCounted {
    Robot,
    Prefetch,
    SignedInStaff,
    NotAReaderPage,
}

/// Lower-case fragments of the user agents of crawlers, link previewers, monitors and scripts.
const ROBOT_MARKERS: &[&str] = &[
    "bot",
    "crawl",
    "spider",
    "slurp",
    "mediapartners",
    "facebookexternalhit",
    "facebookcatalog",
    "embedly",
    "preview",
    "headlesschrome",
    "phantomjs",
    "lighthouse",
    "pingdom",
    "uptime",
    "monitor",
    "curl/",
    "wget/",
    "python-",
    "go-http-client",
    "java/",
    "okhttp",
    "libwww",
    "httpclient",
    "axios/",
    "node-fetch",
    "scrapy",
    "feedfetcher",
    "validator",
];

pub fn is_robot(user_agent: &str) -> bool {
    let user_agent = user_agent.to_ascii_lowercase();
    user_agent.trim().is_empty() || ROBOT_MARKERS.iter().any(|marker| user_agent.contains(marker))
}

/// A speculative load the reader may never see (`<link rel=prefetch>`, speculation rules,
/// Firefox and Safari link prefetch).
pub fn is_prefetch(headers: &HeaderMap) -> bool {
    let says = |name: &str, word: &str| {
        headers.get(name).and_then(|v| v.to_str().ok()).is_some_and(|v| v.to_ascii_lowercase().contains(word))
    };
    says("sec-purpose", "prefetch")
        || says("purpose", "prefetch")
        || says("x-moz", "prefetch")
        || says("x-purpose", "preview")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crawlers_and_scripts_are_robots_and_browsers_are_not() {
        for robot in [
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
            "Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/130.0.0.0 Safari/537.36",
            "curl/8.5.0",
            "python-requests/2.32",
            "",
        ] {
            assert!(is_robot(robot), "{robot}");
        }
        for person in [
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36 coc_coc_browser/120.0",
        ] {
            assert!(!is_robot(person), "{person}");
        }
    }

    #[test]
    fn prefetch_and_prerender_requests_are_recognised() {
        for (name, value) in [
            ("sec-purpose", "prefetch"),
            ("sec-purpose", "prefetch;prerender"),
            ("purpose", "prefetch"),
            ("x-moz", "prefetch"),
            ("x-purpose", "preview"),
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(name, value.parse().unwrap());
            assert!(is_prefetch(&headers), "{name}: {value}");
        }
        assert!(!is_prefetch(&HeaderMap::new()));
    }
}
