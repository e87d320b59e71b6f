//! Layered settings: built-in defaults, then an optional TOML file, then `COUNCIL__...`
//! environment variables (`COUNCIL__SERVER__BIND=0.0.0.0:8080`), then `DATABASE_URL`.
//! Settings are loaded once in `main` and passed down; nothing reads them from a global.

use std::{collections::HashMap, path::PathBuf};

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Folder for the SQLite file, uploads and the mail outbox.
    pub data_dir: PathBuf,
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub mail: MailSettings,
    pub cache: CacheSettings,
    pub log: LogSettings,
    pub auth: AuthSettings,
    pub uploads: UploadSettings,
    pub practices: PracticeSettings,
    pub notifications: NotificationSettings,
    pub retention: RetentionSettings,
    pub services: ServiceUrls,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("./data"),
            server: ServerSettings::default(),
            database: DatabaseSettings::default(),
            mail: MailSettings::default(),
            cache: CacheSettings::default(),
            log: LogSettings::default(),
            auth: AuthSettings::default(),
            uploads: UploadSettings::default(),
            practices: PracticeSettings::default(),
            notifications: NotificationSettings::default(),
            retention: RetentionSettings::default(),
            services: ServiceUrls::default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct UploadSettings {
    /// Largest accepted attachment (agenda documents, photos), in bytes.
    pub max_bytes: u64,
}

impl Default for UploadSettings {
    fn default() -> Self {
        Self {
            max_bytes: 20 * 1024 * 1024,
        }
    }
}

/// Limits on the public's feedback on good practices ("tell us your opinion").
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PracticeSettings {
    /// Feedback messages accepted per client address per hour.
    pub feedback_per_ip_per_hour: u32,
    /// Feedback messages accepted per e-mail address per hour.
    pub feedback_per_email_per_hour: u32,
}

impl Default for PracticeSettings {
    fn default() -> Self {
        Self {
            feedback_per_ip_per_hour: 20,
            feedback_per_email_per_hour: 5,
        }
    }
}

/// E-mail notices: the subscription limits, the delivery workers and their retries, and
/// the schedules of the background jobs (cron expressions with seconds, in UTC).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NotificationSettings {
    /// Subscription requests accepted per client address per hour.
    pub subscribe_per_ip_per_hour: u32,
    /// Subscription requests accepted per e-mail address per hour.
    pub subscribe_per_email_per_hour: u32,
    /// How long a confirmation link stays valid.
    pub confirm_hours: u32,
    /// Messages handed to the mail server at once: its SMTP sessions.
    pub workers: u32,
    /// Deliveries claimed and not yet recorded at most (at least `workers`): the database
    /// is asked once per batch, and this is what a crash may send twice. 512 by default:
    /// a crash mid fan-out is rare, and smaller batches cost the fan-out speed (at 256 a
    /// batch's database call outlasted the sending of what was ready, and the sessions
    /// waited: a quarter slower on a busy 2-core machine).
    pub in_flight: u32,
    /// Attempts before a delivery is given up as failed.
    pub max_attempts: u32,
    /// The first retry's delay; each next one doubles it.
    pub retry_base_seconds: u32,
    /// How often the workers look for due deliveries when idle.
    pub poll_ms: u64,
    /// A delivery still in flight after this long belonged to an instance that died: it is
    /// queued again (so at most what was in flight is sent twice).
    pub in_flight_lease_seconds: u32,
    /// Reading the other services' events.
    pub events_schedule: String,
    /// Expiring unconfirmed subscriptions.
    pub expiry_schedule: String,
    /// Looking for municipalities whose digest is due.
    pub digest_schedule: String,
    /// Looking for meetings whose members are to be reminded.
    pub reminder_schedule: String,
    /// A new municipality's digest schedule (Athens time): weekly on Monday at 08:00.
    pub default_digest: String,
    /// How long before a meeting members are reminded, unless the municipality says.
    pub default_reminder_minutes: u32,
    /// How long members' "the meeting changed" message waits, so that several edits of a
    /// convened meeting's agenda in a row reach them as one message (the latest).
    pub change_delay_seconds: u32,
    /// Whether this instance runs the workers and jobs (several instances may, safely).
    pub run_workers: bool,
    /// Reading the bounce mailbox (`mail.bounce_mailbox`).
    pub bounce_schedule: String,
    /// Temporary failures (soft bounces) of one address within `soft_bounce_days` that
    /// stop mail to it; one permanent failure (a hard bounce) always does.
    pub soft_bounce_limit: u32,
    pub soft_bounce_days: u32,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        Self {
            subscribe_per_ip_per_hour: 10,
            subscribe_per_email_per_hour: 3,
            confirm_hours: 72,
            workers: 4,
            in_flight: 512,
            max_attempts: 8,
            retry_base_seconds: 30,
            poll_ms: 1_000,
            in_flight_lease_seconds: 300,
            events_schedule: "*/5 * * * * *".into(),
            expiry_schedule: "0 17 * * * *".into(),
            digest_schedule: "0 * * * * *".into(),
            reminder_schedule: "30 * * * * *".into(),
            default_digest: "0 0 8 * * Mon".into(),
            default_reminder_minutes: 24 * 60,
            change_delay_seconds: 300,
            run_workers: true,
            bounce_schedule: "0 * * * * *".into(),
            soft_bounce_limit: 3,
            soft_bounce_days: 30,
        }
    }
}

/// How long personal data is kept, and when each service's retention job removes what has
/// served its purpose. The privacy notices print these, so what a page says and what the
/// platform does cannot disagree. Expired sessions, sign-in links, sign-in flows with an
/// identity provider and invitations go at the first run after they expire.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RetentionSettings {
    /// When the retention jobs run (cron with seconds, Athens time): daily at 03:40.
    pub schedule: String,
    /// A subscription never confirmed, with its address, is deleted after this long (its
    /// confirmation link stops working sooner: `notifications.confirm_hours`).
    pub unconfirmed_subscription_days: u32,
    /// A message sent (or given up) this long ago keeps its delivery record (state,
    /// attempts, times) but loses its text and recipient's address.
    pub sent_message_days: u32,
    /// Feedback on a practice keeps its sender's address this long after it is moderated.
    pub feedback_address_days: u32,
    /// A declined request for access is deleted this long after the decision.
    pub declined_request_days: u32,
    /// The audit log keeps an entry this many years.
    pub audit_log_years: u32,
}

impl Default for RetentionSettings {
    fn default() -> Self {
        Self {
            schedule: "0 40 3 * * *".into(),
            unconfirmed_subscription_days: 7,
            sent_message_days: 30,
            feedback_address_days: 30,
            declined_request_days: 30,
            audit_log_years: 2,
        }
    }
}

impl RetentionSettings {
    /// What was made `days` before `now` or earlier is due to go.
    pub fn cutoff(now: chrono::DateTime<chrono::Utc>, days: u32) -> chrono::DateTime<chrono::Utc> {
        now - chrono::Duration::days(i64::from(days))
    }

    /// The oldest audit entry kept at `now`.
    pub fn audit_cutoff(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> chrono::DateTime<chrono::Utc> {
        // A year as 365¼ days: close enough for a retention period stated in years.
        now - chrono::Duration::hours(i64::from(self.audit_log_years) * 8766)
    }
}

/// Where a service run on its own finds the others. The all-in-one `council` server ignores
/// these: there every service calls the others in-process.
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServiceUrls {
    /// The tenants service's base address, such as `http://tenants.internal:8081`.
    pub tenants_url: String,
    /// The meetings service's base address (the notifications service reads its events).
    pub meetings_url: String,
    /// The practices service's base address (the notifications service reads its events).
    pub practices_url: String,
    /// A platform administrator's API token (`council token create`) with which a service run
    /// on its own reads what is not public: event outboxes, members' contact addresses.
    pub token: Option<SecretString>,
}

impl Default for ServiceUrls {
    fn default() -> Self {
        Self {
            tenants_url: "http://127.0.0.1:8081".into(),
            meetings_url: "http://127.0.0.1:8082".into(),
            practices_url: "http://127.0.0.1:8083".into(),
            token: None,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerSettings {
    /// Address to listen on; port 0 picks a free port (tests).
    pub bind: String,
    /// Largest accepted request body, in bytes.
    pub body_limit_bytes: usize,
    /// How long in-flight requests may take to finish on shutdown, and then the background
    /// work (sending what is claimed, the job under way).
    pub shutdown_grace_seconds: u64,
    /// The bearer token a scraper presents at `/metrics`; unset, `/metrics` is off (404).
    pub metrics_token: Option<secrecy::SecretString>,
    /// After SIGTERM, how long requests are still served while `/readyz` says the instance
    /// is draining, for load balancers to notice (a few health-check intervals).
    pub drain_seconds: u64,
    /// The address people reach the platform at, such as `https://semp.example.gr`: links in
    /// e-mails and the sign-in callback use it, and an `https` address makes cookies
    /// `Secure`. Defaults to `http://` and the address the server listens on.
    pub public_url: Option<String>,
    /// The header a trusted reverse proxy puts the client's address in, such as
    /// `X-Forwarded-For` (its last entry is used). Unset: the connection's peer address.
    pub client_ip_header: Option<String>,
    /// A request's head (request line and headers) must arrive within this time of the
    /// connection opening or of its first byte after an earlier response; else the
    /// connection is closed (slow-header clients hold no connection for long).
    pub header_timeout_seconds: u64,
    /// The longest pause while a request body is being read or a response is being sent
    /// (a client that dribbles its body or stops reading); the connection is then closed.
    pub body_timeout_seconds: u64,
    /// How long a kept-alive connection may wait, idle, for its next request.
    pub keep_alive_seconds: u64,
    /// Connections served at once; more wait in the listen queue until one closes.
    pub max_connections: usize,
}

impl Default for ServerSettings {
    fn default() -> Self {
        Self {
            bind: "127.0.0.1:8080".into(),
            body_limit_bytes: 1024 * 1024,
            shutdown_grace_seconds: 10,
            drain_seconds: 5,
            metrics_token: None,
            public_url: None,
            client_ip_header: None,
            header_timeout_seconds: 10,
            body_timeout_seconds: 30,
            keep_alive_seconds: 60,
            max_connections: 1024,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `sqlite://...` or `postgres://...`; defaults to `council.db` in the data folder.
    pub url: Option<SecretString>,
    pub max_connections: u32,
    /// Connections opened at start and kept open, so the first requests do not wait for them.
    pub min_connections: u32,
    pub acquire_timeout_seconds: u64,
    /// Apply pending migrations when a server starts.
    pub migrate_on_start: bool,
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: None,
            max_connections: 10,
            min_connections: 2,
            acquire_timeout_seconds: 5,
            migrate_on_start: true,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    /// Sender of every e-mail, as `Name <address>`.
    pub from: String,
    /// Without an SMTP host, mail is written as .eml files to `outbox/` in the data folder.
    pub smtp: Option<SmtpSettings>,
    /// Where bounces go (`bounces@council.example.gr`). Each message's envelope sender
    /// then names its delivery (`bounces+42@council.example.gr`, VERP), so a bounce says
    /// which delivery failed. Without it, the envelope sender is `from`'s address.
    pub bounce_address: Option<String>,
    /// The mailbox that address delivers to, read for bounces and complaints.
    pub bounce_mailbox: Option<BounceMailboxSettings>,
    /// DKIM signing of every message, when a key is configured.
    pub dkim: Option<DkimSettings>,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            from: "ΣΕΜΠ Platform <no-reply@localhost>".into(),
            smtp: None,
            bounce_address: None,
            bounce_mailbox: None,
            dkim: None,
        }
    }
}

/// DKIM (RFC 6376): the key signs, receivers check it against the selector's DNS record
/// (`{selector}._domainkey.{domain}`; the README shows the records to publish).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DkimSettings {
    pub selector: String,
    /// The signing domain (`d=`); `mail.from`'s domain when unset.
    #[serde(default)]
    pub domain: Option<String>,
    /// The private key: an RSA key in PKCS#1 PEM (`openssl genrsa -traditional 2048`), or
    /// an Ed25519 key as the base64 of its 32 bytes.
    pub private_key_file: PathBuf,
    #[serde(default)]
    pub algorithm: DkimAlgorithm,
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DkimAlgorithm {
    /// rsa-sha256: every receiver checks it.
    #[default]
    Rsa,
    /// ed25519-sha256 (RFC 8463): smaller and faster, not yet checked everywhere.
    Ed25519,
}

/// An IMAP mailbox holding the bounces and complaints (RFC 3464, RFC 5965) that come back.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BounceMailboxSettings {
    pub host: String,
    /// 993 with TLS, 143 without.
    #[serde(default)]
    pub port: Option<u16>,
    /// IMAPS, TLS from the first byte (the default); `false` only for a local server.
    #[serde(default = "default_mailbox_tls")]
    pub tls: bool,
    pub username: String,
    pub password: SecretString,
    #[serde(default = "default_mailbox_folder")]
    pub folder: String,
    #[serde(default = "default_smtp_timeout")]
    pub timeout_seconds: u64,
}

fn default_mailbox_tls() -> bool {
    true
}

fn default_mailbox_folder() -> String {
    "INBOX".into()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSettings {
    pub host: String,
    /// Defaults to 587 with STARTTLS, 465 with TLS, 25 without TLS.
    pub port: Option<u16>,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<SecretString>,
    #[serde(default)]
    pub tls: SmtpTls,
    #[serde(default = "default_smtp_timeout")]
    pub timeout_seconds: u64,
}

fn default_smtp_timeout() -> u64 {
    10
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS (required).
    #[default]
    Starttls,
    /// TLS from the first byte (SMTPS).
    Tls,
    /// No encryption: only for a local relay or a test server.
    None,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CacheSettings {
    /// How long public read views (municipality profiles, councils, lists, their pages) are
    /// served from memory. A write clears them at once on the instance that made it; other
    /// instances behind the same load balancer show it within this time. 0 turns caching off.
    pub ttl_ms: u64,
}

impl Default for CacheSettings {
    fn default() -> Self {
        Self { ttl_ms: 2000 }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogSettings {
    /// A `tracing` filter such as `info` or `council=debug,sqlx=warn`.
    pub filter: String,
    pub format: LogFormat,
}

impl Default for LogSettings {
    fn default() -> Self {
        Self {
            filter: "info,sqlx=warn,sea_orm=warn".into(),
            format: LogFormat::Pretty,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Pretty,
    Json,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthSettings {
    /// A session ends this long after sign-in, whatever happens.
    pub session_ttl_seconds: u64,
    /// A session also ends after this long without a request.
    pub session_idle_seconds: u64,
    /// How long a sign-in link sent by e-mail works (once).
    pub sign_in_link_ttl_seconds: u64,
    /// How long an invitation to a role waits for its addressee's first sign-in.
    pub invitation_ttl_days: u64,
    /// How long a service keeps a resolved session or token before asking again; sign-out
    /// on another instance takes effect there within this time.
    pub principal_cache_seconds: u64,
    /// Sign-in attempts (links asked for, provider sign-ins started) per client address per
    /// minute.
    pub attempts_per_ip_per_minute: u32,
    /// Sign-in links per e-mail address per hour.
    pub links_per_address_per_hour: u32,
    /// Requests for access (from a municipality's page) per client address per hour.
    pub access_requests_per_ip_per_hour: u32,
    /// Requests for access per e-mail address per hour.
    pub access_requests_per_address_per_hour: u32,
    /// The platform's OpenID Connect provider; without it, only e-mail links sign people in.
    pub oidc: Option<OidcProviderSettings>,
    /// Lets sign-in providers' issuers be plain `http` or on loopback, private and link-local
    /// addresses: for development and tests with a local provider only. Off, the server
    /// never fetches such an address (server-side request forgery).
    pub allow_private_issuers: bool,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            session_ttl_seconds: 12 * 3600,
            session_idle_seconds: 2 * 3600,
            sign_in_link_ttl_seconds: 15 * 60,
            invitation_ttl_days: 14,
            principal_cache_seconds: 10,
            attempts_per_ip_per_minute: 20,
            links_per_address_per_hour: 5,
            access_requests_per_ip_per_hour: 5,
            access_requests_per_address_per_hour: 3,
            oidc: None,
            allow_private_issuers: false,
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcProviderSettings {
    /// The issuer, such as `https://login.example.gr/realms/semp`; its discovery document is
    /// read from `<issuer>/.well-known/openid-configuration`.
    pub issuer_url: String,
    pub client_id: String,
    pub client_secret: SecretString,
    /// The name on the sign-in button.
    #[serde(default = "default_provider_name")]
    pub display_name: String,
}

fn default_provider_name() -> String {
    "Single sign-on".into()
}

#[derive(Debug, thiserror::Error)]
#[error("invalid settings: {0}")]
pub struct SettingsError(#[from] config::ConfigError);

impl Settings {
    /// Loads the layers from the process environment.
    pub fn load(file: Option<&std::path::Path>) -> Result<Self, SettingsError> {
        Self::load_from(file, std::env::vars().collect())
    }

    /// Loads the layers from an explicit environment, so tests need not touch the process's.
    pub fn load_from(
        file: Option<&std::path::Path>,
        env: HashMap<String, String>,
    ) -> Result<Self, SettingsError> {
        let mut builder = config::Config::builder();
        if let Some(path) = file {
            builder = builder.add_source(config::File::from(path).required(true));
        }
        let database_url = env.get("DATABASE_URL").cloned();
        builder = builder.add_source(
            config::Environment::with_prefix("COUNCIL")
                .prefix_separator("__")
                .separator("__")
                .try_parsing(true)
                .source(Some(env)),
        );
        if let Some(url) = database_url.filter(|url| !url.is_empty()) {
            builder = builder.set_override("database.url", url)?;
        }
        Ok(builder.build()?.try_deserialize()?)
    }

    /// The database URL in effect: the configured one or the SQLite file in the data folder.
    pub fn database_url(&self) -> String {
        match &self.database.url {
            Some(url) => url.expose_secret().to_string(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("council.db").display()
            ),
        }
    }

    pub fn outbox_dir(&self) -> PathBuf {
        self.data_dir.join("outbox")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_apply_without_file_or_environment() {
        let settings = Settings::load_from(None, HashMap::new()).unwrap();
        assert_eq!(settings.server.bind, "127.0.0.1:8080");
        assert!(settings.database_url().starts_with("sqlite://"));
        assert!(settings.mail.smtp.is_none());
    }

    #[test]
    fn environment_overrides_nested_values() {
        let settings = Settings::load_from(
            None,
            env(&[
                ("COUNCIL__SERVER__BIND", "0.0.0.0:9000"),
                ("COUNCIL__SERVER__BODY_LIMIT_BYTES", "2048"),
                ("COUNCIL__MAIL__SMTP__HOST", "mail.example.org"),
                ("COUNCIL__MAIL__SMTP__TLS", "none"),
            ]),
        )
        .unwrap();
        assert_eq!(settings.server.bind, "0.0.0.0:9000");
        assert_eq!(settings.server.body_limit_bytes, 2048);
        let smtp = settings.mail.smtp.unwrap();
        assert_eq!(smtp.host, "mail.example.org");
        assert_eq!(smtp.tls, SmtpTls::None);
    }

    #[test]
    fn database_url_variable_wins_over_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("council.toml");
        std::fs::write(&file, "[database]\nurl = \"sqlite://other.db\"\n").unwrap();
        let settings = Settings::load_from(
            Some(&file),
            env(&[("DATABASE_URL", "postgres://postgres@127.0.0.1/council")]),
        )
        .unwrap();
        assert_eq!(
            settings.database_url(),
            "postgres://postgres@127.0.0.1/council"
        );
    }

    #[test]
    fn a_misspelt_setting_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("council.toml");
        std::fs::write(&file, "[server]\nbnd = \"0.0.0.0:1\"\n").unwrap();
        let error = Settings::load_from(Some(&file), HashMap::new()).unwrap_err();
        assert!(error.to_string().contains("bnd"), "{error}");
    }
}
