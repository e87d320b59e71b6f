//! Which methods an address takes, so that a request with any other method gets
//! `405 Method Not Allowed` with the `Allow` header RFC 9110 (§15.5.6) requires.
//!
//! Pages and other plain routes use [`get`] and [`post`] here instead of poem's: the same
//! builder, but it knows its methods. The API's routes are poem-openapi's own; their
//! methods come from the operations in the OpenAPI document ([`ApiMethods`]), so `Allow`
//! says exactly what the document says. Both end in a [`MethodNotAllowed`] error, whose
//! `Allow` header the problem-details and error-page wrappers keep ([`allow_header`]).

use std::fmt;

use poem::{
    Endpoint, EndpointExt, IntoEndpoint, IntoResponse, Request, Response,
    endpoint::BoxEndpoint,
    http::{HeaderValue, Method, StatusCode, header},
};

/// A request with a method its address does not take; `allow` lists those it does.
#[derive(Debug, Clone)]
pub struct MethodNotAllowed {
    allow: Vec<Method>,
}

impl MethodNotAllowed {
    /// `GET` implies `HEAD`, which poem answers from the `GET` handler.
    pub fn new(methods: impl IntoIterator<Item = Method>) -> Self {
        let mut allow: Vec<Method> = methods.into_iter().collect();
        if allow.contains(&Method::GET) && !allow.contains(&Method::HEAD) {
            allow.push(Method::HEAD);
        }
        Self { allow }
    }

    /// The value of the `Allow` header: `GET, HEAD, POST`.
    pub fn allow(&self) -> HeaderValue {
        let names: Vec<&str> = self.allow.iter().map(Method::as_str).collect();
        HeaderValue::from_str(&names.join(", ")).unwrap_or_else(|_| HeaderValue::from_static(""))
    }
}

impl fmt::Display for MethodNotAllowed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.allow.iter().map(Method::as_str).collect();
        write!(
            f,
            "this address does not take this method: it takes {}",
            names.join(", ")
        )
    }
}

impl std::error::Error for MethodNotAllowed {}

impl poem::error::ResponseError for MethodNotAllowed {
    fn status(&self) -> StatusCode {
        StatusCode::METHOD_NOT_ALLOWED
    }

    fn as_response(&self) -> Response {
        Response::builder()
            .status(StatusCode::METHOD_NOT_ALLOWED)
            .header(header::ALLOW, self.allow())
            .body(self.to_string())
    }
}

/// The `Allow` header an error calls for, for wrappers that turn errors into their own
/// responses (problem details, error pages).
pub fn allow_header(error: &poem::Error) -> Option<HeaderValue> {
    error
        .downcast_ref::<MethodNotAllowed>()
        .map(MethodNotAllowed::allow)
}

/// poem's `RouteMethod` that knows its methods: any other is a [`MethodNotAllowed`].
#[derive(Default)]
pub struct Methods {
    methods: Vec<(Method, BoxEndpoint<'static>)>,
}

/// An address that takes `GET` (and so `HEAD`).
pub fn get<E: IntoEndpoint<Endpoint: 'static>>(endpoint: E) -> Methods {
    Methods::default().get(endpoint)
}

/// An address that takes `POST`.
pub fn post<E: IntoEndpoint<Endpoint: 'static>>(endpoint: E) -> Methods {
    Methods::default().post(endpoint)
}

impl Methods {
    pub fn method<E: IntoEndpoint<Endpoint: 'static>>(mut self, method: Method, ep: E) -> Self {
        self.methods
            .push((method, ep.into_endpoint().map_to_response().boxed()));
        self
    }

    pub fn get<E: IntoEndpoint<Endpoint: 'static>>(self, ep: E) -> Self {
        self.method(Method::GET, ep)
    }

    pub fn post<E: IntoEndpoint<Endpoint: 'static>>(self, ep: E) -> Self {
        self.method(Method::POST, ep)
    }

    pub fn put<E: IntoEndpoint<Endpoint: 'static>>(self, ep: E) -> Self {
        self.method(Method::PUT, ep)
    }

    pub fn delete<E: IntoEndpoint<Endpoint: 'static>>(self, ep: E) -> Self {
        self.method(Method::DELETE, ep)
    }

    fn not_allowed(&self) -> MethodNotAllowed {
        MethodNotAllowed::new(self.methods.iter().map(|(method, _)| method.clone()))
    }
}

impl Endpoint for Methods {
    type Output = Response;

    async fn call(&self, mut req: Request) -> poem::Result<Response> {
        let head = req.method() == Method::HEAD;
        let wanted = if head {
            Method::GET
        } else {
            req.method().clone()
        };
        let Some((_, endpoint)) = self.methods.iter().find(|(method, _)| *method == wanted) else {
            return Err(self.not_allowed().into());
        };
        if head {
            req.set_method(Method::GET);
            let mut response = endpoint.call(req).await?;
            response.set_body(());
            return Ok(response);
        }
        endpoint.call(req).await
    }
}

/// The methods of every path of an API, from its OpenAPI operations.
#[derive(Debug, Clone, Default)]
pub struct ApiMethods {
    /// Each path's segments (`None` for a `{parameter}`) and its methods.
    paths: Vec<(Vec<Option<String>>, Vec<Method>)>,
}

impl ApiMethods {
    pub fn of<T: poem_openapi::OpenApi>() -> Self {
        let mut paths: Vec<(Vec<Option<String>>, Vec<Method>)> = Vec::new();
        for path in T::meta().into_iter().flat_map(|api| api.paths) {
            let segments = segments(&path.path)
                .map(|s| (!s.starts_with('{')).then(|| s.to_string()))
                .collect::<Vec<_>>();
            let methods = path.operations.into_iter().map(|op| op.method);
            match paths.iter_mut().find(|(known, _)| *known == segments) {
                Some((_, known)) => known.extend(methods),
                None => paths.push((segments, methods.collect())),
            }
        }
        Self { paths }
    }

    /// The methods `path` takes, or `None` when no operation has that path. A literal
    /// segment wins over a parameter, as in the router (`/practices/themes` before
    /// `/practices/{slug}`).
    pub fn allowed(&self, path: &str) -> Option<&[Method]> {
        let wanted: Vec<&str> = segments(path).collect();
        self.paths
            .iter()
            .filter(|(template, _)| {
                template.len() == wanted.len()
                    && template
                        .iter()
                        .zip(&wanted)
                        .all(|(t, w)| t.as_deref().is_none_or(|literal| literal == *w))
            })
            .max_by_key(|(template, _)| template.iter().filter(|t| t.is_some()).count())
            .map(|(_, methods)| methods.as_slice())
    }

    /// Wraps the API's routes: their bare 405 becomes a [`MethodNotAllowed`] naming the
    /// path's methods.
    pub fn around(self, api: impl Endpoint + 'static) -> impl Endpoint<Output = Response> {
        api.around(move |next, req| {
            let allowed = self.allowed(req.uri().path()).map(<[Method]>::to_vec);
            async move {
                match next.call(req).await {
                    Ok(response) => Ok(response.into_response()),
                    Err(error)
                        if error.status() == StatusCode::METHOD_NOT_ALLOWED
                            && !error.is::<MethodNotAllowed>() =>
                    {
                        Err(match allowed {
                            Some(methods) => MethodNotAllowed::new(methods).into(),
                            None => error,
                        })
                    }
                    Err(error) => Err(error),
                }
            }
        })
    }
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use poem::handler;

    #[handler]
    fn ok() -> &'static str {
        "ok"
    }

    #[tokio::test]
    async fn another_method_is_405_with_the_methods_in_allow() {
        let methods = get(ok).post(ok);
        let trace = Request::builder().method(Method::TRACE).finish();
        let response = methods.get_response(trace).await;
        assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(response.headers()[header::ALLOW], "GET, POST, HEAD");
        let head = Request::builder().method(Method::HEAD).finish();
        assert_eq!(methods.get_response(head).await.status(), StatusCode::OK);
    }

    struct Api;

    #[poem_openapi::OpenApi]
    impl Api {
        #[oai(path = "/things/:id", method = "get")]
        async fn read(
            &self,
            id: poem_openapi::param::Path<String>,
        ) -> poem_openapi::payload::PlainText<String> {
            poem_openapi::payload::PlainText(id.0)
        }

        #[oai(path = "/things/:id", method = "delete")]
        async fn remove(&self, _id: poem_openapi::param::Path<String>) {}

        #[oai(path = "/things/new", method = "post")]
        async fn create(&self) {}
    }

    #[test]
    fn api_paths_take_the_methods_of_their_operations() {
        let methods = ApiMethods::of::<Api>();
        assert_eq!(
            methods.allowed("/things/7"),
            Some(&[Method::GET, Method::DELETE][..])
        );
        assert_eq!(methods.allowed("/things/new"), Some(&[Method::POST][..]));
        assert_eq!(methods.allowed("/things"), None);
        let response =
            poem::Error::from(MethodNotAllowed::new([Method::GET, Method::DELETE])).into_response();
        assert_eq!(response.headers()[header::ALLOW], "GET, DELETE, HEAD");
    }
}
