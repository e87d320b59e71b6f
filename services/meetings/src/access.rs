//! Who is looking, relative to one municipality: its staff (secretary, administrators)
//! may do everything; its council's members read drafts and closed items, answer the
//! convocation and comment; everyone else sees published, public content only.

use council_shared::auth::{Principal, Role};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    Public,
    Member {
        user_id: i64,
        /// Their record in the council, from the role grant.
        member_id: Option<i64>,
        name: String,
    },
    Staff {
        user_id: i64,
        name: String,
    },
}

impl Viewer {
    pub fn of(principal: Option<&Principal>, tenant_id: i64) -> Self {
        let Some(principal) = principal else {
            return Self::Public;
        };
        let name = principal
            .display_name
            .clone()
            .unwrap_or_else(|| principal.email.clone());
        if principal.administers(tenant_id) || principal.has_role(Role::Secretary, tenant_id) {
            return Self::Staff {
                user_id: principal.user_id,
                name,
            };
        }
        if principal.has_role(Role::CouncilMember, tenant_id) {
            let member_id = principal
                .grants
                .iter()
                .find(|g| g.role == Role::CouncilMember && g.tenant_id == Some(tenant_id))
                .and_then(|g| g.member_id);
            return Self::Member {
                user_id: principal.user_id,
                member_id,
                name,
            };
        }
        Self::Public
    }

    pub fn is_staff(&self) -> bool {
        matches!(self, Self::Staff { .. })
    }

    /// Staff or a member of the council: sees drafts, closed items and their documents.
    pub fn is_insider(&self) -> bool {
        !matches!(self, Self::Public)
    }
}
