//! Moderators hear of each practice submitted for review: the submitting municipality's
//! administrators, else the platform's (the tenants service says who, by the same rule as
//! for requests for access). The message names the practice, who submitted it and for which
//! organisation, and links to its review page in the workspace.

use serde::Serialize;
use serde_json::Value;

use super::{messages::words, queue::NewDelivery};
use crate::{Notifications, error::Result, source::SourceEvent};

#[derive(Serialize)]
struct ModeratorData<'a> {
    lang: &'a str,
    t: &'static Value,
    tenant_name: &'a str,
    heading: &'a str,
    intro: &'a str,
    title: &'a str,
    organisation: &'a str,
    by: &'a str,
    link: &'a str,
}

impl Notifications {
    /// One message per moderator for a `practice.submitted` event; none for other events.
    pub async fn moderator_messages(&self, event: &SourceEvent) -> Result<Vec<NewDelivery>> {
        if event.event_type != "practice.submitted" {
            return Ok(Vec::new());
        }
        let text = |name: &str| event.payload.get(name).and_then(Value::as_str);
        let Some(slug) = text("slug") else {
            return Ok(Vec::new());
        };
        let tenant_id = event.payload.get("tenant_id").and_then(Value::as_i64);
        let moderators = self.directory.moderator_emails(tenant_id).await?;
        // Moderators work in Greek, like the authors' messages.
        let lang = "el";
        let t = words(lang);
        let word = |name: &str| t[name].as_str().unwrap_or_default();
        let title = text("title").unwrap_or(slug);
        let update = event
            .payload
            .get("update")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let heading = format!("{}: {title}", word("moderator_submitted"));
        let link = format!("{}/workspace/moderation/practices/{slug}", self.base_url);
        let data = ModeratorData {
            lang,
            t,
            tenant_name: word("platform"),
            heading: &heading,
            intro: word(if update {
                "moderator_intro_update"
            } else {
                "moderator_intro_new"
            }),
            title,
            organisation: text("organisation").unwrap_or_default(),
            by: text("by").unwrap_or_default(),
            link: &link,
        };
        let rendered = self.messages.render("moderator", heading.clone(), &data)?;
        Ok(moderators
            .into_iter()
            .map(|email| NewDelivery {
                tenant_id: None,
                idempotency_key: format!("practices:{}:moderator:{}", event.id, email),
                kind: "moderator.submitted".into(),
                recipient: email,
                subscriber_id: None,
                subject: rendered.subject.clone(),
                text_body: rendered.text.clone(),
                html_body: Some(rendered.html.clone()),
                calendar: None,
                unsubscribe_url: None,
                not_before: None,
                body: None,
            })
            .collect())
    }
}
