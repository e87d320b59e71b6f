//! A read-only OParl 1.1 endpoint (`/oparl/v1.1/system`), the open standard for council
//! information systems, so civic-tech tools can read every council on the platform at once.
//!
//! System → Body (a municipality) → Organization (its ΣΕΜΠ), Person and Membership (the
//! council from the tenants service), Meeting, AgendaItem, File, Location and
//! LegislativeTerm. Only what the public may see is published: no drafts, no closed items
//! or their documents, no unpublished decisions or minutes. Papers and consultations belong
//! to the municipal council's own system, so their lists are empty.

mod listing;
mod load;
mod objects;

use std::{future::Future, sync::Arc};

use chrono::Utc;
use council_shared::methods::get;
use council_shared::{ApiError, compression::CachedBody, council::CouncilRoster, http::PublicUrl};
use poem::{
    EndpointExt, Request, Response, Route, handler,
    http::header,
    web::{Data, Path},
};
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder};
use serde_json::Value;

use crate::{
    api::Core,
    entities::{agenda_item, attachment, meeting},
};
use listing::ListQuery;
use load::MeetingBundle;
use objects::{Term, Urls};

/// The endpoint's routes, to be nested at `/oparl/v1.1`.
pub fn routes(core: Arc<Core>) -> Route {
    Route::new()
        .at("/system", get(get_system).data(core.clone()))
        .at("/bodies", get(get_bodies).data(core.clone()))
        .at("/bodies/:slug", get(get_body).data(core.clone()))
        .at("/bodies/:slug/:list", get(get_body_list).data(core.clone()))
        .at(
            "/bodies/:slug/:list/:key",
            get(get_body_object).data(core.clone()),
        )
        .at(
            "/bodies/:slug/meetings/:id/minutes",
            get(get_minutes).data(core.clone()),
        )
}

const JSON: &str = "application/json; charset=utf-8";

/// OParl is JSON for anyone, browsers on other sites included.
fn json_response(result: Result<CachedBody, ApiError>) -> Response {
    let mut response = match result {
        Ok(body) => body.into_response(JSON),
        Err(error) => poem::error::ResponseError::as_response(&error),
    };
    response.headers_mut().insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        header::HeaderValue::from_static("*"),
    );
    response
}

/// Everything here is public: each answer is kept with the other public views until the
/// next write (see `Core::public_views`).
async fn respond<F>(req: &Request, core: &Core, make: F) -> Response
where
    F: Future<Output = Result<Value, ApiError>>,
{
    let key = format!("oparl|{}", req.uri());
    json_response(
        core.public_view(key, async { Ok(CachedBody::new(make.await?.to_string())) })
            .await,
    )
}

fn urls_of(req: &Request) -> Urls {
    match req.data::<PublicUrl>() {
        Some(url) => Urls::new(&url.0),
        None => {
            let host = req
                .headers()
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("localhost");
            Urls::new(&format!("http://{host}"))
        }
    }
}

fn not_found(what: &str) -> ApiError {
    ApiError::NotFound(format!("this OParl endpoint has no {what}"))
}

async fn roster(core: &Core, slug: &str) -> Result<CouncilRoster, ApiError> {
    let roster = core.roster(slug).await?;
    if !roster.tenant.active {
        return Err(crate::MeetingsError::TenantNotFound(slug.into()).into());
    }
    Ok(roster)
}

fn term(roster: &CouncilRoster) -> Term {
    Term::of(
        roster,
        council_shared::athens::local(Utc::now()).date_naive(),
    )
}

#[handler]
async fn get_system(req: &Request, core: Data<&Arc<Core>>) -> Response {
    respond(req, &core, async {
        let bodies = core.directory.all().await?;
        Ok(objects::system(&urls_of(req), &bodies))
    })
    .await
}

#[handler]
async fn get_bodies(req: &Request, core: Data<&Arc<Core>>) -> Response {
    respond(req, &core, async {
        let urls = urls_of(req);
        let list = ListQuery::parse(req.uri().query())?;
        let all = core
            .directory
            .all()
            .await?
            .iter()
            .filter(|b| b.tenant.active && list.admits(b.created_at, b.updated_at))
            .map(|b| objects::body(&urls, b, &term(b)))
            .collect();
        let (data, total) = list.page_of(all);
        Ok(list.page_json(&urls.bodies(), data, total))
    })
    .await
}

#[handler]
async fn get_body(req: &Request, slug: Path<String>, core: Data<&Arc<Core>>) -> Response {
    respond(req, &core, async {
        let roster = roster(&core, &slug).await?;
        Ok(objects::body(&urls_of(req), &roster, &term(&roster)))
    })
    .await
}

#[handler]
async fn get_body_list(
    req: &Request,
    Path((slug, name)): Path<(String, String)>,
    core: Data<&Arc<Core>>,
) -> Response {
    respond(req, &core, async {
        let urls = urls_of(req);
        let list = ListQuery::parse(req.uri().query())?;
        let roster = roster(&core, &slug).await?;
        let list_url = urls.in_body(&slug, &name);
        let (data, total) = match name.as_str() {
            "organizations" => list.page_of(
                Some(objects::organization(&urls, &roster, &term(&roster)))
                    .filter(|_| list.admits(roster.created_at, roster.updated_at))
                    .into_iter()
                    .collect(),
            ),
            "legislative-terms" => list.page_of(
                Some(objects::legislative_term(&urls, &roster, &term(&roster)))
                    .filter(|_| list.admits(roster.created_at, roster.updated_at))
                    .into_iter()
                    .collect(),
            ),
            "people" | "memberships" => list.page_of(
                roster
                    .members
                    .iter()
                    .filter(|m| list.admits(m.created_at, m.updated_at))
                    .map(|m| match name.as_str() {
                        "people" => objects::person(&urls, &slug, m),
                        _ => objects::membership(&urls, &slug, m, true),
                    })
                    .collect(),
            ),
            "papers" | "consultations" => (Vec::new(), 0),
            "locations" => list.page_of(
                locations(&core, &urls, &roster)
                    .await?
                    .into_iter()
                    .filter(|(created, modified, _)| list.admits(*created, *modified))
                    .map(|(_, _, value)| value)
                    .collect(),
            ),
            "meetings" => meetings_page(&core, &urls, &roster, &list).await?,
            "agenda-items" => agenda_items_page(&core, &urls, &roster, &list).await?,
            "files" => files_page(&core, &urls, &roster, &list).await?,
            _ => return Err(not_found(&format!("list `{name}`"))),
        };
        Ok(list.page_json(&list_url, data, total))
    })
    .await
}

#[handler]
async fn get_body_object(
    req: &Request,
    Path((slug, name, key)): Path<(String, String, String)>,
    core: Data<&Arc<Core>>,
) -> Response {
    respond(req, &core, async {
        let urls = urls_of(req);
        let roster = roster(&core, &slug).await?;
        let missing = || not_found(&format!("{name} `{key}` in {slug}"));
        let id = || key.parse::<i64>().map_err(|_| missing());
        match name.as_str() {
            "organizations" if key == "council" => {
                Ok(objects::organization(&urls, &roster, &term(&roster)))
            }
            "legislative-terms" => {
                let term = term(&roster);
                (term.key == key)
                    .then(|| objects::legislative_term(&urls, &roster, &term))
                    .ok_or_else(missing)
            }
            "people" | "memberships" => {
                let member = roster.member(id()?).ok_or_else(missing)?;
                Ok(match name.as_str() {
                    "people" => objects::person(&urls, &slug, member),
                    _ => objects::membership(&urls, &slug, member, true),
                })
            }
            "locations" => locations(&core, &urls, &roster)
                .await?
                .into_iter()
                .find(|(_, _, value)| {
                    value["id"] == urls.in_body(&slug, &format!("locations/{key}"))
                })
                .map(|(_, _, value)| value)
                .ok_or_else(missing),
            "meetings" => {
                let bundle = meeting_bundle(&core, &roster, id()?)
                    .await?
                    .ok_or_else(missing)?;
                Ok(objects::meeting(&urls, &slug, &bundle))
            }
            "agenda-items" => {
                let item = agenda_item::Entity::find_by_id(id()?)
                    .filter(agenda_item::Column::Public.eq(true))
                    .one(&core.db)
                    .await
                    .map_err(crate::MeetingsError::from)?
                    .ok_or_else(missing)?;
                let bundle = meeting_bundle(&core, &roster, item.meeting_id)
                    .await?
                    .ok_or_else(missing)?;
                let (order, numbered) = bundle
                    .items
                    .iter()
                    .enumerate()
                    .find(|(_, n)| n.item.id == item.id)
                    .ok_or_else(missing)?;
                Ok(objects::agenda_item(
                    &urls, &slug, &bundle, numbered, order, true,
                ))
            }
            "files" => {
                let row = attachment::Entity::find_by_id(id()?)
                    .one(&core.db)
                    .await
                    .map_err(crate::MeetingsError::from)?
                    .ok_or_else(missing)?;
                let bundle = meeting_bundle(&core, &roster, row.meeting_id)
                    .await?
                    .ok_or_else(missing)?;
                bundle
                    .files
                    .iter()
                    .find(|f| f.id == row.id)
                    .map(|f| objects::file(&urls, &slug, f, true))
                    .ok_or_else(missing)
            }
            _ => Err(missing()),
        }
    })
    .await
}

#[handler]
async fn get_minutes(
    req: &Request,
    Path((slug, id)): Path<(String, i64)>,
    core: Data<&Arc<Core>>,
) -> Response {
    respond(req, &core, async {
        let roster = roster(&core, &slug).await?;
        let missing = || not_found(&format!("published minutes of meeting {id} in {slug}"));
        let bundle = meeting_bundle(&core, &roster, id)
            .await?
            .ok_or_else(missing)?;
        objects::minutes_file(&urls_of(req), &slug, &bundle, true).ok_or_else(missing)
    })
    .await
}

async fn meeting_bundle(
    core: &Core,
    roster: &CouncilRoster,
    id: i64,
) -> Result<Option<MeetingBundle>, ApiError> {
    let Some(found) = load::public_meetings(roster.tenant.id)
        .filter(meeting::Column::Id.eq(id))
        .one(&core.db)
        .await
        .map_err(crate::MeetingsError::from)?
    else {
        return Ok(None);
    };
    Ok(load::bundles(&core.db, vec![found]).await?.pop())
}

/// Every venue of the municipality's public meetings, with when it was first and last
/// used, in the order of first use.
async fn locations(
    core: &Core,
    urls: &Urls,
    roster: &CouncilRoster,
) -> Result<Vec<(chrono::DateTime<Utc>, chrono::DateTime<Utc>, Value)>, ApiError> {
    let meetings = load::public_meetings(roster.tenant.id)
        .filter(meeting::Column::LocationName.is_not_null())
        .order_by_asc(meeting::Column::Id)
        .all(&core.db)
        .await
        .map_err(crate::MeetingsError::from)?;
    let mut venues: Vec<(String, Vec<&meeting::Model>)> = Vec::new();
    for found in &meetings {
        let Some(key) = objects::location_key(found) else {
            continue;
        };
        match venues.iter_mut().find(|(k, _)| *k == key) {
            Some((_, at)) => at.push(found),
            None => venues.push((key, vec![found])),
        }
    }
    Ok(venues
        .into_iter()
        .filter_map(|(_, at)| {
            let created = at.iter().map(|m| m.created_at).min()?;
            let modified = at.iter().map(|m| m.updated_at).max()?;
            objects::location(urls, roster.tenant.slug.as_str(), &at, true)
                .map(|v| (created, modified, v))
        })
        .collect())
}

async fn meetings_page(
    core: &Core,
    urls: &Urls,
    roster: &CouncilRoster,
    list: &ListQuery,
) -> Result<(Vec<Value>, u64), ApiError> {
    let query = list
        .apply(
            load::public_meetings(roster.tenant.id),
            meeting::Column::CreatedAt,
            meeting::Column::UpdatedAt,
        )
        .order_by_asc(meeting::Column::Id);
    let (rows, total) = list.rows(&core.db, query).await?;
    let slug = roster.tenant.slug.as_str();
    Ok((
        load::bundles(&core.db, rows)
            .await?
            .iter()
            .map(|b| objects::meeting(urls, slug, b))
            .collect(),
        total,
    ))
}

async fn agenda_items_page(
    core: &Core,
    urls: &Urls,
    roster: &CouncilRoster,
    list: &ListQuery,
) -> Result<(Vec<Value>, u64), ApiError> {
    let meeting_ids = load::public_meeting_ids(&core.db, roster.tenant.id).await?;
    let query = list
        .apply(
            agenda_item::Entity::find()
                .filter(agenda_item::Column::MeetingId.is_in(meeting_ids))
                .filter(agenda_item::Column::Public.eq(true)),
            agenda_item::Column::CreatedAt,
            agenda_item::Column::UpdatedAt,
        )
        .order_by_asc(agenda_item::Column::Id);
    let (rows, total) = list.rows(&core.db, query).await?;
    let mut wanted: Vec<i64> = rows.iter().map(|i| i.meeting_id).collect();
    wanted.sort_unstable();
    wanted.dedup();
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::Id.is_in(wanted))
        .all(&core.db)
        .await
        .map_err(crate::MeetingsError::from)?;
    let bundles = load::bundles(&core.db, meetings).await?;
    let slug = roster.tenant.slug.as_str();
    let data = rows
        .iter()
        .filter_map(|row| {
            let bundle = bundles.iter().find(|b| b.meeting.id == row.meeting_id)?;
            let (order, numbered) = bundle
                .items
                .iter()
                .enumerate()
                .find(|(_, n)| n.item.id == row.id)?;
            Some(objects::agenda_item(
                urls, slug, bundle, numbered, order, true,
            ))
        })
        .collect();
    Ok((data, total))
}

async fn files_page(
    core: &Core,
    urls: &Urls,
    roster: &CouncilRoster,
    list: &ListQuery,
) -> Result<(Vec<Value>, u64), ApiError> {
    let meeting_ids = load::public_meeting_ids(&core.db, roster.tenant.id).await?;
    let item_ids = load::public_item_ids(&core.db, &meeting_ids).await?;
    let query = list
        .apply(
            attachment::Entity::find()
                .filter(attachment::Column::MeetingId.is_in(meeting_ids))
                .filter(
                    Condition::any()
                        .add(attachment::Column::ItemId.is_null())
                        .add(attachment::Column::ItemId.is_in(item_ids)),
                ),
            attachment::Column::CreatedAt,
            attachment::Column::CreatedAt,
        )
        .order_by_asc(attachment::Column::Id);
    let (rows, total) = list.rows(&core.db, query).await?;
    let slug = roster.tenant.slug.as_str();
    Ok((
        rows.iter()
            .map(|f| objects::file(urls, slug, f, true))
            .collect(),
        total,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use poem::http::StatusCode;

    #[test]
    fn a_response_is_json_that_any_site_may_read() {
        let response = json_response(Ok(CachedBody::new("{}")));
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response
                .headers()
                .get(header::ACCESS_CONTROL_ALLOW_ORIGIN)
                .unwrap(),
            "*"
        );
        assert!(
            response
                .content_type()
                .unwrap()
                .starts_with("application/json")
        );
    }
}
