//! Bounces and complaints as they arrive in the platform's bounce mailbox: delivery status
//! notifications (RFC 3464, and RFC 6533's `message/global-delivery-status`) and abuse
//! feedback reports (ARF, RFC 5965). Pure parsing, no I/O; anything else (an out-of-office
//! reply, a "still trying" notice, spam) is `None`, and the caller ignores it.

use mailparse::{MailHeader, MailHeaderMap, ParsedMail};

/// What a report in the bounce mailbox says about one of our deliveries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Report {
    Bounce(Bounce),
    Complaint(Complaint),
}

/// A recipient's server gave up on a message (`Action: failed` in a DSN).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounce {
    /// The addresses the report was sent to, as the receiving mailbox saw them:
    /// `Delivered-To`, `X-Original-To`, `To`, `Envelope-To` of the report itself
    /// (lower-case, without angle brackets). A VERP address among them names the delivery.
    pub sent_to: Vec<String>,
    /// The failed message's Message-ID (without angle brackets), from the returned headers
    /// (a `text/rfc822-headers` or `message/rfc822` part), if any.
    pub message_id: Option<String>,
    /// The failed recipient: Original-Recipient, else Final-Recipient, without the address
    /// type (`rfc822;`), lower-case.
    pub recipient: Option<String>,
    /// 5.x.x: permanent (hard); 4.x.x: temporary (soft), the server gave up retrying.
    pub permanent: bool,
    /// The status code, e.g. "5.1.1"; when a failed recipient has none, the one in its
    /// Diagnostic-Code, else "5.0.0" (RFC 3463's "other undefined status").
    pub status: String,
    /// The Diagnostic-Code, e.g. "smtp; 550 5.1.1 <x@y>: Recipient address rejected: User
    /// unknown", on one line and at most [`DIAGNOSTIC_LIMIT`] characters.
    pub diagnostic: Option<String>,
}

/// A recipient told their provider our message is unwanted (an ARF feedback report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Complaint {
    /// As in [`Bounce::sent_to`].
    pub sent_to: Vec<String>,
    /// The reported message's Message-ID (without angle brackets), if it came back.
    pub message_id: Option<String>,
    /// Original-Rcpt-To, or the To of the returned message (lower-case).
    pub recipient: Option<String>,
    /// Feedback-Type, lower-case: abuse, fraud, virus, other, not-spam...
    pub feedback_type: String,
}

/// Diagnostics are kept for people reading a delivery's history; a server's whole
/// transcript is no use there and must not bloat the row.
pub const DIAGNOSTIC_LIMIT: usize = 500;

/// Reads one raw message from the bounce mailbox. `None` for anything that is not a DSN with
/// a failed recipient or an ARF report.
pub fn parse_report(raw: &[u8]) -> Option<Report> {
    let mail = mailparse::parse_mail(raw).ok()?;
    // Some relays wrap the report in a multipart/mixed of their own: look for it anywhere.
    // Its parts, not its report-type parameter (which some senders leave out), say which
    // kind it is.
    let report = find_part(&mail, &|p| p.ctype.mimetype == "multipart/report")?;
    let sent_to = sent_to(&mail.headers);
    let returned = find_part(report, &|p| {
        matches!(
            p.ctype.mimetype.as_str(),
            "message/rfc822" | "text/rfc822-headers" | "message/global" | "message/global-headers"
        )
    })
    .and_then(|p| p.get_body_raw().ok());
    // The returned message's headers only: its body is of no interest.
    let returned_headers = returned
        .as_deref()
        .and_then(|r| mailparse::parse_headers(r).ok())
        .map(|(headers, _)| headers)
        .unwrap_or_default();
    let message_id = returned_headers
        .get_first_value("Message-ID")
        .and_then(|v| message_id(&v));

    if let Some(status) = find_part(report, &|p| {
        matches!(
            p.ctype.mimetype.as_str(),
            "message/delivery-status" | "message/global-delivery-status"
        )
    }) {
        let body = status.get_body_raw().ok()?;
        let failed = failed_recipient(&body)?;
        return Some(Report::Bounce(Bounce {
            sent_to,
            message_id,
            ..failed
        }));
    }
    let feedback = find_part(report, &|p| p.ctype.mimetype == "message/feedback-report")?;
    let body = feedback.get_body_raw().ok()?;
    let (fields, _) = mailparse::parse_headers(&body).ok()?;
    // Required by RFC 5965: without it this is not a feedback report.
    let feedback_type = fields
        .get_first_value("Feedback-Type")?
        .trim()
        .to_lowercase();
    if feedback_type.is_empty() {
        return None;
    }
    let recipient = fields
        .get_first_value("Original-Rcpt-To")
        .map(|v| bare_address(&v))
        .filter(|a| !a.is_empty())
        .or_else(|| {
            let to = returned_headers.get_first_header("To")?;
            addresses(to).into_iter().next()
        });
    Some(Report::Complaint(Complaint {
        sent_to,
        message_id,
        recipient,
        feedback_type,
    }))
}

/// The first part of `mail` (itself included, depth first) that `wanted` accepts.
fn find_part<'m, 'a>(
    mail: &'m ParsedMail<'a>,
    wanted: &dyn Fn(&ParsedMail<'a>) -> bool,
) -> Option<&'m ParsedMail<'a>> {
    if wanted(mail) {
        return Some(mail);
    }
    mail.subparts.iter().find_map(|p| find_part(p, wanted))
}

/// The first recipient block of a delivery-status body whose Action is `failed`, with the
/// Bounce's own fields filled in (`sent_to` and `message_id` are left for the caller).
fn failed_recipient(body: &[u8]) -> Option<Bounce> {
    // A per-message block, then per-recipient blocks, each a header block ending at a blank
    // line (RFC 3464 §2.1). Every block that has an Action is a recipient's.
    let mut rest = body;
    while !rest.is_empty() {
        let (fields, used) = mailparse::parse_headers(rest).ok()?;
        if used == 0 {
            break;
        }
        rest = &rest[used..];
        let action = fields.get_first_value("Action").unwrap_or_default();
        // "failed (bad destination)": a comment may follow the action.
        let failed = action
            .split_whitespace()
            .next()
            .is_some_and(|a| a.eq_ignore_ascii_case("failed"));
        if !failed {
            continue;
        }
        let diagnostic = fields
            .get_first_value("Diagnostic-Code")
            .map(|d| one_line(&d, DIAGNOSTIC_LIMIT))
            .filter(|d| !d.is_empty());
        let status = fields
            .get_first_value("Status")
            .and_then(|s| status_code(&s))
            .or_else(|| diagnostic.as_deref().and_then(status_code))
            .unwrap_or_else(|| "5.0.0".into());
        let recipient = ["Original-Recipient", "Final-Recipient"]
            .iter()
            .filter_map(|name| fields.get_first_value(name))
            .map(|v| typed_address(&v))
            .find(|a| !a.is_empty());
        return Some(Bounce {
            sent_to: Vec::new(),
            message_id: None,
            recipient,
            // A failed recipient is given up on: only an explicit 4.x.x says the cause
            // was temporary (a full mailbox), anything else counts as permanent.
            permanent: !status.starts_with('4'),
            status,
            diagnostic,
        });
    }
    None
}

/// The first enhanced status code (RFC 3463: class.subject.detail) in `text`, e.g. "5.1.1"
/// in "5.1.1" or in "smtp; 550 5.1.1 <x@y>: User unknown".
fn status_code(text: &str) -> Option<String> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ';' | '(' | ')' | '-'))
        .find(|word| {
            let mut parts = word.split('.');
            let class = parts.next().unwrap_or_default();
            let rest: Vec<&str> = parts.collect();
            matches!(class, "2" | "4" | "5")
                && rest.len() == 2
                && rest
                    .iter()
                    .all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(str::to_string)
}

/// The report's own recipient headers, as addresses: where a VERP address shows.
fn sent_to(headers: &[MailHeader]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for name in ["Delivered-To", "X-Original-To", "To", "Envelope-To"] {
        for header in headers.get_all_headers(name) {
            for address in addresses(header) {
                if !found.contains(&address) {
                    found.push(address);
                }
            }
        }
    }
    found
}

/// The addresses in an address header, lower-case; a value that does not parse as an
/// address list (a bare `Delivered-To` value always does) is taken as one address.
fn addresses(header: &MailHeader) -> Vec<String> {
    match mailparse::addrparse_header(header) {
        Ok(list) => list
            .iter()
            .flat_map(|a| match a {
                mailparse::MailAddr::Single(one) => vec![one.addr.to_lowercase()],
                mailparse::MailAddr::Group(group) => {
                    group.addrs.iter().map(|a| a.addr.to_lowercase()).collect()
                }
            })
            .collect(),
        Err(_) => {
            let address = bare_address(&header.get_value());
            if address.is_empty() {
                Vec::new()
            } else {
                vec![address]
            }
        }
    }
}

/// `rfc822; <User@Example.org>` (or `utf-8;`, RFC 6533) as `user@example.org`.
fn typed_address(value: &str) -> String {
    let address = value.split_once(';').map_or(value, |(_, address)| address);
    bare_address(address)
}

/// `<User@Example.org>` as `user@example.org`.
fn bare_address(value: &str) -> String {
    value
        .trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_lowercase()
}

/// A Message-ID without its angle brackets (some servers return it without them).
fn message_id(value: &str) -> Option<String> {
    let value = value.trim();
    let id = match (value.find('<'), value.find('>')) {
        (Some(start), Some(end)) if start < end => &value[start + 1..end],
        _ => value,
    };
    let id = id.trim();
    (!id.is_empty()).then(|| id.to_string())
}

/// `text` with runs of whitespace (folded lines) as one space, cut to `limit` characters.
fn one_line(text: &str, limit: usize) -> String {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match joined.char_indices().nth(limit) {
        Some((cut, _)) => joined[..cut].to_string(),
        None => joined,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! fixture {
        ($name:literal) => {
            include_str!(concat!("../../fixtures/", $name)).as_bytes()
        };
    }

    fn bounce(raw: &[u8]) -> Bounce {
        match parse_report(raw) {
            Some(Report::Bounce(b)) => b,
            other => panic!("expected a bounce, got {other:?}"),
        }
    }

    #[test]
    fn postfix_hard_bounce_with_returned_headers() {
        let b = bounce(fixture!("postfix-hard-bounce.eml"));
        assert_eq!(b.sent_to, ["bounces+42@council.example.gr"]);
        assert_eq!(
            b.message_id.as_deref(),
            Some("notice.42.7f3a9c@council.example.gr")
        );
        assert_eq!(
            b.recipient.as_deref(),
            Some("maria.papadopoulou@mail-provider.example.net")
        );
        assert!(b.permanent);
        assert_eq!(b.status, "5.1.1");
        assert_eq!(
            b.diagnostic.as_deref(),
            Some(
                "smtp; 550 5.1.1 <maria.papadopoulou@mail-provider.example.net>: Recipient \
                 address rejected: User unknown in virtual mailbox table"
            )
        );
    }

    #[test]
    fn gmail_hard_bounce_with_returned_message() {
        let b = bounce(fixture!("gmail-hard-bounce.eml"));
        assert_eq!(b.sent_to, ["bounces+57@council.example.gr"]);
        assert_eq!(
            b.message_id.as_deref(),
            Some("notice.57.0b1d22@council.example.gr")
        );
        assert_eq!(
            b.recipient.as_deref(),
            Some("no.such.person.2026@gmail.com")
        );
        assert!(b.permanent);
        assert_eq!(b.status, "5.1.1");
        let diagnostic = b.diagnostic.unwrap();
        assert!(
            diagnostic.starts_with(
                "smtp; 550-5.1.1 The email account that you tried to reach does not exist."
            ),
            "{diagnostic}"
        );
        assert!(diagnostic.ends_with("- gsmtp"), "{diagnostic}");
    }

    #[test]
    fn soft_bounce_given_up_after_retries_is_temporary() {
        let b = bounce(fixture!("postfix-soft-bounce.eml"));
        assert_eq!(b.sent_to, ["bounces+77@council.example.gr"]);
        assert_eq!(
            b.message_id.as_deref(),
            Some("digest.77.c41e09@council.example.gr")
        );
        assert_eq!(b.recipient.as_deref(), Some("k.ahmadi@isp.example.org"));
        assert!(!b.permanent);
        assert_eq!(b.status, "4.2.2");
    }

    #[test]
    fn a_delay_warning_is_not_a_bounce() {
        assert_eq!(parse_report(fixture!("postfix-delayed.eml")), None);
    }

    #[test]
    fn base64_delivery_status_and_the_first_failed_recipient() {
        // The first recipient was delivered; only the second failed.
        let b = bounce(fixture!("exchange-base64-bounce.eml"));
        assert_eq!(b.sent_to, ["bounces+91@council.example.gr"]);
        assert_eq!(
            b.message_id.as_deref(),
            Some("notice.91.e0a7b3@council.example.gr")
        );
        assert_eq!(
            b.recipient.as_deref(),
            Some("old.staff@municipality.example.gr")
        );
        assert!(b.permanent);
        assert_eq!(b.status, "5.1.10");
        assert_eq!(
            b.diagnostic.as_deref(),
            Some(
                "smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient \
                 old.staff@municipality.example.gr not found by SMTP address lookup"
            )
        );
    }

    #[test]
    fn global_delivery_status_quoted_printable_utf8() {
        let b = bounce(fixture!("global-dsn.eml"));
        assert_eq!(b.sent_to, ["bounces+103@council.example.gr"]);
        assert_eq!(
            b.message_id.as_deref(),
            Some("confirm.103.5aa0c2@council.example.gr")
        );
        assert_eq!(b.recipient.as_deref(), Some("δήμητρα@δήμος.example"));
        assert_eq!(b.status, "5.2.1");
        assert_eq!(
            b.diagnostic.as_deref(),
            Some("smtp; 550 5.2.1 Ο λογαριασμός είναι ανενεργός (account disabled)")
        );
    }

    #[test]
    fn rfc5965_abuse_report() {
        let Some(Report::Complaint(c)) = parse_report(fixture!("arf-abuse.eml")) else {
            panic!("expected a complaint");
        };
        assert_eq!(c.sent_to, ["bounces+43@council.example.gr"]);
        assert_eq!(
            c.message_id.as_deref(),
            Some("notice.43.91bd2f@council.example.gr")
        );
        assert_eq!(
            c.recipient.as_deref(),
            Some("resident@mail-provider.example.com")
        );
        assert_eq!(c.feedback_type, "abuse");
    }

    #[test]
    fn complaint_recipient_falls_back_to_the_returned_to() {
        let raw = String::from_utf8_lossy(fixture!("arf-abuse.eml")).replace(
            "Original-Rcpt-To: <Resident@Mail-Provider.example.com>\n",
            "",
        );
        let Some(Report::Complaint(c)) = parse_report(raw.as_bytes()) else {
            panic!("expected a complaint");
        };
        assert_eq!(
            c.recipient.as_deref(),
            Some("resident@mail-provider.example.com")
        );
    }

    #[test]
    fn an_out_of_office_reply_is_ignored() {
        assert_eq!(parse_report(fixture!("out-of-office.eml")), None);
    }

    #[test]
    fn failed_without_status_is_permanent() {
        let raw = String::from_utf8_lossy(fixture!("postfix-hard-bounce.eml"))
            .replace("Status: 5.1.1\n", "")
            .replace(
                "Diagnostic-Code: smtp; 550 5.1.1",
                "Diagnostic-Code: smtp; 550",
            );
        let b = bounce(raw.as_bytes());
        assert!(b.permanent);
        assert_eq!(b.status, "5.0.0");
    }

    #[test]
    fn long_diagnostics_are_cut() {
        let long = "ω".repeat(2000);
        let raw = String::from_utf8_lossy(fixture!("postfix-soft-bounce.eml")).replace(
            "Diagnostic-Code: smtp; 452 4.2.2 <k.ahmadi@isp.example.org>: Mailbox full",
            &format!("Diagnostic-Code: smtp; 452 4.2.2 {long}"),
        );
        let diagnostic = bounce(raw.as_bytes()).diagnostic.unwrap();
        assert_eq!(diagnostic.chars().count(), DIAGNOSTIC_LIMIT);
    }

    #[test]
    fn status_codes_in_text() {
        assert_eq!(status_code("5.1.1").as_deref(), Some("5.1.1"));
        assert_eq!(
            status_code("4.2.2 (mailbox full)").as_deref(),
            Some("4.2.2")
        );
        assert_eq!(
            status_code("smtp; 550-5.7.1 blocked").as_deref(),
            Some("5.7.1")
        );
        assert_eq!(status_code("smtp; 550 denied by policy 1.2.3.4"), None);
        assert_eq!(status_code(""), None);
    }

    #[test]
    fn garbage_is_ignored_without_panicking() {
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        for raw in [
            &b""[..],
            b"\n\n\n",
            b"\xff\xfe\x00\x01 not a message",
            b"Content-Type: multipart/report; boundary=x\n\n--x\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\n!!!not base64!!!\n--x--\n",
            b"Content-Type: multipart/report; report-type=feedback-report; boundary=x\n\n--x\nContent-Type: message/feedback-report\n\nUser-Agent: x\n--x--\n",
            &noise,
        ] {
            assert_eq!(parse_report(raw), None);
        }
        // Every truncation of every fixture, as a broken transfer might leave it.
        for raw in [
            fixture!("postfix-hard-bounce.eml"),
            fixture!("gmail-hard-bounce.eml"),
            fixture!("exchange-base64-bounce.eml"),
            fixture!("global-dsn.eml"),
            fixture!("arf-abuse.eml"),
        ] {
            for end in 0..raw.len() {
                let _ = parse_report(&raw[..end]);
            }
        }
    }
}
