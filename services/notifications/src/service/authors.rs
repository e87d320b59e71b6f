//! Practice authors hear of each moderator's decision on their submission: published,
//! changes requested (with what should change), or not accepted (with why). The practices
//! service's events carry the author's account; the tenants service gives its address.

use serde::Serialize;
use serde_json::Value;

use super::{messages::words, queue::NewDelivery};
use crate::{Notifications, error::Result, source::SourceEvent};

#[derive(Serialize)]
struct AuthorData<'a> {
    lang: &'a str,
    t: &'static Value,
    tenant_name: &'a str,
    heading: &'a str,
    intro: &'a str,
    title: &'a str,
    note: Option<&'a str>,
    by: Option<&'a str>,
    link: &'a str,
}

impl Notifications {
    /// The author's message for a practices event, if it is a decision they hear of.
    pub async fn author_message(&self, event: &SourceEvent) -> Result<Option<NewDelivery>> {
        let decision = match event.event_type.as_str() {
            "practice.published" => "published",
            "practice.changes_requested" => "changes_requested",
            "practice.rejected" => "rejected",
            _ => return Ok(None),
        };
        let text = |name: &str| event.payload.get(name).and_then(Value::as_str);
        let (Some(slug), Some(author)) = (
            text("slug"),
            event.payload.get("author_user_id").and_then(Value::as_i64),
        ) else {
            return Ok(None);
        };
        let Some(email) = self.directory.account_email(author).await? else {
            tracing::info!(author, "the practice's author has no account any more");
            return Ok(None);
        };
        // Authors' language is not recorded: Greek, like members' messages.
        let lang = "el";
        let t = words(lang);
        let word = |name: &str| t[name].as_str().unwrap_or_default();
        let title = text("title").unwrap_or(slug);
        let heading = format!("{}: {title}", word(&format!("author_{decision}")));
        let link = format!("{}/practices/{slug}", self.base_url);
        let data = AuthorData {
            lang,
            t,
            tenant_name: word("platform"),
            heading: &heading,
            intro: word(&format!("author_intro_{decision}")),
            title,
            note: text("note"),
            by: text("by"),
            link: &link,
        };
        let rendered = self.messages.render("author", heading.clone(), &data)?;
        Ok(Some(NewDelivery {
            tenant_id: None,
            idempotency_key: format!("practices:{}:author", event.id),
            kind: format!("author.{decision}"),
            recipient: email,
            subscriber_id: None,
            subject: rendered.subject,
            text_body: rendered.text,
            html_body: Some(rendered.html),
            calendar: None,
            unsubscribe_url: None,
            not_before: None,
            body: None,
        }))
    }
}
