//! `/quan-tri/thong-ke`: visits per day, the most-read articles, the live online count, and for
//! administrators the counter's settings.

mod get_statistics;
mod offset_form;
mod page;
mod reset_form;
mod visibility_form;
mod visits_chart;

pub use get_statistics::{PERIODS, Statistics, get_statistics};
pub use offset_form::{OffsetForm, SetVisitorOffset, set_visitor_offset};
pub use page::StatisticsPage;
pub use reset_form::{ResetForm, ResetVisitorCounts, reset_visitor_counts};
pub use visibility_form::{SetVisitorWidgetVisible, VisibilityForm, set_visitor_widget_visible};
pub use visits_chart::VisitsChart;
