//! The sections of a practice that are tables and lists: the yearly results (measures as
//! rows, years as columns, one number per cell) and the links. Without JavaScript: one
//! empty row (and year) waits at the end for a new one, each has a "remove" box, and
//! "Save and add another" comes back to the same page with a new empty one.

use std::{collections::BTreeMap, sync::Arc};

use council_shared::auth::Principal;
use council_shared::{ApiError, FieldError, validation::Invalid};
use poem::{Request, Response};
use practices::{
    api::commands,
    domain::{Bilingual, Link, ResultRow},
};
use serde::Serialize;

use super::{
    failed,
    practice::{Section, Workbench, practice_href, section_href},
    show_form, signed_in,
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
};

/// At most this many measures, years and links (the API's limit for lists).
const MOST: usize = 50;
const MOST_YEARS: usize = 30;

/// The results table as the form holds it: text as typed.
#[derive(Default)]
struct Table {
    years: Vec<String>,
    /// Label in Greek, in English, and a cell per year.
    rows: Vec<(String, String, Vec<String>)>,
}

impl Table {
    fn stored(results: &[ResultRow]) -> Self {
        let mut years: Vec<String> = results
            .iter()
            .flat_map(|r| r.figures.keys().cloned())
            .collect();
        years.sort();
        years.dedup();
        let rows = results
            .iter()
            .map(|r| {
                (
                    r.label.el.clone().unwrap_or_default(),
                    r.label.en.clone().unwrap_or_default(),
                    years
                        .iter()
                        .map(|y| r.figures.get(y).map(|n| n.to_string()).unwrap_or_default())
                        .collect(),
                )
            })
            .collect();
        Self { years, rows }
    }

    /// What was sent, without the removed years and measures and the empty ones.
    fn submitted(submitted: &Submitted) -> Self {
        let columns: Vec<usize> = (0..=MOST_YEARS)
            .filter(|j| submitted.has(&format!("year[{j}]")))
            .filter(|j| !submitted.has(&format!("year[{j}].remove")))
            .collect();
        let mut rows = Vec::new();
        for i in 0..=MOST + 5 {
            if !submitted.has(&format!("measure[{i}].el"))
                || submitted.has(&format!("measure[{i}].remove"))
            {
                continue;
            }
            let cells: Vec<String> = columns
                .iter()
                .map(|j| {
                    submitted
                        .value(&format!("cell[{i}][{j}]"))
                        .trim()
                        .to_string()
                })
                .collect();
            let el = submitted.value(&format!("measure[{i}].el")).to_string();
            let en = submitted.value(&format!("measure[{i}].en")).to_string();
            if el.trim().is_empty() && en.trim().is_empty() && cells.iter().all(String::is_empty) {
                continue;
            }
            rows.push((el, en, cells));
        }
        let mut years: Vec<String> = columns
            .iter()
            .map(|j| submitted.value(&format!("year[{j}]")).trim().to_string())
            .collect();
        // A column with no year and no number is the empty one waiting: no column.
        let keep: Vec<bool> = (0..years.len())
            .map(|j| !years[j].is_empty() || rows.iter().any(|(_, _, c)| !c[j].is_empty()))
            .collect();
        let mut kept = keep.iter();
        years.retain(|_| *kept.next().unwrap_or(&true));
        for (_, _, cells) in &mut rows {
            let mut kept = keep.iter();
            cells.retain(|_| *kept.next().unwrap_or(&true));
        }
        Self { years, rows }
    }

    /// The API's rows, and the errors of what cannot be read (by the form's names).
    fn results(&self) -> (Vec<ResultRow>, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut years = Vec::new();
        for (j, typed) in self.years.iter().enumerate() {
            let name = format!("year[{j}]");
            match typed.parse::<i32>() {
                _ if typed.is_empty() => errors.push(FieldError::new(name, Invalid::required())),
                Ok(year) if (1990..=2100).contains(&year) => {
                    if years.contains(&Some(year)) {
                        let twice = Invalid::new("year_twice", "is in the table twice");
                        errors.push(FieldError::new(name, twice));
                    }
                    years.push(Some(year));
                    continue;
                }
                _ => errors.push(FieldError::new(
                    name,
                    Invalid::new("year_not_between", "must be a year from 1990 to 2100")
                        .with("min", 1990)
                        .with("max", 2100),
                )),
            }
            years.push(None);
        }
        let rows = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, (el, en, cells))| {
                let mut figures = BTreeMap::new();
                for (j, cell) in cells.iter().enumerate() {
                    if cell.is_empty() {
                        continue;
                    }
                    match (figure(cell), years[j]) {
                        (Some(n), Some(year)) => {
                            figures.insert(year.to_string(), n);
                        }
                        (None, _) => errors.push(FieldError::new(
                            format!("cell[{i}][{j}]"),
                            Invalid::new("invalid_number", "must be a whole number"),
                        )),
                        (Some(_), None) => {}
                    }
                }
                let text = |t: &str| Some(t.trim().to_string()).filter(|t| !t.is_empty());
                ResultRow {
                    label: Bilingual {
                        el: text(el),
                        en: text(en),
                    },
                    figures,
                }
            })
            .collect();
        (rows, errors)
    }
}

/// A whole number as people write it: `1234`, `1.234`, `1 234` (not `1,5`).
fn figure(typed: &str) -> Option<i64> {
    let plain: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if let Ok(n) = plain.parse::<i64>() {
        return Some(n);
    }
    let grouped = plain.split(['.', ',']).collect::<Vec<_>>();
    let well_grouped = grouped.len() > 1
        && (1..=3).contains(&grouped[0].len())
        && grouped[1..].iter().all(|g| g.len() == 3);
    well_grouped
        .then(|| grouped.concat().parse::<i64>().ok())
        .flatten()
}

#[derive(Serialize)]
struct YearColumn {
    year: Field,
    remove: Option<Field>,
}

#[derive(Serialize)]
struct MeasureRow {
    legend: String,
    el: Field,
    en: Field,
    remove: Option<Field>,
    cells: Vec<Field>,
}

fn table_form(state: &WebState, req: &Request, lang: Lang, slug: &str, table: &Table) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut form = Form::new(
        req,
        section_href(slug, Section::Results),
        t("practice-save-continue"),
        lang,
        &state.renderer,
    );
    let columns = table.years.len() + usize::from(table.years.len() < MOST_YEARS);
    for j in 0..columns {
        let number = (j + 1).to_string();
        let label = state
            .renderer
            .text_with(lang, "practice-results-year", &[("number", &number)]);
        form = form.field(
            Field::new(&format!("year[{j}]"), "number", label)
                .width("short")
                .value(table.years.get(j).cloned().unwrap_or_default()),
        );
        if j < table.years.len() {
            let year = &table.years[j];
            form = form.field(Field::new(
                &format!("year[{j}].remove"),
                "checkbox",
                state
                    .renderer
                    .text_with(lang, "practice-results-remove-year", &[("year", year)]),
            ));
        }
    }
    let empty = (String::new(), String::new(), Vec::new());
    let extra = (table.rows.len() < MOST).then_some(&empty);
    for (i, (el, en, cells)) in table.rows.iter().chain(extra).enumerate() {
        let name = if el.trim().is_empty() { en } else { el };
        form = form
            .field(
                Field::new(
                    &format!("measure[{i}].el"),
                    "text",
                    t("practice-results-measure-el"),
                )
                .value(el.clone()),
            )
            .field(
                Field::new(
                    &format!("measure[{i}].en"),
                    "text",
                    t("practice-results-measure-en"),
                )
                .value(en.clone()),
            );
        if i < table.rows.len() {
            form = form.field(Field::new(
                &format!("measure[{i}].remove"),
                "checkbox",
                t("practice-results-remove-measure"),
            ));
        }
        for j in 0..columns {
            let year = table
                .years
                .get(j)
                .map_or_else(|| t("practice-results-new-year"), Clone::clone);
            let measure = if name.trim().is_empty() {
                t("practice-results-new-measure")
            } else {
                name.clone()
            };
            let label = state.renderer.text_with(
                lang,
                "practice-results-cell",
                &[("measure", &measure), ("year", &year)],
            );
            form = form.field(
                Field::new(&format!("cell[{i}][{j}]"), "number", label)
                    .value(cells.get(j).cloned().unwrap_or_default()),
            );
        }
    }
    form
}

#[derive(Serialize)]
struct ResultsPage {
    lang: &'static str,
    heading: String,
    title: String,
    back_href: String,
    locked: Option<String>,
    years: Vec<YearColumn>,
    rows: Vec<MeasureRow>,
    form: Form,
}

fn results_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    bench: &Workbench,
    form: Form,
) -> Response {
    let lang = context.lang;
    let take = |name: String| form.fields.get(&name).cloned();
    let years: Vec<YearColumn> = (0..=MOST_YEARS)
        .map_while(|j| {
            Some(YearColumn {
                year: take(format!("year[{j}]"))?,
                remove: take(format!("year[{j}].remove")),
            })
        })
        .collect();
    let rows = (0..=MOST)
        .map_while(|i| {
            let number = (i + 1).to_string();
            let remove = take(format!("measure[{i}].remove"));
            Some(MeasureRow {
                legend: if remove.is_some() {
                    state
                        .renderer
                        .text_with(lang, "practice-results-row", &[("number", &number)])
                } else {
                    state.renderer.text(lang, "practice-results-new-row")
                },
                el: take(format!("measure[{i}].el"))?,
                en: take(format!("measure[{i}].en"))?,
                remove,
                cells: (0..years.len())
                    .filter_map(|j| take(format!("cell[{i}][{j}]")))
                    .collect(),
            })
        })
        .collect();
    let heading = state.renderer.text(lang, "practice-section-results");
    let view = ResultsPage {
        lang: lang.code(),
        heading: heading.clone(),
        title: bench.title(lang),
        back_href: practice_href(&bench.row.slug),
        locked: bench.locked(state, lang),
        years,
        rows,
        form: form.clone(),
    };
    show_form(
        state,
        req,
        context,
        ("workspace_practice_results", &heading),
        &view,
        &form,
    )
}

/// The API names a row of the results by its place among the rows saved; the form by its
/// place on the page, which is the same once removed and empty rows are left out.
fn results_names(errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|mut error| {
            if let Some(rest) = error.field.strip_prefix("results[")
                && let Some((index, tail)) = rest.split_once(']')
            {
                error.field = match tail {
                    ".label" | ".label.el" => format!("measure[{index}].el"),
                    ".label.en" => format!("measure[{index}].en"),
                    _ => format!("measure[{index}].el"),
                };
            }
            error
        })
        .collect()
}

pub(super) async fn edit_results(req: &Request, state: &Arc<WebState>, slug: &str) -> Response {
    let slug = slug.to_string();
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match Workbench::open(state, &principal, &slug).await {
        Ok(bench) => {
            let table = Table::stored(&bench.content.results);
            let form = table_form(state, req, context.lang, &slug, &table)
                .hidden("version", bench.version.clone());
            results_page(state, req, &context, &bench, form)
        }
        Err(error) => failed(state, &context, error),
    }
}

/// Where "save" goes: on to the task list, or back here for another row.
fn after_saving(slug: &str, submitted: &Submitted, section: Section) -> Response {
    if submitted.value("action") == "again" {
        forms::redirect(&format!(
            "{}?done=practice-saved",
            section_href(slug, section)
        ))
    } else {
        forms::redirect(&format!("{}?done=practice-saved", practice_href(slug)))
    }
}

pub(super) async fn save_results(
    (req, state): (&Request, &Arc<WebState>),
    slug: &str,
    (context, principal, submitted): (PageContext, Arc<Principal>, Submitted),
) -> Response {
    let slug = slug.to_string();
    let lang = context.lang;
    let bench = match Workbench::open(state, &principal, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(state, &context, error),
    };
    let table = Table::submitted(&submitted);
    let (results, typing) = table.results();
    let seen = submitted.value("version").to_string();
    let mut content = bench.content.clone();
    content.results = results;
    let outcome = if typing.is_empty() {
        commands::save_draft(&state.practices, &principal, &slug, &content, Some(&seen)).await
    } else {
        Err(ApiError::Validation(typing))
    };
    let error = match outcome {
        Ok(_) => return after_saving(&slug, &submitted, Section::Results),
        Err(ApiError::Validation(errors)) => ApiError::Validation(results_names(errors)),
        Err(error) => error,
    };
    let mut form = table_form(state, req, lang, &slug, &table).hidden("version", seen.clone());
    if let Err(other) = bench.show_refusal((state, lang), &mut form, (error, &seen), &[]) {
        return failed(state, &context, other);
    }
    results_page(state, req, &context, &bench, form)
}

// Links: a label and an address per row.

fn links_form(state: &WebState, req: &Request, lang: Lang, slug: &str, links: &[Link]) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut form = Form::new(
        req,
        section_href(slug, Section::Links),
        t("practice-save-continue"),
        lang,
        &state.renderer,
    );
    let empty = Link::default();
    let extra = (links.len() < MOST).then_some(&empty);
    for (i, link) in links.iter().chain(extra).enumerate() {
        form = form
            .field(
                Field::new(
                    &format!("links[{i}].label"),
                    "text",
                    t("practice-field-links-label"),
                )
                .value(link.label.clone()),
            )
            .field(
                Field::new(
                    &format!("links[{i}].url"),
                    "url",
                    t("practice-field-links-url"),
                )
                .hint(t("practice-field-links-url-hint"))
                .value(link.url.clone()),
            );
        if i < links.len() {
            form = form.field(Field::new(
                &format!("links[{i}].remove"),
                "checkbox",
                t("practice-links-remove"),
            ));
        }
    }
    form
}

fn links_submitted(submitted: &Submitted) -> Vec<Link> {
    (0..=MOST + 5)
        .filter(|i| submitted.has(&format!("links[{i}].label")))
        .filter(|i| !submitted.has(&format!("links[{i}].remove")))
        .map(|i| Link {
            label: submitted
                .value(&format!("links[{i}].label"))
                .trim()
                .to_string(),
            url: submitted
                .value(&format!("links[{i}].url"))
                .trim()
                .to_string(),
        })
        .filter(|l| !l.label.is_empty() || !l.url.is_empty())
        .collect()
}

#[derive(Serialize)]
struct LinkRow {
    legend: String,
    fields: Vec<Field>,
}

#[derive(Serialize)]
struct LinksPage {
    lang: &'static str,
    heading: String,
    title: String,
    back_href: String,
    locked: Option<String>,
    rows: Vec<LinkRow>,
    form: Form,
}

fn links_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    bench: &Workbench,
    form: Form,
) -> Response {
    let lang = context.lang;
    let rows = (0..=MOST)
        .map_while(|i| {
            let fields: Vec<Field> = ["label", "url", "remove"]
                .iter()
                .filter_map(|part| form.fields.get(&format!("links[{i}].{part}")).cloned())
                .collect();
            let number = (i + 1).to_string();
            let saved = fields.len() == 3;
            (!fields.is_empty()).then(|| LinkRow {
                legend: if saved {
                    state
                        .renderer
                        .text_with(lang, "practice-links-row", &[("number", &number)])
                } else {
                    state.renderer.text(lang, "practice-links-new-row")
                },
                fields,
            })
        })
        .collect();
    let heading = state.renderer.text(lang, "practice-section-links");
    let view = LinksPage {
        lang: lang.code(),
        heading: heading.clone(),
        title: bench.title(lang),
        back_href: practice_href(&bench.row.slug),
        locked: bench.locked(state, lang),
        rows,
        form: form.clone(),
    };
    show_form(
        state,
        req,
        context,
        ("workspace_practice_links", &heading),
        &view,
        &form,
    )
}

pub(super) async fn edit_links(req: &Request, state: &Arc<WebState>, slug: &str) -> Response {
    let slug = slug.to_string();
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    match Workbench::open(state, &principal, &slug).await {
        Ok(bench) => {
            let form = links_form(state, req, context.lang, &slug, &bench.content.links)
                .hidden("version", bench.version.clone());
            links_page(state, req, &context, &bench, form)
        }
        Err(error) => failed(state, &context, error),
    }
}

pub(super) async fn save_links(
    (req, state): (&Request, &Arc<WebState>),
    slug: &str,
    (context, principal, submitted): (PageContext, Arc<Principal>, Submitted),
) -> Response {
    let slug = slug.to_string();
    let lang = context.lang;
    let bench = match Workbench::open(state, &principal, &slug).await {
        Ok(found) => found,
        Err(error) => return failed(state, &context, error),
    };
    let links = links_submitted(&submitted);
    let seen = submitted.value("version").to_string();
    let mut content = bench.content.clone();
    content.links = links.clone();
    let error = match commands::save_draft(
        &state.practices,
        &principal,
        &slug,
        &content,
        Some(&seen),
    )
    .await
    {
        Ok(_) => return after_saving(&slug, &submitted, Section::Links),
        Err(error) => error,
    };
    let mut form = links_form(state, req, lang, &slug, &links).hidden("version", seen.clone());
    if let Err(other) = bench.show_refusal((state, lang), &mut form, (error, &seen), &[]) {
        return failed(state, &context, other);
    }
    links_page(state, req, &context, &bench, form)
}

#[cfg(test)]
mod tests {
    use super::figure;

    #[test]
    fn figures_are_read_as_people_write_them() {
        assert_eq!(figure("1234"), Some(1234));
        assert_eq!(figure("1.234"), Some(1234));
        assert_eq!(figure("1 234 567"), Some(1_234_567));
        assert_eq!(figure("12,345"), Some(12_345));
        assert_eq!(figure("1,5"), None);
        assert_eq!(figure("πολλοί"), None);
    }
}
