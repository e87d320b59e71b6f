//! Meetings service: meetings and their postponements, agenda items, attachments, members'
//! attendance answers and private comments, the recorded attendance, decisions and their
//! published versions, minutes versions, and the outbox of meeting events.
//!
//! `tenant_id` and `member_id` name rows of the tenants service but carry no foreign key:
//! the services share a database, not their tables.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Meetings {
    Table,
    Id,
    TenantId,
    Year,
    Sequence,
    Title,
    Kind,
    Mode,
    State,
    StartsAt,
    EndsAt,
    LocationName,
    LocationAddress,
    OnlineUrl,
    CancelReason,
    QuorumPresent,
    InOffice,
    Present,
    IcalSequence,
    SearchText,
    ApprovedAt,
    ApprovedBy,
    ApprovedInMeetingId,
    ApprovalNote,
    CreatedAt,
    UpdatedAt,
    ConvenedAt,
    HeldAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum MeetingPostponements {
    Table,
    Id,
    MeetingId,
    PreviousStartsAt,
    PreviousEndsAt,
    NewStartsAt,
    NewEndsAt,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AgendaItems {
    Table,
    Id,
    MeetingId,
    Position,
    Title,
    Description,
    Rapporteur,
    Public,
    Urgent,
    WithdrawnReason,
    WithdrawnAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Attachments {
    Table,
    Id,
    MeetingId,
    ItemId,
    FileName,
    ContentType,
    SizeBytes,
    Sha512,
    StorageKey,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AttendanceAnswers {
    Table,
    Id,
    MeetingId,
    MemberId,
    Answer,
    Note,
    AnsweredBy,
    AnsweredAt,
}

#[derive(DeriveIden)]
enum ItemComments {
    Table,
    Id,
    MeetingId,
    ItemId,
    MemberId,
    UserId,
    AuthorName,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AttendanceRecords {
    Table,
    Id,
    MeetingId,
    MemberId,
    MemberName,
    Status,
    SubstituteName,
}

#[derive(DeriveIden)]
enum Decisions {
    Table,
    Id,
    MeetingId,
    ItemId,
    TenantId,
    Year,
    Number,
    Kind,
    Ada,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DecisionVersions {
    Table,
    Id,
    DecisionId,
    Version,
    Text,
    VotesFor,
    VotesAgainst,
    Abstentions,
    Dissent,
    Result,
    ChangeNote,
    CreatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum MinutesVersions {
    Table,
    Id,
    MeetingId,
    Version,
    Body,
    ChangeNote,
    CreatedAt,
    PublishedAt,
}

#[derive(DeriveIden)]
enum MeetingEvents {
    Table,
    Id,
    TenantId,
    MeetingId,
    EventType,
    Payload,
    CreatedAt,
}

fn belongs_to_meeting<T: IntoIden>(table: T, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Meetings::Table, Meetings::Id)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn one_of(column: impl IntoIden + 'static, values: &[&str]) -> SimpleExpr {
    Expr::col(column).is_in(values.iter().map(|v| (*v).to_owned()))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Meetings::Table)
                    .col(big_pk_auto(Meetings::Id))
                    .col(big_integer(Meetings::TenantId))
                    .col(integer_null(Meetings::Year))
                    .col(integer_null(Meetings::Sequence))
                    .col(string_len(Meetings::Title, 300))
                    .col(
                        string_len(Meetings::Kind, 16)
                            .check(one_of(Meetings::Kind, &["regular", "extraordinary"])),
                    )
                    .col(
                        string_len(Meetings::Mode, 16)
                            .check(one_of(Meetings::Mode, &["in_person", "remote", "hybrid"])),
                    )
                    .col(string_len(Meetings::State, 24).check(one_of(
                        Meetings::State,
                        &[
                            "draft",
                            "convened",
                            "held",
                            "minutes_drafted",
                            "minutes_approved",
                            "published",
                            "cancelled",
                        ],
                    )))
                    .col(timestamp_with_time_zone(Meetings::StartsAt))
                    .col(timestamp_with_time_zone(Meetings::EndsAt))
                    .col(string_len_null(Meetings::LocationName, 300))
                    .col(string_len_null(Meetings::LocationAddress, 500))
                    .col(string_len_null(Meetings::OnlineUrl, 2000))
                    .col(text_null(Meetings::CancelReason))
                    .col(boolean_null(Meetings::QuorumPresent))
                    .col(integer_null(Meetings::InOffice))
                    .col(integer_null(Meetings::Present))
                    .col(integer(Meetings::IcalSequence).default(0))
                    .col(text(Meetings::SearchText).default(""))
                    .col(timestamp_with_time_zone_null(Meetings::ApprovedAt))
                    .col(string_len_null(Meetings::ApprovedBy, 16))
                    .col(big_integer_null(Meetings::ApprovedInMeetingId))
                    .col(text_null(Meetings::ApprovalNote))
                    .col(timestamp_with_time_zone(Meetings::CreatedAt))
                    .col(timestamp_with_time_zone(Meetings::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Meetings::ConvenedAt))
                    .col(timestamp_with_time_zone_null(Meetings::HeldAt))
                    .col(timestamp_with_time_zone_null(Meetings::PublishedAt))
                    .check(Expr::col(Meetings::EndsAt).gt(Expr::col(Meetings::StartsAt)))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_meetings_tenant_start")
                    .table(Meetings::Table)
                    .col(Meetings::TenantId)
                    .col(Meetings::StartsAt)
                    .to_owned(),
            )
            .await?;
        // «3η Τακτική Συνεδρίαση 2026»: one number per municipality and year, given at
        // convocation (drafts have none, and NULLs do not collide).
        manager
            .create_index(
                Index::create()
                    .name("uq_meetings_tenant_year_sequence")
                    .table(Meetings::Table)
                    .col(Meetings::TenantId)
                    .col(Meetings::Year)
                    .col(Meetings::Sequence)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MeetingPostponements::Table)
                    .col(big_pk_auto(MeetingPostponements::Id))
                    .col(big_integer(MeetingPostponements::MeetingId))
                    .col(timestamp_with_time_zone(
                        MeetingPostponements::PreviousStartsAt,
                    ))
                    .col(timestamp_with_time_zone(
                        MeetingPostponements::PreviousEndsAt,
                    ))
                    .col(timestamp_with_time_zone(MeetingPostponements::NewStartsAt))
                    .col(timestamp_with_time_zone(MeetingPostponements::NewEndsAt))
                    .col(text(MeetingPostponements::Reason))
                    .col(timestamp_with_time_zone(MeetingPostponements::CreatedAt))
                    .foreign_key(&mut belongs_to_meeting(
                        MeetingPostponements::Table,
                        MeetingPostponements::MeetingId,
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AgendaItems::Table)
                    .col(big_pk_auto(AgendaItems::Id))
                    .col(big_integer(AgendaItems::MeetingId))
                    .col(integer(AgendaItems::Position))
                    .col(string_len(AgendaItems::Title, 500))
                    .col(text(AgendaItems::Description).default(""))
                    .col(string_len_null(AgendaItems::Rapporteur, 200))
                    .col(boolean(AgendaItems::Public).default(true))
                    .col(boolean(AgendaItems::Urgent).default(false))
                    .col(text_null(AgendaItems::WithdrawnReason))
                    .col(timestamp_with_time_zone_null(AgendaItems::WithdrawnAt))
                    .col(timestamp_with_time_zone(AgendaItems::CreatedAt))
                    .col(timestamp_with_time_zone(AgendaItems::UpdatedAt))
                    .foreign_key(&mut belongs_to_meeting(
                        AgendaItems::Table,
                        AgendaItems::MeetingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_agenda_items_meeting")
                    .table(AgendaItems::Table)
                    .col(AgendaItems::MeetingId)
                    .col(AgendaItems::Position)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Attachments::Table)
                    .col(big_pk_auto(Attachments::Id))
                    .col(big_integer(Attachments::MeetingId))
                    .col(big_integer_null(Attachments::ItemId))
                    .col(string_len(Attachments::FileName, 255))
                    .col(string_len(Attachments::ContentType, 100))
                    .col(big_integer(Attachments::SizeBytes))
                    .col(string_len(Attachments::Sha512, 128))
                    .col(string_len(Attachments::StorageKey, 200))
                    .col(timestamp_with_time_zone(Attachments::CreatedAt))
                    .foreign_key(&mut belongs_to_meeting(
                        Attachments::Table,
                        Attachments::MeetingId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Attachments::Table, Attachments::ItemId)
                            .to(AgendaItems::Table, AgendaItems::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_attachments_meeting")
                    .table(Attachments::Table)
                    .col(Attachments::MeetingId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AttendanceAnswers::Table)
                    .col(big_pk_auto(AttendanceAnswers::Id))
                    .col(big_integer(AttendanceAnswers::MeetingId))
                    .col(big_integer(AttendanceAnswers::MemberId))
                    .col(string_len(AttendanceAnswers::Answer, 24).check(one_of(
                        AttendanceAnswers::Answer,
                        &["attending", "not_attending", "substitute_attends"],
                    )))
                    .col(text_null(AttendanceAnswers::Note))
                    .col(big_integer_null(AttendanceAnswers::AnsweredBy))
                    .col(timestamp_with_time_zone(AttendanceAnswers::AnsweredAt))
                    .foreign_key(&mut belongs_to_meeting(
                        AttendanceAnswers::Table,
                        AttendanceAnswers::MeetingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_attendance_answers_member")
                    .table(AttendanceAnswers::Table)
                    .col(AttendanceAnswers::MeetingId)
                    .col(AttendanceAnswers::MemberId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ItemComments::Table)
                    .col(big_pk_auto(ItemComments::Id))
                    .col(big_integer(ItemComments::MeetingId))
                    .col(big_integer(ItemComments::ItemId))
                    .col(big_integer_null(ItemComments::MemberId))
                    .col(big_integer(ItemComments::UserId))
                    .col(string_len(ItemComments::AuthorName, 200))
                    .col(text(ItemComments::Body))
                    .col(timestamp_with_time_zone(ItemComments::CreatedAt))
                    .foreign_key(&mut belongs_to_meeting(
                        ItemComments::Table,
                        ItemComments::MeetingId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ItemComments::Table, ItemComments::ItemId)
                            .to(AgendaItems::Table, AgendaItems::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AttendanceRecords::Table)
                    .col(big_pk_auto(AttendanceRecords::Id))
                    .col(big_integer(AttendanceRecords::MeetingId))
                    .col(big_integer(AttendanceRecords::MemberId))
                    .col(string_len(AttendanceRecords::MemberName, 200))
                    .col(string_len(AttendanceRecords::Status, 24).check(one_of(
                        AttendanceRecords::Status,
                        &["present", "absent", "excused", "substitute_present"],
                    )))
                    .col(string_len_null(AttendanceRecords::SubstituteName, 200))
                    .foreign_key(&mut belongs_to_meeting(
                        AttendanceRecords::Table,
                        AttendanceRecords::MeetingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_attendance_records_member")
                    .table(AttendanceRecords::Table)
                    .col(AttendanceRecords::MeetingId)
                    .col(AttendanceRecords::MemberId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Decisions::Table)
                    .col(big_pk_auto(Decisions::Id))
                    .col(big_integer(Decisions::MeetingId))
                    .col(big_integer(Decisions::ItemId).unique_key())
                    .col(big_integer(Decisions::TenantId))
                    .col(integer(Decisions::Year))
                    .col(integer(Decisions::Number))
                    .col(
                        string_len(Decisions::Kind, 16)
                            .check(one_of(Decisions::Kind, &["decision", "recommendation"])),
                    )
                    .col(string_len_null(Decisions::Ada, 64))
                    .col(timestamp_with_time_zone(Decisions::CreatedAt))
                    .col(timestamp_with_time_zone(Decisions::UpdatedAt))
                    .foreign_key(&mut belongs_to_meeting(
                        Decisions::Table,
                        Decisions::MeetingId,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Decisions::Table, Decisions::ItemId)
                            .to(AgendaItems::Table, AgendaItems::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // «7/2026»: one number per municipality and year.
        manager
            .create_index(
                Index::create()
                    .name("uq_decisions_tenant_year_number")
                    .table(Decisions::Table)
                    .col(Decisions::TenantId)
                    .col(Decisions::Year)
                    .col(Decisions::Number)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DecisionVersions::Table)
                    .col(big_pk_auto(DecisionVersions::Id))
                    .col(big_integer(DecisionVersions::DecisionId))
                    .col(integer(DecisionVersions::Version))
                    .col(text(DecisionVersions::Text))
                    .col(integer(DecisionVersions::VotesFor))
                    .col(integer(DecisionVersions::VotesAgainst))
                    .col(integer(DecisionVersions::Abstentions))
                    .col(text_null(DecisionVersions::Dissent))
                    .col(
                        string_len(DecisionVersions::Result, 16)
                            .check(one_of(DecisionVersions::Result, &["adopted", "rejected"])),
                    )
                    .col(text_null(DecisionVersions::ChangeNote))
                    .col(timestamp_with_time_zone(DecisionVersions::CreatedAt))
                    .col(timestamp_with_time_zone_null(DecisionVersions::PublishedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DecisionVersions::Table, DecisionVersions::DecisionId)
                            .to(Decisions::Table, Decisions::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_decision_versions")
                    .table(DecisionVersions::Table)
                    .col(DecisionVersions::DecisionId)
                    .col(DecisionVersions::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(MinutesVersions::Table)
                    .col(big_pk_auto(MinutesVersions::Id))
                    .col(big_integer(MinutesVersions::MeetingId))
                    .col(integer(MinutesVersions::Version))
                    .col(text(MinutesVersions::Body))
                    .col(text_null(MinutesVersions::ChangeNote))
                    .col(timestamp_with_time_zone(MinutesVersions::CreatedAt))
                    .col(timestamp_with_time_zone_null(MinutesVersions::PublishedAt))
                    .foreign_key(&mut belongs_to_meeting(
                        MinutesVersions::Table,
                        MinutesVersions::MeetingId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_minutes_versions")
                    .table(MinutesVersions::Table)
                    .col(MinutesVersions::MeetingId)
                    .col(MinutesVersions::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;

        // The outbox: written in the transaction of the change it reports, read by other
        // services through the API in id order.
        manager
            .create_table(
                Table::create()
                    .table(MeetingEvents::Table)
                    .col(big_pk_auto(MeetingEvents::Id))
                    .col(big_integer(MeetingEvents::TenantId))
                    .col(big_integer(MeetingEvents::MeetingId))
                    .col(string_len(MeetingEvents::EventType, 40))
                    .col(text(MeetingEvents::Payload))
                    .col(timestamp_with_time_zone(MeetingEvents::CreatedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
