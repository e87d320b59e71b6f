//! The bounce mailbox, read over IMAP: sign in, take the oldest messages as raw bytes, and
//! remove the ones the caller has dealt with. Plain TCP (a server on the same host or
//! network) or implicit TLS (IMAPS, port 993) with rustls, ring and the Mozilla roots, the
//! same stack as the platform's SMTP.
//!
//! Every exchange with the server is bounded by the account's timeout, so a server that
//! stops answering costs the caller one timeout, not a stuck job.

use std::{fmt, future::Future, pin::pin, sync::Arc, time::Duration};

use anyhow::{Context, anyhow};
use async_imap::{Client, Session};
use futures_util::{Stream, TryStreamExt};
use secrecy::{ExposeSecret, SecretString};
use tokio::{
    io::{AsyncRead, AsyncWrite},
    net::TcpStream,
};
use tokio_rustls::{
    TlsConnector,
    rustls::{self, RootCertStore, pki_types::ServerName},
};

/// Where the bounce mailbox is and how to sign in to it.
#[derive(Debug, Clone)]
pub struct ImapAccount {
    pub host: String,
    pub port: u16,
    /// Implicit TLS (IMAPS); without it the connection is plain TCP.
    pub tls: bool,
    pub username: String,
    pub password: SecretString,
    /// The folder the reports arrive in, usually "INBOX".
    pub folder: String,
    /// The longest wait for any one exchange with the server.
    pub timeout: Duration,
}

/// The connection, plain or TLS, behind one type for async-imap's session.
trait Transport: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug> Transport for T {}

type ImapSession = Session<Box<dyn Transport>>;

/// The messages taken from the mailbox, with the session still open to remove them.
pub struct Fetched {
    /// Each message's UID and its raw bytes (RFC 5322, CRLF line ends), oldest first.
    pub messages: Vec<(u32, Vec<u8>)>,
    session: ImapSession,
    timeout: Duration,
}

/// Signs in, selects the folder and fetches up to `limit` messages, oldest first, without
/// marking them read (`BODY.PEEK[]`), so a run that fails half-way leaves them as they were.
pub async fn open(account: &ImapAccount, limit: usize) -> anyhow::Result<Fetched> {
    let step = account.timeout;
    let mut session = connect(account).await?;
    let mailbox = within(
        step,
        "selecting the folder",
        session.select(&account.folder),
    )
    .await
    .with_context(|| format!("folder {:?}", account.folder))?;
    let mut messages = Vec::new();
    let count = mailbox.exists.min(u32::try_from(limit).unwrap_or(u32::MAX));
    if count > 0 {
        // Sequence numbers follow arrival order: 1..=count are the oldest.
        let fetches = within(
            step,
            "asking for the messages",
            session.fetch(format!("1:{count}"), "(UID BODY.PEEK[])"),
        )
        .await?;
        for fetch in drain(step, "fetching the messages", fetches).await? {
            match (fetch.uid, fetch.body()) {
                (Some(uid), Some(body)) => messages.push((uid, body.to_vec())),
                _ => tracing::warn!(
                    sequence = fetch.message,
                    "the IMAP server returned a message without its UID or body; it stays in the mailbox"
                ),
            }
        }
    }
    messages.sort_by_key(|(uid, _)| *uid);
    Ok(Fetched {
        messages,
        session,
        timeout: step,
    })
}

impl Fetched {
    /// Deletes the given UIDs (`\Deleted`, then UID EXPUNGE where the server has UIDPLUS,
    /// else EXPUNGE) and signs out.
    pub async fn remove(mut self, uids: &[u32]) -> anyhow::Result<()> {
        if !uids.is_empty() {
            let step = self.timeout;
            let set = uids
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",");
            let session = &mut self.session;
            let flagged = within(
                step,
                "flagging messages deleted",
                session.uid_store(&set, "+FLAGS.SILENT (\\Deleted)"),
            )
            .await?;
            drain(step, "flagging messages deleted", flagged).await?;
            let capabilities =
                within(step, "asking for capabilities", session.capabilities()).await?;
            // Plain EXPUNGE would also remove what another client flagged \Deleted meanwhile.
            if capabilities.has_str("UIDPLUS") {
                let expunged = within(step, "expunging", session.uid_expunge(&set)).await?;
                drain(step, "expunging", expunged).await?;
            } else {
                let expunged = within(step, "expunging", session.expunge()).await?;
                drain(step, "expunging", expunged).await?;
            }
        }
        within(self.timeout, "signing out", self.session.logout()).await
    }

    /// Signs out, leaving every message in the mailbox.
    pub async fn close(mut self) {
        if let Err(e) = within(self.timeout, "signing out", self.session.logout()).await {
            // The messages are untouched either way; the server drops the connection itself.
            tracing::debug!(error = %e, "IMAP sign-out failed");
        }
    }
}

async fn connect(account: &ImapAccount) -> anyhow::Result<ImapSession> {
    let step = account.timeout;
    let server = format!("{}:{}", account.host, account.port);
    let tcp = within(
        step,
        "connecting",
        TcpStream::connect((account.host.as_str(), account.port)),
    )
    .await
    .with_context(|| format!("IMAP server {server}"))?;
    let stream: Box<dyn Transport> = if account.tls {
        let name = ServerName::try_from(account.host.clone())
            .with_context(|| format!("{:?} is not a host name for TLS", account.host))?;
        let tls = within(
            step,
            "the TLS handshake",
            tls_connector()?.connect(name, tcp),
        )
        .await
        .with_context(|| format!("IMAP server {server}"))?;
        Box::new(tls)
    } else {
        Box::new(tcp)
    };
    let mut client = Client::new(stream);
    within(step, "waiting for the greeting", client.read_response())
        .await?
        .ok_or_else(|| anyhow!("IMAP server {server} closed the connection before greeting"))?;
    within(step, "signing in", async {
        client
            .login(&account.username, account.password.expose_secret())
            .await
            .map_err(|(e, _)| e)
    })
    .await
    .with_context(|| format!("IMAP server {server} as {:?}", account.username))
}

/// Server certificates checked against the Mozilla roots, with ring named explicitly so the
/// choice does not depend on which rustls providers other crates happen to enable.
fn tls_connector() -> anyhow::Result<TlsConnector> {
    let roots = RootCertStore {
        roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
    };
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .context("TLS settings")?
    .with_root_certificates(roots)
    .with_no_client_auth();
    Ok(TlsConnector::from(Arc::new(config)))
}

/// Reads a command's responses to its end, waiting at most `limit` for each: a large batch
/// may take longer than one timeout altogether over a slow link, but a silent server not.
async fn drain<T>(
    limit: Duration,
    step: &str,
    responses: impl Stream<Item = Result<T, async_imap::error::Error>>,
) -> anyhow::Result<Vec<T>> {
    let mut responses = pin!(responses);
    let mut all = Vec::new();
    while let Some(one) = within(limit, step, responses.try_next()).await? {
        all.push(one);
    }
    Ok(all)
}

/// `work` if it finishes within `limit`, else an error naming the step that hung.
async fn within<T, E>(
    limit: Duration,
    step: &str,
    work: impl Future<Output = Result<T, E>>,
) -> anyhow::Result<T>
where
    E: std::error::Error + Send + Sync + 'static,
{
    match tokio::time::timeout(limit, work).await {
        Ok(done) => done.with_context(|| format!("IMAP: {step}")),
        Err(_) => Err(anyhow!("IMAP: {step} took longer than {limit:?}")),
    }
}
