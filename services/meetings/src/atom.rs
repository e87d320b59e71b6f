//! An Atom (RFC 4287) feed of a municipality's published minutes and decisions, newest
//! first, for readers and for anyone who republishes them.

use chrono::{DateTime, Utc};

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub title: String,
    pub link: String,
    pub updated: DateTime<Utc>,
    /// Sanitised HTML.
    pub content_html: String,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn feed(id: &str, title: &str, self_link: &str, alternate: &str, entries: &[Entry]) -> String {
    let updated = entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or_else(|| DateTime::<Utc>::from_timestamp(0, 0).unwrap_or_default());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"el\">\n");
    out.push_str(&format!(
        "  <id>{}</id>\n  <title>{}</title>\n",
        escape(id),
        escape(title)
    ));
    out.push_str(&format!("  <updated>{}</updated>\n", updated.to_rfc3339()));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(self_link)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(alternate)
    ));
    out.push_str("  <author><name>ΣΕΜΠ</name></author>\n");
    for entry in entries {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", escape(&entry.id)));
        out.push_str(&format!("    <title>{}</title>\n", escape(&entry.title)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&entry.link)
        ));
        out.push_str(&format!(
            "    <updated>{}</updated>\n",
            entry.updated.to_rfc3339()
        ));
        out.push_str(&format!(
            "    <content type=\"html\">{}</content>\n",
            escape(&entry.content_html)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_titles_and_content_is_escaped() {
        let xml = feed(
            "urn:x",
            "A & B",
            "http://h/feed",
            "http://h/",
            &[Entry {
                id: "urn:x:1".into(),
                title: "<b>Πρακτικό</b>".into(),
                link: "http://h/m/1".into(),
                updated: Utc::now(),
                content_html: "<p>ok</p>".into(),
            }],
        );
        assert!(xml.contains("<title>A &amp; B</title>"));
        assert!(xml.contains("&lt;b&gt;Πρακτικό&lt;/b&gt;"));
        assert!(xml.contains("&lt;p&gt;ok&lt;/p&gt;"));
    }
}
