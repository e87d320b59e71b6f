//! Serving HTTP/1.1 connections with time limits and a cap on how many are open, so slow or
//! idle clients cannot hold the server's connections (slowloris and its relatives).
//!
//! poem's own server has one idle timeout that any byte resets, so a client that sends a
//! header line every few seconds, or dribbles its body, is held forever. Here hyper serves
//! each connection directly, and each connection knows where it is:
//!
//! - **waiting for a request's head** (from the moment it opens, or from the first byte
//!   after a response): the whole head must arrive within `header`, however it trickles;
//! - **idle between requests** (kept alive): the next request must start within
//!   `keep_alive`;
//! - **serving a request**: no limit on the handler itself, but a request body that stops
//!   arriving for `body` ends the request with 408, and a response the client stops reading
//!   for `body` ends the connection.
//!
//! At most `max_connections` are served at once; further clients wait in the listen queue.

use std::{
    convert::Infallible,
    future::Future,
    io,
    net::SocketAddr,
    pin::Pin,
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    task::{Context, Poll, Waker, ready},
    time::Duration,
};

use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use poem::{
    Addr, Endpoint, Response,
    endpoint::BoxEndpoint,
    http::{HeaderValue, StatusCode, header, uri::Scheme},
    web::{LocalAddr, RemoteAddr},
};
use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    net::{TcpListener, TcpStream},
    sync::{OwnedSemaphorePermit, Semaphore, watch},
    time::{Instant, Sleep},
};

use crate::{problem::Problem, settings::ServerSettings};

/// The time limits and the connection cap (`server.*` settings).
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    pub header: Duration,
    pub body: Duration,
    pub keep_alive: Duration,
    pub max_connections: usize,
}

impl ConnectionLimits {
    /// From settings; a zero would close every connection at once, so each is at least 1.
    pub fn from_settings(server: &ServerSettings) -> Self {
        let seconds = |value: u64| Duration::from_secs(value.max(1));
        Self {
            header: seconds(server.header_timeout_seconds),
            body: seconds(server.body_timeout_seconds),
            keep_alive: seconds(server.keep_alive_seconds),
            max_connections: server.max_connections.max(1),
        }
    }
}

/// Accepts and serves connections on `listener` until `shutdown` resolves, then lets the
/// requests in flight finish within `grace`.
pub async fn serve(
    listener: TcpListener,
    endpoint: BoxEndpoint<'static, Response>,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
    grace: Duration,
) -> io::Result<()> {
    let local = listener.local_addr()?;
    let endpoint = Arc::new(endpoint);
    // Every connection holds a slot until it closes: the cap, and on shutdown the way to
    // know that all of them have finished.
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let (stop, stopping) = watch::channel(false);
    tracing::info!(address = %local, "listening");
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            () = &mut shutdown => break,
            slot = slots.clone().acquire_owned() => slot.expect("the slots are never closed"),
        };
        let (stream, remote) = tokio::select! {
            () = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors, say: wait a little instead of spinning.
                    tracing::warn!(error = %error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
        };
        let connection = Connection {
            local,
            remote,
            endpoint: endpoint.clone(),
            limits,
            stopping: stopping.clone(),
            _slot: slot,
        };
        tokio::spawn(connection.serve(stream));
    }
    drop(listener);
    let _ = stop.send(true);
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(grace, slots.acquire_many(all))
        .await
        .is_err()
    {
        tracing::warn!("requests still in flight after the grace period are cut off");
    }
    Ok(())
}

struct Connection {
    local: SocketAddr,
    remote: SocketAddr,
    endpoint: Arc<BoxEndpoint<'static, Response>>,
    limits: ConnectionLimits,
    stopping: watch::Receiver<bool>,
    _slot: OwnedSemaphorePermit,
}

impl Connection {
    async fn serve(mut self, stream: TcpStream) {
        // Small responses go out at once instead of waiting for the peer's delayed ACK.
        let _ = stream.set_nodelay(true);
        let state = Arc::new(Mutex::new(State {
            phase: Phase::Head {
                since: Instant::now(),
            },
            parked_reader: None,
        }));
        let io = TimedIo::new(stream, state.clone(), self.limits);
        let service = {
            let endpoint = self.endpoint.clone();
            let local = LocalAddr(Addr::SocketAddr(self.local));
            let remote = RemoteAddr(Addr::SocketAddr(self.remote));
            let body_limit = self.limits.body;
            hyper::service::service_fn(move |request: poem::http::Request<Incoming>| {
                let request =
                    poem::Request::from((request, local.clone(), remote.clone(), Scheme::HTTP));
                respond(endpoint.clone(), request, state.clone(), body_limit)
            })
        };
        let connection = hyper::server::conn::http1::Builder::new()
            .serve_connection(hyper_util::rt::TokioIo::new(io), service);
        tokio::pin!(connection);
        let outcome = tokio::select! {
            outcome = &mut connection => outcome,
            () = stop_requested(&mut self.stopping) => {
                // Shutting down: finish the request in flight, take no other.
                connection.as_mut().graceful_shutdown();
                connection.await
            }
        };
        if let Err(error) = outcome {
            tracing::debug!(remote = %self.remote, error = %error, "connection closed");
        }
    }
}

/// Resolves when the server starts shutting down.
async fn stop_requested(stopping: &mut watch::Receiver<bool>) {
    // An error means the server is gone: stop too.
    let _ = stopping.wait_for(|stop| *stop).await;
}

/// Serves one request and keeps its connection's phase: serving until the response's
/// body has been sent (or dropped), then idle.
async fn respond(
    endpoint: Arc<BoxEndpoint<'static, Response>>,
    mut request: poem::Request,
    state: Arc<Mutex<State>>,
    body_limit: Duration,
) -> Result<poem::http::Response<ResponseBody>, Infallible> {
    set(&state, Phase::Serving);
    let stalled = Arc::new(AtomicBool::new(false));
    let body: BoxBody<Bytes, io::Error> = request.take_body().into();
    request.set_body(poem::Body::from(BoxBody::new(PacedBody {
        inner: body,
        limit: body_limit,
        waiting: None,
        stalled: stalled.clone(),
    })));
    let mut response = endpoint.get_response(request).await;
    if stalled.load(Ordering::Relaxed) {
        response = body_timeout_response();
    }
    let response: poem::http::Response<BoxBody<Bytes, io::Error>> = response.into();
    Ok(response.map(|body| ResponseBody {
        inner: body,
        state: Some(state),
    }))
}

/// 408 for a request whose body stopped arriving; the rest of the body will not be read,
/// so the connection closes after it.
fn body_timeout_response() -> Response {
    let mut response = Problem::new(
        StatusCode::REQUEST_TIMEOUT,
        Some("The request's body stopped arriving before it was complete.".into()),
    )
    .into_response();
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// Where a connection is, for its time limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Reading a request's head, since the connection opened or the head's first byte.
    Head { since: Instant },
    /// Kept alive between requests, since the last response was sent.
    Idle { since: Instant },
    /// A request is being served (its body and its response have their own limit).
    Serving,
}

/// A connection's phase, and the reader waiting while a request was served: its read has
/// no deadline then, so it is woken to set one when the connection turns idle.
struct State {
    phase: Phase,
    parked_reader: Option<Waker>,
}

fn set(state: &Mutex<State>, to: Phase) {
    if let Ok(mut state) = state.lock() {
        state.phase = to;
        if to != Phase::Serving
            && let Some(reader) = state.parked_reader.take()
        {
            reader.wake();
        }
    }
}

fn timed_out(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, what.to_string())
}

/// The connection's socket, with a read deadline while a head is awaited or the connection
/// is idle, and a limit on how long a write may stall.
struct TimedIo {
    inner: TcpStream,
    state: Arc<Mutex<State>>,
    limits: ConnectionLimits,
    read_timer: Pin<Box<Sleep>>,
    write_timer: Option<Pin<Box<Sleep>>>,
}

impl TimedIo {
    fn new(inner: TcpStream, state: Arc<Mutex<State>>, limits: ConnectionLimits) -> Self {
        Self {
            inner,
            state,
            limits,
            read_timer: Box::pin(tokio::time::sleep(limits.header)),
            write_timer: None,
        }
    }

    fn current(&self) -> Phase {
        self.state
            .lock()
            .map(|state| state.phase)
            .unwrap_or(Phase::Serving)
    }

    /// When a pending read must give up: `None` while a request is served, and then the
    /// reader is parked to be woken when the connection turns idle (see [`State`]).
    fn read_deadline(&self, cx: &Context<'_>) -> Option<(Instant, &'static str)> {
        let mut state = self.state.lock().ok()?;
        match state.phase {
            Phase::Head { since } => Some((since + self.limits.header, "request head")),
            Phase::Idle { since } => Some((since + self.limits.keep_alive, "keep-alive")),
            Phase::Serving => {
                state.parked_reader = Some(cx.waker().clone());
                None
            }
        }
    }
}

impl AsyncRead for TimedIo {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before && matches!(this.current(), Phase::Idle { .. }) {
                    // The next request has begun: its head has `header` to arrive.
                    set(
                        &this.state,
                        Phase::Head {
                            since: Instant::now(),
                        },
                    );
                }
                Poll::Ready(Ok(()))
            }
            Poll::Ready(Err(error)) => Poll::Ready(Err(error)),
            Poll::Pending => {
                let Some((deadline, what)) = this.read_deadline(cx) else {
                    return Poll::Pending;
                };
                if this.read_timer.deadline() != deadline {
                    this.read_timer.as_mut().reset(deadline);
                }
                ready!(this.read_timer.as_mut().poll(cx));
                Poll::Ready(Err(timed_out(what)))
            }
        }
    }
}

impl AsyncWrite for TimedIo {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_write(cx, data) {
            Poll::Pending => {
                let limit = this.limits.body;
                let deadline = this
                    .write_timer
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
                ready!(deadline.as_mut().poll(cx));
                Poll::Ready(Err(timed_out("response not read")))
            }
            done => {
                this.write_timer = None;
                done
            }
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// A request body that fails with `TimedOut` when the client sends nothing more for
/// `limit` while the handler waits for it.
struct PacedBody {
    inner: BoxBody<Bytes, io::Error>,
    limit: Duration,
    waiting: Option<Pin<Box<Sleep>>>,
    stalled: Arc<AtomicBool>,
}

impl HttpBody for PacedBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Pending => {
                let limit = this.limit;
                let waiting = this
                    .waiting
                    .get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
                ready!(waiting.as_mut().poll(cx));
                this.stalled.store(true, Ordering::Relaxed);
                Poll::Ready(Some(Err(timed_out("request body"))))
            }
            frame => {
                this.waiting = None;
                frame
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// A response body that puts its connection back to idle once it has been sent.
struct ResponseBody {
    inner: BoxBody<Bytes, io::Error>,
    state: Option<Arc<Mutex<State>>>,
}

impl ResponseBody {
    fn finished(&mut self) {
        if let Some(state) = self.state.take() {
            set(
                &state,
                Phase::Idle {
                    since: Instant::now(),
                },
            );
        }
    }
}

impl HttpBody for ResponseBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        let frame = ready!(Pin::new(&mut this.inner).poll_frame(cx));
        if frame.is_none() {
            this.finished();
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for ResponseBody {
    fn drop(&mut self) {
        self.finished();
    }
}
