//! Requests for access under `/api/v1/tenants/{slug}/access-requests`: anyone may ask a
//! municipality for a role (rate-limited, and the answer never says whether the address has
//! an account); its administrators list them and accept (the invitation is sent, or the
//! role granted at once to an existing account, which is told by e-mail) or decline (a
//! polite message, with their note). The workspace's pages call the same functions.

use std::time::Duration;

use chrono::{DateTime, Utc};
use council_shared::{
    ApiError,
    auth::{Principal, Role, SignedIn, require},
    http::client_ip,
    json_body::JsonBody,
    problem::ApiResult,
    rate_limit::RateLimiter,
};
use poem::Request;
use poem_openapi::{ApiResponse, Enum, Object, OpenApi, param::Path, payload::Json};
use serde::Deserialize;

use super::{
    access::{AccessApi, AccessTags, mail_names, public_base},
    access_models::RoleGrantInput,
};
use crate::{
    entities::{access_request, tenant},
    identity::{
        audit::{self, Action, Event},
        grants, mail,
        requests::{self, NewAccessRequest},
    },
    service::tenants,
};

/// How often one client, and one address, may ask: enough for a mistake corrected, too
/// few to flood administrators' mailboxes.
pub struct RequestLimits {
    per_ip: RateLimiter,
    per_address: RateLimiter,
}

impl RequestLimits {
    pub fn new(settings: &council_shared::Settings) -> Self {
        let hour = Duration::from_secs(3600);
        Self {
            per_ip: RateLimiter::new(settings.auth.access_requests_per_ip_per_hour, hour),
            per_address: RateLimiter::new(settings.auth.access_requests_per_address_per_hour, hour),
        }
    }
}

/// The roles a visitor may ask for; a municipality's administrators are named by the
/// platform's operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum, Deserialize)]
#[oai(rename_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum RequestedRole {
    PracticeAuthor,
    CouncilMember,
    Secretary,
}

impl From<RequestedRole> for Role {
    fn from(role: RequestedRole) -> Self {
        match role {
            RequestedRole::PracticeAuthor => Role::PracticeAuthor,
            RequestedRole::CouncilMember => Role::CouncilMember,
            RequestedRole::Secretary => Role::Secretary,
        }
    }
}

impl RequestedRole {
    pub fn parse(text: &str) -> Option<Self> {
        [Self::PracticeAuthor, Self::CouncilMember, Self::Secretary]
            .into_iter()
            .find(|r| Role::from(*r).as_str() == text)
    }
}

/// A request for access as its sender writes it.
#[derive(Debug, Clone, Object, Deserialize)]
#[oai(deny_unknown_fields)]
pub struct AccessRequestInput {
    /// The sender's name: some text besides white space, no control characters.
    #[oai(validator(
        max_length = 200,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub full_name: String,
    /// The organisation they speak for, if any (an NGO, a community).
    #[oai(validator(
        max_length = 200,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub organisation: Option<String>,
    /// Where the invitation, or the answer, goes.
    pub email: council_shared::input_fields::EmailText,
    pub role: RequestedRole,
    /// Why they ask, for the administrators: some text besides white space.
    #[oai(validator(
        max_length = 2000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*[^\s\x00-\x1F\x7F-\x9F][^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub reason: String,
}

/// A request as its municipality's administrators see it.
#[derive(Debug, Clone, Object)]
pub struct AccessRequestView {
    pub id: i64,
    pub full_name: String,
    #[oai(skip_serializing_if_is_none)]
    pub organisation: Option<String>,
    pub email: String,
    pub role: String,
    pub reason: String,
    /// `pending`, `accepted` or `declined`.
    pub state: String,
    pub created_at: DateTime<Utc>,
    #[oai(skip_serializing_if_is_none)]
    pub decided_at: Option<DateTime<Utc>>,
    #[oai(skip_serializing_if_is_none)]
    pub decision_note: Option<String>,
}

impl From<&access_request::Model> for AccessRequestView {
    fn from(row: &access_request::Model) -> Self {
        Self {
            id: row.id,
            full_name: row.full_name.clone(),
            organisation: row.organisation.clone(),
            email: row.email.clone(),
            role: row.role.clone(),
            reason: row.reason.clone(),
            state: row.state.clone(),
            created_at: row.created_at,
            decided_at: row.decided_at,
            decision_note: row.decision_note.clone(),
        }
    }
}

/// Accepting: for a council member, which member of the council they are.
#[derive(Debug, Clone, Default, Object, Deserialize)]
#[oai(deny_unknown_fields)]
pub struct AcceptInput {
    pub member_id: Option<i64>,
}

/// Declining: a note for the sender, if the administrators want to say why.
#[derive(Debug, Clone, Default, Object, Deserialize)]
#[oai(deny_unknown_fields)]
pub struct DeclineInput {
    #[oai(validator(
        max_length = 2000,
        pattern = r"^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$"
    ))]
    pub note: Option<String>,
}

impl AccessApi {
    /// Someone asks `slug` for a role. Stored and mailed to its administrators (to the
    /// platform's when it has none). The same answer whether or not the address is known.
    pub async fn request_access(
        &self,
        (base, ip): (&str, &str),
        slug: &str,
        input: &AccessRequestInput,
    ) -> Result<(), ApiError> {
        let tenant = tenants::find_writable(&self.db, slug).await?;
        let request = NewAccessRequest::parse(
            &input.full_name,
            input.organisation.as_deref(),
            &input.email,
            Role::from(input.role).as_str(),
            &input.reason,
        )
        .map_err(ApiError::Validation)?;
        self.limits.per_ip.check(ip)?;
        self.limits.per_address.check(&request.email)?;
        let row = requests::create(&self.db, tenant.id, request).await?;
        audit::record(
            &self.db,
            Event::new(Action::AccessRequested)
                .tenant(Some(tenant.id))
                .target(format!("{} {}", row.role, row.email))
                .ip(Some(ip)),
        )
        .await?;
        let admins = grants::administrators_or_platform(&self.db, Some(tenant.id)).await?;
        let (el, en) = mail_names(&tenant);
        let url = format!("{base}/workspace/{}/requests/{}", tenant.slug, row.id);
        for admin in admins {
            let message = mail::access_requested(&admin, &row, (&el, &en), &url);
            self.mailer
                .send(message)
                .await
                .map_err(ApiError::Internal)?;
        }
        Ok(())
    }

    /// The municipality, if the caller administers it.
    async fn administered(
        &self,
        caller: &Principal,
        slug: &str,
    ) -> Result<tenant::Model, ApiError> {
        let tenant = tenants::find(&self.db, slug).await?;
        require(
            caller.administers(tenant.id),
            "only this municipality's administrators answer its requests for access",
        )?;
        Ok(tenant)
    }

    /// A municipality's requests: waiting (oldest first), then the latest decided.
    pub async fn access_requests(
        &self,
        caller: &Principal,
        slug: &str,
    ) -> Result<(Vec<access_request::Model>, Vec<access_request::Model>), ApiError> {
        let tenant = self.administered(caller, slug).await?;
        Ok(requests::list(&self.db, tenant.id).await?)
    }

    pub async fn access_request(
        &self,
        caller: &Principal,
        slug: &str,
        id: i64,
    ) -> Result<access_request::Model, ApiError> {
        let tenant = self.administered(caller, slug).await?;
        Ok(requests::find(&self.db, tenant.id, id).await?)
    }

    /// Accepts a waiting request: grants the role (an invitation to an address without an
    /// account, else the role at once and a message saying so). If the grant is refused (a
    /// council member without their member record) the request waits still.
    pub async fn accept_request(
        &self,
        (base, ip): (&str, &str),
        caller: &Principal,
        (slug, id): (&str, i64),
        input: &AcceptInput,
    ) -> Result<access_request::Model, ApiError> {
        let tenant = self.administered(caller, slug).await?;
        let row = requests::find(&self.db, tenant.id, id).await?;
        let role = Role::parse(&row.role).unwrap_or(Role::PracticeAuthor);
        let member_id = input.member_id.filter(|_| role == Role::CouncilMember);
        let decided =
            requests::decide(&self.db, &row, (requests::ACCEPTED, caller.user_id, None)).await?;
        let grant = RoleGrantInput {
            email: row.email.clone().into(),
            role,
            member_id,
        };
        let record = match self
            .grant_role((base, ip), caller, Some(&tenant), grant)
            .await
        {
            Ok(record) => record,
            Err(error) => {
                requests::reopen(&self.db, &decided).await?;
                return Err(error);
            }
        };
        self.audit_decision(Action::AccessAccepted, caller, &decided, ip)
            .await?;
        if record.grant.user_id.is_some() {
            let url = format!("{base}/sign-in?next=/workspace");
            let (el, en) = mail_names(&tenant);
            let message = mail::access_granted(&decided, (&el, &en), &url);
            self.mailer
                .send(message)
                .await
                .map_err(ApiError::Internal)?;
        }
        Ok(decided)
    }

    /// Declines a waiting request; its sender gets a polite message with `note`.
    pub async fn decline_request(
        &self,
        ip: &str,
        caller: &Principal,
        (slug, id): (&str, i64),
        input: &DeclineInput,
    ) -> Result<access_request::Model, ApiError> {
        let tenant = self.administered(caller, slug).await?;
        let row = requests::find(&self.db, tenant.id, id).await?;
        let note = requests::parse_note(input.note.as_deref()).map_err(ApiError::Validation)?;
        let decided =
            requests::decide(&self.db, &row, (requests::DECLINED, caller.user_id, note)).await?;
        self.audit_decision(Action::AccessDeclined, caller, &decided, ip)
            .await?;
        let (el, en) = mail_names(&tenant);
        let message = mail::access_declined(&decided, (&el, &en));
        self.mailer
            .send(message)
            .await
            .map_err(ApiError::Internal)?;
        Ok(decided)
    }

    async fn audit_decision(
        &self,
        action: Action,
        caller: &Principal,
        row: &access_request::Model,
        ip: &str,
    ) -> Result<(), ApiError> {
        audit::record(
            &self.db,
            Event::new(action)
                .tenant(Some(row.tenant_id))
                .actor(Some(caller.user_id), Some(&caller.email))
                .target(format!("{} {}", row.role, row.email))
                .ip(Some(ip)),
        )
        .await?;
        Ok(())
    }
}

#[derive(ApiResponse)]
pub enum RequestSentResponse {
    /// Received. The same answer whether or not the address has an account.
    #[oai(status = 202)]
    Accepted,
}

#[derive(ApiResponse)]
pub enum RequestListResponse {
    /// Waiting requests (oldest first), then the latest 100 decided.
    #[oai(status = 200)]
    Ok(Json<Vec<AccessRequestView>>),
}

#[derive(ApiResponse)]
pub enum RequestDecidedResponse {
    /// The request as decided.
    #[oai(status = 200)]
    Ok(Json<AccessRequestView>),
}

/// The requests-for-access operations, beside the access API they use.
#[derive(Clone)]
pub struct AccessRequestsApi(pub AccessApi);

#[OpenApi]
impl AccessRequestsApi {
    /// Ask a municipality for a role
    ///
    /// Anyone may ask (rate-limited per client and per address). The municipality's
    /// administrators are e-mailed; the answer comes by e-mail to the address given.
    #[oai(
        path = "/tenants/:slug/access-requests",
        method = "post",
        tag = "AccessTags::Access"
    )]
    async fn send(
        &self,
        request: &Request,
        slug: Path<String>,
        body: JsonBody<AccessRequestInput>,
    ) -> ApiResult<RequestSentResponse> {
        let from = (public_base(request), client_ip(request));
        self.0
            .request_access((&from.0, &from.1), &slug, &body)
            .await?;
        Ok(RequestSentResponse::Accepted)
    }

    /// A municipality's requests for access (its administrators)
    #[oai(
        path = "/tenants/:slug/access-requests",
        method = "get",
        tag = "AccessTags::Access"
    )]
    async fn list(&self, caller: SignedIn, slug: Path<String>) -> ApiResult<RequestListResponse> {
        let (waiting, decided) = self.0.access_requests(&caller, &slug).await?;
        Ok(RequestListResponse::Ok(Json(
            waiting.iter().chain(&decided).map(Into::into).collect(),
        )))
    }

    /// Accept a request: the invitation is sent (its administrators)
    #[oai(
        path = "/tenants/:slug/access-requests/:id/accept",
        method = "post",
        tag = "AccessTags::Access"
    )]
    async fn accept(
        &self,
        request: &Request,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<AcceptInput>,
    ) -> ApiResult<RequestDecidedResponse> {
        let from = (public_base(request), client_ip(request));
        let row = self
            .0
            .accept_request((&from.0, &from.1), &caller, (&slug, *id), &body)
            .await?;
        Ok(RequestDecidedResponse::Ok(Json((&row).into())))
    }

    /// Decline a request: its sender gets a polite message (its administrators)
    #[oai(
        path = "/tenants/:slug/access-requests/:id/decline",
        method = "post",
        tag = "AccessTags::Access"
    )]
    async fn decline(
        &self,
        request: &Request,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<DeclineInput>,
    ) -> ApiResult<RequestDecidedResponse> {
        let row = self
            .0
            .decline_request(&client_ip(request), &caller, (&slug, *id), &body)
            .await?;
        Ok(RequestDecidedResponse::Ok(Json((&row).into())))
    }
}
