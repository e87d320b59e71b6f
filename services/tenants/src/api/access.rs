//! The access API: who am I, my API tokens, roles and invitations per municipality and on
//! the platform, the audit log, and a municipality's own sign-in provider.

use crate::identity::grants::GrantRecord;
use std::sync::Arc;

use chrono::{Duration, Utc};
use council_shared::{
    ApiError, Settings,
    auth::{CachedIdentity, Principal, Role, SignedIn, require},
    http::{PublicUrl, client_ip},
    json_body::JsonBody,
    mail::Mailer,
    page_type,
    pagination::PageRequest,
    problem::ApiResult,
};
use poem::Request;
use poem_openapi::{ApiResponse, OpenApi, Tags, param::Path, param::Query, payload::Json};
use sea_orm::DatabaseConnection;

use super::access_models::{
    AccountView, AuditEntry, ModeratorsView, RoleGrantInput, RoleGrantView, SignInProviderInput,
    SignInProviderView, TokenCreate, TokenCreated, TokenInfo,
};
use crate::{
    entities::tenant,
    error::TenantsError,
    identity::{
        audit::{self, Action, Event},
        grants::{self, NewGrant},
        mail, tokens,
    },
    service::tenants,
};

page_type!(AuditPage, AuditEntry);

#[derive(Tags)]
pub(crate) enum AccessTags {
    /// The signed-in user and their API tokens.
    Me,
    /// Roles, invitations and the audit log, per municipality and on the platform.
    Access,
}

#[derive(Clone)]
pub struct AccessApi {
    pub(crate) db: DatabaseConnection,
    pub(crate) settings: Settings,
    pub(crate) mailer: Mailer,
    identity: Arc<CachedIdentity>,
    pub(crate) limits: Arc<super::access_requests::RequestLimits>,
}

#[derive(ApiResponse)]
pub enum MeResponse {
    /// Who you are and the roles this credential carries.
    #[oai(status = 200)]
    Ok(Json<Principal>),
}

#[derive(ApiResponse)]
pub enum TokenListResponse {
    /// Your tokens, live and revoked; never the tokens themselves.
    #[oai(status = 200)]
    Ok(Json<Vec<TokenInfo>>),
}

#[derive(ApiResponse)]
pub enum TokenCreatedResponse {
    /// The token, shown this once.
    #[oai(status = 201)]
    Created(Json<TokenCreated>),
}

#[derive(ApiResponse)]
pub enum TokenRevokedResponse {
    /// The token no longer works.
    #[oai(status = 200)]
    Ok(Json<TokenInfo>),
}

#[derive(ApiResponse)]
pub enum ModeratorsResponse {
    /// The moderators' addresses.
    #[oai(status = 200)]
    Ok(Json<ModeratorsView>),
}

#[derive(ApiResponse)]
pub enum AccountResponse {
    /// The account's address.
    #[oai(status = 200)]
    Ok(Json<AccountView>),
}

#[derive(ApiResponse)]
pub enum GrantListResponse {
    /// Every role and invitation, newest first.
    #[oai(status = 200)]
    Ok(Json<Vec<RoleGrantView>>),
}

#[derive(ApiResponse)]
pub enum GrantCreatedResponse {
    /// Granted (`status: active`), or invited by e-mail (`status: invited`).
    #[oai(status = 201)]
    Created(Json<RoleGrantView>),
}

#[derive(ApiResponse)]
pub enum GrantRevokedResponse {
    /// The role or invitation no longer counts.
    #[oai(status = 200)]
    Ok(Json<RoleGrantView>),
}

#[derive(ApiResponse)]
pub enum AuditResponse {
    /// One page of entries, newest first.
    #[oai(status = 200)]
    Ok(Json<AuditPage>),
}

#[derive(ApiResponse)]
pub enum ProviderResponse {
    /// The municipality's own sign-in provider.
    #[oai(status = 200)]
    Ok(Json<SignInProviderView>),
}

#[derive(ApiResponse)]
pub enum ProviderRemovedResponse {
    /// The provider's button is gone from the municipality's sign-in page.
    #[oai(status = 204)]
    Removed,
}

impl AccessApi {
    pub fn new(
        db: DatabaseConnection,
        settings: Settings,
        mailer: Mailer,
        identity: Arc<CachedIdentity>,
    ) -> Self {
        Self {
            db,
            limits: Arc::new(super::access_requests::RequestLimits::new(&settings)),
            settings,
            mailer,
            identity,
        }
    }

    async fn tenant(&self, slug: &str) -> Result<tenant::Model, TenantsError> {
        tenants::find(&self.db, slug).await
    }

    async fn grant(
        &self,
        request: &Request,
        caller: &Principal,
        tenant: Option<&tenant::Model>,
        input: RoleGrantInput,
    ) -> ApiResult<GrantCreatedResponse> {
        let from = (public_base(request), client_ip(request));
        let record = self
            .grant_role((&from.0, &from.1), caller, tenant, input)
            .await?;
        Ok(GrantCreatedResponse::Created(Json((&record).into())))
    }

    /// Grants a role, or invites the address (an e-mail with the sign-in address `base`
    /// leads to); the audit log records who did it from `ip`. The API and the workspace's
    /// pages both call this.
    pub async fn grant_role(
        &self,
        (base, ip): (&str, &str),
        caller: &Principal,
        tenant: Option<&tenant::Model>,
        input: RoleGrantInput,
    ) -> Result<GrantRecord, ApiError> {
        let tenant_id = tenant.map(|t| t.id);
        require(
            caller.may_grant(input.role, tenant_id),
            "you may not grant this role here",
        )?;
        let mut errors = Vec::new();
        let email = crate::identity::parse_email(&input.email)
            .map_err(|message| errors.push(council_shared::FieldError::new("email", message)))
            .ok();
        if input.role == Role::CouncilMember && input.member_id.is_none() {
            errors.push(council_shared::FieldError::new(
                "member_id",
                council_shared::validation::Invalid::new(
                    "member_needed",
                    "is required for a council member: the id of their record in the council",
                ),
            ));
        }
        if input.role != Role::CouncilMember && input.member_id.is_some() {
            errors.push(council_shared::FieldError::new(
                "member_id",
                "is only for the council_member role",
            ));
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let email = email.unwrap_or_default();
        let expires = Utc::now() + Duration::days(self.settings.auth.invitation_ttl_days as i64);
        let record = grants::grant(
            &self.db,
            NewGrant {
                email: email.clone(),
                role: input.role,
                tenant_id,
                member_id: input.member_id,
            },
            Some(caller.user_id),
            Some(expires),
        )
        .await?;
        let invited = record.grant.user_id.is_none();
        audit::record(
            &self.db,
            Event::new(if invited {
                Action::RoleInvited
            } else {
                Action::RoleGranted
            })
            .tenant(tenant_id)
            .actor(Some(caller.user_id), Some(&caller.email))
            .target(format!("{} {email}", input.role.as_str()))
            .ip(Some(ip)),
        )
        .await?;
        if invited {
            let (where_el, where_en, next) = match tenant {
                Some(t) => {
                    let (el, en) = mail_names(t);
                    (el, en, format!("/municipalities/{}", t.slug))
                }
                None => ("πλατφόρμα".into(), "platform".into(), "/".into()),
            };
            let url = format!("{base}/sign-in?next={next}");
            self.mailer
                .send(mail::invitation(
                    &email,
                    input.role,
                    &where_el,
                    &where_en,
                    &url,
                    record.grant.invitation_expires_at,
                ))
                .await
                .map_err(ApiError::Internal)?;
        }
        self.identity.forget_all();
        Ok(record)
    }

    async fn revoke(
        &self,
        request: &Request,
        caller: &Principal,
        tenant_id: Option<i64>,
        id: i64,
    ) -> ApiResult<GrantRevokedResponse> {
        let record = self
            .revoke_role(&client_ip(request), caller, tenant_id, id)
            .await?;
        Ok(GrantRevokedResponse::Ok(Json((&record).into())))
    }

    /// Revokes a role or an invitation (`tenant_id`: in that municipality, `None` on the
    /// platform). The API and the workspace's pages both call this.
    pub async fn revoke_role(
        &self,
        ip: &str,
        caller: &Principal,
        tenant_id: Option<i64>,
        id: i64,
    ) -> Result<GrantRecord, ApiError> {
        let record = grants::find(&self.db, id, tenant_id).await?;
        require(
            caller.may_grant(record.role(), tenant_id),
            "you may not revoke this role here",
        )?;
        let record = grants::revoke(&self.db, record, caller.user_id).await?;
        audit::record(
            &self.db,
            Event::new(Action::RoleRevoked)
                .tenant(tenant_id)
                .actor(Some(caller.user_id), Some(&caller.email))
                .target(format!("{} {}", record.grant.role, record.email))
                .ip(Some(ip)),
        )
        .await?;
        self.identity.forget_all();
        Ok(record)
    }

    /// A municipality's roles and invitations, for its administrators.
    pub async fn tenant_roles(
        &self,
        caller: &Principal,
        slug: &str,
    ) -> Result<(tenant::Model, Vec<GrantRecord>), ApiError> {
        let tenant = self.tenant(slug).await?;
        require(
            caller.administers(tenant.id),
            "only this municipality's administrators see its roles",
        )?;
        let list = grants::list(&self.db, Some(tenant.id)).await?;
        Ok((tenant, list))
    }

    /// The platform's roles and invitations, for its administrators.
    pub async fn platform_roles(&self, caller: &Principal) -> Result<Vec<GrantRecord>, ApiError> {
        require(
            caller.is_platform_admin(),
            "only platform administrators see these",
        )?;
        Ok(grants::list(&self.db, None).await?)
    }

    /// A municipality's audit log as its administrators filter it: one page, and the total.
    pub async fn audit_of(
        &self,
        caller: &Principal,
        slug: &str,
        filter: &crate::identity::audit::Filter,
        (page_index, per_page): (u64, u64),
    ) -> Result<(Vec<crate::entities::audit_event::Model>, u64), ApiError> {
        let tenant = self.tenant(slug).await?;
        require(
            caller.administers(tenant.id),
            "only this municipality's administrators read its audit log",
        )?;
        Ok(
            crate::identity::audit::search(&self.db, Some(tenant.id), filter, page_index, per_page)
                .await?,
        )
    }

    /// Sends an invitation again: the old one is revoked and a new one, with a new
    /// expiry, goes to the same address for the same role (`tenant`: in that
    /// municipality, `None` on the platform).
    pub async fn resend_invitation(
        &self,
        (base, ip): (&str, &str),
        caller: &Principal,
        tenant: Option<&tenant::Model>,
        id: i64,
    ) -> Result<GrantRecord, ApiError> {
        let tenant_id = tenant.map(|t| t.id);
        let record = grants::find(&self.db, id, tenant_id).await?;
        require(
            caller.may_grant(record.role(), tenant_id),
            "you may not invite to this role here",
        )?;
        if record.grant.user_id.is_some() || record.grant.revoked_at.is_some() {
            return Err(ApiError::Conflict(
                council_shared::validation::Invalid::new(
                    council_shared::conflict::INVITATION_USED,
                    "only an invitation nobody has used yet can be sent again",
                ),
            ));
        }
        let input = RoleGrantInput {
            email: record.email.as_str().into(),
            role: record.role(),
            member_id: record.grant.member_id,
        };
        self.revoke_role(ip, caller, tenant_id, id).await?;
        self.grant_role((base, ip), caller, tenant, input).await
    }

    async fn audit_page(
        &self,
        tenant_id: Option<i64>,
        page: Option<u64>,
        per_page: Option<u64>,
    ) -> ApiResult<AuditResponse> {
        let request = PageRequest::parse(page, per_page)?;
        let (rows, total) =
            audit::list(&self.db, tenant_id, request.index(), request.per_page).await?;
        Ok(AuditResponse::Ok(Json(AuditPage::new(
            rows.into_iter().map(AuditEntry::from).collect(),
            request,
            total,
        ))))
    }
}

/// A municipality's name for bilingual messages: Greek, and English (else Greek again).
pub(crate) fn mail_names(tenant: &tenant::Model) -> (String, String) {
    let en = if tenant.name_en.is_empty() {
        &tenant.name_el
    } else {
        &tenant.name_en
    };
    (tenant.name_el.clone(), en.clone())
}

pub(crate) fn public_base(request: &Request) -> String {
    request
        .data::<PublicUrl>()
        .map(|u| u.0.clone())
        .unwrap_or_default()
}

fn redirect_uri(request: &Request) -> String {
    format!("{}/auth/callback", public_base(request))
}

#[OpenApi]
impl AccessApi {
    /// Who am I
    ///
    /// The signed-in user and the roles this session or token carries. Services that run
    /// apart from the tenants service resolve credentials here (and cache the answer).
    #[oai(path = "/me", method = "get", tag = "AccessTags::Me")]
    async fn me(&self, caller: SignedIn) -> ApiResult<MeResponse> {
        Ok(MeResponse::Ok(Json((*caller.0).clone())))
    }

    /// List my API tokens
    #[oai(path = "/me/tokens", method = "get", tag = "AccessTags::Me")]
    async fn list_tokens(&self, caller: SignedIn) -> ApiResult<TokenListResponse> {
        let list = tokens::list(&self.db, caller.user_id).await?;
        Ok(TokenListResponse::Ok(Json(
            list.iter().map(TokenInfo::from).collect(),
        )))
    }

    /// Create an API token
    ///
    /// It carries your roles, or only the `scopes` given (each must be a role you hold).
    #[oai(path = "/me/tokens", method = "post", tag = "AccessTags::Me")]
    async fn create_token(
        &self,
        request: &Request,
        caller: SignedIn,
        body: JsonBody<TokenCreate>,
    ) -> ApiResult<TokenCreatedResponse> {
        let body = body.0;
        let held = grants::active_grants(&self.db, caller.user_id).await?;
        let mut errors = Vec::new();
        let scopes = tokens::parse_scopes(body.scopes.as_deref(), &held)
            .map_err(|mut e| errors.append(&mut e))
            .ok()
            .flatten();
        if let Some(days) = body.expires_in_days
            && !(1..=365).contains(&days)
        {
            errors.push(council_shared::FieldError::new(
                "expires_in_days",
                "must be between 1 and 365",
            ));
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let expires = body
            .expires_in_days
            .map(|days| Utc::now() + Duration::days(i64::from(days)));
        let (model, token) = tokens::create(
            &self.db,
            caller.user_id,
            &body.name,
            scopes.as_deref(),
            expires,
        )
        .await?;
        audit::record(
            &self.db,
            Event::new(Action::TokenCreated)
                .actor(Some(caller.user_id), Some(&caller.email))
                .target(model.name.clone())
                .ip(Some(&client_ip(request))),
        )
        .await?;
        Ok(TokenCreatedResponse::Created(Json(TokenCreated {
            token,
            info: (&model).into(),
        })))
    }

    /// Revoke one of my API tokens
    #[oai(path = "/me/tokens/:id", method = "delete", tag = "AccessTags::Me")]
    async fn revoke_token(
        &self,
        request: &Request,
        caller: SignedIn,
        id: Path<i64>,
    ) -> ApiResult<TokenRevokedResponse> {
        let model = tokens::revoke(&self.db, caller.user_id, id.0).await?;
        audit::record(
            &self.db,
            Event::new(Action::TokenRevoked)
                .actor(Some(caller.user_id), Some(&caller.email))
                .target(model.name.clone())
                .ip(Some(&client_ip(request))),
        )
        .await?;
        self.identity.forget_all();
        Ok(TokenRevokedResponse::Ok(Json((&model).into())))
    }

    /// List a municipality's roles and invitations (its administrators)
    #[oai(
        path = "/tenants/:slug/roles",
        method = "get",
        tag = "AccessTags::Access"
    )]
    async fn list_tenant_roles(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<GrantListResponse> {
        let (_, list) = self.tenant_roles(&caller, &slug).await?;
        Ok(GrantListResponse::Ok(Json(
            list.iter().map(Into::into).collect(),
        )))
    }

    /// Grant a role in a municipality, or invite an address to it
    ///
    /// Platform administrators grant `tenant_admin`; a municipality's administrators grant
    /// `secretary`, `council_member` (with `member_id`) and `practice_author`.
    #[oai(
        path = "/tenants/:slug/roles",
        method = "post",
        tag = "AccessTags::Access"
    )]
    async fn grant_tenant_role(
        &self,
        request: &Request,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<RoleGrantInput>,
    ) -> ApiResult<GrantCreatedResponse> {
        let tenant = self.tenant(&slug).await?;
        if body.role == Role::PlatformAdmin {
            return Err(ApiError::invalid(
                "role",
                "platform_admin is granted at /platform/roles, not in a municipality",
            ));
        }
        self.grant(request, &caller, Some(&tenant), body.0).await
    }

    /// Revoke a role or invitation in a municipality
    #[oai(
        path = "/tenants/:slug/roles/:id",
        method = "delete",
        tag = "AccessTags::Access"
    )]
    async fn revoke_tenant_role(
        &self,
        request: &Request,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<GrantRevokedResponse> {
        let tenant = self.tenant(&slug).await?;
        require(
            caller.administers(tenant.id),
            "only this municipality's administrators change its roles",
        )?;
        self.revoke(request, &caller, Some(tenant.id), id.0).await
    }

    /// An account's address (platform administrators and the platform's services)
    ///
    /// The notifications service writes to a practice's author by this address.
    #[oai(
        path = "/platform/users/:id",
        method = "get",
        tag = "AccessTags::Access"
    )]
    async fn account(&self, caller: SignedIn, id: Path<i64>) -> ApiResult<AccountResponse> {
        require(
            caller.is_platform_admin(),
            "only platform administrators read accounts' addresses",
        )?;
        let user = crate::identity::users::find(&self.db, id.0)
            .await?
            .ok_or_else(|| TenantsError::NotFound(format!("no account has the id {}", id.0)))?;
        Ok(AccountResponse::Ok(Json(AccountView {
            id: user.id,
            email: user.email,
            display_name: user.display_name,
        })))
    }

    /// Who moderates a municipality's good practices (platform administrators and the
    /// platform's services)
    ///
    /// The addresses of the municipality's administrators, else (no `tenant_id`, or it
    /// has none) of the platform administrators: the notifications service tells them of
    /// each practice submitted.
    #[oai(
        path = "/platform/practice-moderators",
        method = "get",
        tag = "AccessTags::Access"
    )]
    async fn practice_moderators(
        &self,
        caller: SignedIn,
        /// The submitting municipality's id.
        #[oai(validator(minimum(value = "1")))]
        tenant_id: Query<Option<i64>>,
    ) -> ApiResult<ModeratorsResponse> {
        require(
            caller.is_platform_admin(),
            "only platform administrators read moderators' addresses",
        )?;
        let emails = grants::administrators_or_platform(&self.db, tenant_id.0).await?;
        Ok(ModeratorsResponse::Ok(Json(ModeratorsView { emails })))
    }

    /// List platform administrators and invitations (platform administrators)
    #[oai(path = "/platform/roles", method = "get", tag = "AccessTags::Access")]
    async fn list_platform_roles(&self, caller: SignedIn) -> ApiResult<GrantListResponse> {
        let list = self.platform_roles(&caller).await?;
        Ok(GrantListResponse::Ok(Json(
            list.iter().map(Into::into).collect(),
        )))
    }

    /// Grant platform administration, or invite an address to it
    #[oai(path = "/platform/roles", method = "post", tag = "AccessTags::Access")]
    async fn grant_platform_role(
        &self,
        request: &Request,
        caller: SignedIn,
        body: JsonBody<RoleGrantInput>,
    ) -> ApiResult<GrantCreatedResponse> {
        if body.role != Role::PlatformAdmin {
            return Err(ApiError::invalid(
                "role",
                "only platform_admin is granted here; other roles belong to a municipality",
            ));
        }
        self.grant(request, &caller, None, body.0).await
    }

    /// Revoke platform administration or an invitation to it
    #[oai(
        path = "/platform/roles/:id",
        method = "delete",
        tag = "AccessTags::Access"
    )]
    async fn revoke_platform_role(
        &self,
        request: &Request,
        caller: SignedIn,
        id: Path<i64>,
    ) -> ApiResult<GrantRevokedResponse> {
        require(
            caller.is_platform_admin(),
            "only platform administrators change these",
        )?;
        self.revoke(request, &caller, None, id.0).await
    }

    /// Read a municipality's audit log (its administrators)
    ///
    /// Grants, revocations, invitations accepted, and the sign-ins and failed sign-ins of
    /// people with a role in the municipality.
    #[oai(
        path = "/tenants/:slug/audit",
        method = "get",
        tag = "AccessTags::Access"
    )]
    async fn tenant_audit(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        /// Page number, from 1.
        page: Query<Option<council_shared::pagination::PageNumber>>,
        /// Entries per page, 1 to 100 (default 20).
        per_page: Query<Option<council_shared::pagination::PageSize>>,
    ) -> ApiResult<AuditResponse> {
        let tenant = self.tenant(&slug).await?;
        require(
            caller.administers(tenant.id),
            "only this municipality's administrators read its audit log",
        )?;
        self.audit_page(
            Some(tenant.id),
            page.0.map(|p| p.0),
            per_page.0.map(|p| p.0),
        )
        .await
    }

    /// Read the platform's audit log (platform administrators)
    ///
    /// What belongs to no municipality: platform grants, tokens, sign-ins of people without
    /// a role in any municipality, and sign-in attempts for unknown addresses.
    #[oai(path = "/platform/audit", method = "get", tag = "AccessTags::Access")]
    async fn platform_audit(
        &self,
        caller: SignedIn,
        /// Page number, from 1.
        page: Query<Option<council_shared::pagination::PageNumber>>,
        /// Entries per page, 1 to 100 (default 20).
        per_page: Query<Option<council_shared::pagination::PageSize>>,
    ) -> ApiResult<AuditResponse> {
        require(
            caller.is_platform_admin(),
            "only platform administrators read this",
        )?;
        self.audit_page(None, page.0.map(|p| p.0), per_page.0.map(|p| p.0))
            .await
    }

    /// Read a municipality's own sign-in provider (its administrators)
    #[oai(
        path = "/tenants/:slug/sign-in-provider",
        method = "get",
        tag = "AccessTags::Access"
    )]
    async fn get_provider(
        &self,
        request: &Request,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<ProviderResponse> {
        let (tenant, row) = self.sign_in_provider(&caller, &slug).await?;
        let row = row.ok_or_else(|| {
            ApiError::NotFound(format!(
                "`{}` has no sign-in provider of its own",
                tenant.slug
            ))
        })?;
        Ok(ProviderResponse::Ok(Json(SignInProviderView::new(
            &row,
            redirect_uri(request),
        ))))
    }

    /// Set a municipality's own sign-in provider (its administrators)
    ///
    /// An OpenID Connect provider such as the municipality's staff directory, offered as a
    /// second button on its sign-in page.
    #[oai(
        path = "/tenants/:slug/sign-in-provider",
        method = "put",
        tag = "AccessTags::Access"
    )]
    async fn put_provider(
        &self,
        request: &Request,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<SignInProviderInput>,
    ) -> ApiResult<ProviderResponse> {
        let row = self
            .save_sign_in_provider(&client_ip(request), &caller, &slug, (&body, None))
            .await?;
        Ok(ProviderResponse::Ok(Json(SignInProviderView::new(
            &row,
            redirect_uri(request),
        ))))
    }

    /// Remove a municipality's own sign-in provider (its administrators)
    #[oai(
        path = "/tenants/:slug/sign-in-provider",
        method = "delete",
        tag = "AccessTags::Access"
    )]
    async fn delete_provider(
        &self,
        request: &Request,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<ProviderRemovedResponse> {
        self.remove_sign_in_provider(&client_ip(request), &caller, &slug)
            .await?;
        Ok(ProviderRemovedResponse::Removed)
    }
}
