//! The meeting's vocabulary and rules: its kinds, modes and states, which action each state
//! allows, and the validated inputs the service functions take.

use chrono::{DateTime, Duration, Utc};
use council_shared::{
    FieldError,
    validation::{Errors, Invalid, optional_text, required_text, web_url},
};

use council_shared::text_enum;

text_enum!(
    /// Τακτική or έκτακτη συνεδρίαση.
    MeetingKind { Regular => "regular", Extraordinary => "extraordinary" }
);
text_enum!(
    /// Where the meeting happens.
    MeetingMode {
        InPerson => "in_person",
        /// Τηλεδιάσκεψη.
        Remote => "remote",
        Hybrid => "hybrid",
    }
);
text_enum!(
    /// draft → convened → held → minutes_drafted → minutes_approved → published; a convened
    /// meeting may be postponed (it stays convened, with a new date) or cancelled.
    MeetingState {
        Draft => "draft",
        Convened => "convened",
        Held => "held",
        MinutesDrafted => "minutes_drafted",
        MinutesApproved => "minutes_approved",
        Published => "published",
        Cancelled => "cancelled",
    }
);
text_enum!(
    /// A member's answer to the convocation.
    AttendanceAnswer {
        Attending => "attending",
        NotAttending => "not_attending",
        /// Their substitute (αναπληρωματικό μέλος) attends in their place.
        SubstituteAttends => "substitute_attends",
    }
);
text_enum!(
    /// What the secretary recorded for a member at the meeting.
    AttendanceStatus {
        Present => "present",
        Absent => "absent",
        Excused => "excused",
        SubstitutePresent => "substitute_present",
    }
);
text_enum!(
    /// An απόφαση, or an εισήγηση to the municipal council (what a ΣΕΜΠ mostly makes).
    DecisionKind { Decision => "decision", Recommendation => "recommendation" }
);
text_enum!(
    DecisionResult { Adopted => "adopted", Rejected => "rejected" }
);
text_enum!(
    /// Who approved the minutes: a later meeting, or the president.
    ApprovedBy { Meeting => "meeting", President => "president" }
);

impl AttendanceStatus {
    /// Counts toward quorum and may vote.
    pub fn is_present(self) -> bool {
        matches!(self, Self::Present | Self::SubstitutePresent)
    }
}

/// What may be done to a meeting; each state allows some of these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Edit,
    Delete,
    EditAgenda,
    AddUrgentItem,
    Convene,
    Postpone,
    Cancel,
    AnswerAttendance,
    RecordAttendance,
    Hold,
    RecordDecisions,
    DraftMinutes,
    ApproveMinutes,
    Publish,
    Correct,
    Attach,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Self::Edit => "edit",
            Self::Delete => "delete",
            Self::EditAgenda => "edit_agenda",
            Self::AddUrgentItem => "add_urgent_item",
            Self::Convene => "convene",
            Self::Postpone => "postpone",
            Self::Cancel => "cancel",
            Self::AnswerAttendance => "answer_attendance",
            Self::RecordAttendance => "record_attendance",
            Self::Hold => "hold",
            Self::RecordDecisions => "record_decisions",
            Self::DraftMinutes => "draft_minutes",
            Self::ApproveMinutes => "approve_minutes",
            Self::Publish => "publish",
            Self::Correct => "correct",
            Self::Attach => "attach",
        }
    }
}

impl MeetingState {
    /// The actions this state allows.
    pub fn allowed(self) -> &'static [Action] {
        use Action::*;
        match self {
            Self::Draft => &[Edit, Delete, EditAgenda, Convene, Attach],
            Self::Convened => &[
                Edit,
                EditAgenda,
                AddUrgentItem,
                Postpone,
                Cancel,
                AnswerAttendance,
                RecordAttendance,
                Hold,
                Attach,
            ],
            Self::Held => &[
                AddUrgentItem,
                RecordAttendance,
                RecordDecisions,
                DraftMinutes,
                Attach,
            ],
            Self::MinutesDrafted => &[RecordDecisions, DraftMinutes, ApproveMinutes, Attach],
            Self::MinutesApproved => &[Publish],
            Self::Published => &[Correct],
            Self::Cancelled => &[],
        }
    }

    pub fn allows(self, action: Action) -> bool {
        self.allowed().contains(&action)
    }

    /// Seen by the public: everything but drafts.
    pub fn is_public(self) -> bool {
        self != Self::Draft
    }
}

/// A meeting's location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub name: String,
    pub address: Option<String>,
}

/// A validated meeting: title, kind, mode, times and where.
#[derive(Debug, Clone)]
pub struct MeetingData {
    pub title: String,
    pub kind: MeetingKind,
    pub mode: MeetingMode,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: Option<Location>,
    pub online_url: Option<String>,
}

/// The longest meeting the platform accepts: a council sits for hours, not days.
const LONGEST_MEETING: Duration = Duration::hours(12);

/// Checks that a meeting's end is after its start and within a sitting's length.
pub fn check_times(errors: &mut Errors, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) {
    if ends_at <= starts_at {
        errors.add(
            "ends_at",
            Invalid::new("ends_before_start", "must be after starts_at"),
        );
    } else if ends_at - starts_at > LONGEST_MEETING {
        errors.add(
            "ends_at",
            Invalid::new("meeting_too_long", "a meeting may last at most 12 hours")
                .with("hours", 12),
        );
    }
    let year = chrono::Datelike::year(&starts_at);
    if !(2000..=2100).contains(&year) {
        errors.add(
            "starts_at",
            Invalid::new(
                "year_out_of_range",
                "must be between the years 2000 and 2100",
            ),
        );
    }
}

impl MeetingData {
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        title: &str,
        kind: MeetingKind,
        mode: MeetingMode,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        location_name: Option<&str>,
        location_address: Option<&str>,
        online_url: Option<&str>,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let title = errors.check("title", required_text(title, 300));
        check_times(&mut errors, starts_at, ends_at);
        let name = errors.check("location.name", optional_text(location_name, 300));
        let address = errors.check("location.address", optional_text(location_address, 500));
        let online_url = match online_url.map(str::trim).filter(|u| !u.is_empty()) {
            None => Some(None),
            Some(url) => errors.check("online_url", web_url(url).map(Some)),
        };
        let location = match (name.flatten(), address.flatten()) {
            (Some(name), address) => Some(Location { name, address }),
            (None, Some(_)) => {
                errors.add(
                    "location.name",
                    Invalid::new("venue_needed", "is required when an address is given"),
                );
                None
            }
            (None, None) => None,
        };
        let online = online_url.flatten();
        if matches!(mode, MeetingMode::InPerson | MeetingMode::Hybrid) && location.is_none() {
            errors.add(
                "location",
                Invalid::new(
                    "location_required",
                    "is required for a meeting held in person or hybrid",
                ),
            );
        }
        if matches!(mode, MeetingMode::Remote | MeetingMode::Hybrid) && online.is_none() {
            errors.add(
                "online_url",
                Invalid::new(
                    "online_url_required",
                    "is required for a remote or hybrid meeting",
                ),
            );
        }
        errors.finish(|| Self {
            title: title.unwrap_or_default(),
            kind,
            mode,
            starts_at,
            ends_at,
            location,
            online_url: online,
        })
    }
}

/// A validated agenda item.
#[derive(Debug, Clone)]
pub struct ItemData {
    pub title: String,
    pub description: String,
    pub rapporteur: Option<String>,
    pub public: bool,
}

impl ItemData {
    pub fn parse(
        title: &str,
        description: Option<&str>,
        rapporteur: Option<&str>,
        public: bool,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let title = errors.check("title", required_text(title, 500));
        let description = errors.check("description", optional_text(description, 50_000));
        let rapporteur = errors.check("rapporteur", optional_text(rapporteur, 200));
        errors.finish(|| Self {
            title: title.unwrap_or_default(),
            description: description.flatten().unwrap_or_default(),
            rapporteur: rapporteur.flatten(),
            public,
        })
    }
}

/// A validated decision or recommendation on an item.
#[derive(Debug, Clone)]
pub struct DecisionData {
    pub kind: DecisionKind,
    pub text: String,
    pub votes_for: i32,
    pub votes_against: i32,
    pub abstentions: i32,
    pub dissent: Option<String>,
    pub result: DecisionResult,
}

impl DecisionData {
    /// `present`: members (and substitutes) present, who are the most votes there can be.
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        kind: DecisionKind,
        text: &str,
        votes_for: i32,
        votes_against: i32,
        abstentions: i32,
        dissent: Option<&str>,
        result: DecisionResult,
        present: i32,
    ) -> Result<Self, Vec<FieldError>> {
        let mut errors = Errors::new();
        let text = errors.check("text", required_text(text, 50_000));
        let dissent = errors.check("dissent", optional_text(dissent, 20_000));
        for (field, votes) in [
            ("votes_for", votes_for),
            ("votes_against", votes_against),
            ("abstentions", abstentions),
        ] {
            if votes < 0 {
                errors.add(field, Invalid::new("negative", "must not be negative"));
            }
        }
        let cast = votes_for.max(0) + votes_against.max(0) + abstentions.max(0);
        if cast > present {
            errors.add(
                "votes_for",
                Invalid::new(
                    "votes_exceed_present",
                    format!("{cast} votes were cast but only {present} members were present"),
                )
                .with("cast", cast)
                .with("present", present),
            );
        }
        // A majority of those present decides; a result that contradicts the count is a typo.
        if result == DecisionResult::Adopted && votes_for <= votes_against {
            errors.add(
                "result",
                Invalid::new(
                    "adopted_without_majority",
                    "adopted needs more votes for than against; check the count",
                ),
            );
        }
        errors.finish(|| Self {
            kind,
            text: text.unwrap_or_default(),
            votes_for,
            votes_against,
            abstentions,
            dissent: dissent.flatten(),
            result,
        })
    }
}

/// Required free text: a reason, a note, a comment.
pub fn reason(field: &str, value: &str, max: usize) -> Result<String, Vec<FieldError>> {
    required_text(value, max).map_err(|message| vec![FieldError::new(field, message)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(hour: u32) -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 5, 4, hour, 0, 0).unwrap()
    }

    #[test]
    fn a_convened_meeting_may_be_postponed_cancelled_or_held_but_not_published() {
        assert!(MeetingState::Convened.allows(Action::Postpone));
        assert!(MeetingState::Convened.allows(Action::Cancel));
        assert!(MeetingState::Convened.allows(Action::Hold));
        assert!(!MeetingState::Convened.allows(Action::Publish));
        assert!(MeetingState::Cancelled.allowed().is_empty());
    }

    #[test]
    fn a_remote_meeting_needs_a_link_and_an_in_person_one_a_place() {
        let remote = MeetingData::parse(
            "Συνεδρίαση",
            MeetingKind::Regular,
            MeetingMode::Remote,
            at(15),
            at(17),
            None,
            None,
            None,
        )
        .unwrap_err();
        assert_eq!(remote[0].field, "online_url");
        let in_person = MeetingData::parse(
            "Συνεδρίαση",
            MeetingKind::Regular,
            MeetingMode::InPerson,
            at(17),
            at(15),
            None,
            None,
            None,
        )
        .unwrap_err();
        let fields: Vec<_> = in_person.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["ends_at", "location"]);
    }

    #[test]
    fn votes_cannot_exceed_those_present_nor_contradict_the_result() {
        let too_many = DecisionData::parse(
            DecisionKind::Recommendation,
            "Εισήγηση",
            5,
            2,
            1,
            None,
            DecisionResult::Adopted,
            7,
        )
        .unwrap_err();
        assert!(too_many[0].message.contains("8 votes"));
        let contradiction = DecisionData::parse(
            DecisionKind::Decision,
            "Απόφαση",
            2,
            3,
            0,
            None,
            DecisionResult::Adopted,
            7,
        )
        .unwrap_err();
        assert_eq!(contradiction[0].field, "result");
    }
}
