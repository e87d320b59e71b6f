//! The tenants API under `/api/v1`: municipalities, their profiles and their councils.

pub mod access;
pub mod access_models;
pub mod access_requests;
pub mod account;
pub mod commands;
pub mod data_protection;
pub mod models;
pub mod sign_in_provider;
pub mod views;

use council_shared::{
    json_body::{JsonBody, JsonBytes},
    page_type,
    pagination::PageRequest,
    problem::ApiResult,
};
use poem_openapi::{
    ApiResponse, OpenApi, Tags,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::DatabaseConnection;

use std::sync::Arc;

use crate::{
    error::TenantsError,
    public::TenantReads,
    service::{council, tenants},
};
use council_shared::auth::{SignedIn, require};
use models::{
    AdminCouncil, CouncilUpdate, MemberContactView, MemberInput, MemberSaved, Profile,
    PublicCouncil, StatusFilter, TenantCreate, TenantDetail, TenantSummary, TenantUpdate,
};

page_type!(TenantPage, TenantSummary);

#[derive(Tags)]
pub(crate) enum ApiTags {
    /// Municipalities (tenants) and their public profiles.
    Tenants,
    /// Each municipality's Migrant and Refugee Integration Council (ΣΕΜΠ) and its members.
    Councils,
}

/// The tenants service's HTTP API.
#[derive(Clone)]
pub struct TenantsApi {
    db: DatabaseConnection,
    reads: Arc<TenantReads>,
}

impl TenantsApi {
    /// `reads` is shared with whatever else in the process shows public views (the web
    /// pages), so a write here is seen there at once.
    pub fn new(db: DatabaseConnection, reads: Arc<TenantReads>) -> Self {
        Self { db, reads }
    }

    pub fn from_context(context: &council_shared::app::Context) -> Self {
        Self::new(context.db.clone(), TenantReads::from_context(context))
    }

    /// After a write: forgets the cached views of `slug` and answers with the fresh one,
    /// built by the same read path every reader uses (which also refills the cache).
    async fn changed(&self, slug: &str) -> Result<TenantDetail, TenantsError> {
        self.reads.invalidate(slug);
        Ok(self.public_view(slug).await?.detail.clone())
    }

    /// The cached public view of a municipality, or 404.
    async fn public_view(
        &self,
        slug: &str,
    ) -> Result<Arc<crate::public::TenantPublicView>, TenantsError> {
        self.reads
            .tenant(slug)
            .await?
            .ok_or_else(|| TenantsError::TenantNotFound(slug.to_string()))
    }

    /// 404 for an unknown municipality, 403 unless the caller administers it.
    async fn check_administers(&self, caller: &SignedIn, slug: &str) -> ApiResult<()> {
        let tenant = tenants::find(&self.db, slug).await?;
        require(
            caller.administers(tenant.id),
            "only this municipality's administrators may do this",
        )
    }

    async fn admin_council(&self, slug: &str) -> Result<AdminCouncil, TenantsError> {
        let tenant = tenants::find(&self.db, slug).await?;
        let stored = council::load(&self.db, tenant.id).await?;
        Ok(views::admin_council(&tenant.slug, &stored))
    }
}

#[derive(ApiResponse)]
pub enum ListTenantsResponse {
    /// One page of municipalities, ordered by slug.
    #[oai(status = 200)]
    Ok(JsonBytes<TenantPage>),
}

#[derive(ApiResponse)]
pub enum GetTenantResponse {
    /// The municipality with its profile.
    #[oai(status = 200)]
    Ok(JsonBytes<TenantDetail>),
}

#[derive(ApiResponse)]
pub enum TenantResponse {
    /// The municipality with its profile, as saved.
    #[oai(status = 200)]
    Ok(Json<TenantDetail>),
}

#[derive(ApiResponse)]
pub enum CreateTenantResponse {
    /// The municipality was created; `Location` is its address.
    #[oai(status = 201)]
    Created(Json<TenantDetail>, #[oai(header = "Location")] String),
}

#[derive(ApiResponse)]
pub enum PublicCouncilResponse {
    /// The council and its members, without private contact details.
    #[oai(status = 200)]
    Ok(JsonBytes<PublicCouncil>),
}

#[derive(ApiResponse)]
pub enum AdminCouncilResponse {
    /// The council with members' contact addresses and the warnings administrators should see.
    #[oai(status = 200)]
    Ok(Json<AdminCouncil>),
}

#[derive(ApiResponse)]
pub enum ContactsResponse {
    /// Each member who can be reached, with the address their notices go to.
    #[oai(status = 200)]
    Ok(Json<Vec<MemberContactView>>),
}

#[derive(ApiResponse)]
pub enum MemberCreatedResponse {
    /// The member was added; `warnings` tells what the law frowns on.
    #[oai(status = 201)]
    Created(Json<MemberSaved>, #[oai(header = "Location")] String),
}

#[derive(ApiResponse)]
pub enum MemberUpdatedResponse {
    /// The member was saved; `warnings` tells what the law frowns on.
    #[oai(status = 200)]
    Ok(Json<MemberSaved>),
}

#[derive(ApiResponse)]
pub enum MemberRemovedResponse {
    /// The member was removed.
    #[oai(status = 204)]
    Removed,
}

#[OpenApi]
impl TenantsApi {
    /// List municipalities
    ///
    /// Active municipalities by default; `status=archived` or `status=all` for the others.
    #[oai(path = "/tenants", method = "get", tag = "ApiTags::Tenants")]
    async fn list_tenants(
        &self,
        /// `active` (default), `archived` or `all`.
        status: Query<Option<StatusFilter>>,
        /// Page number, from 1.
        page: Query<Option<council_shared::pagination::PageNumber>>,
        /// Items per page, 1 to 100 (default 20).
        per_page: Query<Option<council_shared::pagination::PageSize>>,
    ) -> ApiResult<ListTenantsResponse> {
        let request = PageRequest::parse(page.0.map(|p| p.0), per_page.0.map(|p| p.0))?;
        let bytes = self
            .reads
            .list_page(status.0.unwrap_or_default(), request)
            .await?;
        Ok(ListTenantsResponse::Ok(JsonBytes::new(bytes)))
    }

    /// Add a municipality
    #[oai(path = "/tenants", method = "post", tag = "ApiTags::Tenants")]
    async fn create_tenant(
        &self,
        caller: SignedIn,
        body: JsonBody<TenantCreate>,
    ) -> ApiResult<CreateTenantResponse> {
        let created = commands::create_tenant((&self.db, &self.reads), &caller, &body).await?;
        let location = format!("/api/v1/tenants/{}", created.slug);
        Ok(CreateTenantResponse::Created(
            Json(self.changed(&created.slug).await?),
            location,
        ))
    }

    /// Read a municipality and its profile
    #[oai(path = "/tenants/:slug", method = "get", tag = "ApiTags::Tenants")]
    async fn get_tenant(&self, slug: Path<String>) -> ApiResult<GetTenantResponse> {
        let view = self.public_view(&slug).await?;
        Ok(GetTenantResponse::Ok(JsonBytes::new(
            view.detail_json.clone(),
        )))
    }

    /// Change a municipality's details
    ///
    /// Everything but the slug, which stays as links to the municipality depend on it.
    #[oai(path = "/tenants/:slug", method = "put", tag = "ApiTags::Tenants")]
    async fn update_tenant(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<TenantUpdate>,
    ) -> ApiResult<TenantResponse> {
        commands::update_details((&self.db, &self.reads), &caller, &slug, &body, None).await?;
        Ok(TenantResponse::Ok(Json(self.changed(&slug).await?)))
    }

    /// Archive a municipality
    ///
    /// It stays readable, marked as archived, and can no longer be changed until restored.
    #[oai(
        path = "/tenants/:slug/archive",
        method = "post",
        tag = "ApiTags::Tenants"
    )]
    async fn archive_tenant(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<TenantResponse> {
        commands::set_archived((&self.db, &self.reads), &caller, &slug, true).await?;
        Ok(TenantResponse::Ok(Json(self.changed(&slug).await?)))
    }

    /// Restore an archived municipality
    #[oai(
        path = "/tenants/:slug/restore",
        method = "post",
        tag = "ApiTags::Tenants"
    )]
    async fn restore_tenant(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<TenantResponse> {
        commands::set_archived((&self.db, &self.reads), &caller, &slug, false).await?;
        Ok(TenantResponse::Ok(Json(self.changed(&slug).await?)))
    }

    /// Replace a municipality's profile sections
    ///
    /// Introduction, key figures, structures and programmes, achievements and goals are
    /// replaced together; if anything is invalid, nothing changes.
    #[oai(
        path = "/tenants/:slug/profile",
        method = "put",
        tag = "ApiTags::Tenants"
    )]
    async fn replace_profile(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<Profile>,
    ) -> ApiResult<TenantResponse> {
        commands::replace_profile((&self.db, &self.reads), &caller, &slug, &body, None).await?;
        Ok(TenantResponse::Ok(Json(self.changed(&slug).await?)))
    }

    /// Read a municipality's council (public)
    ///
    /// Members' contact addresses are never part of this view.
    #[oai(
        path = "/tenants/:slug/council",
        method = "get",
        tag = "ApiTags::Councils"
    )]
    async fn get_council(&self, slug: Path<String>) -> ApiResult<PublicCouncilResponse> {
        let view = self.public_view(&slug).await?;
        Ok(PublicCouncilResponse::Ok(JsonBytes::new(
            view.council_json.clone(),
        )))
    }

    /// Record the council's founding decision and term
    #[oai(
        path = "/tenants/:slug/council",
        method = "put",
        tag = "ApiTags::Councils"
    )]
    async fn update_council(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<CouncilUpdate>,
    ) -> ApiResult<AdminCouncilResponse> {
        commands::save_council_details((&self.db, &self.reads), &caller, &slug, &body, None)
            .await?;
        Ok(AdminCouncilResponse::Ok(Json(
            self.admin_council(&slug).await?,
        )))
    }

    /// List the council's members with contact details and warnings (administrators)
    #[oai(
        path = "/tenants/:slug/council/members",
        method = "get",
        tag = "ApiTags::Councils"
    )]
    async fn list_members(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<AdminCouncilResponse> {
        self.check_administers(&caller, &slug).await?;
        Ok(AdminCouncilResponse::Ok(Json(
            self.admin_council(&slug).await?,
        )))
    }

    /// Where the members' notices go (administrators and the notifications service)
    ///
    /// Each member's private address, else the address of the account linked to the member
    /// record by a council-member role; members with neither are left out.
    #[oai(
        path = "/tenants/:slug/council/contacts",
        method = "get",
        tag = "ApiTags::Councils"
    )]
    async fn member_contacts(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<ContactsResponse> {
        self.check_administers(&caller, &slug).await?;
        let tenant = tenants::find(&self.db, &slug).await?;
        let contacts = council::contacts(&self.db, tenant.id).await?;
        Ok(ContactsResponse::Ok(Json(
            contacts
                .into_iter()
                .map(|c| MemberContactView {
                    member_id: c.member_id,
                    email: c.email,
                })
                .collect(),
        )))
    }

    /// Add a council member
    ///
    /// At most one president, who must be a municipal councillor. Fewer than 5 or more than
    /// 11 regular members is allowed but returned as a warning.
    #[oai(
        path = "/tenants/:slug/council/members",
        method = "post",
        tag = "ApiTags::Councils"
    )]
    async fn add_member(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<MemberInput>,
    ) -> ApiResult<MemberCreatedResponse> {
        let (saved, warnings) =
            commands::add_member((&self.db, &self.reads), &caller, &slug, &body).await?;
        let location = format!("/api/v1/tenants/{}/council/members/{}", slug.0, saved.id);
        Ok(MemberCreatedResponse::Created(
            Json(MemberSaved {
                member: views::member(&saved),
                warnings,
            }),
            location,
        ))
    }

    /// Change a council member
    #[oai(
        path = "/tenants/:slug/council/members/:id",
        method = "put",
        tag = "ApiTags::Councils"
    )]
    async fn update_member(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
        body: JsonBody<MemberInput>,
    ) -> ApiResult<MemberUpdatedResponse> {
        let (saved, warnings) =
            commands::update_member((&self.db, &self.reads), &caller, (&slug, id.0), &body, None)
                .await?;
        Ok(MemberUpdatedResponse::Ok(Json(MemberSaved {
            member: views::member(&saved),
            warnings,
        })))
    }

    /// Remove a council member
    #[oai(
        path = "/tenants/:slug/council/members/:id",
        method = "delete",
        tag = "ApiTags::Councils"
    )]
    async fn remove_member(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<MemberRemovedResponse> {
        self.check_administers(&caller, &slug).await?;
        council::remove_member(&self.db, &slug, id.0).await?;
        self.reads.invalidate(&slug);
        Ok(MemberRemovedResponse::Removed)
    }
}
