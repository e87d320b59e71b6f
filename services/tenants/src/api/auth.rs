//! The bearer-token security scheme of every write endpoint.

use poem::Request;
use poem_openapi::{SecurityScheme, auth::Bearer};
use sea_orm::DatabaseConnection;

use crate::{entities::api_token, error::TenantsError, service::tokens};

/// `Authorization: Bearer semp_...`, a token from `council token create --name NAME`.
#[derive(SecurityScheme)]
#[oai(ty = "bearer", key_name = "Authorization", checker = "check_token")]
pub struct ApiToken(pub api_token::Model);

async fn check_token(request: &Request, bearer: Bearer) -> poem::Result<api_token::Model> {
    let db = request
        .data::<DatabaseConnection>()
        .ok_or_else(|| TenantsError::Internal(anyhow::anyhow!("no database in request data")))
        .map_err(council_shared::ApiError::from)?;
    match tokens::verify(db, &bearer.token).await {
        Ok(Some(token)) => Ok(token),
        Ok(None) => Err(council_shared::ApiError::Unauthorized.into()),
        Err(error) => Err(council_shared::ApiError::from(error).into()),
    }
}
