//! OParl lists: pages of `elementsPerPage` objects (20 unless asked, at most 100) in a
//! stable order, with the four date filters every list must accept, kept in the `next`
//! link so a client walks the whole filtered list.

use chrono::{DateTime, Utc};
use council_shared::ApiError;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect, Select,
};
use serde_json::{Value, json};

const DEFAULT_PER_PAGE: u64 = 20;
const MAX_PER_PAGE: u64 = 100;

/// One date filter, with the text the client sent (repeated as is in the links).
#[derive(Debug, Clone)]
struct DateFilter {
    name: &'static str,
    text: String,
    at: DateTime<Utc>,
}

/// A list request: which page, how long, and which objects.
#[derive(Debug, Clone)]
pub struct ListQuery {
    page: u64,
    per_page: u64,
    per_page_asked: bool,
    filters: Vec<DateFilter>,
}

const FILTERS: [&str; 4] = [
    "created_since",
    "created_until",
    "modified_since",
    "modified_until",
];

impl ListQuery {
    /// Reads `page`, `elementsPerPage` and the date filters from a query string; anything
    /// unreadable is a 400 that names the parameter.
    pub fn parse(query: Option<&str>) -> Result<Self, ApiError> {
        let mut list = Self {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
            per_page_asked: false,
            filters: Vec::new(),
        };
        for (key, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
            match key.as_ref() {
                "page" => {
                    list.page = value
                        .parse()
                        .ok()
                        .filter(|page| *page >= 1)
                        .ok_or_else(|| bad("page", "a page number from 1"))?
                }
                "elementsPerPage" => {
                    list.per_page = value
                        .parse()
                        .ok()
                        .filter(|n| (1..=MAX_PER_PAGE).contains(n))
                        .ok_or_else(|| {
                            bad(
                                "elementsPerPage",
                                &format!("a number from 1 to {MAX_PER_PAGE}"),
                            )
                        })?;
                    list.per_page_asked = true;
                }
                name => {
                    if let Some(name) = FILTERS.into_iter().find(|f| *f == name) {
                        let at = DateTime::parse_from_rfc3339(&value)
                            .map_err(|_| {
                                bad(
                                    name,
                                    "a date and time with its offset, as 2026-05-04T18:00:00+03:00",
                                )
                            })?
                            .with_timezone(&Utc);
                        list.filters.retain(|f| f.name != name);
                        list.filters.push(DateFilter {
                            name,
                            text: value.into_owned(),
                            at,
                        });
                    }
                }
            }
        }
        Ok(list)
    }

    fn filter(&self, name: &str) -> Option<DateTime<Utc>> {
        self.filters.iter().find(|f| f.name == name).map(|f| f.at)
    }

    /// Whether an object created and modified at these times passes the date filters.
    pub fn admits(&self, created: DateTime<Utc>, modified: DateTime<Utc>) -> bool {
        self.filter("created_since").is_none_or(|at| created >= at)
            && self.filter("created_until").is_none_or(|at| created <= at)
            && self
                .filter("modified_since")
                .is_none_or(|at| modified >= at)
            && self
                .filter("modified_until")
                .is_none_or(|at| modified <= at)
    }

    /// The date filters as conditions on a query.
    pub fn apply<E: EntityTrait>(
        &self,
        mut query: Select<E>,
        created: impl ColumnTrait,
        modified: impl ColumnTrait,
    ) -> Select<E> {
        if let Some(at) = self.filter("created_since") {
            query = query.filter(created.gte(at));
        }
        if let Some(at) = self.filter("created_until") {
            query = query.filter(created.lte(at));
        }
        if let Some(at) = self.filter("modified_since") {
            query = query.filter(modified.gte(at));
        }
        if let Some(at) = self.filter("modified_until") {
            query = query.filter(modified.lte(at));
        }
        query
    }

    pub fn offset(&self) -> u64 {
        (self.page - 1) * self.per_page
    }

    pub fn limit(&self) -> u64 {
        self.per_page
    }

    /// This page's rows of `query` (in a stable order) and how many rows it has in all.
    pub async fn rows<E: EntityTrait>(
        &self,
        db: &impl ConnectionTrait,
        query: Select<E>,
    ) -> Result<(Vec<E::Model>, u64), ApiError>
    where
        E::Model: Sync,
    {
        let total = query
            .clone()
            .count(db)
            .await
            .map_err(crate::MeetingsError::from)?;
        let rows = query
            .offset(self.offset())
            .limit(self.limit())
            .all(db)
            .await
            .map_err(crate::MeetingsError::from)?;
        Ok((rows, total))
    }

    /// The items of this page out of a whole list already filtered.
    pub fn page_of(&self, all: Vec<Value>) -> (Vec<Value>, u64) {
        let total = all.len() as u64;
        let items = all
            .into_iter()
            .skip(self.offset() as usize)
            .take(self.per_page as usize)
            .collect();
        (items, total)
    }

    fn link(&self, list_url: &str, page: u64) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        for filter in &self.filters {
            query.append_pair(filter.name, &filter.text);
        }
        if self.per_page_asked {
            query.append_pair("elementsPerPage", &self.per_page.to_string());
        }
        query.append_pair("page", &page.to_string());
        format!("{list_url}?{}", query.finish())
    }

    /// The list page: `data`, `pagination` and `links` (`next` on every page but the last).
    pub fn page_json(&self, list_url: &str, data: Vec<Value>, total: u64) -> Value {
        let pages = total.div_ceil(self.per_page).max(1);
        let mut links = serde_json::Map::new();
        links.insert("first".into(), self.link(list_url, 1).into());
        links.insert("self".into(), self.link(list_url, self.page).into());
        links.insert("last".into(), self.link(list_url, pages).into());
        if self.page > 1 {
            links.insert(
                "prev".into(),
                self.link(list_url, (self.page - 1).min(pages)).into(),
            );
        }
        if self.page < pages {
            links.insert("next".into(), self.link(list_url, self.page + 1).into());
        }
        json!({
            "data": data,
            "pagination": {
                "totalElements": total,
                "elementsPerPage": self.per_page,
                "currentPage": self.page,
                "totalPages": pages,
            },
            "links": links,
        })
    }
}

fn bad(parameter: &str, expected: &str) -> ApiError {
    ApiError::BadRequest(format!("`{parameter}` must be {expected}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_page_has_no_next_link_and_filters_stay_in_the_links() {
        let list = ListQuery::parse(Some(
            "created_since=2026-01-01T00:00:00%2B02:00&elementsPerPage=2",
        ))
        .unwrap();
        let first = list.page_json("https://x/l", vec![json!(1), json!(2)], 5);
        let next = first["links"]["next"].as_str().unwrap();
        assert!(next.contains("created_since=2026-01-01T00%3A00%3A00%2B02%3A00"));
        assert!(next.ends_with("page=2"));
        assert_eq!(first["pagination"]["totalPages"], 3);
        let last = ListQuery::parse(Some("elementsPerPage=2&page=3"))
            .unwrap()
            .page_json("https://x/l", vec![json!(5)], 5);
        assert!(last["links"].get("next").is_none());
    }

    #[test]
    fn unreadable_parameters_are_refused_by_name() {
        for (query, name) in [
            ("page=0", "page"),
            ("elementsPerPage=1000", "elementsPerPage"),
            ("modified_since=yesterday", "modified_since"),
        ] {
            let error = ListQuery::parse(Some(query)).unwrap_err();
            assert!(error.to_string().contains(name), "{query}: {error}");
        }
    }

    #[test]
    fn date_filters_bound_both_times() {
        let list = ListQuery::parse(Some(
            "created_since=2026-01-01T00:00:00Z&modified_until=2026-06-01T00:00:00Z",
        ))
        .unwrap();
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        assert!(list.admits(at("2026-02-01T00:00:00Z"), at("2026-03-01T00:00:00Z")));
        assert!(!list.admits(at("2025-12-31T00:00:00Z"), at("2026-03-01T00:00:00Z")));
        assert!(!list.admits(at("2026-02-01T00:00:00Z"), at("2026-07-01T00:00:00Z")));
    }
}
