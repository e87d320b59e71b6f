//! The tenants service's tables. No other service reads them.

pub mod api_token;
pub mod council;
pub mod council_member;
pub mod highlight;
pub mod key_figure;
pub mod programme;
pub mod tenant;
