//! VERP (variable envelope return path): each message's envelope sender carries its
//! delivery's number, `bounces+42@council.example.gr`, so the bounce that comes back to
//! that address says which delivery failed, whatever the remote server wrote in it.

use lettre::Address;

/// The configured bounce address, split into what is around the delivery's number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verp {
    local: String,
    domain: String,
}

impl Verp {
    /// `bounces@council.example.gr`; `None` when that is not an address.
    pub fn parse(address: &str) -> Option<Self> {
        let address: Address = address.trim().parse().ok()?;
        Some(Self {
            local: address.user().to_ascii_lowercase(),
            domain: address.domain().to_ascii_lowercase(),
        })
    }

    /// The envelope sender of delivery `id`.
    pub fn address_for(&self, id: i64) -> Address {
        Address::new(format!("{}+{id}", self.local), &self.domain)
            .expect("a bounce address with a number added is still an address")
    }

    /// The delivery an address such as `Bounces+42@Council.example.gr` names, if it is one
    /// of ours.
    pub fn delivery_of(&self, address: &str) -> Option<i64> {
        let address = address.trim().trim_start_matches('<').trim_end_matches('>');
        let (local, domain) = address.rsplit_once('@')?;
        if !domain.eq_ignore_ascii_case(&self.domain) {
            return None;
        }
        let local = local.to_ascii_lowercase();
        let number = local.strip_prefix(&self.local)?.strip_prefix('+')?;
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        number.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delivery_number_goes_out_and_comes_back() {
        let verp = Verp::parse("bounces@council.example.gr").unwrap();
        let sender = verp.address_for(42);
        assert_eq!(sender.to_string(), "bounces+42@council.example.gr");
        assert_eq!(
            verp.delivery_of("<Bounces+42@Council.Example.GR>"),
            Some(42)
        );
        assert_eq!(verp.delivery_of("bounces@council.example.gr"), None);
        assert_eq!(verp.delivery_of("bounces+42@elsewhere.example"), None);
        assert_eq!(verp.delivery_of("bounces+4x2@council.example.gr"), None);
        assert_eq!(verp.delivery_of("bouncesx+42@council.example.gr"), None);
        assert_eq!(
            verp.delivery_of("bounces+99999999999999999999@council.example.gr"),
            None
        );
        assert!(Verp::parse("not an address").is_none());
    }
}
