use leptos::prelude::*;

use crate::format::weekday_date_of_day;
use crate::models::DayVisits;

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 56.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 12.0;

/// Visits per day as bars, drawn as SVG by the app itself; each bar names its day and count,
/// and the same numbers are available as a table.
#[component]
pub fn VisitsChart(days: Vec<DayVisits>) -> impl IntoView {
    let scale = axis_maximum(days.iter().map(|d| d.visits).max().unwrap_or(0));
    let plot_width = WIDTH - LEFT;
    let plot_height = HEIGHT - BOTTOM - TOP;
    let slot = plot_width / days.len().max(1) as f64;
    let bar_width = (slot * 0.8).max(1.0);
    let total: i64 = days.iter().map(|d| d.visits).sum();
    let first = days.first().map(|d| d.day.format("%d/%m/%Y").to_string()).unwrap_or_default();
    let last = days.last().map(|d| d.day.format("%d/%m/%Y").to_string()).unwrap_or_default();
    let summary = format!(
        "Lượt truy cập theo ngày từ {first} đến {last}: tổng {total}, cao nhất {}.",
        days.iter().map(|d| d.visits).max().unwrap_or(0)
    );
    let bars = days
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let height = plot_height * day.visits as f64 / scale as f64;
            let x = LEFT + slot * index as f64 + (slot - bar_width) / 2.0;
            let label = format!(
                "{}: {} lượt truy cập, {} lượt xem trang",
                weekday_date_of_day(day.day),
                day.visits,
                day.page_views
            );
            view! {
                <rect class="bar" x=format!("{x:.2}") y=format!("{:.2}", TOP + plot_height - height)
                    width=format!("{bar_width:.2}") height=format!("{height:.2}")>
                    <title>{label}</title>
                </rect>
            }
        })
        .collect_view();
    let gridlines = [0, scale / 2, scale]
        .into_iter()
        .map(|value| {
            let y = TOP + plot_height - plot_height * value as f64 / scale as f64;
            view! {
                <line class="grid" x1=LEFT x2=WIDTH y1=format!("{y:.2}") y2=format!("{y:.2}")/>
                <text class="axis" x=LEFT - 6.0 y=format!("{:.2}", y + 4.0) text-anchor="end">{value}</text>
            }
        })
        .collect_view();
    let rows = days
        .iter()
        .rev()
        .map(|day| view! { <tr><td>{weekday_date_of_day(day.day)}</td><td>{day.visits}</td><td>{day.page_views}</td></tr> })
        .collect_view();
    view! {
        <figure class="visits-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=summary.clone()>
                {gridlines}
                {bars}
                <text class="axis" x=LEFT y=HEIGHT - 8.0>{first.clone()}</text>
                <text class="axis" x=WIDTH y=HEIGHT - 8.0 text-anchor="end">{last.clone()}</text>
            </svg>
            <figcaption>{summary}</figcaption>
        </figure>
        <details class="visits-table">
            <summary>"Xem bảng số liệu"</summary>
            <table>
                <thead><tr><th scope="col">"Ngày"</th><th scope="col">"Lượt truy cập"</th><th scope="col">"Lượt xem trang"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </details>
    }
}

/// A round number at or above `max` for the top of the axis (at least 1, so empty days draw flat).
fn axis_maximum(max: i64) -> i64 {
    if max <= 1 {
        return 1;
    }
    let magnitude = 10_i64.pow((max as f64).log10().floor() as u32);
    [1, 2, 5, 10].iter().map(|step| step * magnitude).find(|top| *top >= max).unwrap_or(10 * magnitude)
}

#[cfg(test)]
mod tests {
    use super::axis_maximum;

    #[test]
    fn the_axis_ends_at_a_round_number_above_the_highest_bar() {
        assert_eq!(axis_maximum(0), 1);
        assert_eq!(axis_maximum(7), 10);
        assert_eq!(axis_maximum(10), 10);
        assert_eq!(axis_maximum(11), 20);
        assert_eq!(axis_maximum(576), 1_000);
        assert_eq!(axis_maximum(4_900), 5_000);
    }
}
