//! Practices service: good practices (one row each, with the published version's folded
//! search text), their revisions (the content as JSON; the latest is the one being worked
//! on, the published one is what the public reads), every transition with who and when,
//! the platform's list of thematic areas, the outbox of practice events, the public's
//! feedback (held for moderation) and the municipalities that adopted a practice.
//!
//! `author_user_id` and `tenant_id` name rows of the tenants service but carry no foreign key.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Practices {
    Table,
    Id,
    Slug,
    AuthorUserId,
    TenantId,
    State,
    PublishedRevision,
    SearchTitle,
    SearchBody,
    CreatedAt,
    UpdatedAt,
    PublishedAt,
    ArchivedAt,
}

#[derive(DeriveIden)]
enum PracticeRevisions {
    Table,
    Id,
    PracticeId,
    Number,
    Content,
    CreatedByUserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PracticeTransitions {
    Table,
    Id,
    PracticeId,
    Revision,
    FromState,
    ToState,
    ActorUserId,
    ActorName,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PracticeThemes {
    Table,
    Code,
    NameEl,
    NameEn,
    Position,
}

#[derive(DeriveIden)]
enum PracticeFeedback {
    Table,
    Id,
    PracticeId,
    Name,
    Email,
    Body,
    State,
    CreatedAt,
    ModeratedAt,
    ModeratedByUserId,
}

#[derive(DeriveIden)]
enum PracticeAdoptions {
    Table,
    Id,
    PracticeId,
    TenantId,
    Note,
    AdoptedByUserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum PracticeEvents {
    Table,
    Id,
    PracticeId,
    EventType,
    Payload,
    CreatedAt,
}

const STATES: [&str; 7] = [
    "draft",
    "submitted",
    "in_review",
    "changes_requested",
    "published",
    "rejected",
    "archived",
];

/// The thematic areas a platform starts with (administrators edit the list).
const THEMES: [(&str, &str, &str); 11] = [
    ("employment", "Ενίσχυση απασχόλησης", "Employment"),
    (
        "education_language",
        "Εκπαίδευση και γλώσσα",
        "Education and language",
    ),
    ("housing", "Στέγαση", "Housing"),
    ("health", "Υγεία", "Health"),
    ("social_inclusion", "Κοινωνική ένταξη", "Social inclusion"),
    ("participation", "Συμμετοχή", "Participation"),
    ("culture", "Πολιτισμός", "Culture"),
    ("children_youth", "Παιδιά και νέοι", "Children and youth"),
    (
        "gender_based_violence",
        "Έμφυλη βία",
        "Gender-based violence",
    ),
    ("legal_support", "Νομική υποστήριξη", "Legal support"),
    ("reception", "Υποδοχή", "Reception"),
];

fn belongs_to_practice<T: IntoIden>(table: T, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Practices::Table, Practices::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Practices::Table)
                    .col(big_pk_auto(Practices::Id))
                    .col(string_len_uniq(Practices::Slug, 100))
                    .col(big_integer(Practices::AuthorUserId))
                    .col(big_integer_null(Practices::TenantId))
                    .col(
                        string_len(Practices::State, 24)
                            .check(Expr::col(Practices::State).is_in(STATES)),
                    )
                    .col(integer_null(Practices::PublishedRevision))
                    .col(text(Practices::SearchTitle).default(""))
                    .col(text(Practices::SearchBody).default(""))
                    .col(timestamp_with_time_zone(Practices::CreatedAt))
                    .col(timestamp_with_time_zone(Practices::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Practices::PublishedAt))
                    .col(timestamp_with_time_zone_null(Practices::ArchivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_practices_published_at")
                    .table(Practices::Table)
                    .col(Practices::PublishedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticeRevisions::Table)
                    .col(big_pk_auto(PracticeRevisions::Id))
                    .col(big_integer(PracticeRevisions::PracticeId))
                    .col(integer(PracticeRevisions::Number))
                    .col(text(PracticeRevisions::Content))
                    .col(big_integer(PracticeRevisions::CreatedByUserId))
                    .col(timestamp_with_time_zone(PracticeRevisions::CreatedAt))
                    .col(timestamp_with_time_zone(PracticeRevisions::UpdatedAt))
                    .foreign_key(&mut belongs_to_practice(
                        PracticeRevisions::Table,
                        PracticeRevisions::PracticeId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_practice_revisions_number")
                    .table(PracticeRevisions::Table)
                    .col(PracticeRevisions::PracticeId)
                    .col(PracticeRevisions::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticeTransitions::Table)
                    .col(big_pk_auto(PracticeTransitions::Id))
                    .col(big_integer(PracticeTransitions::PracticeId))
                    .col(integer(PracticeTransitions::Revision))
                    .col(string_len_null(PracticeTransitions::FromState, 24))
                    .col(string_len(PracticeTransitions::ToState, 24))
                    .col(big_integer(PracticeTransitions::ActorUserId))
                    .col(string_len(PracticeTransitions::ActorName, 320))
                    .col(text_null(PracticeTransitions::Note))
                    .col(timestamp_with_time_zone(PracticeTransitions::CreatedAt))
                    .foreign_key(&mut belongs_to_practice(
                        PracticeTransitions::Table,
                        PracticeTransitions::PracticeId,
                    ))
                    .to_owned(),
            )
            .await?;
        // What the search index checks for changes: the latest `updated_at`.
        manager
            .create_index(
                Index::create()
                    .name("idx_practices_updated_at")
                    .table(Practices::Table)
                    .col(Practices::UpdatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticeThemes::Table)
                    .col(string_len(PracticeThemes::Code, 40).primary_key())
                    .col(string_len(PracticeThemes::NameEl, 200))
                    .col(string_len(PracticeThemes::NameEn, 200))
                    .col(integer(PracticeThemes::Position))
                    .to_owned(),
            )
            .await?;
        let mut themes = Query::insert()
            .into_table(PracticeThemes::Table)
            .columns([
                PracticeThemes::Code,
                PracticeThemes::NameEl,
                PracticeThemes::NameEn,
                PracticeThemes::Position,
            ])
            .to_owned();
        for (position, (code, el, en)) in THEMES.iter().enumerate() {
            themes.values_panic([
                (*code).into(),
                (*el).into(),
                (*en).into(),
                (position as i32).into(),
            ]);
        }
        manager.exec_stmt(themes).await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticeEvents::Table)
                    .col(big_pk_auto(PracticeEvents::Id))
                    .col(big_integer(PracticeEvents::PracticeId))
                    .col(string_len(PracticeEvents::EventType, 40))
                    .col(text(PracticeEvents::Payload))
                    .col(timestamp_with_time_zone(PracticeEvents::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticeFeedback::Table)
                    .col(big_pk_auto(PracticeFeedback::Id))
                    .col(big_integer(PracticeFeedback::PracticeId))
                    .col(string_len_null(PracticeFeedback::Name, 200))
                    .col(string_len(PracticeFeedback::Email, 254))
                    .col(text(PracticeFeedback::Body))
                    .col(
                        string_len(PracticeFeedback::State, 16).check(
                            Expr::col(PracticeFeedback::State)
                                .is_in(["pending", "approved", "rejected"]),
                        ),
                    )
                    .col(timestamp_with_time_zone(PracticeFeedback::CreatedAt))
                    .col(timestamp_with_time_zone_null(PracticeFeedback::ModeratedAt))
                    .col(big_integer_null(PracticeFeedback::ModeratedByUserId))
                    .foreign_key(&mut belongs_to_practice(
                        PracticeFeedback::Table,
                        PracticeFeedback::PracticeId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PracticeAdoptions::Table)
                    .col(big_pk_auto(PracticeAdoptions::Id))
                    .col(big_integer(PracticeAdoptions::PracticeId))
                    .col(big_integer(PracticeAdoptions::TenantId))
                    .col(text_null(PracticeAdoptions::Note))
                    .col(big_integer(PracticeAdoptions::AdoptedByUserId))
                    .col(timestamp_with_time_zone(PracticeAdoptions::CreatedAt))
                    .foreign_key(&mut belongs_to_practice(
                        PracticeAdoptions::Table,
                        PracticeAdoptions::PracticeId,
                    ))
                    .to_owned(),
            )
            .await?;
        // A municipality adopts a practice once.
        manager
            .create_index(
                Index::create()
                    .name("uq_practice_adoptions_tenant")
                    .table(PracticeAdoptions::Table)
                    .col(PracticeAdoptions::PracticeId)
                    .col(PracticeAdoptions::TenantId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
