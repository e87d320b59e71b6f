//! The tenants service's tables. No other service reads them.

pub mod access_request;
pub mod access_token;
pub mod audit_event;
pub mod council;
pub mod council_member;
pub mod highlight;
pub mod key_figure;
pub mod oidc_flow;
pub mod programme;
pub mod role_grant;
pub mod session;
pub mod sign_in_link;
pub mod tenant;
pub mod tenant_sign_in_provider;
pub mod user;
pub mod user_identity;
