//! SMTP connections that the platform opens itself, kept open between messages.
//!
//! Why not lettre's own pooled transport: lettre 0.11.23 leaves Nagle's algorithm on, so
//! the last segment of every command waits for the server's delayed acknowledgement
//! (about 40 ms on Linux): 90 messages a second where the wire takes thousands. Lettre
//! runs a session on a stream it is given (`AsyncSmtpConnection::connect_with_transport`),
//! so here we open the TCP stream with `TCP_NODELAY`, wrap it in TLS where configured, and
//! hand it over; lettre still speaks SMTP. Its pool also sent a NOOP before every message;
//! here a connection is only tested after it has been idle a while. A message's commands go
//! out pipelined where the server allows it (`transaction`).

use std::{
    net::SocketAddr,
    pin::Pin,
    sync::{Arc, Mutex},
    task::{Context, Poll},
    time::{Duration, Instant},
};

use lettre::{
    address::Envelope,
    transport::smtp::{
        authentication::{Credentials, DEFAULT_MECHANISMS},
        client::{AsyncSmtpConnection, AsyncTokioStream, TlsParameters},
        extension::ClientId,
    },
};
use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    net::TcpStream,
};

use super::{
    SendFailure,
    transaction::{Session, Takes, refused},
};
use crate::settings::{SmtpSettings, SmtpTls};

/// A connection idle longer than this is asked (NOOP) whether the server still holds it.
const TEST_AFTER: Duration = Duration::from_secs(5);
/// A connection idle longer than this is closed rather than reused: servers drop idle
/// sessions (Postfix after 300 s), and a message should not be the one to find out.
const CLOSE_AFTER: Duration = Duration::from_secs(60);

/// Open SMTP sessions to one server, at most `keep` of them idle.
pub(super) struct SmtpPool {
    host: String,
    port: u16,
    tls: SmtpTls,
    timeout: Duration,
    credentials: Option<Credentials>,
    hello: ClientId,
    keep: usize,
    tls_config: Option<Arc<tokio_rustls::rustls::ClientConfig>>,
    idle: Mutex<Vec<(Session, Instant)>>,
}

impl SmtpPool {
    pub(super) fn new(smtp: &SmtpSettings, credentials: Option<Credentials>, keep: usize) -> Self {
        let port = smtp.port.unwrap_or(match smtp.tls {
            SmtpTls::Tls => 465,
            SmtpTls::Starttls => 587,
            SmtpTls::None => 25,
        });
        let tls_config = (smtp.tls == SmtpTls::Tls).then(|| {
            let roots = tokio_rustls::rustls::RootCertStore::from_iter(
                webpki_roots::TLS_SERVER_ROOTS.iter().cloned(),
            );
            Arc::new(
                tokio_rustls::rustls::ClientConfig::builder_with_provider(Arc::new(
                    tokio_rustls::rustls::crypto::ring::default_provider(),
                ))
                .with_safe_default_protocol_versions()
                .expect("ring supports the default TLS versions")
                .with_root_certificates(roots)
                .with_no_client_auth(),
            )
        });
        Self {
            host: smtp.host.clone(),
            port,
            tls: smtp.tls,
            timeout: Duration::from_secs(smtp.timeout_seconds.max(1)),
            credentials,
            hello: ClientId::default(),
            keep: keep.max(1),
            tls_config,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// Sends one message. A failure on a reused session that never reached the server's
    /// answer to the message (the server had closed it) is tried once on a new session.
    pub(super) async fn send(&self, envelope: &Envelope, email: &[u8]) -> Result<(), SendFailure> {
        let (mut session, reused) = self.checkout().await?;
        if let Some(unfit) = session.unfit(envelope, email) {
            self.checkin(session);
            return Err(unfit);
        }
        let result = tokio::time::timeout(self.timeout, session.send(envelope, email)).await;
        match result {
            Ok(Ok(_)) => {
                self.checkin(session);
                Ok(())
            }
            Ok(Err(error)) if reused && !refused(&error) && !error.is_response() => {
                session.connection.abort().await;
                tracing::debug!(error = %error, "a kept SMTP session had closed: opening another");
                let mut fresh = self.connect().await?;
                match tokio::time::timeout(self.timeout, fresh.send(envelope, email)).await {
                    Ok(Ok(_)) => {
                        self.checkin(fresh);
                        Ok(())
                    }
                    Ok(Err(error)) => {
                        self.discard_or_keep(fresh, &error).await;
                        Err(classify(error))
                    }
                    Err(_) => {
                        fresh.connection.abort().await;
                        Err(SendFailure::Temporary(
                            "the SMTP server did not answer in time".into(),
                        ))
                    }
                }
            }
            Ok(Err(error)) => {
                self.discard_or_keep(session, &error).await;
                Err(classify(error))
            }
            Err(_) => {
                session.connection.abort().await;
                Err(SendFailure::Temporary(
                    "the SMTP server did not answer in time".into(),
                ))
            }
        }
    }

    /// Sends messages one after another on one session for as long as `outgoing` has one
    /// ready, telling it how each went. Where the server pipelines, each message's content
    /// goes in one write with the next one's envelope (`Session::finish_and_begin`): one
    /// round trip a message instead of two, for this process and for the server. A session
    /// that breaks ends the run: what it held is told as a temporary failure (the queue
    /// tries it again), and the caller starts another run for what remains.
    pub(super) async fn send_each<O: Outgoing>(&self, outgoing: &mut O) {
        // A session only for a message that is there.
        let Some(first) = outgoing.next() else {
            return;
        };
        let (mut session, reused) = match self.checkout().await {
            Ok(checked_out) => checked_out,
            Err(failure) => return outgoing.done(first.0, Err(failure)),
        };
        if !session.pipelines() {
            // One message at a time, as `send` does.
            self.checkin(session);
            let mut next = Some(first);
            while let Some((key, envelope, email)) = next {
                outgoing.done(key, self.send(&envelope, &email).await);
                next = outgoing.next();
            }
            return;
        }
        let takes = session.takes();
        let mut current = match takes.unfit(&first.1, &first.2) {
            None => first,
            Some(unfit) => {
                outgoing.done(first.0, Err(unfit));
                match next_fit(takes, outgoing) {
                    Some(next) => next,
                    None => return self.checkin(session),
                }
            }
        };
        let mut begun = self.begin(&mut session, &current).await;
        // A kept session the server had closed meanwhile is replaced once, as in `send`.
        if reused && matches!(&begun, Err(Some(error)) if !error.is_response()) {
            session.connection.abort().await;
            tracing::debug!("a kept SMTP session had closed: opening another");
            session = match self.connect().await {
                Ok(fresh) => fresh,
                Err(failure) => return outgoing.done(current.0, Err(failure)),
            };
            begun = self.begin(&mut session, &current).await;
        }
        // The message after the next, built while the server answers (it costs this
        // process more than the round trip does).
        let mut prepared = None;
        loop {
            // Unless its envelope failed, `current`'s transaction is under way.
            match begun {
                Ok(Ok(())) => {}
                Ok(Err(refusal)) => {
                    outgoing.done(current.0, Err(classify(refusal)));
                    let next = prepared.take().or_else(|| next_fit(takes, outgoing));
                    if session.connection.has_broken() {
                        if let Some(next) = next {
                            outgoing.done(next.0, Err(gone()));
                        }
                        return;
                    }
                    let Some(next) = next else {
                        return self.checkin(session);
                    };
                    current = next;
                    begun = self.begin(&mut session, &current).await;
                    continue;
                }
                Err(error) => {
                    session.connection.abort().await;
                    outgoing.done(current.0, Err(error.map_or_else(late, classify)));
                    if let Some(next) = prepared {
                        outgoing.done(next.0, Err(gone()));
                    }
                    return;
                }
            }
            let following = prepared.take().or_else(|| next_fit(takes, outgoing));
            let Ok(content) = std::str::from_utf8(&current.2) else {
                // Not text (never so for the platform's own messages): lettre's own way,
                // and the next envelope on its own.
                let sent = self.finish_bytes(&mut session, &current.2).await;
                outgoing.done(current.0, sent);
                let Some(next) = following else {
                    return self.checkin(session);
                };
                if session.connection.has_broken() {
                    return outgoing.done(next.0, Err(gone()));
                }
                current = next;
                begun = self.begin(&mut session, &current).await;
                continue;
            };
            let next = following
                .as_ref()
                .map(|(_, envelope, email)| (envelope, &email[..]));
            let finished = {
                let mut finishing = std::pin::pin!(tokio::time::timeout(
                    self.timeout,
                    session.finish_and_begin(content, next)
                ));
                // The first poll writes the group; the answers take a round trip, in which
                // the message after the next is built.
                let early = std::future::poll_fn(|cx| {
                    std::task::Poll::Ready(std::future::Future::poll(finishing.as_mut(), cx))
                })
                .await;
                if following.is_some() {
                    prepared = next_fit(takes, outgoing);
                }
                match early {
                    std::task::Poll::Ready(finished) => finished,
                    std::task::Poll::Pending => finishing.await,
                }
            };
            let failure = match finished {
                Ok(Ok((sent, next_begun))) => {
                    outgoing.done(current.0, sent.map_err(classify));
                    match (following, next_begun) {
                        (Some(next), Some(next_begun)) => {
                            current = next;
                            begun = Ok(next_begun);
                            continue;
                        }
                        // No next message (`finish_and_begin` answers for the next
                        // envelope exactly when it is given one).
                        _ => return self.checkin(session),
                    }
                }
                Ok(Err(error)) => classify(error),
                Err(_) => late(),
            };
            // The session broke or fell silent: what it held goes back to the queue.
            session.connection.abort().await;
            outgoing.done(current.0, Err(failure));
            for unsent in [following, prepared].into_iter().flatten() {
                outgoing.done(unsent.0, Err(gone()));
            }
            return;
        }
    }

    /// Begins `message`'s transaction (`Session::begin`), in time: the outer error is the
    /// network's, or None when the server did not answer in time.
    async fn begin<K>(
        &self,
        session: &mut Session,
        message: &(K, Envelope, Vec<u8>),
    ) -> Result<Result<(), lettre::transport::smtp::Error>, Option<lettre::transport::smtp::Error>>
    {
        match tokio::time::timeout(self.timeout, session.begin(&message.1, &message.2)).await {
            Ok(Ok(begun)) => Ok(begun),
            Ok(Err(error)) => Err(Some(error)),
            Err(_) => Err(None),
        }
    }

    /// Ends the transaction under way with content that is not text.
    async fn finish_bytes(&self, session: &mut Session, email: &[u8]) -> Result<(), SendFailure> {
        match tokio::time::timeout(self.timeout, session.connection.message(email)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(error)) => {
                if !refused(&error) {
                    session.connection.abort().await;
                }
                Err(classify(error))
            }
            Err(_) => {
                session.connection.abort().await;
                Err(late())
            }
        }
    }

    /// A session that broke, or failed on the network, is closed; one whose message was
    /// refused (and reset) carries the next.
    async fn discard_or_keep(&self, mut session: Session, error: &lettre::transport::smtp::Error) {
        if session.connection.has_broken() || !refused(error) {
            session.connection.abort().await;
        } else {
            self.checkin(session);
        }
    }

    /// An idle session, or a new one; says whether it was reused.
    async fn checkout(&self) -> Result<(Session, bool), SendFailure> {
        loop {
            let kept = self.idle.lock().expect("the pool's lock").pop();
            let Some((mut session, since)) = kept else {
                return Ok((self.connect().await?, false));
            };
            let idle = since.elapsed();
            if idle > CLOSE_AFTER {
                session.connection.abort().await;
                continue;
            }
            if idle > TEST_AFTER && !session.connection.test_connected().await {
                session.connection.abort().await;
                continue;
            }
            return Ok((session, true));
        }
    }

    fn checkin(&self, session: Session) {
        let mut idle = self.idle.lock().expect("the pool's lock");
        if idle.len() < self.keep && !session.connection.has_broken() {
            idle.push((session, Instant::now()));
        }
        // Otherwise dropped: the socket closes without a QUIT, which servers accept.
    }

    /// Opens a session: TCP with `TCP_NODELAY`, TLS as configured, EHLO, AUTH.
    async fn connect(&self) -> Result<Session, SendFailure> {
        let unreachable = |e: &dyn std::fmt::Display| {
            SendFailure::Temporary(format!(
                "cannot reach the SMTP server {}:{}: {e}",
                self.host, self.port
            ))
        };
        let opened = async {
            let tcp = TcpStream::connect((self.host.as_str(), self.port))
                .await
                .map_err(|e| unreachable(&e))?;
            tcp.set_nodelay(true).map_err(|e| unreachable(&e))?;
            let mut connection = match &self.tls_config {
                Some(config) => {
                    let name =
                        tokio_rustls::rustls::pki_types::ServerName::try_from(self.host.clone())
                            .map_err(|e| unreachable(&e))?;
                    let tls = tokio_rustls::TlsConnector::from(config.clone())
                        .connect(name, tcp)
                        .await
                        .map_err(|e| unreachable(&e))?;
                    AsyncSmtpConnection::connect_with_transport(Box::new(Tls(tls)), &self.hello)
                        .await
                        .map_err(classify)?
                }
                None => AsyncSmtpConnection::connect_with_transport(Box::new(tcp), &self.hello)
                    .await
                    .map_err(classify)?,
            };
            if self.tls == SmtpTls::Starttls {
                let parameters =
                    TlsParameters::new(self.host.clone()).map_err(|e| unreachable(&e))?;
                connection
                    .starttls(parameters, &self.hello)
                    .await
                    .map_err(classify)?;
            }
            let mut session = Session::open(connection, &self.hello)
                .await
                .map_err(classify)?;
            if let Some(credentials) = &self.credentials {
                session
                    .connection
                    .auth(DEFAULT_MECHANISMS, credentials)
                    .await
                    .map_err(classify)?;
            }
            Ok(session)
        };
        tokio::time::timeout(self.timeout, opened)
            .await
            .unwrap_or_else(|_| Err(unreachable(&"no answer in time")))
    }
}

/// Where `SmtpPool::send_each` takes its messages (key, envelope, bytes on the wire) and
/// tells how each went.
pub(super) trait Outgoing {
    type Key;
    /// The next message, if one is ready now; `None` ends the run.
    fn next(&mut self) -> Option<(Self::Key, Envelope, Vec<u8>)>;
    /// How the message under `key` went.
    fn done(&mut self, key: Self::Key, outcome: Result<(), SendFailure>);
}

/// The next message that a server taking `takes` can take; those it cannot are told so
/// at once.
fn next_fit<O: Outgoing>(takes: Takes, outgoing: &mut O) -> Option<(O::Key, Envelope, Vec<u8>)> {
    loop {
        let (key, envelope, email) = outgoing.next()?;
        match takes.unfit(&envelope, &email) {
            Some(unfit) => outgoing.done(key, Err(unfit)),
            None => return Some((key, envelope, email)),
        }
    }
}

/// A message that was to go on a session that then broke: it was never sent.
fn gone() -> SendFailure {
    SendFailure::Temporary("the SMTP session broke before the message was sent".into())
}

fn late() -> SendFailure {
    SendFailure::Temporary("the SMTP server did not answer in time".into())
}

/// A 5xx answer is for good; everything else (4xx, the network) is worth another try.
fn classify(error: lettre::transport::smtp::Error) -> SendFailure {
    if error.is_permanent() {
        SendFailure::Permanent(error.to_string())
    } else {
        SendFailure::Temporary(error.to_string())
    }
}

/// An implicit-TLS stream (SMTPS) as lettre's session takes it.
#[derive(Debug)]
struct Tls(tokio_rustls::client::TlsStream<TcpStream>);

impl AsyncTokioStream for Tls {
    fn peer_addr(&self) -> std::io::Result<SocketAddr> {
        self.0.get_ref().0.peer_addr()
    }
}

impl AsyncRead for Tls {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_read(cx, buf)
    }
}

impl AsyncWrite for Tls {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}
