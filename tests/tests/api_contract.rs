//! The API says what it does: the OpenAPI document declares the enums, bounds and required
//! fields the server enforces, an invalid parameter is a 422 naming it like an invalid body
//! field, another method is a 405 with `Allow` (API and pages), and the site has an icon.

use integration_tests::{TestApp, error_fields, expect_problem, on_both_databases};
use serde_json::Value;

/// A component schema of the document, `$ref`s followed.
fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap();
            &document["components"]["schemas"][name]
        }
        None => schema,
    }
}

/// The schema of parameter `name` of operation `method path`.
fn parameter<'a>(document: &'a Value, path: &str, method: &str, name: &str) -> &'a Value {
    let parameters = document["paths"][path][method]["parameters"]
        .as_array()
        .unwrap_or_else(|| panic!("{method} {path} has parameters"));
    let found = parameters
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{method} {path} has a parameter `{name}`"));
    resolve(document, &found["schema"])
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("a list: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

async fn the_document_declares_what_the_server_enforces(app: TestApp) {
    let (status, document) = app.get_json("/api/openapi.json").await;
    assert_eq!(status, 200);
    let schemas = &document["components"]["schemas"];

    let mut required = strings(&schemas["MemberInput"]["required"]);
    required.sort_unstable();
    assert_eq!(required, ["category", "full_name", "membership", "role"]);

    assert!(
        !schemas["KeyFigure"]["required"]
            .as_array()
            .is_some_and(|r| r.iter().any(|f| f == "year")),
        "a key figure's year is optional"
    );

    let enums = [
        ("/tenants", "status", vec!["active", "archived", "all"]),
        ("/tenants/{slug}/meetings", "when", vec!["upcoming", "past"]),
        ("/practices", "sort", vec!["relevance", "date"]),
        (
            "/practices/{slug}/feedback",
            "state",
            vec!["approved", "pending", "rejected"],
        ),
        (
            "/tenants/{slug}/deliveries",
            "state",
            vec!["queued", "in_flight", "sent", "failed"],
        ),
    ];
    for (path, name, values) in enums {
        let schema = parameter(&document, path, "get", name);
        assert_eq!(strings(&schema["enum"]), values, "{path} {name}");
    }
    for path in ["/tenants", "/tenants/{slug}/meetings", "/practices"] {
        assert_eq!(parameter(&document, path, "get", "page")["minimum"], 1.0);
        let per_page = parameter(&document, path, "get", "per_page");
        assert_eq!(
            (&per_page["minimum"], &per_page["maximum"]),
            (&1.0.into(), &100.0.into())
        );
    }
    let sdg = parameter(&document, "/practices", "get", "sdg");
    assert_eq!(
        (&sdg["minimum"], &sdg["maximum"]),
        (&1.0.into(), &17.0.into())
    );

    let description = document["info"]["description"].as_str().unwrap();
    assert!(
        description.contains("council token create --email ADDRESS --name NAME"),
        "{description}"
    );

    // A figure without a year has none, rather than a null the schema does not allow.
    app.load_demo_data().await;
    let (_, athens) = app.get_json("/api/v1/tenants/athens").await;
    let figures = athens["profile"]["key_figures"].as_array().unwrap();
    assert!(figures.iter().any(|f| f.get("year").is_none()));
    assert!(
        figures
            .iter()
            .all(|f| f.get("year").is_none_or(Value::is_number))
    );
}

async fn an_invalid_parameter_is_a_422_naming_it(app: TestApp) {
    app.load_demo_data().await;
    for (path, field) in [
        ("/api/v1/tenants?page=0", "page"),
        ("/api/v1/tenants?per_page=101", "per_page"),
        ("/api/v1/tenants?status=gone", "status"),
        ("/api/v1/tenants?page=first", "page"),
        ("/api/v1/tenants/athens/meetings?when=later", "when"),
        ("/api/v1/tenants/athens/meetings?year=1999", "year"),
        ("/api/v1/practices?sort=popular", "sort"),
        ("/api/v1/practices?sdg=18", "sdg"),
        ("/api/v1/practices?sector=army", "sector"),
    ] {
        let problem = expect_problem(app.get(path).await, 422).await;
        assert_eq!(error_fields(&problem), [field], "{path}: {problem}");
    }
}

async fn another_method_is_a_405_with_allow(app: TestApp) {
    for (method, path, allow) in [
        ("TRACE", "/api/v1/tenants", "GET, POST, HEAD"),
        ("PATCH", "/api/v1/tenants/athens", "GET, PUT, HEAD"),
        ("TRACE", "/api/v1/me/tokens/1", "DELETE"),
        ("OPTIONS", "/api/v1/practices.csv", "GET, HEAD"),
        ("TRACE", "/api/openapi.json", "GET, HEAD"),
        ("TRACE", "/", "GET, HEAD"),
        (
            "DELETE",
            "/municipalities/athens/subscribe",
            "GET, POST, HEAD",
        ),
        ("PUT", "/sign-out", "POST"),
        ("TRACE", "/oparl/v1.1/system", "GET, HEAD"),
        ("TRACE", "/healthz", "GET, HEAD"),
    ] {
        let response = app
            .client
            .request(method.parse().unwrap(), app.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 405, "{method} {path}");
        assert_eq!(response.headers()["allow"], allow, "{method} {path}");
        if path.starts_with("/api/v1") {
            expect_problem(response, 405).await;
        }
    }
}

async fn the_site_has_an_icon(app: TestApp) {
    let response = app.get("/favicon.ico").await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/x-icon");
    assert!(
        response.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    let icon = response.bytes().await.unwrap();
    assert_eq!(&icon[..4], [0, 0, 1, 0], "an ICO file");

    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains(r#"<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">"#));
    let svg = app.get("/static/favicon.svg").await;
    assert_eq!(svg.status(), 200);
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
}

on_both_databases!(
    the_document_declares_what_the_server_enforces,
    an_invalid_parameter_is_a_422_naming_it,
    another_method_is_a_405_with_allow,
    the_site_has_an_icon,
);
