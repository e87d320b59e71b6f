//! Outgoing mail through one lettre mailer: SMTP when configured, otherwise `.eml` files
//! in `outbox/` under the data folder, so a fresh install never loses a message and a
//! developer can open what would have been sent.

mod dkim;
mod smtp;
mod transaction;
mod verp;

use std::sync::Arc;

use anyhow::Context;
use lettre::{
    AsyncFileTransport, AsyncTransport, Message, Tokio1Executor,
    address::Envelope,
    message::{Attachment, Mailbox, MultiPart, SinglePart, header::ContentType},
    transport::smtp::authentication::Credentials,
};
use secrecy::ExposeSecret;

pub use self::verp::Verp;
use self::{dkim::Signer, smtp::SmtpPool};
use crate::settings::Settings;

/// An e-mail ready to send: plain text always, HTML when there is a rendered page for it.
#[derive(Debug, Clone, Default)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    /// A stable `Message-ID` (without the angle brackets), the same on every attempt.
    pub message_id: Option<String>,
    /// Where one click unsubscribes (`List-Unsubscribe` with `List-Unsubscribe-Post`,
    /// RFC 2369 and RFC 8058).
    pub unsubscribe_url: Option<String>,
    /// An iCalendar part: the method (`REQUEST`, `CANCEL`) and the calendar.
    pub calendar: Option<(String, String)>,
    /// A message sent alike to many (a notice, a digest): `Precedence: bulk`, so mail
    /// systems treat it as a list's. Never a member's convocation or a sign-in link.
    pub bulk: bool,
    /// The delivery this message is: its envelope sender names it (VERP) when a bounce
    /// address is configured.
    pub delivery_id: Option<i64>,
}

/// Why a message was not sent: worth retrying, or not.
#[derive(Debug, thiserror::Error)]
pub enum SendFailure {
    /// The server was unreachable or answered 4xx: try again later.
    #[error("temporary: {0}")]
    Temporary(String),
    /// The server refused this message for good (5xx), or it cannot be built.
    #[error("permanent: {0}")]
    Permanent(String),
}

/// Where `Mailer::deliver_each` takes its messages and tells how each went: a queue's
/// worker hands over what it has claimed, one message at a time.
pub trait MailSource {
    /// What the source knows a message by.
    type Key;
    /// The next message, if one is ready now; `None` ends the run.
    fn next(&mut self) -> Option<(Self::Key, OutgoingMail)>;
    /// How the message under `key` went.
    fn done(&mut self, key: Self::Key, outcome: Result<(), SendFailure>);
}

/// A `MailSource` whose messages are built (and signed) on the way to the SMTP session; one
/// that cannot be built fails at once.
struct Built<'a, S> {
    mailer: &'a Mailer,
    source: &'a mut S,
}

impl<S: MailSource> smtp::Outgoing for Built<'_, S> {
    type Key = S::Key;

    fn next(&mut self) -> Option<(S::Key, Envelope, Vec<u8>)> {
        loop {
            let (key, mail) = self.source.next()?;
            match self.mailer.message(mail) {
                Ok(message) => return Some((key, message.envelope().clone(), message.formatted())),
                Err(failure) => self.source.done(key, Err(failure)),
            }
        }
    }

    fn done(&mut self, key: S::Key, outcome: Result<(), SendFailure>) {
        self.source.done(key, outcome);
    }
}

#[derive(Debug, Clone)]
struct ListUnsubscribe(String);

/// A header whose value is plain text, such as `Precedence: bulk`.
macro_rules! text_header {
    ($type:ident, $name:literal) => {
        #[derive(Clone)]
        struct $type(String);

        impl lettre::message::header::Header for $type {
            fn name() -> lettre::message::header::HeaderName {
                lettre::message::header::HeaderName::new_from_ascii_str($name)
            }

            fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
                Ok(Self(s.to_string()))
            }

            fn display(&self) -> lettre::message::header::HeaderValue {
                lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
            }
        }
    };
}

text_header!(AutoSubmitted, "Auto-Submitted");
text_header!(Precedence, "Precedence");

// `Content-Language` (RFC 3282): the language the message is written in, so a mail
// client can pick a voice or offer a translation.
text_header!(ContentLanguage, "Content-Language");

/// The language a message's HTML declares on its root (`<html lang="ar" …>`): the
/// template that wrote it knew, so the header says the same.
fn declared_language(html: &str) -> Option<String> {
    let start = html.find("<html lang=\"")? + "<html lang=\"".len();
    let code = html[start..].split('"').next()?;
    (!code.is_empty()
        && code.len() <= 12
        && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
    .then(|| code.to_string())
}

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self(s.to_string()))
    }
    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}

#[derive(Debug, Clone)]
struct ListUnsubscribePost;

impl lettre::message::header::Header for ListUnsubscribePost {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(Self)
    }
    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".into())
    }
}

#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Arc<Transport>,
    signer: Option<Arc<Signer>>,
    verp: Option<Verp>,
}

enum Transport {
    Smtp(SmtpPool),
    Folder(AsyncFileTransport<Tokio1Executor>),
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match *self.transport {
            Transport::Smtp(_) => "smtp",
            Transport::Folder(_) => "folder",
        };
        f.debug_struct("Mailer")
            .field("from", &self.from.to_string())
            .field("transport", &kind)
            .finish()
    }
}

impl Mailer {
    pub fn from_settings(settings: &Settings) -> anyhow::Result<Self> {
        let from: Mailbox = settings
            .mail
            .from
            .parse()
            .with_context(|| format!("mail.from `{}` is not a mailbox", settings.mail.from))?;
        let transport = match &settings.mail.smtp {
            Some(smtp) => {
                let credentials = match (&smtp.username, &smtp.password) {
                    (Some(user), Some(password)) => Some(Credentials::new(
                        user.clone(),
                        password.expose_secret().to_string(),
                    )),
                    _ => None,
                };
                // As many sessions kept open as the workers send at once.
                let keep = settings.notifications.workers as usize;
                Transport::Smtp(SmtpPool::new(smtp, credentials, keep))
            }
            None => {
                let outbox = settings.outbox_dir();
                std::fs::create_dir_all(&outbox).with_context(|| {
                    format!("cannot create the mail folder {}", outbox.display())
                })?;
                Transport::Folder(AsyncFileTransport::new(outbox))
            }
        };
        let signer = match &settings.mail.dkim {
            Some(dkim) => Some(Arc::new(Signer::from_settings(dkim, &from)?)),
            None => None,
        };
        let verp = match &settings.mail.bounce_address {
            Some(address) => Some(Verp::parse(address).with_context(|| {
                format!("mail.bounce_address `{address}` is not an e-mail address")
            })?),
            None => None,
        };
        Ok(Self {
            from,
            transport: Arc::new(transport),
            signer,
            verp,
        })
    }

    /// The bounce address's form, when one is configured.
    pub fn verp(&self) -> Option<&Verp> {
        self.verp.as_ref()
    }

    /// The sender's address (a calendar invitation's ORGANIZER).
    pub fn from_address(&self) -> String {
        self.from.email.to_string()
    }

    pub fn is_folder(&self) -> bool {
        matches!(*self.transport, Transport::Folder(_))
    }

    pub async fn send(&self, mail: OutgoingMail) -> anyhow::Result<()> {
        self.deliver(mail).await.map_err(anyhow::Error::from)
    }

    fn build(&self, mail: OutgoingMail) -> Result<Message, SendFailure> {
        let invalid = |e: &dyn std::fmt::Display| SendFailure::Permanent(e.to_string());
        let to: Mailbox = mail.to.parse().map_err(|e| {
            SendFailure::Permanent(format!("`{}` is not a valid recipient: {e}", mail.to))
        })?;
        // The envelope sender: the delivery's own bounce address (VERP), else `from`.
        let sender = match (&self.verp, mail.delivery_id) {
            (Some(verp), Some(id)) => verp.address_for(id),
            _ => self.from.email.clone(),
        };
        let envelope =
            Envelope::new(Some(sender), vec![to.email.clone()]).map_err(|e| invalid(&e))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .envelope(envelope)
            .subject(mail.subject);
        if let Some(id) = mail.message_id {
            builder = builder.message_id(Some(format!("<{id}>")));
        }
        if let Some(url) = mail.unsubscribe_url {
            builder = builder
                .header(ListUnsubscribe(format!("<{url}>")))
                .header(ListUnsubscribePost);
        }
        // Every message the platform sends is written by a program (RFC 3834): no
        // out-of-office reply should answer it.
        builder = builder.header(AutoSubmitted("auto-generated".into()));
        if mail.bulk {
            builder = builder.header(Precedence("bulk".into()));
        }
        if let Some(lang) = mail.html.as_deref().and_then(declared_language) {
            builder = builder.header(ContentLanguage(lang));
        }
        if mail.html.is_none() && mail.calendar.is_none() {
            return builder
                .header(ContentType::TEXT_PLAIN)
                .body(mail.text)
                .map_err(|e| invalid(&e));
        }
        let mut body = match mail.html {
            Some(html) => MultiPart::alternative_plain_html(mail.text, html),
            None => MultiPart::alternative().singlepart(SinglePart::plain(mail.text)),
        };
        let message = match mail.calendar {
            Some((method, calendar)) => {
                let kind = format!("text/calendar; charset=utf-8; method={method}");
                let content_type = ContentType::parse(&kind).map_err(|e| invalid(&e))?;
                // Base64 keeps the calendar's CRLF line ends byte for byte through every
                // hop (quoted-printable lines are rewritten to the local line end by
                // mail stores), so the .ics a member saves still parses strictly.
                let encoded = || {
                    lettre::message::Body::new_with_encoding(
                        calendar.clone(),
                        lettre::message::header::ContentTransferEncoding::Base64,
                    )
                    .map_err(|_| invalid(&"the calendar cannot be encoded"))
                };
                // Inline for calendar clients (they read the part inside the alternative)
                // and as an attachment for everyone else.
                body = body.singlepart(
                    SinglePart::builder()
                        .header(content_type.clone())
                        .body(encoded()?),
                );
                builder.multipart(MultiPart::mixed().multipart(body).singlepart(
                    Attachment::new("invite.ics".into()).body(encoded()?, content_type),
                ))
            }
            None => builder.multipart(body),
        };
        message.map_err(|e| invalid(&e))
    }

    /// The message as the server receives it, signed where configured.
    fn message(&self, mail: OutgoingMail) -> Result<Message, SendFailure> {
        let mut message = self.build(mail)?;
        if let Some(signer) = &self.signer {
            signer.sign(&mut message);
        }
        Ok(message)
    }

    /// The bytes of `mail` on the wire (what the benchmark gives `smtp-source` to send).
    pub fn formatted(&self, mail: OutgoingMail) -> Result<Vec<u8>, SendFailure> {
        Ok(self.message(mail)?.formatted())
    }

    /// Sends the messages `source` has ready, one after another on one SMTP session (one
    /// round trip each where the server pipelines: `SmtpPool::send_each`), until it has no
    /// more; tells it how each went. Run several at once for several sessions.
    pub async fn deliver_each<S: MailSource>(&self, source: &mut S) {
        match &*self.transport {
            Transport::Smtp(pool) => {
                pool.send_each(&mut Built {
                    mailer: self,
                    source,
                })
                .await
            }
            Transport::Folder(_) => {
                while let Some((key, mail)) = source.next() {
                    let outcome = self.deliver(mail).await;
                    source.done(key, outcome);
                }
            }
        }
    }

    /// Sends `mail`, saying whether a failure is worth retrying.
    pub async fn deliver(&self, mail: OutgoingMail) -> Result<(), SendFailure> {
        let message = self.message(mail)?;
        match &*self.transport {
            Transport::Smtp(pool) => pool.send(message.envelope(), &message.formatted()).await,
            Transport::Folder(folder) => folder
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendFailure::Temporary(format!("cannot write to the outbox: {e}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn without_smtp_mail_lands_in_the_outbox_folder() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings {
            data_dir: dir.path().to_path_buf(),
            ..Settings::default()
        };
        let mailer = Mailer::from_settings(&settings).unwrap();
        assert!(mailer.is_folder());
        mailer
            .send(OutgoingMail {
                to: "member@example.org".into(),
                subject: "Πρόσκληση σε συνεδρίαση".into(),
                text: "Καλημέρα".into(),
                html: None,
                ..Default::default()
            })
            .await
            .unwrap();
        let files: Vec<_> = std::fs::read_dir(settings.outbox_dir())
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        assert_eq!(files.len(), 1);
        let content = std::fs::read_to_string(&files[0]).unwrap();
        assert!(content.contains("To: member@example.org"), "{content}");
    }
}
