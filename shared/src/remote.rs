//! A service run on its own reaches the tenants service over HTTP: who a credential belongs
//! to (`GET /api/v1/me`) and who sits on a council (`GET /api/v1/tenants/{slug}` and its
//! `/council`). In the all-in-one server the same questions are answered in-process.

use std::time::Duration;

use anyhow::Context as _;
use chrono::{DateTime, NaiveDate, Utc};
use futures_util::future::BoxFuture;
use reqwest_client::{Client, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::{
    auth::{Credential, IdentityResolver, Principal, SESSION_COOKIE},
    council::{CouncilDirectory, CouncilRoster, MemberContact, RosterMember},
    tenant::{TenantRef, TenantSlug},
};

#[derive(Clone)]
pub struct TenantsClient {
    base: String,
    http: Client,
    /// `services.token`: reads what is not public (members' contact addresses).
    token: Option<SecretString>,
}

impl TenantsClient {
    pub fn new(base: &str) -> anyhow::Result<Self> {
        let http = Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest_client::redirect::Policy::none())
            .build()
            .context("cannot build the HTTP client for the tenants service")?;
        Ok(Self {
            base: base.trim_end_matches('/').to_string(),
            http,
            token: None,
        })
    }

    /// The same client, sending `token` where a read is not public.
    pub fn with_token(mut self, token: Option<SecretString>) -> Self {
        self.token = token;
        self
    }
}

impl IdentityResolver for TenantsClient {
    fn resolve<'a>(
        &'a self,
        credential: &'a Credential,
    ) -> BoxFuture<'a, anyhow::Result<Option<Principal>>> {
        Box::pin(async move {
            let request = self.http.get(format!("{}/api/v1/me", self.base));
            let request = match credential {
                Credential::Token(token) => request.bearer_auth(token),
                Credential::Session(session) => {
                    request.header("Cookie", format!("{SESSION_COOKIE}={session}"))
                }
            };
            let response = request
                .send()
                .await
                .context("the tenants service is unreachable")?;
            match response.status() {
                StatusCode::OK => Ok(Some(response.json().await.context("unreadable /me")?)),
                StatusCode::UNAUTHORIZED => Ok(None),
                other => anyhow::bail!("the tenants service answered /me with {other}"),
            }
        })
    }
}

#[derive(Deserialize)]
struct Text {
    el: String,
    en: Option<String>,
}

#[derive(Deserialize)]
struct Tenant {
    id: i64,
    slug: String,
    name: Text,
    status: String,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(Deserialize)]
struct Council {
    council: Option<CouncilInfo>,
    members: Vec<Member>,
}

#[derive(Deserialize)]
struct CouncilInfo {
    name: Text,
    term_start: Option<NaiveDate>,
    term_end: Option<NaiveDate>,
    updated_at: DateTime<Utc>,
}

#[derive(Deserialize)]
struct Member {
    id: i64,
    full_name: String,
    role: String,
    membership: String,
    term_start: Option<NaiveDate>,
    term_end: Option<NaiveDate>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// A page of the municipalities list: only the slugs are needed from it.
#[derive(Deserialize)]
struct TenantPage {
    items: Vec<TenantListed>,
}

#[derive(Deserialize)]
struct TenantListed {
    slug: String,
}

impl TenantsClient {
    async fn get<T: for<'de> Deserialize<'de>>(&self, path: &str) -> anyhow::Result<Option<T>> {
        let mut request = self.http.get(format!("{}/api/v1{path}", self.base));
        if let Some(token) = &self.token {
            request = request.bearer_auth(token.expose_secret());
        }
        let response = request
            .send()
            .await
            .context("the tenants service is unreachable")?;
        match response.status() {
            StatusCode::OK => Ok(Some(
                response
                    .json()
                    .await
                    .with_context(|| format!("unreadable {path}"))?,
            )),
            StatusCode::NOT_FOUND => Ok(None),
            other => anyhow::bail!("the tenants service answered {path} with {other}"),
        }
    }

    /// A read that is not public: it needs `services.token`.
    async fn get_private<T: for<'de> Deserialize<'de>>(
        &self,
        path: &str,
    ) -> anyhow::Result<Option<T>> {
        anyhow::ensure!(
            self.token.is_some(),
            "services.token is not set: {path} is not public and cannot be read"
        );
        self.get(path).await
    }

    async fn fetch_roster(&self, slug: &str) -> anyhow::Result<Option<CouncilRoster>> {
        let Some(tenant) = self.get::<Tenant>(&format!("/tenants/{slug}")).await? else {
            return Ok(None);
        };
        let council = self
            .get::<Council>(&format!("/tenants/{slug}/council"))
            .await?
            .context("a municipality without its council view")?;
        let (term_start, term_end, updated_at) = match &council.council {
            Some(info) => (
                info.term_start,
                info.term_end,
                info.updated_at.max(tenant.updated_at),
            ),
            None => (None, None, tenant.updated_at),
        };
        let (council_name_el, council_name_en) = match council.council {
            Some(info) => (info.name.el.clone(), info.name.en.unwrap_or(info.name.el)),
            None => (
                "ΣΕΜΠ".into(),
                "Migrant and Refugee Integration Council".into(),
            ),
        };
        Ok(Some(CouncilRoster {
            tenant: TenantRef {
                id: tenant.id,
                slug: TenantSlug::parse(&tenant.slug).map_err(anyhow::Error::msg)?,
                name_en: tenant
                    .name
                    .en
                    .clone()
                    .unwrap_or_else(|| tenant.name.el.clone()),
                name_el: tenant.name.el,
                active: tenant.status == "active",
            },
            council_name_el,
            council_name_en,
            term_start,
            term_end,
            created_at: tenant.created_at,
            updated_at,
            members: council
                .members
                .into_iter()
                .map(|m| RosterMember {
                    id: m.id,
                    full_name: m.full_name,
                    role: m.role,
                    substitute: m.membership == "substitute",
                    term_start: m.term_start,
                    term_end: m.term_end,
                    created_at: m.created_at,
                    updated_at: m.updated_at,
                })
                .collect(),
        }))
    }
}

impl CouncilDirectory for TenantsClient {
    fn roster<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Option<CouncilRoster>>> {
        Box::pin(self.fetch_roster(slug.as_str()))
    }

    fn all(&self) -> BoxFuture<'_, anyhow::Result<Vec<CouncilRoster>>> {
        Box::pin(async move {
            let mut rosters = Vec::new();
            for number in 1.. {
                let page = self
                    .get::<TenantPage>(&format!("/tenants?per_page=100&page={number}"))
                    .await?
                    .context("the tenants list is missing")?;
                let last = page.items.len() < 100;
                for tenant in page.items {
                    if let Some(roster) = self.fetch_roster(&tenant.slug).await? {
                        rosters.push(roster);
                    }
                }
                if last {
                    break;
                }
            }
            Ok(rosters)
        })
    }

    fn account_email(&self, user_id: i64) -> BoxFuture<'_, anyhow::Result<Option<String>>> {
        Box::pin(async move {
            let account: Option<Account> = self
                .get_private(&format!("/platform/users/{user_id}"))
                .await?;
            Ok(account.map(|a| a.email))
        })
    }

    fn moderator_emails(
        &self,
        tenant_id: Option<i64>,
    ) -> BoxFuture<'_, anyhow::Result<Vec<String>>> {
        Box::pin(async move {
            let path = match tenant_id {
                Some(id) => format!("/platform/practice-moderators?tenant_id={id}"),
                None => "/platform/practice-moderators".into(),
            };
            let found: Option<Moderators> = self.get_private(&path).await?;
            Ok(found.map(|m| m.emails).unwrap_or_default())
        })
    }

    fn contacts<'a>(
        &'a self,
        slug: &'a TenantSlug,
    ) -> BoxFuture<'a, anyhow::Result<Vec<MemberContact>>> {
        Box::pin(async move {
            let contacts: Vec<Contact> = self
                .get_private(&format!("/tenants/{slug}/council/contacts"))
                .await?
                .unwrap_or_default();
            Ok(contacts
                .into_iter()
                .map(|c| MemberContact {
                    member_id: c.member_id,
                    email: c.email,
                })
                .collect())
        })
    }
}

#[derive(Deserialize)]
struct Moderators {
    emails: Vec<String>,
}

#[derive(Deserialize)]
struct Account {
    email: String,
}

#[derive(Deserialize)]
struct Contact {
    member_id: i64,
    email: String,
}
