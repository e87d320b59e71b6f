//! iCalendar (RFC 5545) for meetings: a feed per municipality and a file per meeting.
//! The UID is the meeting's for good, SEQUENCE rises with every change a calendar should
//! pick up, a cancelled meeting stays in the feed as CANCELLED, and URL leads back to the
//! meeting's page. Times are written in UTC, which needs no VTIMEZONE.

use chrono::{DateTime, Utc};

/// One meeting as a VEVENT.
#[derive(Debug, Clone)]
pub struct Event {
    pub uid: String,
    pub sequence: i32,
    pub status: &'static str,
    pub summary: String,
    pub description: String,
    pub location: Option<String>,
    pub url: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub last_modified: DateTime<Utc>,
}

/// A stable UID for meeting `id` of municipality `slug`.
pub fn uid(slug: &str, id: i64) -> String {
    format!("meeting-{id}.{slug}@semp-council")
}

/// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out
}

/// Appends one content line folded at 75 octets (never inside a UTF-8 character), CRLF.
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let size = c.len_utf8();
        if width + size > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += size;
    }
    out.push_str("\r\n");
}

fn stamp(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A whole calendar. `method`: `PUBLISH` for feeds and downloads (`REQUEST`/`CANCEL` are for
/// invitations sent by e-mail).
pub fn calendar(name: &str, method: &str, events: &[Event]) -> String {
    let mut out = String::with_capacity(512 + events.len() * 600);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//SEMP Council Platform//Meetings//EL");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("METHOD:{method}"));
    line(&mut out, &format!("X-WR-CALNAME:{}", escape(name)));
    line(&mut out, "X-WR-TIMEZONE:Europe/Athens");
    let now = stamp(Utc::now());
    for event in events {
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{}", event.uid));
        line(&mut out, &format!("DTSTAMP:{now}"));
        line(&mut out, &format!("DTSTART:{}", stamp(event.starts_at)));
        line(&mut out, &format!("DTEND:{}", stamp(event.ends_at)));
        line(&mut out, &format!("SEQUENCE:{}", event.sequence));
        line(&mut out, &format!("STATUS:{}", event.status));
        line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        if !event.description.is_empty() {
            line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&event.description)),
            );
        }
        if let Some(location) = &event.location {
            line(&mut out, &format!("LOCATION:{}", escape(location)));
        }
        line(&mut out, &format!("URL:{}", event.url));
        line(
            &mut out,
            &format!("LAST-MODIFIED:{}", stamp(event.last_modified)),
        );
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_greek_lines_fold_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "Συνεδρίαση ".repeat(20)));
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical}",
                physical.len()
            );
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("SUMMARY:{}\r\n", "Συνεδρίαση ".repeat(20))
        );
    }

    #[test]
    fn text_values_escape_separators() {
        assert_eq!(escape("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
    }
}
