//! A generated corpus of Vietnamese articles in the import command's JSON Lines format: titles,
//! leads and bodies of the length and vocabulary a provincial department publishes, spread over
//! the last years and five categories. Deterministic, so two runs measure the same data.

use std::io::Write;

use chrono::{DateTime, TimeDelta, Utc};

const CATEGORIES: [&str; 5] =
    ["Tin tức - Sự kiện", "Chuyển đổi số", "Văn bản chỉ đạo", "Hoạt động của Sở", "Thông tin tuyên truyền"];
const ACTIONS: [&str; 8] = [
    "Hội nghị tổng kết",
    "Triển khai kế hoạch",
    "Tăng cường công tác",
    "Hướng dẫn thực hiện",
    "Kiểm tra, đánh giá",
    "Tập huấn nâng cao",
    "Phát động phong trào",
    "Sơ kết sáu tháng",
];
const TOPICS: [&str; 10] = [
    "chuyển đổi số",
    "cải cách hành chính",
    "an toàn thông tin mạng",
    "báo chí và xuất bản",
    "bưu chính viễn thông",
    "chính quyền điện tử",
    "thông tin cơ sở",
    "dịch vụ công trực tuyến",
    "công tác Đảng",
    "phòng chống tin giả",
];
const PLACES: [&str; 8] = [
    "tỉnh Thanh Hóa",
    "huyện Quảng Xương",
    "thị xã Nghi Sơn",
    "thành phố Sầm Sơn",
    "huyện Mường Lát",
    "huyện Thọ Xuân",
    "các sở, ban, ngành",
    "cấp xã",
];
const SENTENCES: [&str; 8] = [
    "Đồng chí Giám đốc Sở Thông tin và Truyền thông chủ trì hội nghị, cùng dự có lãnh đạo các phòng, đơn vị trực thuộc.",
    "Năm qua, ngành đã hoàn thành và vượt nhiều chỉ tiêu quan trọng, góp phần vào sự phát triển kinh tế - xã hội của tỉnh.",
    "Hội nghị đã thảo luận, đánh giá những kết quả đạt được, chỉ ra hạn chế, nguyên nhân và bài học kinh nghiệm.",
    "Tỷ lệ hồ sơ giải quyết trực tuyến toàn trình tiếp tục tăng, người dân và doanh nghiệp được phục vụ tốt hơn.",
    "Các đơn vị cần chủ động rà soát, bảo đảm an toàn hệ thống thông tin theo cấp độ và ứng cứu kịp thời sự cố.",
    "Công tác thông tin, tuyên truyền được đẩy mạnh trên báo chí, hệ thống truyền thanh cơ sở và mạng xã hội.",
    "Phát biểu kết luận, đồng chí đề nghị các phòng, đơn vị tập trung thực hiện tốt nhiệm vụ trọng tâm năm tới.",
    "Nhân dịp này, nhiều tập thể và cá nhân có thành tích xuất sắc đã được khen thưởng.",
];

/// A small linear congruential generator: the same corpus on every machine.
pub(crate) struct Numbers(pub(crate) u64);

impl Numbers {
    pub(crate) fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

/// Writes `count` articles, the newest published at `newest`, one line each.
pub fn write(out: &mut impl Write, count: usize, newest: DateTime<Utc>) -> std::io::Result<()> {
    let mut numbers = Numbers(2026);
    for index in 0..count {
        let title = format!(
            "{} {} {} năm {}",
            ACTIONS[numbers.next(ACTIONS.len())],
            TOPICS[numbers.next(TOPICS.len())],
            PLACES[numbers.next(PLACES.len())],
            2020 + numbers.next(7)
        );
        let paragraphs: Vec<String> = (0..6)
            .map(|_| {
                let sentences: Vec<&str> = (0..4).map(|_| SENTENCES[numbers.next(SENTENCES.len())]).collect();
                format!("<p>{}</p>", sentences.join(" "))
            })
            .collect();
        let published_at = newest - TimeDelta::minutes(97 * index as i64);
        let line = serde_json::json!({
            "slug": format!("{}-{index}", service::text::slugify(&title)),
            "title": title,
            "category": CATEGORIES[index % CATEGORIES.len()],
            "published_at": published_at.to_rfc3339(),
            "summary": format!("{} {}", SENTENCES[numbers.next(SENTENCES.len())], SENTENCES[numbers.next(SENTENCES.len())]),
            "body_html": paragraphs.join("\n"),
            "author": "Phòng Thông tin - Báo chí - Xuất bản",
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_is_an_importable_article_and_slugs_are_unique() {
        let mut out = Vec::new();
        write(&mut out, 200, Utc::now()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 200);
        let slugs: std::collections::HashSet<_> = lines.iter().map(|l| l["slug"].as_str().unwrap()).collect();
        assert_eq!(slugs.len(), 200);
        assert!(lines.iter().all(|l| l["title"].as_str().unwrap().contains("năm 202")));
    }
}
