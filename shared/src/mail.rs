//! Outgoing mail through one lettre mailer: SMTP when configured, otherwise `.eml` files
//! in `outbox/` under the data folder, so a fresh install never loses a message and a
//! developer can open what would have been sent.

use std::{sync::Arc, time::Duration};

use anyhow::Context;
use lettre::{
    AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor,
    message::{Mailbox, MultiPart, header::ContentType},
    transport::smtp::authentication::Credentials,
};
use secrecy::ExposeSecret;

use crate::settings::{Settings, SmtpTls};

/// An e-mail ready to send: plain text always, HTML when there is a rendered page for it.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
}

#[derive(Clone)]
pub struct Mailer {
    from: Mailbox,
    transport: Arc<Transport>,
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
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
                let mut builder = match smtp.tls {
                    SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
                    SmtpTls::Starttls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?
                    }
                    SmtpTls::None => {
                        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host)
                    }
                };
                let default_port = match smtp.tls {
                    SmtpTls::Tls => 465,
                    SmtpTls::Starttls => 587,
                    SmtpTls::None => 25,
                };
                builder = builder
                    .port(smtp.port.unwrap_or(default_port))
                    .timeout(Some(Duration::from_secs(smtp.timeout_seconds)));
                if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
                    builder = builder.credentials(Credentials::new(
                        user.clone(),
                        password.expose_secret().to_string(),
                    ));
                }
                Transport::Smtp(builder.build())
            }
            None => {
                let outbox = settings.outbox_dir();
                std::fs::create_dir_all(&outbox).with_context(|| {
                    format!("cannot create the mail folder {}", outbox.display())
                })?;
                Transport::Folder(AsyncFileTransport::new(outbox))
            }
        };
        Ok(Self {
            from,
            transport: Arc::new(transport),
        })
    }

    pub fn is_folder(&self) -> bool {
        matches!(*self.transport, Transport::Folder(_))
    }

    pub async fn send(&self, mail: OutgoingMail) -> anyhow::Result<()> {
        let to: Mailbox = mail
            .to
            .parse()
            .with_context(|| format!("`{}` is not a valid recipient", mail.to))?;
        let builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject);
        let message = match mail.html {
            Some(html) => builder.multipart(MultiPart::alternative_plain_html(mail.text, html)),
            None => builder.header(ContentType::TEXT_PLAIN).body(mail.text),
        }
        .context("cannot build the e-mail")?;
        match &*self.transport {
            Transport::Smtp(smtp) => {
                smtp.send(message)
                    .await
                    .context("SMTP server refused the e-mail")?;
            }
            Transport::Folder(folder) => {
                folder
                    .send(message)
                    .await
                    .context("cannot write the e-mail to the outbox")?;
            }
        }
        Ok(())
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
