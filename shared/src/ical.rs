//! iCalendar (RFC 5545) for meetings: a feed per municipality and a file per meeting (the
//! meetings service), and the invitations sent to members by e-mail (iTIP, RFC 5546: the
//! notifications service).
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

fn begin(out: &mut String, name: &str, method: &str) {
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//SEMP Council Platform//Meetings//EL");
    line(out, "CALSCALE:GREGORIAN");
    line(out, &format!("METHOD:{method}"));
    line(out, &format!("X-WR-CALNAME:{}", escape(name)));
    line(out, "X-WR-TIMEZONE:Europe/Athens");
}

/// One VEVENT; `extra` lines (ORGANIZER, ATTENDEE) go before its end.
fn vevent(out: &mut String, event: &Event, now: &str, extra: &[String]) {
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}", event.uid));
    line(out, &format!("DTSTAMP:{now}"));
    line(out, &format!("DTSTART:{}", stamp(event.starts_at)));
    line(out, &format!("DTEND:{}", stamp(event.ends_at)));
    line(out, &format!("SEQUENCE:{}", event.sequence));
    line(out, &format!("STATUS:{}", event.status));
    line(out, &format!("SUMMARY:{}", escape(&event.summary)));
    if !event.description.is_empty() {
        line(out, &format!("DESCRIPTION:{}", escape(&event.description)));
    }
    if let Some(location) = &event.location {
        line(out, &format!("LOCATION:{}", escape(location)));
    }
    line(out, &format!("URL:{}", event.url));
    line(
        out,
        &format!("LAST-MODIFIED:{}", stamp(event.last_modified)),
    );
    for extra in extra {
        line(out, extra);
    }
    line(out, "END:VEVENT");
}

/// A whole calendar. `method`: `PUBLISH` for feeds and downloads (`REQUEST`/`CANCEL` are for
/// invitations sent by e-mail: see `invitation`).
pub fn calendar(name: &str, method: &str, events: &[Event]) -> String {
    let mut out = String::with_capacity(512 + events.len() * 600);
    begin(&mut out, name, method);
    let now = stamp(Utc::now());
    for event in events {
        vevent(&mut out, event, &now, &[]);
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// An invitation to one attendee (iTIP): `REQUEST` for a new or changed meeting (SEQUENCE
/// tells calendars which is newer), `CANCEL` with STATUS:CANCELLED to take it off their
/// calendar. Members answer on the platform, so no reply is asked for (RSVP=FALSE).
pub fn invitation(
    name: &str,
    method: &str,
    event: &Event,
    organizer: (&str, &str),
    attendee: (&str, &str),
) -> String {
    let (organizer_name, organizer_email) = organizer;
    let (attendee_name, attendee_email) = attendee;
    let quoted = |text: &str| text.replace(['"', ';', ':', ','], " ");
    let mut out = String::with_capacity(1024);
    begin(&mut out, name, method);
    vevent(
        &mut out,
        event,
        &stamp(Utc::now()),
        &[
            format!(
                "ORGANIZER;CN=\"{}\":mailto:{organizer_email}",
                quoted(organizer_name)
            ),
            format!(
                "ATTENDEE;CN=\"{}\";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:{attendee_email}",
                quoted(attendee_name)
            ),
        ],
    );
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
