//! The tenants service's operations: request → validated domain value → these → SeaORM.

pub mod council;
pub mod profile;
pub mod tenants;
