//! The practices API: `/practices` across every municipality (search, read, submit,
//! moderate) and the platform's thematic areas.

mod admin_ops;
pub mod commands;
mod files_ops;
pub mod models;
pub mod reads;

pub use admin_ops::PracticeAdminApi;
pub use files_ops::PracticeFilesApi;

use std::sync::Arc;

use council_shared::{
    ApiError, Settings,
    auth::{MaybeSignedIn, Principal, SignedIn},
    council::CouncilDirectory,
    files::FileStore,
    json_body::JsonBody,
    pagination::PageRequest,
    problem::ApiResult,
    rate_limit::RateLimiter,
    search::query_terms,
    spreadsheet::safe_cells,
    tenant::TenantSlug,
    validation::optional_text,
};
use poem_openapi::{
    ApiResponse, OpenApi, Tags,
    param::{Path, Query},
    payload::Json,
};
use sea_orm::DatabaseConnection;

use crate::{
    domain::{Action, Audience, Bilingual, Completeness, PracticeContent, PracticeState, Sector},
    entities::practice,
    error::PracticesError,
    service::{
        self, Actor, community, content_of, files,
        index::SearchIndex,
        lifecycle, moderation,
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
    feedback_per_ip: RateLimiter,
    feedback_per_email: RateLimiter,
    /// The published practices in memory, for search.
    pub index: SearchIndex,
    /// Where photos and documents are kept.
    pub store: Arc<dyn FileStore>,
    pub max_upload_bytes: u64,
}

/// Every practices endpoint, for one OpenAPI document.
pub fn api(core: Arc<Core>) -> (PracticesApi, PracticeFilesApi, PracticeAdminApi) {
    (
        PracticesApi { core: core.clone() },
        PracticeFilesApi { core: core.clone() },
        PracticeAdminApi { core },
    )
}

impl Core {
    /// `settings.cache.ttl_ms` bounds how long the search index misses another instance's
    /// change.
    /// Files go into the database on PostgreSQL, under `uploads/practices` in the data
    /// folder on SQLite.
    pub fn new(
        db: DatabaseConnection,
        directory: Arc<dyn CouncilDirectory>,
        settings: &Settings,
    ) -> anyhow::Result<Arc<Self>> {
        let hour = std::time::Duration::from_secs(3600);
        let limits = &settings.practices;
        let store = council_shared::files::store_for(&db, &settings.data_dir, "practices")?;
        Ok(Arc::new(Self {
            store,
            max_upload_bytes: settings.uploads.max_bytes,
            db,
            directory,
            feedback_per_ip: RateLimiter::new(limits.feedback_per_ip_per_hour, hour),
            feedback_per_email: RateLimiter::new(limits.feedback_per_email_per_hour, hour),
            index: SearchIndex::new(std::time::Duration::from_millis(settings.cache.ttl_ms)),
        }))
    }

    /// The municipality with this slug: its id and names.
    async fn municipality(&self, slug: &str) -> Result<(i64, Bilingual), ApiError> {
        let missing = || ApiError::NotFound(format!("no municipality has the slug `{slug}`"));
        let parsed = TenantSlug::parse(slug).map_err(|_| missing())?;
        self.directory
            .roster(&parsed)
            .await?
            .filter(|r| r.tenant.active)
            .map(|r| {
                (
                    r.tenant.id,
                    Bilingual {
                        el: Some(r.tenant.name_el),
                        en: Some(r.tenant.name_en),
                    },
                )
            })
            .ok_or_else(missing)
    }

    /// A published practice, or 404 (what the public may add to).
    async fn published(&self, slug: &str) -> Result<practice::Model, ApiError> {
        let found = service::find(&self.db, slug).await?;
        if found.published_revision.is_none() {
            return Err(PracticesError::NotFound(slug.to_string()).into());
        }
        Ok(found)
    }

    /// Every active municipality's slug and id.
    pub async fn municipalities(&self) -> Result<Vec<(String, i64)>, ApiError> {
        Ok(self
            .directory
            .all()
            .await?
            .into_iter()
            .filter(|r| r.tenant.active)
            .map(|r| (r.tenant.slug.as_str().to_string(), r.tenant.id))
            .collect())
    }

    /// Checks the content (as a draft, or as complete for a submission), and that only the
    /// municipality's administrators and practice authors submit in its name; returns it
    /// with the municipality's id.
    pub async fn validated(
        &self,
        input: &PracticeContent,
        actor: &Actor,
        existing: Option<&practice::Model>,
        completeness: Completeness,
    ) -> Result<(PracticeContent, Option<i64>), ApiError> {
        let municipalities = self.municipalities().await?;
        let slugs: Vec<String> = municipalities.iter().map(|(s, _)| s.clone()).collect();
        let themes: Vec<String> = service::themes(&self.db)
            .await?
            .into_iter()
            .map(|t| t.code)
            .collect();
        let content = PracticeContent::parse(input, &themes, &slugs, completeness)
            .map_err(ApiError::Validation)?;
        let uploaded = match existing {
            Some(found) => files::for_practice(&self.db, found.id).await?,
            None => Vec::new(),
        };
        let wrong = files::check_references(&content, &uploaded);
        if !wrong.is_empty() {
            return Err(ApiError::Validation(wrong));
        }
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

    /// The practice as `principal` may see it: 404 for a draft to anyone but its author
    /// and moderators.
    pub async fn detail(
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
        let adopted = community::adoptions(&self.db, practice.id).await?;
        // Municipalities' names only when someone adopted it (the directory may be remote).
        let rosters = if adopted.is_empty() {
            Vec::new()
        } else {
            self.directory.all().await?
        };
        let adoptions = adopted
            .into_iter()
            .filter_map(|a| {
                let roster = rosters.iter().find(|r| r.tenant.id == a.tenant_id)?;
                Some(AdoptionView {
                    tenant: roster.tenant.slug.as_str().to_string(),
                    name: Bilingual {
                        el: Some(roster.tenant.name_el.clone()),
                        en: Some(roster.tenant.name_en.clone()),
                    },
                    note: a.note,
                    adopted_at: a.created_at,
                })
            })
            .collect();
        let feedback_count = community::approved_count(&self.db, practice.id).await?;
        let shown = match &published {
            Some(content) if !insider => content.file_ids(),
            _ => Vec::new(),
        };
        let files = files::for_practice(&self.db, practice.id)
            .await?
            .into_iter()
            .filter(|f| insider || shown.contains(&f.id))
            .map(|f| PracticeFileView {
                download: format!("/api/v1/practices/{}/files/{}", practice.slug, f.id),
                id: f.id,
                file_name: f.file_name,
                content_type: f.content_type,
                size_bytes: f.size_bytes,
                sha512: f.sha512,
                uploaded_at: f.created_at,
            })
            .collect();
        Ok(PracticeDetail {
            files,
            slug: practice.slug.clone(),
            adoptions,
            feedback_count,
            published,
            published_at: practice.published_at,
            archived: practice.archived_at.is_some(),
            working,
            history,
            allowed_actions,
        })
    }
}

council_shared::text_enum!(
    /// The order of search results.
    SortOrder {
        /// Title matches first, then the newest (the default).
        Relevance => "relevance",
        /// The newest first.
        Date => "date",
    }
);

council_shared::text_enum!(
    /// Which feedback messages to list.
    FeedbackState {
        Approved => "approved",
        Pending => "pending",
        Rejected => "rejected",
    }
);

council_shared::text_enum!(
    /// The states a practice waits in before or after a moderator's decision.
    SubmissionState {
        Draft => "draft",
        Submitted => "submitted",
        InReview => "in_review",
        ChangesRequested => "changes_requested",
        Rejected => "rejected",
    }
);

impl From<SubmissionState> for PracticeState {
    fn from(state: SubmissionState) -> Self {
        match state {
            SubmissionState::Draft => Self::Draft,
            SubmissionState::Submitted => Self::Submitted,
            SubmissionState::InReview => Self::InReview,
            SubmissionState::ChangesRequested => Self::ChangesRequested,
            SubmissionState::Rejected => Self::Rejected,
        }
    }
}

/// The moderation queue as the API lists it: what `principal` moderates in `state`
/// (by default those waiting for a decision), the longest waiting first.
pub async fn submissions(
    core: &Core,
    principal: &Principal,
    state: Option<SubmissionState>,
) -> Result<Vec<PracticeSubmission>, ApiError> {
    let states = match state {
        Some(one) => vec![PracticeState::from(one)],
        None => moderation::WAITING.to_vec(),
    };
    Ok(moderation::queue(&core.db, &Actor::of(principal), &states)
        .await?
        .into_iter()
        .map(|q| PracticeSubmission {
            href: format!("/api/v1/practices/{}", q.practice.slug),
            slug: q.practice.slug,
            title: q.content.title,
            organisation: q.content.organisation.name,
            municipality: q.content.organisation.tenant,
            state: q.state,
            submitted_at: q.since,
            update: q.update,
        })
        .collect())
}

/// The search filters as the API types them; the pages send the same as text.
struct SearchFilters {
    sector: Option<Sector>,
    theme: Option<String>,
    sdg: Option<u8>,
    municipality: Option<String>,
    audience: Option<Audience>,
    year: Option<i32>,
}

impl SearchFilters {
    /// In the order of [`FACETS`].
    fn into_strings(self) -> [Option<String>; 6] {
        [
            self.sector.map(|s| s.as_str().to_string()),
            self.theme,
            self.sdg.map(|n| n.to_string()),
            self.municipality,
            self.audience.map(|a| a.as_str().to_string()),
            self.year.map(|y| y.to_string()),
        ]
    }
}

/// The search request: words, the six filters in `FACETS` order, the order and the page.
pub fn search_query(
    q: Option<&str>,
    filters: [Option<String>; 6],
    sort: Option<&str>,
    page: PageRequest,
) -> Result<SearchQuery, ApiError> {
    let sort = match sort {
        None | Some("") | Some("relevance") => Sort::Relevance,
        Some("date") => Sort::Date,
        Some(_) => return Err(ApiError::invalid("sort", "must be `relevance` or `date`")),
    };
    let filters: Vec<(String, String)> = FACETS
        .iter()
        .zip(filters)
        .filter_map(|(name, value)| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| (name.to_string(), v.to_string()))
        })
        .collect();
    // A value that can never match is a mistake in the request, not an empty result.
    for (name, value) in &filters {
        let known = match name.as_str() {
            "sector" => crate::domain::Sector::from_db(value).is_ok(),
            "audience" => crate::domain::Audience::from_db(value).is_ok(),
            "sdg" => value.parse::<u8>().is_ok_and(|n| (1..=17).contains(&n)),
            "year" => value
                .parse::<i32>()
                .is_ok_and(|y| (1900..=2200).contains(&y)),
            _ => true,
        };
        if !known {
            let expected = match name.as_str() {
                "sector" => "is not a sector: see the `sector` values in the API document",
                "audience" => "is not a target audience: see the `audience` values",
                "sdg" => "must be a goal number from 1 to 17",
                _ => "must be a year such as 2024",
            };
            return Err(ApiError::invalid(name.clone(), expected));
        }
    }
    Ok(SearchQuery {
        terms: query_terms(q.unwrap_or(""), 8),
        filters,
        sort,
        page,
    })
}

/// The CSV export's rows: one line per practice, texts in Greek (English when there is no
/// Greek), lists joined with `; `.
fn csv_of(rows: &[(&practice::Model, &PracticeContent)], base: &str) -> Result<Vec<u8>, ApiError> {
    let text = |b: &Bilingual| b.el.clone().or_else(|| b.en.clone()).unwrap_or_default();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "slug",
        "title",
        "title_en",
        "summary",
        "sector",
        "thematic_areas",
        "audiences",
        "organisation",
        "municipalities",
        "from",
        "to",
        "ongoing",
        "sdgs",
        "published_at",
        "archived",
        "url",
    ];
    let fail = |e: csv::Error| ApiError::Internal(anyhow::Error::new(e).context("writing CSV"));
    writer.write_record(safe_cells(header)).map_err(fail)?;
    for (row, content) in rows {
        let listed = summary(row, content);
        writer
            .write_record(safe_cells([
                row.slug.clone(),
                text(&content.title),
                content.title.en.clone().unwrap_or_default(),
                text(&content.summary),
                content
                    .sector
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
                content.thematic_areas.join("; "),
                content
                    .audiences
                    .iter()
                    .map(|a| a.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                content.organisation.name.clone(),
                listed.municipalities.join("; "),
                content
                    .duration
                    .from
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                content
                    .duration
                    .to
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                content.duration.ongoing.to_string(),
                content
                    .sdgs
                    .iter()
                    .map(u8::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
                listed.published_at.to_rfc3339(),
                listed.archived.to_string(),
                format!("{base}/api/v1/practices/{}", row.slug),
            ]))
            .map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("writing CSV: {e}")))
}

fn feedback_view(row: crate::entities::feedback::Model) -> FeedbackView {
    FeedbackView {
        id: row.id,
        name: row.name,
        body: row.body,
        state: row.state,
        created_at: row.created_at,
    }
}

pub(crate) fn summary(row: &practice::Model, content: &PracticeContent) -> PracticeSummary {
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
pub enum SubmissionsResponse {
    /// The practices, the longest waiting first.
    #[oai(status = 200)]
    Ok(Json<Vec<PracticeSubmission>>),
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
pub enum CsvResponse {
    /// The filtered list as CSV (UTF-8, a header line, RFC 4180 quoting).
    #[oai(status = 200, content_type = "text/csv; charset=utf-8")]
    Ok(
        poem_openapi::payload::Binary<Vec<u8>>,
        #[oai(header = "Content-Disposition")] String,
    ),
}

#[derive(ApiResponse)]
pub enum ExportResponse {
    /// The published practice as a JSON file to keep or import elsewhere.
    #[oai(status = 200)]
    Ok(
        Json<PracticeExport>,
        #[oai(header = "Content-Disposition")] String,
    ),
}

#[derive(ApiResponse)]
pub enum FeedbackReceivedResponse {
    /// Received; it shows once a moderator approves it.
    #[oai(status = 202)]
    Accepted(Json<FeedbackReceived>),
}

#[derive(ApiResponse)]
pub enum FeedbackListResponse {
    /// The messages, oldest first.
    #[oai(status = 200)]
    Ok(Json<Vec<FeedbackView>>),
}

#[derive(ApiResponse)]
pub enum FeedbackResponse {
    /// The message as moderated.
    #[oai(status = 200)]
    Ok(Json<FeedbackView>),
}

#[derive(ApiResponse)]
pub enum AdoptedResponse {
    /// The adoption was recorded.
    #[oai(status = 201)]
    Created(Json<AdoptionView>),
}

#[derive(ApiResponse)]
pub enum AdoptionWithdrawnResponse {
    /// The adoption was withdrawn.
    #[oai(status = 204)]
    Withdrawn,
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
    async fn moderate(
        &self,
        caller: &Principal,
        slug: &str,
        id: i64,
        approve: bool,
    ) -> ApiResult<FeedbackResponse> {
        let found = self.core.published(slug).await?;
        let actor = Actor::of(caller);
        if !actor.moderates(&found) {
            return Err(ApiError::Forbidden(
                "only the practice's moderators moderate its feedback".into(),
            ));
        }
        let row = community::moderate_feedback(&self.core.db, &actor, &found, id, approve).await?;
        Ok(FeedbackResponse::Ok(Json(feedback_view(row))))
    }

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
        self.core.index.invalidate();
        Ok(PracticeResponse::Ok(Json(
            self.core.detail(&saved, Some(caller)).await?,
        )))
    }
}

#[OpenApi(tag = "ApiTags::Practices")]
impl PracticesApi {
    /// Search published practices
    ///
    /// Across every municipality. `q` ignores case and Greek accents, finds inflected forms
    /// in Greek and English («απασχόλησης» finds «απασχόληση», "employed" "employment") and
    /// the names of a practice's thematic areas, sector, UN goals and municipalities in both
    /// languages, and ranks title matches first; each filter may be given once; `facets`
    /// counts the results per value.
    #[oai(path = "/practices", method = "get")]
    #[allow(clippy::too_many_arguments)] // one per documented query parameter
    async fn search_practices(
        &self,
        /// Words to search for; all must match.
        q: Query<Option<String>>,
        /// Who runs the practice.
        sector: Query<Option<Sector>>,
        /// A thematic area code, from `GET /practice-themes`.
        theme: Query<Option<String>>,
        /// A UN Sustainable Development Goal, 1 to 17.
        #[oai(validator(minimum(value = "1"), maximum(value = "17")))]
        sdg: Query<Option<u8>>,
        /// A municipality's slug.
        municipality: Query<Option<String>>,
        /// Whom the practice serves.
        audience: Query<Option<Audience>>,
        /// Practices running in this year.
        #[oai(validator(minimum(value = "1900"), maximum(value = "2200")))]
        year: Query<Option<i32>>,
        /// `relevance` (the default with `q`) or `date` (newest first).
        sort: Query<Option<SortOrder>>,
        /// Page number, from 1.
        page: Query<Option<council_shared::pagination::PageNumber>>,
        /// Items per page, 1 to 100 (default 20).
        per_page: Query<Option<council_shared::pagination::PageSize>>,
        /// Only `published` (the default): moderators list practices in other states at
        /// `GET /practice-submissions`.
        #[oai(name = "state")]
        _state: Query<Option<PublishedOnly>>,
    ) -> ApiResult<SearchResponse> {
        let request = PageRequest::parse(page.0.map(|p| p.0), per_page.0.map(|p| p.0))?;
        let filters = SearchFilters {
            sector: sector.0,
            theme: theme.0,
            sdg: sdg.0,
            municipality: municipality.0,
            audience: audience.0,
            year: year.0,
        };
        let query = search_query(
            q.0.as_deref(),
            filters.into_strings(),
            sort.0.map(SortOrder::as_str),
            request,
        )?;
        let page = reads::search(&self.core, &query).await?;
        Ok(SearchResponse::Ok(Json(page)))
    }

    /// The moderation queue (moderators)
    ///
    /// The practices the caller moderates (every one for platform administrators, else
    /// those their municipalities submitted) that wait for a decision (`submitted` and
    /// `in_review`), or those in the `state` given; the longest waiting first. Empty for
    /// anyone who moderates nothing.
    #[oai(path = "/practice-submissions", method = "get")]
    async fn list_submissions(
        &self,
        caller: SignedIn,
        /// One state instead of those waiting for a decision.
        state: Query<Option<SubmissionState>>,
    ) -> ApiResult<SubmissionsResponse> {
        Ok(SubmissionsResponse::Ok(Json(
            submissions(&self.core, &caller, state.0).await?,
        )))
    }

    /// Export the filtered list as CSV
    ///
    /// The same words and filters as the search, every match (up to 10,000), in the same
    /// order.
    #[oai(path = "/practices.csv", method = "get")]
    #[allow(clippy::too_many_arguments)] // one per documented query parameter
    async fn export_csv(
        &self,
        base: poem::web::Data<&council_shared::http::PublicUrl>,
        /// Words to search for; all must match.
        q: Query<Option<String>>,
        sector: Query<Option<Sector>>,
        theme: Query<Option<String>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "17")))] sdg: Query<Option<u8>>,
        municipality: Query<Option<String>>,
        audience: Query<Option<Audience>>,
        #[oai(validator(minimum(value = "1900"), maximum(value = "2200")))] year: Query<
            Option<i32>,
        >,
        /// `relevance` or `date`.
        sort: Query<Option<SortOrder>>,
    ) -> ApiResult<CsvResponse> {
        let filters = SearchFilters {
            sector: sector.0,
            theme: theme.0,
            sdg: sdg.0,
            municipality: municipality.0,
            audience: audience.0,
            year: year.0,
        };
        let query = search_query(
            q.0.as_deref(),
            filters.into_strings(),
            sort.0.map(SortOrder::as_str),
            PageRequest {
                page: 1,
                per_page: 10_000,
            },
        )?;
        let csv = self
            .core
            .index
            .search(
                &self.core.db,
                self.core.directory.as_ref(),
                &query,
                |hits| {
                    let rows: Vec<(&practice::Model, &PracticeContent)> =
                        hits.page.iter().map(|e| (&e.row, &e.content)).collect();
                    csv_of(&rows, &base.0.0)
                },
            )
            .await??;
        Ok(CsvResponse::Ok(
            poem_openapi::payload::Binary(csv),
            "attachment; filename=\"practices.csv\"".into(),
        ))
    }

    /// Export a published practice as JSON
    #[oai(path = "/practices/:slug/export", method = "get")]
    async fn export_practice(&self, slug: Path<String>) -> ApiResult<ExportResponse> {
        let found = self.core.published(&slug).await?;
        let rows = search::published_contents(&self.core.db, vec![found]).await?;
        let (row, content) = rows.into_iter().next().ok_or_else(|| {
            ApiError::NotFound(format!("no practice has the address `{}`", slug.0))
        })?;
        Ok(ExportResponse::Ok(
            Json(PracticeExport {
                slug: row.slug.clone(),
                published_at: row.published_at.unwrap_or(row.created_at),
                archived: row.archived_at.is_some(),
                practice: content,
            }),
            format!("attachment; filename=\"{}.json\"", row.slug),
        ))
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
        let created = commands::create_draft(&self.core, &caller, &body).await?;
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
        let saved = commands::save_draft(&self.core, &caller, &slug, &body, None).await?;
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
        let saved = commands::submit(&self.core, &caller, &slug).await?;
        Ok(PracticeResponse::Ok(Json(
            self.core.detail(&saved, Some(&caller)).await?,
        )))
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

    /// Tell us your opinion
    ///
    /// Anyone may send feedback on a published practice: a name (optional), an e-mail
    /// address (required, never shown) and the message. It shows once a moderator approves
    /// it. Limited per client address and per e-mail address per hour (429 after).
    #[oai(path = "/practices/:slug/feedback", method = "post")]
    async fn give_feedback(
        &self,
        request: &poem::Request,
        slug: Path<String>,
        body: JsonBody<FeedbackInput>,
    ) -> ApiResult<FeedbackReceivedResponse> {
        reads::send_feedback(
            &self.core,
            &slug,
            &council_shared::http::client_ip(request),
            &body,
        )
        .await?;
        Ok(FeedbackReceivedResponse::Accepted(Json(FeedbackReceived {
            message: "Thank you: your message will show once a moderator has read it.".into(),
        })))
    }

    /// Feedback on a practice
    ///
    /// Approved messages for everyone; `state=pending` or `rejected` for its moderators.
    /// E-mail addresses are never shown.
    #[oai(path = "/practices/:slug/feedback", method = "get")]
    async fn list_feedback(
        &self,
        caller: MaybeSignedIn,
        slug: Path<String>,
        /// `approved` (the default), `pending` or `rejected`.
        state: Query<Option<FeedbackState>>,
    ) -> ApiResult<FeedbackListResponse> {
        let found = self.core.published(&slug).await?;
        let state = state.0.unwrap_or(FeedbackState::Approved);
        if state != FeedbackState::Approved
            && !caller
                .principal()
                .is_some_and(|p| Actor::of(p).moderates(&found))
        {
            return Err(ApiError::Forbidden(
                "only the practice's moderators read feedback that is not approved".into(),
            ));
        }
        Ok(FeedbackListResponse::Ok(Json(
            community::feedback(&self.core.db, found.id, state.as_str())
                .await?
                .into_iter()
                .map(feedback_view)
                .collect(),
        )))
    }

    /// Approve a feedback message (moderators)
    #[oai(path = "/practices/:slug/feedback/:id/approve", method = "post")]
    async fn approve_feedback(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<FeedbackResponse> {
        self.moderate(&caller, &slug, *id, true).await
    }

    /// Reject a feedback message (moderators)
    #[oai(path = "/practices/:slug/feedback/:id/reject", method = "post")]
    async fn reject_feedback(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        id: Path<i64>,
    ) -> ApiResult<FeedbackResponse> {
        self.moderate(&caller, &slug, *id, false).await
    }

    /// We adopted this
    ///
    /// A municipality's administrator marks that their municipality adopted the practice,
    /// with a short note; the practice lists the municipalities that adopted it.
    #[oai(path = "/practices/:slug/adoptions", method = "post")]
    async fn adopt_practice(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        body: JsonBody<AdoptionInput>,
    ) -> ApiResult<AdoptedResponse> {
        let adopted = reads::adopt(
            &self.core,
            &caller,
            &slug,
            (&body.tenant, body.note.as_deref()),
        )
        .await?;
        Ok(AdoptedResponse::Created(Json(adopted)))
    }

    /// Withdraw a municipality's adoption (its administrators)
    #[oai(path = "/practices/:slug/adoptions/:tenant", method = "delete")]
    async fn withdraw_adoption(
        &self,
        caller: SignedIn,
        slug: Path<String>,
        tenant: Path<String>,
    ) -> ApiResult<AdoptionWithdrawnResponse> {
        reads::withdraw_adoption(&self.core, &caller, &slug, &tenant).await?;
        Ok(AdoptionWithdrawnResponse::Withdrawn)
    }
}
