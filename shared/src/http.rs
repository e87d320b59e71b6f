//! HTTP plumbing every service binary and the all-in-one server share: request ids and
//! request spans, problem details for every API error, health and readiness, binding
//! (port 0 in tests) and graceful shutdown.

use std::{net::SocketAddr, time::Duration};

use anyhow::Context;
use poem::{
    Endpoint, EndpointExt, IntoResponse, Request, Response, Route, handler,
    http::{HeaderValue, StatusCode, header},
    web::{Data, Json},
};
use sea_orm::DatabaseConnection;
use tracing::Instrument;

use crate::{
    connections::ConnectionLimits,
    json_body::BodyLimit,
    lifecycle::Lifecycle,
    methods::get,
    problem::{ApiError, Problem},
};

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// The id of the request being served: the caller's `X-Request-Id` if it is sane, else new.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

fn incoming_request_id(req: &Request) -> Option<String> {
    let value = req.headers().get(REQUEST_ID_HEADER)?.to_str().ok()?;
    let sane = !value.is_empty()
        && value.len() <= 64
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c));
    sane.then(|| value.to_string())
}

/// Outermost middleware: gives the request an id, runs it inside a span that carries the
/// id, logs its outcome, and echoes the id in the response.
pub async fn trace_request<E: Endpoint>(next: E, mut req: Request) -> poem::Result<Response> {
    let id = incoming_request_id(&req).unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    req.set_data(RequestId(id.clone()));
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %req.method(),
        path = %req.uri().path(),
    );
    async move {
        let started = std::time::Instant::now();
        let result = next.call(req).await;
        let mut response = match result {
            Ok(response) => response.into_response(),
            Err(error) => error.into_response(),
        };
        let status = response.status();
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        if status.is_server_error() {
            tracing::error!(status = status.as_u16(), elapsed_ms, "request failed");
        } else {
            tracing::debug!(status = status.as_u16(), elapsed_ms, "request served");
        }
        if let Ok(value) = HeaderValue::from_str(&id) {
            response.headers_mut().insert(REQUEST_ID_HEADER, value);
        }
        Ok(response)
    }
    .instrument(span)
    .await
}

/// Turns every error under an API prefix into RFC 9457 problem details, including the
/// framework's own (unknown route, wrong method, unparsable parameter, wrong content type).
pub async fn problem_details<E: Endpoint>(next: E, req: Request) -> poem::Result<Response> {
    let instance = req.original_uri().path().to_string();
    let request_id = req.data::<RequestId>().map(|id| id.0.clone());
    match next.call(req).await {
        Ok(response) => Ok(response.into_response()),
        Err(error) => {
            let mut problem = problem_for(&error);
            problem.instance = Some(instance);
            problem.request_id = request_id;
            let status = problem.status;
            let mut response = problem.into_response();
            if let Some(allow) = crate::methods::allow_header(&error) {
                response.headers_mut().insert(header::ALLOW, allow);
            }
            if status == StatusCode::UNAUTHORIZED.as_u16() {
                response
                    .headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
            }
            if status == StatusCode::PAYLOAD_TOO_LARGE.as_u16() {
                // The rest of the oversized body is never read, so this connection cannot
                // carry another request: tell the client not to reuse it.
                response
                    .headers_mut()
                    .insert(header::CONNECTION, HeaderValue::from_static("close"));
            }
            Ok(response)
        }
    }
}

/// The problem a client sees for an error; 5xx causes are logged, never shown.
pub fn problem_for(error: &poem::Error) -> Problem {
    if let Some(api_error) = error.downcast_ref::<ApiError>() {
        if let ApiError::Internal(cause) = api_error {
            tracing::error!(error = ?cause, "request failed");
        }
        return api_error.to_problem();
    }
    if let Some(parameter) = error.downcast_ref::<poem_openapi::error::ParseParamError>() {
        // A parameter that is missing, of the wrong type, or outside the bounds the OpenAPI
        // document declares is an invalid field like any other: 422 naming it, not
        // poem-openapi's 400.
        return ApiError::invalid(parameter.name, parameter.reason.clone()).to_problem();
    }
    let status = error.status();
    if status == StatusCode::UNAUTHORIZED {
        // poem-openapi's own message for a missing header says nothing useful.
        return ApiError::Unauthorized.to_problem();
    }
    if status.is_server_error() {
        tracing::error!(error = %error, "request failed");
        ApiError::Internal(anyhow::anyhow!("{error}")).to_problem()
    } else if status == StatusCode::NOT_FOUND {
        Problem::new(status, Some("There is nothing at this address.".into()))
    } else {
        Problem::new(status, Some(error.to_string()))
    }
}

#[handler]
async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({ "status": "ok" }))
}

/// How long `/readyz` waits for the database before it answers 503.
const READY_WITHIN: Duration = Duration::from_secs(2);

#[handler]
async fn readyz(db: Data<&DatabaseConnection>, lifecycle: Data<&Lifecycle>) -> Response {
    if lifecycle.is_draining() {
        let mut problem = Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            Some("This instance is shutting down: send requests to the others.".into()),
        );
        problem.instance = Some("/readyz".into());
        return problem.into_response();
    }
    // Bounded: with the database down the pool would keep trying to connect until its
    // acquire timeout, and a balancer's check would time out instead of reading 503.
    let answered = tokio::time::timeout(READY_WITHIN, crate::database::ping(&db))
        .await
        .unwrap_or_else(|_| Err(anyhow::anyhow!("no answer within {READY_WITHIN:?}")));
    match answered {
        Ok(()) => Json(serde_json::json!({ "status": "ready", "database": "ok" })).into_response(),
        Err(error) => {
            tracing::warn!(error = ?error, "readiness check failed");
            let mut problem = Problem::new(
                StatusCode::SERVICE_UNAVAILABLE,
                Some("The database does not answer.".into()),
            );
            problem.instance = Some("/readyz".into());
            problem.into_response()
        }
    }
}

/// Adds `GET /healthz` (the process is up) and `GET /readyz` (its database answers too, and
/// it is not shutting down).
/// The database comes from request data, which `Application` adds.
pub fn with_health_routes(route: Route) -> Route {
    route
        .at("/healthz", get(healthz))
        .at("/readyz", get(readyz))
}

/// The address people reach the platform at, without a trailing slash (request data).
#[derive(Debug, Clone)]
pub struct PublicUrl(pub String);

/// `server.public_url`, or `http://` and the address the server listens on.
pub fn public_url(settings: &crate::Settings, address: SocketAddr) -> String {
    match &settings.server.public_url {
        Some(url) if !url.trim().is_empty() => url.trim().trim_end_matches('/').to_string(),
        _ => format!("http://{address}"),
    }
}

/// The header a trusted proxy names the client in, if any (request data).
#[derive(Debug, Clone)]
pub struct ClientIpHeader(pub Option<String>);

/// The client's address: the last entry of the trusted proxy's header when one is
/// configured (the entry that proxy added), else the connection's peer.
pub fn client_ip(request: &Request) -> String {
    if let Some(ClientIpHeader(Some(name))) = request.data::<ClientIpHeader>()
        && let Some(value) = request
            .headers()
            .get(name.as_str())
            .and_then(|v| v.to_str().ok())
        && let Some(last) = value
            .rsplit(',')
            .next()
            .map(str::trim)
            .filter(|v| !v.is_empty())
    {
        return last.chars().take(64).collect();
    }
    request
        .remote_addr()
        .as_socket_addr()
        .map(|addr| addr.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Whether cookies must be `Secure`: the platform is reached over HTTPS.
pub fn is_https(request: &Request) -> bool {
    request
        .data::<PublicUrl>()
        .is_some_and(|url| url.0.starts_with("https://"))
}

/// Wraps a whole application: request ids and spans, the body limit for `JsonBody`, and the
/// security headers (HSTS when the platform is reached over `https`).
pub fn with_common_middleware(
    app: impl Endpoint + 'static,
    body_limit: usize,
    https: bool,
) -> impl Endpoint<Output = Response> {
    let app = app
        .data(BodyLimit(body_limit))
        .with(poem::middleware::CookieJarManager::new())
        .around(crate::compression::serve_cached_bodies);
    crate::security_headers::with_security_headers(app, https).around(trace_request)
}

/// A listening socket whose real address is known before serving starts (port 0 in tests).
pub struct BoundListener {
    listener: tokio::net::TcpListener,
    address: SocketAddr,
}

impl BoundListener {
    pub async fn bind(address: &str) -> anyhow::Result<Self> {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .with_context(|| format!("cannot listen on {address}"))?;
        let address = listener
            .local_addr()
            .context("the listener has no socket address")?;
        Ok(Self { listener, address })
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves within `limits` until `shutdown` resolves, then lets in-flight requests
    /// finish within `grace`.
    pub async fn serve(
        self,
        app: impl Endpoint + 'static,
        limits: ConnectionLimits,
        shutdown: impl std::future::Future<Output = ()>,
        grace: Duration,
    ) -> std::io::Result<()> {
        let endpoint = app.map_to_response().boxed();
        crate::connections::serve(self.listener, endpoint, limits, shutdown, grace).await
    }
}

/// Resolves on Ctrl-C or SIGTERM (what a container runtime or systemd sends).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
