//! Stored rows → the API's views. Public views never carry members' contact addresses.

use crate::{
    api::models::{
        AdminCouncil, CouncilInfo, Figure, Highlight, KeyFigure, Member, MemberCategory,
        MemberRole, Membership, Profile, Programme, PublicCouncil, PublicMember, TenantDetail,
        TenantStatus, TenantSummary, Text,
    },
    entities::{council, council_member, tenant},
    service::{
        council::{StoredCouncil, warnings},
        profile::{ACHIEVEMENT, GOAL, StoredProfile},
        tenants::ARCHIVED,
    },
};

fn text(el: &str, en: Option<&str>) -> Text {
    Text {
        el: el.to_string(),
        en: en.filter(|s| !s.is_empty()).map(str::to_string),
    }
}

fn status(model: &tenant::Model) -> TenantStatus {
    if model.status == ARCHIVED {
        TenantStatus::Archived
    } else {
        TenantStatus::Active
    }
}

pub fn summary(model: &tenant::Model) -> TenantSummary {
    TenantSummary {
        slug: model.slug.clone(),
        name: text(&model.name_el, Some(&model.name_en)),
        region: text(&model.region_el, model.region_en.as_deref()),
        website: model.website.clone(),
        contact_email: model.contact_email.clone(),
        status: status(model),
    }
}

pub fn detail(model: &tenant::Model, stored: StoredProfile) -> TenantDetail {
    let introduction = model
        .introduction_el
        .as_deref()
        .map(|el| text(el, model.introduction_en.as_deref()));
    let highlight = |h: &crate::entities::highlight::Model| Highlight {
        title: text(&h.title_el, h.title_en.as_deref()),
        description: text(&h.description_el, h.description_en.as_deref()),
        figure: h.figure_value.as_ref().map(|value| Figure {
            value: value.clone(),
            label: text(
                h.figure_label_el.as_deref().unwrap_or_default(),
                h.figure_label_en.as_deref(),
            ),
        }),
    };
    TenantDetail {
        id: model.id,
        slug: model.slug.clone(),
        name: text(&model.name_el, Some(&model.name_en)),
        region: text(&model.region_el, model.region_en.as_deref()),
        website: model.website.clone(),
        contact_email: model.contact_email.clone(),
        status: status(model),
        data_protection_officer: super::data_protection::officer_of(model),
        profile: Profile {
            introduction,
            key_figures: stored
                .key_figures
                .iter()
                .map(|f| KeyFigure {
                    label: text(&f.label_el, f.label_en.as_deref()),
                    value: f.value.clone(),
                    year: f.year,
                    unit: f
                        .unit_el
                        .as_deref()
                        .map(|el| text(el, f.unit_en.as_deref())),
                    source: f.source.clone(),
                })
                .collect(),
            programmes: stored
                .programmes
                .iter()
                .map(|p| Programme {
                    title: text(&p.title_el, p.title_en.as_deref()),
                    description: text(&p.description_el, p.description_en.as_deref()),
                    link: p.link.clone(),
                })
                .collect(),
            achievements: stored
                .highlights
                .iter()
                .filter(|h| h.kind == ACHIEVEMENT)
                .map(highlight)
                .collect(),
            goals: stored
                .highlights
                .iter()
                .filter(|h| h.kind == GOAL)
                .map(highlight)
                .collect(),
        },
        created_at: model.created_at,
        updated_at: model.updated_at,
        archived_at: model.archived_at,
    }
}

pub fn category(value: &str) -> MemberCategory {
    match value {
        "municipal_councillor" => MemberCategory::MunicipalCouncillor,
        "civil_society" => MemberCategory::CivilSociety,
        "migrant_community" => MemberCategory::MigrantCommunity,
        _ => MemberCategory::Other,
    }
}

pub fn role(value: &str) -> MemberRole {
    match value {
        "president" => MemberRole::President,
        "vice_president" => MemberRole::VicePresident,
        "secretary" => MemberRole::Secretary,
        _ => MemberRole::Member,
    }
}

pub fn membership(value: &str) -> Membership {
    if value == "substitute" {
        Membership::Substitute
    } else {
        Membership::Regular
    }
}

pub fn member(m: &council_member::Model) -> Member {
    Member {
        id: m.id,
        full_name: m.full_name.clone(),
        category: category(&m.category),
        organisation: m.organisation.clone(),
        role: role(&m.role),
        membership: membership(&m.membership),
        term_start: m.term_start,
        term_end: m.term_end,
        email: m.email.clone(),
        example: m.is_example,
    }
}

fn public_member(m: &council_member::Model) -> PublicMember {
    PublicMember {
        id: m.id,
        full_name: m.full_name.clone(),
        category: category(&m.category),
        organisation: m.organisation.clone(),
        role: role(&m.role),
        membership: membership(&m.membership),
        term_start: m.term_start,
        term_end: m.term_end,
        example: m.is_example,
        created_at: m.created_at,
        updated_at: m.updated_at,
    }
}

pub fn council_info(c: &council::Model) -> CouncilInfo {
    CouncilInfo {
        name: text(&c.name_el, c.name_en.as_deref()),
        decision_reference: c.decision_reference.clone(),
        decision_date: c.decision_date,
        decision_url: c.decision_url.clone(),
        term_start: c.term_start,
        term_end: c.term_end,
        updated_at: c.updated_at,
    }
}

fn counts(members: &[council_member::Model]) -> (u32, u32) {
    let regular = members.iter().filter(|m| m.membership == "regular").count() as u32;
    (regular, members.len() as u32 - regular)
}

pub fn public_council(slug: &str, stored: &StoredCouncil) -> PublicCouncil {
    let (regular_members, substitute_members) = counts(&stored.members);
    PublicCouncil {
        tenant: slug.to_string(),
        council: stored.council.as_ref().map(council_info),
        members: stored.members.iter().map(public_member).collect(),
        regular_members,
        substitute_members,
    }
}

pub fn admin_council(slug: &str, stored: &StoredCouncil) -> AdminCouncil {
    let (regular_members, substitute_members) = counts(&stored.members);
    AdminCouncil {
        tenant: slug.to_string(),
        council: stored.council.as_ref().map(council_info),
        members: stored.members.iter().map(member).collect(),
        regular_members,
        substitute_members,
        warnings: warnings(&stored.members),
    }
}
