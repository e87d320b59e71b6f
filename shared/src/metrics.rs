//! Prometheus metrics at `GET /metrics`, for operators' scrapers: requests by route template
//! and status with their latency, the database pool, cache lookups, and what the services
//! add (deliveries by state, the queue's age, job runs). The `metrics` facade records them;
//! its Prometheus exporter renders the text. Disabled (404) unless `server.metrics_token` is
//! set, and then only for a request bearing that token.

use std::{
    sync::{Arc, Mutex, OnceLock},
    time::Instant,
};

use futures_util::future::BoxFuture;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use poem::{
    Endpoint, IntoResponse, Request, Response, handler,
    http::StatusCode,
    web::{Data, TypedHeader, headers::Authorization, headers::authorization::Bearer},
};
use sea_orm::DatabaseConnection;
use secrecy::{ExposeSecret, SecretString};

/// The one recorder of the process (the `metrics` facade has one): several applications in
/// one process (the tests) share it.
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let latency = [
            0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
        ];
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("duration_seconds".into()), &latency)
            .expect("the buckets are not empty")
            .build_recorder();
        let handle = recorder.handle();
        // Another recorder may already be installed (a test harness's): then this one's
        // text is empty, which the tests would see.
        let _ = metrics::set_global_recorder(recorder);
        describe();
        handle
    })
}

/// The help text of every metric the platform records (Prometheus shows it; promtool
/// insists on it).
fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        "council_http_requests_total",
        "Requests answered, by method, route template and status."
    );
    describe_histogram!(
        "council_http_request_duration_seconds",
        Unit::Seconds,
        "Time to answer a request, by method, route template and status."
    );
    describe_gauge!(
        "council_db_pool_connections",
        "Connections of this instance's database pool: open, and of those idle."
    );
    describe_counter!(
        "council_cache_lookups_total",
        "Lookups in the in-memory caches of public views and searches: hits and misses."
    );
    describe_gauge!(
        "council_deliveries",
        "E-mail deliveries by state (queued, in_flight, sent, failed), across instances."
    );
    describe_gauge!(
        "council_delivery_queue_age_seconds",
        Unit::Seconds,
        "How long the oldest due delivery has waited to be sent; 0 when none waits."
    );
    describe_counter!(
        "council_job_runs_total",
        "Runs of the background jobs on this instance, by job and outcome (ok, failed)."
    );
}

/// Something a service measures when the scraper asks (counts in its tables).
pub type Collector = Arc<dyn Fn() -> BoxFuture<'static, ()> + Send + Sync>;

/// The collectors of one application, run before each scrape.
#[derive(Clone, Default)]
pub struct Collectors(Arc<Mutex<Vec<Collector>>>);

impl std::fmt::Debug for Collectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Collectors")
    }
}

impl Collectors {
    pub fn add(&self, collector: Collector) {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(collector);
    }

    async fn run(&self) {
        let all: Vec<Collector> = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        for collector in all {
            collector().await;
        }
    }
}

/// What `/metrics` needs (request data).
#[derive(Clone)]
pub struct MetricsAccess {
    pub token: Option<SecretString>,
    pub collectors: Collectors,
}

#[handler]
pub async fn metrics_text(
    access: Data<&MetricsAccess>,
    db: Data<&DatabaseConnection>,
    bearer: Option<TypedHeader<Authorization<Bearer>>>,
) -> Response {
    let Some(token) = &access.token else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let presented = bearer.map(|TypedHeader(Authorization(b))| b.token().to_string());
    let allowed = presented.is_some_and(|given| {
        // Compared in constant time: the token guards operational detail.
        let expected = token.expose_secret().as_bytes();
        given.len() == expected.len()
            && given
                .as_bytes()
                .iter()
                .zip(expected)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    });
    if !allowed {
        return Response::builder()
            .status(StatusCode::UNAUTHORIZED)
            .header("WWW-Authenticate", "Bearer")
            .body("a bearer token (server.metrics_token) is needed");
    }
    pool_gauges(&db);
    access.collectors.run().await;
    Response::builder()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .header("Cache-Control", "no-store")
        .body(handle().render())
}

/// The database pool's connections: open and idle.
fn pool_gauges(db: &DatabaseConnection) {
    use sea_orm::DatabaseConnectionType as Pool;
    let (size, idle) = match &db.inner {
        Pool::SqlxPostgresPoolConnection(_) => {
            let pool = db.get_postgres_connection_pool();
            (pool.size(), pool.num_idle())
        }
        Pool::SqlxSqlitePoolConnection(_) => {
            let pool = db.get_sqlite_connection_pool();
            (pool.size(), pool.num_idle())
        }
        _ => return,
    };
    metrics::gauge!("council_db_pool_connections", "state" => "open").set(f64::from(size));
    metrics::gauge!("council_db_pool_connections", "state" => "idle").set(idle as f64);
}

/// Records each request: `council_http_requests_total` and
/// `council_http_request_duration_seconds` by method, route template and status.
pub async fn record_request<E: Endpoint>(next: E, req: Request) -> poem::Result<Response> {
    let method = req.method().to_string();
    let path = req.uri().path().to_string();
    let started = Instant::now();
    let response = match next.call(req).await {
        Ok(response) => response.into_response(),
        Err(error) => error.into_response(),
    };
    let status = response.status().as_u16();
    let route = route_template(&path, status);
    let labels = [
        ("method", method),
        ("route", route),
        ("status", status.to_string()),
    ];
    metrics::counter!("council_http_requests_total", &labels).increment(1);
    metrics::histogram!("council_http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    Ok(response)
}

/// A path as its route's template, so that the labels stay few: ids, slugs and tokens
/// become `{id}`, `{slug}` and `{token}`; what answered 404 is `unmatched` (a scanner's
/// thousand paths must not become a thousand series).
pub fn route_template(path: &str, status: u16) -> String {
    if status == 404 {
        return "unmatched".into();
    }
    const NAMED_BY_SLUG: [&str; 3] = ["tenants", "municipalities", "practices"];
    let mut template = String::new();
    let mut previous = "";
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        let generic = if segment.chars().all(|c| c.is_ascii_digit()) {
            "{id}"
        } else if segment.len() >= 20 {
            "{token}"
        } else if NAMED_BY_SLUG.contains(&previous) {
            "{slug}"
        } else {
            segment
        };
        template.push('/');
        template.push_str(generic);
        previous = segment;
    }
    if template.is_empty() {
        template.push('/');
    }
    template
}

#[cfg(test)]
mod tests {
    use super::route_template;

    #[test]
    fn templates_keep_the_route_and_drop_what_varies() {
        let cases = [
            ("/", 200, "/"),
            ("/municipalities/athens", 200, "/municipalities/{slug}"),
            (
                "/api/v1/tenants/piraeus/meetings/42/agenda",
                201,
                "/api/v1/tenants/{slug}/meetings/{id}/agenda",
            ),
            ("/practices/kipos-tis-geitonias", 200, "/practices/{slug}"),
            (
                "/subscriptions/confirm/4f1c9a2b7d3e4f5a6b7c8d9e0f1a2b3c",
                303,
                "/subscriptions/confirm/{token}",
            ),
            ("/wp-login.php", 404, "unmatched"),
        ];
        for (path, status, expected) in cases {
            assert_eq!(route_template(path, status), expected, "{path}");
        }
    }
}
