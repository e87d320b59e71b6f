//! A browser for sign-in tests: a cookie jar, no automatic redirects, and the real OpenID
//! Connect provider (panva's `oidc-provider`, `tests/oidc/provider.mjs`) started per test.

use std::process::Stdio;

use tokio::{
    io::{AsyncBufReadExt, BufReader},
    process::{Child, ChildStdin, Command},
};

use crate::{TestApp, required_tool};

/// The provider, stopped when dropped (its stdin closes, and it is killed).
pub struct OidcProvider {
    pub issuer: String,
    _child: Child,
    _stdin: ChildStdin,
}

impl OidcProvider {
    /// `None` outside CI when oidc-provider is not installed (`bash .ci/run` installs it).
    pub async fn start() -> Option<Self> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
        let module = format!("{root}/.tools/node_modules/oidc-provider");
        required_tool(
            "oidc-provider (npm)",
            std::path::Path::new(&module).is_dir().then_some(()),
        )?;
        let mut child = Command::new("node")
            .arg(format!("{root}/tests/oidc/provider.mjs"))
            .env("OIDC_PORT", "0")
            .env("OIDC_PROVIDER_MODULE_DIR", &module)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("node starts the OpenID Connect provider");
        let stdin = child.stdin.take().expect("provider stdin");
        let stdout = child.stdout.take().expect("provider stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .await
            .expect("provider says where it listens");
        let issuer = line
            .trim()
            .strip_prefix("listening ")
            .unwrap_or_else(|| panic!("unexpected provider output: {line}"))
            .to_string();
        Some(Self {
            issuer,
            _child: child,
            _stdin: stdin,
        })
    }

    /// Platform settings that use this provider.
    pub fn settings(&self) -> council_shared::settings::OidcProviderSettings {
        council_shared::settings::OidcProviderSettings {
            issuer_url: self.issuer.clone(),
            client_id: "council".into(),
            client_secret: "council-secret".to_string().into(),
            display_name: "Test directory".into(),
        }
    }
}

/// A browser: its own cookie jar, redirects followed by hand so tests see each hop.
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    jar: std::sync::Arc<reqwest::cookie::Jar>,
}

pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .unwrap_or_else(|| panic!("a redirect, got {}", response.status()))
        .to_str()
        .unwrap()
        .to_string()
}

impl Browser {
    pub fn new(app: &TestApp) -> Self {
        Self::at(&app.base)
    }

    /// A browser of the platform served at `base` (a load balancer's address, say).
    pub fn at(base: &str) -> Self {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        Self {
            client: reqwest::Client::builder()
                .cookie_provider(jar.clone())
                .redirect(reqwest::redirect::Policy::none())
                .default_headers(crate::reads_greek())
                .build()
                .expect("browser"),
            base: base.to_string(),
            jar,
        }
    }

    /// The value of one of the platform's cookies in this browser, as a thief would copy it.
    pub fn cookie(&self, name: &str) -> Option<String> {
        use reqwest::cookie::CookieStore;
        let url = reqwest::Url::parse(&format!("{}/", self.base)).unwrap();
        let header = self.jar.cookies(&url)?;
        header
            .to_str()
            .unwrap()
            .split("; ")
            .find_map(|pair| pair.strip_prefix(&format!("{name}=")).map(str::to_string))
    }

    pub async fn get(&self, url: &str) -> reqwest::Response {
        let url = if url.starts_with("http") {
            url.to_string()
        } else {
            format!("{}{url}", self.base)
        };
        self.client.get(url).send().await.expect("GET")
    }

    /// Follows a link as a person's browser does: asking for a page.
    pub async fn navigate(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.base))
            .header("accept", "text/html,application/xhtml+xml,*/*;q=0.8")
            .header("sec-fetch-mode", "navigate")
            .send()
            .await
            .expect("GET")
    }

    pub async fn post_form(&self, path: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(form)
            .send()
            .await
            .expect("POST")
    }

    /// Signs in as `email` the way a person does: asks for a link on the sign-in page, reads
    /// the e-mail in the outbox and uses the link. The account must exist (an invitation or
    /// a role).
    pub async fn sign_in_by_email(&self, app: &TestApp, email: &str) {
        self.sign_in_with_mail(email, || outbox(app)).await;
    }

    /// Signs in as `email` with the link in the e-mail that `mail` (every message so far,
    /// decoded) comes to hold within 30 s: a platform sending to a mail server rather than
    /// an outbox.
    pub async fn sign_in_with_mail(&self, email: &str, mail: impl Fn() -> Vec<String>) {
        let csrf = self.csrf_from("/sign-in").await;
        let sent = self
            .post_form("/sign-in/email", &[("email", email), ("csrf", &csrf)])
            .await;
        assert_eq!(sent.status(), 200, "asking for a sign-in link");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        let mail = loop {
            let found = mail().into_iter().rev().find(|m| {
                m.contains(&format!("To: {email}"))
                    && m.contains(&format!("{}/sign-in/link/", self.base))
            });
            if let Some(found) = found {
                break found;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no sign-in e-mail to {email}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        };
        let path = link_in(&mail, &self.base)
            .trim_start_matches(&self.base)
            .to_string();
        let csrf = self.csrf_from(&path).await;
        let used = self.post_form(&path, &[("csrf", &csrf)]).await;
        assert_eq!(used.status(), 303, "using the sign-in link");
    }

    /// The text of the page at `path`, with its status.
    pub async fn page(&self, path: &str) -> (u16, String) {
        let response = self.navigate(path).await;
        (response.status().as_u16(), response.text().await.unwrap())
    }

    /// Posts a `multipart/form-data` form as a browser sends a file upload: the text
    /// fields, then the file (`field`, its name, its bytes).
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
    ) -> reqwest::Response {
        let boundary = "----council-test-boundary-7MA4YWxkTrZu0gW";
        let mut body = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        let (field, file_name, bytes) = file;
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        self.client
            .post(format!("{}{path}", self.base))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .expect("POST")
    }

    /// Sends a form as a person does from `page`: with that page's form token, to
    /// `action`. The status, where it redirects (or empty) and the page that came back.
    pub async fn submit(
        &self,
        page: &str,
        action: &str,
        form: &[(&str, &str)],
    ) -> (u16, String, String) {
        let csrf = self.csrf_from(page).await;
        let mut fields = vec![("csrf", csrf.as_str())];
        fields.extend_from_slice(form);
        let response = self.post_form(action, &fields).await;
        let status = response.status().as_u16();
        let to = response
            .headers()
            .get("location")
            .map(|l| l.to_str().unwrap().to_string())
            .unwrap_or_default();
        (status, to, response.text().await.unwrap())
    }

    /// The form token of a page's first form.
    pub async fn csrf_from(&self, path: &str) -> String {
        let page = self.get(path).await.text().await.unwrap();
        let start = page
            .find("name=\"csrf\" value=\"")
            .unwrap_or_else(|| panic!("no form token on {path}"))
            + "name=\"csrf\" value=\"".len();
        page[start..start + 64].to_string()
    }

    /// Starts a provider sign-in and logs in at the provider as `login`: returns the
    /// address the provider sends the browser back to (with `code` and `state`).
    pub async fn log_in_at_provider(
        &self,
        provider: &OidcProvider,
        start: &str,
        login: &str,
    ) -> String {
        let started = self.get(start).await;
        assert_eq!(started.status(), 303, "sign-in starts with a redirect");
        let authorize = location(&started);
        assert!(authorize.starts_with(&provider.issuer), "{authorize}");
        assert!(
            authorize.contains("code_challenge_method=S256"),
            "PKCE S256: {authorize}"
        );
        let to_login = self.get(&authorize).await;
        let interaction = format!("{}{}", provider.issuer, location(&to_login));
        let logged_in = self
            .client
            .post(&interaction)
            .form(&[("prompt", "login"), ("login", login), ("password", "any")])
            .send()
            .await
            .unwrap();
        assert_eq!(logged_in.status(), 303, "the provider accepts the login");
        let resumed = self.get(&location(&logged_in)).await;
        let callback = location(&resumed);
        assert!(
            callback.starts_with(&format!("{}/auth/callback", self.base)),
            "{callback}"
        );
        callback
    }

    /// A full sign-in through the provider; panics unless it ends signed in.
    pub async fn sign_in_with_provider(&self, provider: &OidcProvider, login: &str) {
        let callback = self
            .log_in_at_provider(provider, "/auth/start/platform?next=/account", login)
            .await;
        let done = self.get(&callback).await;
        assert_eq!(done.status(), 303, "{}", done.text().await.unwrap());
        assert_eq!(location(&done), "/account");
    }

    /// `/api/v1/me` as this browser: status and body.
    pub async fn me(&self) -> (u16, serde_json::Value) {
        let response = self.get("/api/v1/me").await;
        let status = response.status().as_u16();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }
}

/// The e-mails in the outbox folder, oldest first, as text.
pub fn outbox(app: &TestApp) -> Vec<String> {
    outbox_raw(app).iter().map(|m| decode_body(m)).collect()
}

/// The outbox's messages as written (every part still encoded), oldest first.
pub fn outbox_raw(app: &TestApp) -> Vec<String> {
    let dir = app.context.settings.outbox_dir();
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|entries| entries.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort_by_key(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok());
    files
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect()
}

/// The message's headers and its body decoded (base64 or quoted-printable).
fn decode_body(message: &str) -> String {
    use base64::Engine;
    let normalised = message.replace("\r\n", "\n");
    let (headers, body) = normalised.split_once("\n\n").unwrap_or((&normalised, ""));
    let lower = headers.to_lowercase();
    let body = if lower.contains("content-transfer-encoding: base64") {
        let compact: String = body.chars().filter(|c| !c.is_whitespace()).collect();
        String::from_utf8_lossy(
            &base64::engine::general_purpose::STANDARD
                .decode(compact)
                .expect("base64 body"),
        )
        .into_owned()
    } else {
        decode_quoted_printable(body)
    };
    format!("{headers}\n\n{body}")
}

/// Undoes quoted-printable soft breaks and `=XX` escapes well enough to find a link.
fn decode_quoted_printable(text: &str) -> String {
    let joined = text.replace("=\r\n", "").replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The sign-in link in an e-mail.
pub fn link_in(mail: &str, base: &str) -> String {
    let start = mail
        .find(&format!("{base}/sign-in/link/"))
        .unwrap_or_else(|| panic!("no sign-in link in {mail}"));
    mail[start..]
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap()
        .to_string()
}

/// The version a form carries, so a later save of an older copy is refused.
pub fn version_in(page: &str) -> String {
    page.split("name=\"version\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the form carries a version")
        .to_string()
}
