//! Requests the server makes to addresses that users configure (a municipality's sign-in
//! provider): never to this machine or the private network behind it (server-side request
//! forgery), and never in plain http.
//!
//! The rule is checked twice: on the URL when it is saved ([`check_url`], for a 422 that
//! says why), and on every fetch, on the addresses the name resolves to at that moment
//! ([`guarded_client`]: its resolver refuses a name with any forbidden address, and the
//! client connects only to the addresses it checked, follows no redirect and uses no proxy).
//! So a name that later resolves to `127.0.0.1`, or a discovery document that points its
//! keys at `http://169.254.169.254/`, reaches nothing. `auth.allow_private_issuers` turns
//! the rule off for development and the tests' local provider.

use std::{
    net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr},
    sync::Arc,
    time::Duration,
};

use reqwest_client as reqwest;

/// Why the server will not fetch `ip`, if it will not.
pub fn forbidden_ip(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn forbidden_v4(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    Some(match (a, b) {
        _ if ip.is_unspecified() || a == 0 => "an unspecified address (0.0.0.0/8)",
        _ if ip.is_loopback() => "a loopback address",
        _ if ip.is_private() => "a private address (RFC 1918)",
        _ if ip.is_link_local() => "a link-local address",
        (100, 64..=127) => "a shared address (100.64.0.0/10, carrier-grade NAT)",
        (192, 0) if ip.octets()[2] == 0 => "an IETF protocol address (192.0.0.0/24)",
        (198, 18..=19) => "a benchmarking address (198.18.0.0/15)",
        _ if ip.is_multicast() => "a multicast address",
        _ if a >= 240 => "a reserved or broadcast address",
        _ => return None,
    })
}

fn forbidden_v6(ip: Ipv6Addr) -> Option<&'static str> {
    if let Some(v4) = embedded_v4(ip) {
        return forbidden_v4(v4);
    }
    let first = ip.segments()[0];
    Some(match first {
        _ if ip.is_unspecified() => "an unspecified address (::)",
        _ if ip.is_loopback() => "a loopback address",
        _ if first & 0xfe00 == 0xfc00 => "a unique local address (fc00::/7)",
        _ if first & 0xffc0 == 0xfe80 => "a link-local address",
        _ if first & 0xffc0 == 0xfec0 => "a site-local address",
        _ if ip.is_multicast() => "a multicast address",
        _ => return None,
    })
}

/// The IPv4 address inside an IPv4-mapped (`::ffff:a.b.c.d`), IPv4-compatible (`::a.b.c.d`),
/// NAT64 (`64:ff9b::/96`) or 6to4 (`2002::/16`) address: it reaches that IPv4 address.
fn embedded_v4(ip: Ipv6Addr) -> Option<Ipv4Addr> {
    let s = ip.segments();
    let low = |hi: u16, lo: u16| Ipv4Addr::from((u32::from(hi) << 16) | u32::from(lo));
    match s {
        [0, 0, 0, 0, 0, 0xffff, hi, lo] => Some(low(hi, lo)),
        [0, 0, 0, 0, 0, 0, hi, lo] if !(hi == 0 && lo <= 1) => Some(low(hi, lo)),
        [0x64, 0xff9b, 0, 0, 0, 0, hi, lo] => Some(low(hi, lo)),
        [0x2002, hi, lo, ..] => Some(low(hi, lo)),
        _ => None,
    }
}

/// Checks an address before it is saved: `https`, and not an IP address the server must
/// not reach. Names are checked when they are resolved ([`check_resolved`], and on fetch).
pub fn check_url(url: &str, allow_private: bool) -> Result<url::Url, String> {
    let parsed = url::Url::parse(url).map_err(|_| format!("`{url}` is not an address"))?;
    if allow_private {
        return Ok(parsed);
    }
    if parsed.scheme() != "https" {
        return Err("must use https: the platform does not send sign-in traffic in clear".into());
    }
    match parsed.host() {
        Some(url::Host::Ipv4(ip)) => refuse_ip(IpAddr::V4(ip))?,
        Some(url::Host::Ipv6(ip)) => refuse_ip(IpAddr::V6(ip))?,
        Some(url::Host::Domain(_)) => {}
        None => return Err(format!("`{url}` has no host")),
    }
    Ok(parsed)
}

fn refuse_ip(ip: IpAddr) -> Result<(), String> {
    match forbidden_ip(ip) {
        Some(why) => Err(format!(
            "{ip} is {why}: the platform does not connect to this machine or private networks"
        )),
        None => Ok(()),
    }
}

/// Resolves `host` and refuses it when any of its addresses is forbidden (a name that mixes
/// public and private addresses is refused whole, so the connection cannot pick the private
/// one).
async fn resolve_checked(host: &str) -> Result<Vec<SocketAddr>, String> {
    let addresses: Vec<SocketAddr> = tokio::net::lookup_host((host, 0))
        .await
        .map_err(|error| format!("{host} cannot be resolved: {error}"))?
        .collect();
    for address in &addresses {
        if let Some(why) = forbidden_ip(address.ip()) {
            return Err(format!(
                "{host} resolves to {}, {why}: the platform does not connect to this machine \
                 or private networks",
                address.ip()
            ));
        }
    }
    Ok(addresses)
}

/// The save-time check of a name: refused when it resolves now to a forbidden address. A
/// name that does not resolve (yet), or not within a few seconds, is accepted: every fetch
/// checks again.
pub async fn check_resolved(url: &url::Url, allow_private: bool) -> Result<(), String> {
    let Some(url::Host::Domain(host)) = url.host() else {
        return Ok(());
    };
    if allow_private {
        return Ok(());
    }
    match tokio::time::timeout(Duration::from_secs(3), resolve_checked(host)).await {
        Ok(Err(refused)) if !refused.contains("cannot be resolved") => Err(refused),
        _ => Ok(()),
    }
}

/// The error a refused address gives, findable in a request error's chain.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ForbiddenAddress(pub String);

impl ForbiddenAddress {
    /// The refusal somewhere in `error`'s chain of causes, if that is why it failed.
    pub fn in_chain<'e>(
        error: &'e (dyn std::error::Error + 'static),
    ) -> Option<&'e ForbiddenAddress> {
        let mut current = Some(error);
        while let Some(error) = current {
            if let Some(found) = error.downcast_ref::<ForbiddenAddress>() {
                return Some(found);
            }
            current = error.source();
        }
        None
    }
}

/// A resolver that hands reqwest only checked addresses.
struct CheckedResolver;

impl reqwest::dns::Resolve for CheckedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        Box::pin(async move {
            match resolve_checked(name.as_str()).await {
                Ok(addresses) => Ok(Box::new(addresses.into_iter()) as reqwest::dns::Addrs),
                Err(refused) => {
                    Err(Box::new(ForbiddenAddress(refused))
                        as Box<dyn std::error::Error + Send + Sync>)
                }
            }
        })
    }
}

/// An HTTP client for addresses users configure: with the rule on, every name is resolved
/// through the check, no redirect is followed and no proxy is used (a proxy would resolve
/// the name itself). Each request's URL must still pass [`check_url`], for IP addresses
/// written in it, which are never resolved.
pub fn guarded_client(allow_private: bool, timeout: Duration) -> reqwest::Result<reqwest::Client> {
    let builder = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(timeout);
    if allow_private {
        builder.build()
    } else {
        builder
            .no_proxy()
            .https_only(true)
            .dns_resolver(Arc::new(CheckedResolver))
            .build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(ip: &str) -> bool {
        forbidden_ip(ip.parse().unwrap()).is_some()
    }

    #[test]
    fn this_machine_and_private_networks_are_refused() {
        for ip in [
            "127.0.0.1",
            "127.8.9.10",
            "0.0.0.0",
            "0.1.2.3",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "224.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
            "2002:7f00:1::",
        ] {
            assert!(refused(ip), "{ip} must be refused");
        }
    }

    #[test]
    fn public_addresses_are_allowed() {
        for ip in [
            "8.8.8.8",
            "1.1.1.1",
            "172.32.0.1",
            "100.128.0.1",
            "2001:4860:4860::8888",
            "::ffff:8.8.8.8",
        ] {
            assert!(!refused(ip), "{ip} is public");
        }
    }

    #[test]
    fn saved_addresses_need_https_and_a_public_ip() {
        assert!(check_url("https://login.example.gr/realms/semp", false).is_ok());
        let http = check_url("http://login.example.gr", false).unwrap_err();
        assert!(http.contains("https"), "{http}");
        let loopback = check_url("https://127.0.0.1:8443/", false).unwrap_err();
        assert!(loopback.contains("loopback"), "{loopback}");
        let mapped = check_url("https://[::ffff:10.0.0.1]/", false).unwrap_err();
        assert!(mapped.contains("private"), "{mapped}");
        assert!(check_url("http://127.0.0.1:3000", true).is_ok());
    }

    #[tokio::test]
    async fn a_name_that_resolves_to_loopback_is_refused() {
        let url = url::Url::parse("https://localhost:8443/").unwrap();
        let refused = check_resolved(&url, false).await.unwrap_err();
        assert!(refused.contains("loopback"), "{refused}");
        assert!(check_resolved(&url, true).await.is_ok());
    }
}
