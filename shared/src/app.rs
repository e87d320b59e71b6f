//! What every server binary does: connect and migrate, mount its API with its OpenAPI
//! document and Swagger UI, bind (port 0 in tests), report the real address, and serve
//! until told to stop.

use std::{net::SocketAddr, time::Duration};

use anyhow::Context as _;
use poem::{EndpointExt, IntoEndpoint, Response, Route, endpoint::BoxEndpoint};
use poem_openapi::{OpenApi, OpenApiService};
use sea_orm::DatabaseConnection;

use crate::{
    connections::ConnectionLimits,
    http::{
        BoundListener, ClientIpHeader, PublicUrl, problem_details, public_url,
        with_common_middleware, with_health_routes,
    },
    lifecycle::Lifecycle,
    mail::Mailer,
    methods::ApiMethods,
    security_headers::swagger_ui_policy,
    settings::Settings,
};

/// What a service needs at run time, built once from settings.
#[derive(Clone, Debug)]
pub struct Context {
    pub settings: Settings,
    pub db: DatabaseConnection,
    pub mailer: Mailer,
    /// The instance's way out after SIGTERM (`/readyz`, the server, the workers).
    pub lifecycle: Lifecycle,
    /// What the services measure for `/metrics` when it is scraped.
    pub metrics: crate::metrics::Collectors,
}

impl Context {
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let db = crate::database::connect(&settings).await?;
        if settings.database.migrate_on_start {
            migrations::apply(&db, &settings.database_url()).await?;
        }
        let mailer = Mailer::from_settings(&settings)?;
        Ok(Self {
            settings,
            db,
            mailer,
            lifecycle: Lifecycle::default(),
            metrics: Default::default(),
        })
    }
}

/// The OpenAPI service for `api`, described for the given title.
pub fn openapi_service<T: OpenApi>(api: T, title: &str) -> OpenApiService<T, ()> {
    OpenApiService::new(api, title, env!("CARGO_PKG_VERSION"))
        .server("/api/v1")
        .description(
            "Errors are RFC 9457 problem details (`application/problem+json`). \
             Writes need `Authorization: Bearer <token>`: create one at `POST /me/tokens` \
             when signed in, or with `council token create --email ADDRESS --name NAME`.",
        )
}

/// `/api/v1/...` operations, `/api/openapi.json`, `/api/docs` and problem details for every
/// error under `/api`.
pub fn api_routes<T: OpenApi + 'static>(service: OpenApiService<T, ()>) -> Route {
    let document = crate::openapi_document::finish(&service.spec());
    let spec = poem::endpoint::make_sync(move |_| {
        Response::builder()
            .content_type("application/json; charset=utf-8")
            .body(document.clone())
    });
    let docs = service.swagger_ui();
    Route::new().nest(
        "/api",
        Route::new()
            .nest("/v1", ApiMethods::of::<T>().around(service.into_endpoint()))
            .at("/openapi.json", crate::methods::get(spec))
            .nest("/docs", docs.around(swagger_ui_policy))
            .around(problem_details),
    )
}

/// A server ready to run, with its real address known.
pub struct Application {
    listener: BoundListener,
    endpoint: BoxEndpoint<'static, Response>,
    limits: ConnectionLimits,
    grace: Duration,
    drain: Duration,
    lifecycle: Lifecycle,
}

impl Application {
    /// Binds `settings.server.bind` and wraps `routes` with health, readiness, request ids
    /// and the body limit.
    pub async fn bind(context: &Context, routes: Route) -> anyhow::Result<Self> {
        let listener = BoundListener::bind(&context.settings.server.bind).await?;
        Ok(Self::on(listener, context, routes))
    }

    /// Binds `settings.server.bind` before the routes exist, for routes that need the
    /// platform's public address (links in e-mails, the sign-in callback).
    pub async fn listen(context: &Context) -> anyhow::Result<BoundListener> {
        BoundListener::bind(&context.settings.server.bind).await
    }

    /// Serves `routes` on a listener from [`Application::listen`].
    pub fn on(listener: BoundListener, context: &Context, routes: Route) -> Self {
        let public_url = public_url(&context.settings, listener.address());
        let https = public_url.starts_with("https://");
        // The recorder before the first request is counted.
        crate::metrics::handle();
        let app = with_health_routes(routes)
            .at(
                "/metrics",
                crate::methods::get(crate::metrics::metrics_text),
            )
            .data(crate::metrics::MetricsAccess {
                token: context.settings.server.metrics_token.clone(),
                collectors: context.metrics.clone(),
            })
            .data(context.db.clone())
            .data(context.lifecycle.clone())
            .data(PublicUrl(public_url))
            .data(ClientIpHeader(
                context.settings.server.client_ip_header.clone(),
            ));
        let endpoint = with_common_middleware(app, context.settings.server.body_limit_bytes, https)
            .around(crate::metrics::record_request)
            .boxed();
        Self {
            listener,
            endpoint,
            limits: ConnectionLimits::from_settings(&context.settings.server),
            grace: Duration::from_secs(context.settings.server.shutdown_grace_seconds),
            drain: Duration::from_secs(context.settings.server.drain_seconds),
            lifecycle: context.lifecycle.clone(),
        }
    }

    pub fn address(&self) -> SocketAddr {
        self.listener.address()
    }

    /// Serves until SIGTERM or Ctrl-C, then leaves as `lifecycle` describes: draining,
    /// the requests in flight, the background work.
    pub async fn run(self) -> anyhow::Result<()> {
        let lifecycle = self.lifecycle.clone();
        let drain = self.drain;
        let told = async move {
            crate::http::shutdown_signal().await;
            lifecycle.begin_draining();
            tokio::time::sleep(drain).await;
            tracing::info!("no longer accepting connections: finishing requests in flight");
        };
        self.listener
            .serve(self.endpoint, self.limits, told, self.grace)
            .await
            .context("server failed")?;
        self.lifecycle.stop_tasks(self.grace).await;
        Ok(())
    }
}
