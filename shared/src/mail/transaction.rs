//! One message on an open SMTP session, in as few round trips as the server allows.
//!
//! Lettre's `AsyncSmtpConnection::send` waits for the answer to each of MAIL, RCPT and DATA
//! before the next, then writes the content and its end in two more writes: four round
//! trips and five writes a message. Where the server advertises PIPELINING (RFC 2920), MAIL,
//! RCPT and DATA go in one write and their three answers are read after it; the content and
//! its end go in one more: two round trips and two writes. Every answer is still read and
//! judged, and a refused command leaves the session as clean as before (RSET), so it can
//! carry the next message rather than being closed as lettre does.
//!
//! When several messages go one after another on a session (`SmtpPool::send_each`), a
//! message's content goes in one write with the next message's MAIL, RCPT and DATA (RFC 2920
//! lets the content open a group): one write and one round trip a message.
//!
//! What lettre offers for this is public: `command` writes any text and reads one answer,
//! `read_response` reads the next; the commands are lettre's own (`Mail`, `Rcpt`, `Data`).

use std::fmt::Write as _;

use lettre::{
    address::Envelope,
    transport::smtp::{
        Error,
        client::AsyncSmtpConnection,
        commands::{Data, Ehlo, Mail, Rcpt, Rset},
        extension::{ClientId, Extension, MailBodyParameter, MailParameter},
        response::Response,
    },
};

use super::SendFailure;

/// An open session and what its server said it can do.
pub(super) struct Session {
    pub(super) connection: AsyncSmtpConnection,
    /// Commands may be sent in groups (RFC 2920).
    pipelining: bool,
    takes: Takes,
}

/// What messages a server takes: a copy of what its EHLO said, to judge a message by while
/// the session is busy with another.
#[derive(Debug, Clone, Copy)]
pub(super) struct Takes {
    utf8_addresses: bool,
    eight_bit: bool,
}

impl Takes {
    /// Why `envelope` and `email` cannot go through this server at all, before anything is
    /// sent: non-ASCII addresses need SMTPUTF8, non-ASCII content 8BITMIME (as lettre checks).
    pub(super) fn unfit(self, envelope: &Envelope, email: &[u8]) -> Option<SendFailure> {
        if !self.utf8_addresses && !ascii_addresses(envelope) {
            return Some(SendFailure::Permanent(
                "the address is not ASCII and the SMTP server does not take SMTPUTF8".into(),
            ));
        }
        if !self.eight_bit && !email.is_ascii() {
            return Some(SendFailure::Permanent(
                "the message is not ASCII and the SMTP server does not take 8BITMIME".into(),
            ));
        }
        None
    }
}

impl Session {
    /// Learns whether the server pipelines: lettre reads the EHLO answer but keeps only the
    /// extensions it knows, so the client says EHLO once more (RFC 5321 allows it at any
    /// time; it only resets a transaction, and there is none yet). Sent before AUTH, which
    /// a later EHLO might undo.
    pub(super) async fn open(
        mut connection: AsyncSmtpConnection,
        hello: &ClientId,
    ) -> Result<Self, Error> {
        let answer = connection.command(Ehlo::new(hello.clone())).await?;
        let pipelining = answer
            .message()
            .any(|line| line.trim().eq_ignore_ascii_case("PIPELINING"));
        let info = connection.server_info();
        let takes = Takes {
            utf8_addresses: info.supports_feature(Extension::SmtpUtfEight),
            eight_bit: info.supports_feature(Extension::EightBitMime),
        };
        Ok(Self {
            connection,
            pipelining,
            takes,
        })
    }

    /// What messages the server takes.
    pub(super) fn takes(&self) -> Takes {
        self.takes
    }

    /// Why `envelope` and `email` cannot go through this server at all (`Takes::unfit`).
    pub(super) fn unfit(&self, envelope: &Envelope, email: &[u8]) -> Option<SendFailure> {
        self.takes.unfit(envelope, email)
    }

    /// Whether the server takes commands in groups (RFC 2920).
    pub(super) fn pipelines(&self) -> bool {
        self.pipelining
    }

    /// Sends one message; the first refusal (or the network's error) is the outcome. After a
    /// refusal the session is reset and can be used again, unless it has broken.
    pub(super) async fn send(&mut self, envelope: &Envelope, email: &[u8]) -> Result<(), Error> {
        let accepted = if self.pipelining {
            self.begin(envelope, email).await?
        } else {
            let (mail, recipients) = commands(envelope, email);
            let accepted = self.envelope_one_by_one(mail, recipients).await?;
            if accepted.is_err() {
                self.reset().await;
            }
            accepted
        };
        accepted?;
        match std::str::from_utf8(email) {
            // The content, made transparent, and its end in one write.
            Ok(text) => self.connection.command(Content(text)).await.map(|_| ()),
            Err(_) => self.connection.message(email).await.map(|_| ()),
        }
    }

    /// Begins a pipelining server's transaction for `envelope`: MAIL, each RCPT and DATA
    /// in one write. Once it is accepted the server waits for the content
    /// (`finish_and_begin`). The outer error is the network's (the session is gone); the
    /// inner one the first command refused, after which the session is as clean as before,
    /// or closed.
    pub(super) async fn begin(
        &mut self,
        envelope: &Envelope,
        email: &[u8],
    ) -> Result<Result<(), Error>, Error> {
        let (group, answers) = envelope_group(envelope, email);
        let first = self.connection.command(group).await;
        self.envelope_answers(first, answers).await
    }

    /// Ends the transaction under way with `content` and, in the same write, begins the
    /// next one for `next` (its envelope and message): says how the content went and, when
    /// there is a next, how its envelope went (as `begin` does). The outer error is the
    /// network's.
    pub(super) async fn finish_and_begin(
        &mut self,
        content: &str,
        next: Option<(&Envelope, &[u8])>,
    ) -> Result<(Result<(), Error>, Option<Result<(), Error>>), Error> {
        let mut group = Content(content).to_string();
        let answers = next.map(|(envelope, email)| {
            let (commands, answers) = envelope_group(envelope, email);
            group.push_str(&commands);
            answers
        });
        let finished = match self.connection.command(group).await {
            Ok(_) => Ok(()),
            Err(error) if refused(&error) => Err(error),
            Err(error) => return Err(error),
        };
        let begun = match answers {
            Some(answers) => {
                let first = self.connection.read_response().await;
                Some(self.envelope_answers(first, answers).await?)
            }
            None => None,
        };
        Ok((finished, begun))
    }

    /// Judges the answers to an envelope's group, `first` already read: the first refusal
    /// is the outcome. DATA answered 354 despite it (RFC 2920 asks the server to refuse
    /// DATA then) leaves the session waiting for content that must not come, so it is
    /// closed (lettre's abort marks it broken, and the pool drops it); otherwise a refused
    /// transaction is reset.
    async fn envelope_answers(
        &mut self,
        first: Result<Response, Error>,
        answers: usize,
    ) -> Result<Result<(), Error>, Error> {
        let mut first_refusal = None;
        let mut data_accepted = false;
        let mut note = |answer: Result<_, Error>| -> Result<(), Error> {
            match answer {
                Ok(_) => {
                    data_accepted = true;
                    Ok(())
                }
                Err(error) if refused(&error) => {
                    data_accepted = false;
                    first_refusal.get_or_insert(error);
                    Ok(())
                }
                Err(error) => Err(error),
            }
        };
        note(first)?;
        for _ in 1..answers {
            note(self.connection.read_response().await)?;
        }
        match first_refusal {
            None => Ok(Ok(())),
            Some(error) if data_accepted => {
                self.connection.abort().await;
                Ok(Err(error))
            }
            Some(error) => {
                self.reset().await;
                Ok(Err(error))
            }
        }
    }

    /// Lettre's order: each command's answer before the next command.
    async fn envelope_one_by_one(
        &mut self,
        mail: Mail,
        recipients: impl Iterator<Item = Rcpt>,
    ) -> Result<Result<(), Error>, Error> {
        let commands = std::iter::once(mail.to_string())
            .chain(recipients.map(|rcpt| rcpt.to_string()))
            .chain(std::iter::once(Data.to_string()));
        for command in commands {
            match self.connection.command(command).await {
                Ok(_) => {}
                Err(error) if refused(&error) => return Ok(Err(error)),
                Err(error) => return Err(error),
            }
        }
        Ok(Ok(()))
    }

    /// Ends a refused transaction so the session can carry the next; a session that does
    /// not take the RSET is closed.
    async fn reset(&mut self) {
        if self.connection.has_broken() {
            return;
        }
        if self.connection.command(Rset).await.is_err() {
            self.connection.abort().await;
        }
    }
}

/// A message's MAIL (with the parameters its addresses and content need) and RCPTs.
fn commands(envelope: &Envelope, email: &[u8]) -> (Mail, impl Iterator<Item = Rcpt>) {
    let mut options = Vec::new();
    if !ascii_addresses(envelope) {
        options.push(MailParameter::SmtpUtfEight);
    }
    if !email.is_ascii() {
        options.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    let mail = Mail::new(envelope.from().cloned(), options);
    let recipients = envelope
        .to()
        .to_vec()
        .into_iter()
        .map(|to| Rcpt::new(to, Vec::new()));
    (mail, recipients)
}

/// MAIL, each RCPT and DATA as one group of commands, and how many answers it gets.
fn envelope_group(envelope: &Envelope, email: &[u8]) -> (String, usize) {
    let (mail, recipients) = commands(envelope, email);
    let mut group = mail.to_string();
    let mut answers = 1;
    for rcpt in recipients {
        write!(group, "{rcpt}").expect("writing to a String");
        answers += 1;
    }
    write!(group, "{Data}").expect("writing to a String");
    (group, answers + 1)
}

/// Whether the server answered with a refusal (a 4xx or 5xx code), rather than the
/// session failing on the network or with an answer that makes no sense. Lettre's
/// `is_response` is the latter.
pub(super) fn refused(error: &Error) -> bool {
    error.status().is_some()
}

/// Whether the envelope's addresses are all ASCII (else MAIL needs SMTPUTF8).
fn ascii_addresses(envelope: &Envelope) -> bool {
    envelope
        .from()
        .is_none_or(|from| AsRef::<str>::as_ref(from).is_ascii())
        && envelope
            .to()
            .iter()
            .all(|to| AsRef::<str>::as_ref(to).is_ascii())
}

/// A message's content as it goes on the wire: a line starting with a dot gets a second
/// one (RFC 5321 4.5.2, as lettre's codec does), then the end, CRLF.CRLF.
struct Content<'a>(&'a str);

impl std::fmt::Display for Content<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut rest = self.0;
        if rest.starts_with('.') {
            f.write_char('.')?;
        }
        while let Some(at) = rest.find("\r\n.") {
            // Up to and including the dot, then the dot again.
            f.write_str(&rest[..at + 3])?;
            f.write_char('.')?;
            rest = &rest[at + 3..];
        }
        f.write_str(rest)?;
        f.write_str("\r\n.\r\n")
    }
}

#[cfg(test)]
mod tests {
    use super::Content;

    #[test]
    fn content_is_made_transparent_and_ended() {
        assert_eq!(
            Content(".a\r\nb\r\n.\r\n..c\r\nd.e").to_string(),
            "..a\r\nb\r\n..\r\n...c\r\nd.e\r\n.\r\n"
        );
        assert_eq!(Content("").to_string(), "\r\n.\r\n");
    }
}
