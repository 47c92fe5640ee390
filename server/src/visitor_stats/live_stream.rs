//! `GET /api/thong-ke/truc-tiep`: the numbers as server-sent events, sent at once and then
//! whenever they change, at most twice a second per connection however busy the site is.

use std::convert::Infallible;
use std::time::Duration;

use app::auth::ssr::signed_in;
use app::ssr::{AppState, client_address};
use axum::Extension;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use futures::Stream;
use service::visitors::{LiveConnection, VisitorNumbers};
use tokio::sync::watch;

use super::audience::is_robot;
use super::client::{user_agent, visitor};
use super::connection_cap::{LiveConnectionCap, Slot};

/// The shortest time between two pushes to one connection; changes in between are combined.
const MIN_PUSH_INTERVAL: Duration = Duration::from_millis(500);
/// How long the browser waits before reconnecting after the connection drops.
const RECONNECT_AFTER: Duration = Duration::from_secs(2);

struct Connection {
    numbers: watch::Receiver<VisitorNumbers>,
    closing: watch::Receiver<bool>,
    /// The stream ends here; the browser reconnects at once and is recognised by the new day's hash.
    ends_at: tokio::time::Instant,
    /// When the last event went out; `None` before the first.
    last_sent: Option<tokio::time::Instant>,
    // Held for its Drop: the reader counts as online while the connection is open.
    _presence: Option<LiveConnection>,
    // Held for its Drop: the address may open another connection once this one closes.
    _slot: Slot,
}

pub async fn live_stats(
    State(state): State<AppState>,
    Extension(cap): Extension<LiveConnectionCap>,
    parts: Parts,
) -> Response {
    let address = client_address(&parts, state.behind_proxy.0).unwrap_or_default();
    let Some(slot) = cap.take(&address) else {
        return (StatusCode::TOO_MANY_REQUESTS, "Quá nhiều kết nối trực tiếp từ cùng một địa chỉ.").into_response();
    };
    stream(state, parts, slot).await.into_response()
}

async fn stream(state: AppState, parts: Parts, slot: Slot) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let presence = match presence(&state, &parts).await {
        Ok(presence) => presence,
        Err(error) => {
            // The numbers can still be pushed; the reader is just not marked online.
            tracing::warn!(%error, "a live connection could not be attributed to a visitor");
            None
        }
    };
    let now = Utc::now();
    let rules = state.visitors.rules();
    let next_midnight = rules.day_start(rules.local_day(now) + chrono::Days::new(1));
    let until_midnight = (next_midnight - now).to_std().unwrap_or_default();
    let connection = Connection {
        numbers: state.visitors.subscribe(),
        closing: state.visitors.closing(),
        ends_at: tokio::time::Instant::now() + until_midnight,
        last_sent: None,
        _presence: presence,
        _slot: slot,
    };
    Sse::new(futures::stream::unfold(connection, next_event)).keep_alive(KeepAlive::default())
}

async fn presence(state: &AppState, parts: &Parts) -> Result<Option<LiveConnection>, service::DbErr> {
    if is_robot(user_agent(&parts.headers)) || signed_in(state, &parts.headers).await?.is_some() {
        return Ok(None);
    }
    let visitor = visitor(state, parts).await?;
    Ok(Some(state.visitors.connect_live(visitor, Utc::now())))
}

async fn next_event(mut connection: Connection) -> Option<(Result<Event, Infallible>, Connection)> {
    if let Some(last_sent) = connection.last_sent {
        // A change goes out at once unless the previous push was very recent; changes arriving
        // in between are combined into the next push.
        tokio::select! {
            () = tokio::time::sleep_until(last_sent + MIN_PUSH_INTERVAL) => {}
            _ = connection.closing.wait_for(|closing| *closing) => return None,
        }
        let ends_at = connection.ends_at;
        tokio::select! {
            changed = connection.numbers.changed() => changed.ok()?,
            _ = connection.closing.wait_for(|closing| *closing) => return None,
            () = tokio::time::sleep_until(ends_at) => return None,
        }
    }
    connection.last_sent = Some(tokio::time::Instant::now());
    let numbers = *connection.numbers.borrow_and_update();
    let stats = app::ssr::visitor_stats(numbers);
    let event = Event::default()
        .event("stats")
        .retry(RECONNECT_AFTER)
        .json_data(stats)
        .expect("visitor numbers always serialise");
    Some((Ok(event), connection))
}
