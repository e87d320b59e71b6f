//! The municipality's notices, for its administrators: how long before a meeting its
//! members are reminded, and when the residents' digests go out, chosen as people think of
//! it (every day or every week, on which day, at what time) with the cron expression as an
//! advanced option; the next three runs are shown. Saved through the same function as the
//! API's `PUT /tenants/{slug}/notification-settings`.

use std::sync::Arc;

use chrono::{NaiveTime, Timelike, Utc};
use council_shared::{ApiError, FieldError, athens, validation::Invalid};
use notifications::{api::models::NotificationSettingsView, service::jobs};
use poem::{
    Request, Response, handler,
    web::{Data, Form as PostedForm, Path},
};
use serde::Serialize;

use super::{failed, received, show_form, signed_in};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
    meeting_views::local_text,
};

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn notices_href(slug: &str) -> String {
    format!("/workspace/{slug}/notices")
}

/// A schedule as the form shows it: (how often, day, time, cron for anything else).
fn decompose(cron: &str) -> (&'static str, String, String, String) {
    let parts: Vec<&str> = cron.split_whitespace().collect();
    if let [second, minute, hour, "*", "*", day] = parts.as_slice()
        && *second == "0"
        && let (Ok(minute), Ok(hour)) = (minute.parse::<u32>(), hour.parse::<u32>())
        && let Some(time) = NaiveTime::from_hms_opt(hour, minute, 0)
    {
        let time = time.format("%H:%M").to_string();
        if *day == "*" {
            return ("daily", "Mon".into(), time, String::new());
        }
        if let Some(day) = DAYS.iter().find(|d| d.eq_ignore_ascii_case(day)) {
            return ("weekly", (*day).to_string(), time, String::new());
        }
    }
    ("custom", "Mon".into(), "08:00".into(), cron.to_string())
}

fn notices_form(state: &WebState, req: &Request, lang: Lang, slug: &str) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let often = ["daily", "weekly", "custom"]
        .map(|o| (o.to_string(), t(&format!("notices-often-{o}"))))
        .to_vec();
    let days = DAYS
        .map(|d| {
            (
                d.to_string(),
                t(&format!("notices-day-{}", d.to_lowercase())),
            )
        })
        .to_vec();
    Form::new(
        req,
        notices_href(slug),
        t("member-form-save"),
        lang,
        &state.renderer,
    )
    .field(
        Field::new("reminder_hours", "number", t("notices-reminder"))
            .hint(t("notices-reminder-hint"))
            .width("short")
            .required(),
    )
    .field(Field::new("often", "radios", t("notices-often")).choices(often))
    .field(
        Field::new("day", "select", t("notices-day"))
            .hint(t("notices-day-hint"))
            .choices(days),
    )
    .field(
        Field::new("time", "text", t("notices-time"))
            .hint(t("meeting-form-time-hint"))
            .width("short"),
    )
    .field(
        Field::new("cron", "text", t("notices-cron"))
            .hint(t("notices-cron-hint"))
            .width("medium"),
    )
}

/// The next `count` times a schedule runs, as Athens local text.
fn next_runs(cron: &str, count: usize) -> Vec<String> {
    let Ok(schedule) = jobs::parse_schedule(cron) else {
        return Vec::new();
    };
    let now = Utc::now();
    schedule
        .after(&athens::local(now))
        .take(count)
        .map(|at| local_text(at.with_timezone(&Utc)))
        .collect()
}

#[derive(Serialize)]
struct NoticesPage {
    lang: &'static str,
    heading: String,
    back_href: String,
    done: Option<String>,
    next_runs: Vec<String>,
    form: Form,
}

fn page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    saved: &NotificationSettingsView,
    form: Form,
) -> Response {
    let heading = state.renderer.text(context.lang, "notices-title");
    let view = NoticesPage {
        lang: context.lang.code(),
        heading: heading.clone(),
        back_href: "/workspace".into(),
        done: super::done_banner(state, req, context.lang),
        next_runs: next_runs(&saved.digest_schedule, 3),
        form,
    };
    show_form(
        state,
        req,
        context,
        ("workspace_notices", &heading),
        &view,
        &view.form,
    )
}

#[handler]
pub async fn notices_page(
    req: &Request,
    Path(slug): Path<String>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let saved = match state.notifications.notice_settings(&principal, &slug).await {
        Ok(saved) => saved,
        Err(error) => return failed(&state, &context, error),
    };
    let (often, day, time, cron) = decompose(&saved.digest_schedule);
    let mut form = notices_form(&state, req, context.lang, &slug);
    form = form.fill([
        (
            "reminder_hours",
            (saved.reminder_minutes / 60).max(1).to_string(),
        ),
        ("often", often.to_string()),
        ("day", day),
        ("time", time),
        ("cron", cron),
    ]);
    page(&state, req, &context, &saved, form)
}

/// The form as the API's input: the schedule made from the day and time (or the cron
/// typed), the reminder in minutes.
fn settings_input(submitted: &Submitted) -> Result<NotificationSettingsView, Vec<FieldError>> {
    let mut errors = Vec::new();
    let hours = forms::parse_count(submitted.value("reminder_hours"))
        .map_err(|e| errors.push(FieldError::new("reminder_hours", e)))
        .unwrap_or(0);
    let schedule = match submitted.value("often") {
        "custom" => submitted.value("cron").trim().to_string(),
        often @ ("daily" | "weekly") => match forms::parse_time(submitted.value("time")) {
            Ok(time) => {
                let day = if often == "daily" {
                    "*"
                } else {
                    DAYS.iter()
                        .find(|d| **d == submitted.value("day"))
                        .copied()
                        .unwrap_or("Mon")
                };
                format!("0 {} {} * * {day}", time.minute(), time.hour())
            }
            Err(invalid) => {
                errors.push(FieldError::new("time", invalid));
                String::new()
            }
        },
        _ => {
            errors.push(FieldError::new(
                "often",
                Invalid::new("choose_one", "choose how often"),
            ));
            String::new()
        }
    };
    if errors.is_empty() {
        Ok(NotificationSettingsView {
            digest_schedule: schedule,
            reminder_minutes: hours.saturating_mul(60),
        })
    } else {
        Err(errors)
    }
}

/// The API names the fields by what it stores.
const NAMES: [(&str, &str); 2] = [
    ("digest_schedule", "cron"),
    ("reminder_minutes", "reminder_hours"),
];

#[handler]
pub async fn save_notices(
    req: &Request,
    Path(slug): Path<String>,
    posted: PostedForm<Vec<(String, String)>>,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal, submitted) = match received(&state, req, posted.0) {
        Ok(found) => found,
        Err(response) => return response,
    };
    // Who may first, as the API would: a stranger's form is not read at all.
    let saved = match state.notifications.notice_settings(&principal, &slug).await {
        Ok(saved) => saved,
        Err(error) => return failed(&state, &context, error),
    };
    let outcome = match settings_input(&submitted) {
        Ok(input) => state
            .notifications
            .save_notice_settings(&principal, &slug, &input)
            .await
            .map(|_| ()),
        Err(errors) => Err(ApiError::Validation(errors)),
    };
    let error = match outcome {
        Ok(()) => return forms::redirect(&format!("{}?done=notices-saved", notices_href(&slug))),
        Err(error) => error,
    };
    let lang = context.lang;
    let mut form = notices_form(&state, req, lang, &slug).keep(&submitted);
    if let Err(other) = form.show_refusal(&state.renderer, lang, error, &NAMES) {
        return failed(&state, &context, other);
    }
    page(&state, req, &context, &saved, form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_schedule_is_read_back_as_people_chose_it() {
        assert_eq!(decompose("0 0 8 * * Mon").0, "weekly");
        assert_eq!(decompose("0 30 18 * * *").2, "18:30");
        assert_eq!(decompose("0 0 8 1 * *").0, "custom");
        assert_eq!(decompose("0 0 8 1 * *").3, "0 0 8 1 * *");
    }
}
