//! Who is asking: the client's address, as far as it can be believed.

use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use http::HeaderMap;
use http::request::Parts;

/// The address the request came from: the connection's peer, or behind a trusted reverse proxy
/// the last address the proxy appended to `X-Forwarded-For` (earlier entries can be forged).
pub fn client_address(parts: &Parts, behind_proxy: bool) -> Option<String> {
    address_of(&parts.headers, &parts.extensions, behind_proxy)
}

/// [`client_address`] for middleware, which holds the whole request.
pub fn request_client_address<B>(request: &http::Request<B>, behind_proxy: bool) -> Option<String> {
    address_of(request.headers(), request.extensions(), behind_proxy)
}

fn address_of(headers: &HeaderMap, extensions: &http::Extensions, behind_proxy: bool) -> Option<String> {
    if behind_proxy && let Some(forwarded) = last_forwarded_for(headers) {
        return Some(forwarded);
    }
    extensions.get::<ConnectInfo<SocketAddr>>().map(|ConnectInfo(peer)| peer.ip().to_string())
}

fn last_forwarded_for(headers: &HeaderMap) -> Option<String> {
    let value = headers.get_all("x-forwarded-for").iter().next_back()?.to_str().ok()?;
    let last = value.rsplit(',').next()?.trim();
    last.parse::<std::net::IpAddr>().ok().map(|ip| ip.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::Request;

    fn parts(forwarded: Option<&str>) -> Parts {
        let mut request = Request::get("/").body(()).unwrap();
        request.extensions_mut().insert(ConnectInfo(SocketAddr::from(([10, 0, 0, 2], 5000))));
        if let Some(forwarded) = forwarded {
            request.headers_mut().insert("x-forwarded-for", forwarded.parse().unwrap());
        }
        request.into_parts().0
    }

    #[test]
    fn the_peer_address_counts_unless_a_trusted_proxy_forwards_one() {
        assert_eq!(client_address(&parts(Some("203.0.113.7")), false).unwrap(), "10.0.0.2", "not behind a proxy");
        assert_eq!(client_address(&parts(Some("198.51.100.1, 203.0.113.7")), true).unwrap(), "203.0.113.7");
        assert_eq!(client_address(&parts(Some("not an address")), true).unwrap(), "10.0.0.2");
        assert_eq!(client_address(&parts(None), true).unwrap(), "10.0.0.2");
    }
}
