//! The practices API: `/practices` across every municipality (search, read, submit,
//! moderate) and the platform's thematic areas.

pub mod models;

use std::sync::Arc;

use council_shared::{
    ApiError,
    auth::{MaybeSignedIn, Principal, SignedIn},
    council::CouncilDirectory,
    json_body::JsonBody,
    pagination::PageRequest,
    problem::ApiResult,
    search::query_terms,
    validation::optional_text,
};
use poem_openapi::{
    ApiResponse, OpenApi, Tags,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::DatabaseConnection;

use crate::{
    domain::{Action, PracticeContent, PracticeState},
    entities::practice,
    error::PracticesError,
    service::{
        self, Actor, content_of, lifecycle,
        search::{self, FACETS, SearchQuery, Sort},
    },
};
use models::*;

#[derive(Tags)]
enum ApiTags {
    /// Good practices shared across municipalities: search, submission and moderation.
    Practices,
}

/// What the API needs.
pub struct Core {
    pub db: DatabaseConnection,
    pub directory: Arc<dyn CouncilDirectory>,
}

impl Core {
    pub fn new(db: DatabaseConnection, directory: Arc<dyn CouncilDirectory>) -> Arc<Self> {
        Arc::new(Self { db, directory })
    }

    /// Every active municipality's slug and id.
    async fn municipalities(&self) -> Result<Vec<(String, i64)>, ApiError> {
        Ok(self
            .directory
            .all()
            .await?
            .into_iter()
            .filter(|r| r.tenant.active)
            .map(|r| (r.tenant.slug.as_str().to_string(), r.tenant.id))
            .collect())
    }

    /// Checks the content, and that only the municipality's administrators submit in its
    /// name; returns it with the municipality's id.
    async fn validated(
        &self,
        input: &PracticeContent,
        actor: &Actor,
    ) -> Result<(PracticeContent, Option<i64>), ApiError> {
        let municipalities = self.municipalities().await?;
        let slugs: Vec<String> = municipalities.iter().map(|(s, _)| s.clone()).collect();
        let themes: Vec<String> = service::themes(&self.db)
            .await?
            .into_iter()
            .map(|t| t.code)
            .collect();
        let content =
            PracticeContent::parse(input, &themes, &slugs).map_err(ApiError::Validation)?;
        let tenant_id = match &content.organisation.tenant {
            Some(slug) => {
                let id = municipalities
                    .iter()
                    .find(|(s, _)| s == slug)
                    .map(|(_, id)| *id);
                if !id.is_some_and(|id| actor.speaks_for(id)) {
                    return Err(ApiError::Forbidden(format!(
                        "only {slug}'s administrators and practice authors submit practices in its name"
                    )));
                }
                id
            }
            None => None,
        };
        Ok((content, tenant_id))
    }

    async fn detail(
        &self,
        practice: &practice::Model,
        principal: Option<&Principal>,
    ) -> Result<PracticeDetail, ApiError> {
        let actor = principal.map(Actor::of);
        let insider = actor.as_ref().is_some_and(|a| a.edits(practice));
        let revisions = service::revisions(&self.db, practice.id).await?;
        let published = match practice.published_revision {
            Some(number) => revisions
                .iter()
                .find(|r| r.number == number)
                .map(content_of)
                .transpose()?,
            None => None,
        };
        if published.is_none() && !insider {
            return Err(PracticesError::NotFound(practice.slug.clone()).into());
        }
        let state = PracticeState::from_db(&practice.state)?;
        let working = match (insider, revisions.last()) {
            (true, Some(latest)) => Some(WorkingRevision {
                revision: latest.number,
                state,
                content: content_of(latest)?,
                updated_at: latest.updated_at,
            }),
            _ => None,
        };
        let history = if insider {
            Some(
                lifecycle::history(&self.db, practice.id)
                    .await?
                    .into_iter()
                    .map(|t| TransitionView {
                        revision: t.revision,
                        from: t.from_state,
                        to: t.to_state,
                        by: t.actor_name,
                        note: t.note,
                        at: t.created_at,
                    })
                    .collect(),
            )
        } else {
            None
        };
        let allowed_actions = match &actor {
            Some(actor) => state
                .allowed(practice.published_revision.is_some())
                .into_iter()
                .filter(|a| {
                    if a.is_moderation() {
                        actor.moderates(practice)
                    } else {
                        actor.edits(practice)
                    }
                })
                .map(|a| a.name().to_string())
                .collect(),
            None => Vec::new(),
        };
        Ok(PracticeDetail {
            slug: practice.slug.clone(),
            published,
            published_at: practice.published_at,
            archived: practice.archived_at.is_some(),
            working,
            history,
            allowed_actions,
        })
    }
}

fn summary(row: &practice::Model, content: &PracticeContent) -> PracticeSummary {
    let mut municipalities = content.locations.clone();
    if let Some(own) = &content.organisation.tenant
        && !municipalities.contains(own)
    {
        municipalities.insert(0, own.clone());
    }
    PracticeSummary {
        slug: row.slug.clone(),
        title: content.title.clone(),
        summary: content.summary.clone(),
        sector: content.sector,
        thematic_areas: content.thematic_areas.clone(),
        organisation: content.organisation.name.clone(),
        municipalities,
        published_at: row.published_at.unwrap_or(row.created_at),
        archived: row.archived_at.is_some(),
        href: format!("/api/v1/practices/{}", row.slug),
    }
}

#[derive(ApiResponse)]
pub enum SearchResponse {
    /// One page of published practices, with counts per filter value.
    #[oai(status = 200)]
    Ok(Json<PracticeSearchPage>),
}

#[derive(ApiResponse)]
pub enum PracticeResponse {
    /// The practice as the caller may see it.
    #[oai(status = 200)]
    Ok(Json<PracticeDetail>),
}

#[derive(ApiResponse)]
pub enum PracticeCreatedResponse {
    /// The draft was saved; `Location` is its address.
    #[oai(status = 201)]
    Created(Json<PracticeDetail>, #[oai(header = "Location")] String),
}

#[derive(ApiResponse)]
pub enum ThemesResponse {
    /// The platform's thematic areas, in order.
    #[oai(status = 200)]
    Ok(Json<Vec<ThemeView>>),
}

pub struct PracticesApi {
    pub core: Arc<Core>,
}

impl PracticesApi {
    async fn step(
        &self,
        caller: &Principal,
        slug: &str,
        action: Action,
        note: Option<String>,
    ) -> ApiResult<PracticeResponse> {
        let note = optional_text(note.as_deref(), 5_000)
            .map_err(|message| ApiError::invalid("note", message))?;
        let existing = service::find(&self.core.db, slug).await?;
        let saved =
            lifecycle::act(&self.core.db, &Actor::of(caller), existing, action, note).await?;
        Ok(PracticeResponse::Ok(Json(
            self.core.detail(&saved, Some(caller)).await?,
        )))
    }
}

#[OpenApi(tag = "ApiTags::Practices")]
impl PracticesApi {
    /// Search published practices
    ///
    /// Across every municipality. `q` ignores case and Greek accents and ranks title
    /// matches first; each filter may be given once; `facets` counts the results per value.
    #[oai(path = "/practices", method = "get")]
    #[allow(clippy::too_many_arguments)] // one per documented query parameter
    async fn search_practices(
        &self,
        /// Words to search for; all must match.
        q: Query<Option<String>>,
        /// `municipality`, `civil_society`, `business`, `academia`, ...
        sector: Query<Option<String>>,
        /// A thematic area code, from `GET /practice-themes`.
        theme: Query<Option<String>>,
        /// A UN Sustainable Development Goal, 1 to 17.
        sdg: Query<Option<String>>,
        /// A municipality's slug.
        municipality: Query<Option<String>>,
        /// `refugees`, `migrants`, `women`, `children`, ...
        audience: Query<Option<String>>,
        /// Practices running in this year.
        year: Query<Option<String>>,
        /// `relevance` (the default with `q`) or `date` (newest first).
        sort: Query<Option<String>>,
        /// Page number, from 1.
        page: Query<Option<u64>>,
        /// Items per page, 1 to 100 (default 20).
        per_page: Query<Option<u64>>,
    ) -> ApiResult<SearchResponse> {
        let request = PageRequest::parse(page.0, per_page.0)?;
        let sort = match sort.0.as_deref() {
            None | Some("") | Some("relevance") => Sort::Relevance,
            Some("date") => Sort::Date,
            Some(_) => return Err(ApiError::invalid("sort", "must be `relevance` or `date`")),
        };
        let filters: Vec<(String, String)> = FACETS
            .iter()
            .zip([
                &sector.0,
                &theme.0,
                &sdg.0,
                &municipality.0,
                &audience.0,
                &year.0,
            ])
            .filter_map(|(name, value)| {
                value
                    .as_deref()
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
                    .map(|v| (name.to_string(), v.to_string()))
            })
            .collect();
        let query = SearchQuery {
            terms: query_terms(q.0.as_deref().unwrap_or(""), 8),
            filters,
            sort,
            page: request,
        };
        let found = search::search(&self.core.db, &query).await?;
        let mut items = Vec::with_capacity(found.rows.len());
        for row in &found.rows {
            let revisions = service::revisions(&self.core.db, row.id).await?;
            if let Some(published) = revisions
                .iter()
                .find(|r| Some(r.number) == row.published_revision)
            {
                items.push(summary(row, &content_of(published)?));
            }
        }
        Ok(SearchResponse::Ok(Json(PracticeSearchPage {
            items,
            page: request.page,
            per_page: request.per_page,
            total: found.total,
            total_pages: found.total.div_ceil(request.per_page),
            facets: found
                .counts
                .into_iter()
                .map(|(facet, value, count)| FacetCount {
                    facet,
                    value,
                    count,
                })
                .collect(),
        })))
    }

    /// Submit a practice as a draft
    ///
    /// Any signed-in user may draft one; only a municipality's administrators may name
    /// their municipality as the submitting organisation.
    #[oai(path = "/practices", method = "post")]
    async fn create_practice(
        &self,
        caller: SignedIn,
        body: JsonBody<PracticeContent>,
    ) -> ApiResult<PracticeCreatedResponse> {
        let actor = Actor::of(&caller);
        let (content, tenant_id) = self.core.validated(&body, &actor).await?;
        let created = lifecycle::create(&self.core.db, &actor, &content, tenant_id, None).await?;
        let location = format!("/api/v1/practices/{}", created.slug);
        Ok(PracticeCreatedResponse::Created(
            Json(self.core.detail(&created, Some(&caller)).await?),
            location,
        ))
    }

    /// Read a practice
    ///
    /// The public reads the published version; the author and moderators also see the
    /// revision being worked on and the history.
    #[oai(path = "/practices/:slug", method = "get")]
    async fn get_practice(
        &self,
        caller: MaybeSignedIn,
        slug: Path<String>,
    ) -> ApiResult<PracticeResponse> {
        let found = service::find(&self.core.db, &slug).await?;
        Ok(PracticeResponse::Ok(Json(
            self.core.detail(&found, caller.principal()).await?,
        )))
    }

    /// Change a practice
    ///
    /// A draft is changed in place; a published practice gets a new revision for review,
    /// and its public version stays until a moderator publishes the update.
    #[oai(path = "/practices/:slug", method = "put")]
    async fn update_practice(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<PracticeContent>,
    ) -> ApiResult<PracticeResponse> {
        let actor = Actor::of(&caller);
        let existing = service::find(&self.core.db, &slug).await?;
        if !actor.edits(&existing) {
            return Err(ApiError::Forbidden(
                "only the practice's author and its moderators may change it".into(),
            ));
        }
        let (content, tenant_id) = self.core.validated(&body, &actor).await?;
        let saved = lifecycle::update(&self.core.db, &actor, existing, &content, tenant_id).await?;
        Ok(PracticeResponse::Ok(Json(
            self.core.detail(&saved, Some(&caller)).await?,
        )))
    }

    /// Submit a practice for review
    #[oai(path = "/practices/:slug/submit", method = "post")]
    async fn submit_practice(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<PracticeResponse> {
        self.step(&caller, &slug, Action::Submit, None).await
    }

    /// Start reviewing a practice (moderators)
    #[oai(path = "/practices/:slug/review", method = "post")]
    async fn review_practice(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<PracticeResponse> {
        self.step(&caller, &slug, Action::StartReview, None).await
    }

    /// Publish a practice or its update (moderators)
    #[oai(path = "/practices/:slug/publish", method = "post")]
    async fn publish_practice(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<PracticeResponse> {
        self.step(&caller, &slug, Action::Publish, None).await
    }

    /// Send a practice back to its author with notes (moderators)
    #[oai(path = "/practices/:slug/request-changes", method = "post")]
    async fn request_changes(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<DecisionNote>,
    ) -> ApiResult<PracticeResponse> {
        self.step(&caller, &slug, Action::RequestChanges, body.0.note)
            .await
    }

    /// Reject a practice, with the reason (moderators)
    #[oai(path = "/practices/:slug/reject", method = "post")]
    async fn reject_practice(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<DecisionNote>,
    ) -> ApiResult<PracticeResponse> {
        self.step(&caller, &slug, Action::Reject, body.0.note).await
    }

    /// Archive a published practice (moderators); it stays readable, marked as archived
    #[oai(path = "/practices/:slug/archive", method = "post")]
    async fn archive_practice(
        &self,
        caller: SignedIn,
        slug: Path<String>,
    ) -> ApiResult<PracticeResponse> {
        self.step(&caller, &slug, Action::Archive, None).await
    }

    /// The platform's thematic areas
    #[oai(path = "/practice-themes", method = "get")]
    async fn list_themes(&self) -> ApiResult<ThemesResponse> {
        Ok(ThemesResponse::Ok(Json(
            service::themes(&self.core.db)
                .await?
                .into_iter()
                .map(|t| ThemeView {
                    code: t.code,
                    name: crate::domain::Bilingual {
                        el: Some(t.name_el),
                        en: Some(t.name_en),
                    },
                })
                .collect(),
        )))
    }
}
