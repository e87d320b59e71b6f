//! Why a request cannot be done in the present state (409 Conflict): each refusal has a
//! stable code, with the values it names, that pages translate (`conflict-CODE` in the
//! workspace's Fluent files), and the English sentence the API returns as its detail.
//! A refusal is an [`Invalid`](crate::validation::Invalid), as a field error is.

use crate::validation::Invalid;

/// Someone else saved the thing since the form was opened.
pub const CHANGED_MEANWHILE: &str = "changed_meanwhile";
/// Two requests wrote the same row or number at once; the loser may try again.
pub const SAVED_AT_THE_SAME_MOMENT: &str = "saved_at_the_same_moment";
/// The action is not allowed in the state the thing is in now (`state`, `action`).
pub const NOT_ALLOWED_NOW: &str = "not_allowed_now";
/// Meetings: the convocation's answers close when the meeting starts.
pub const ANSWERS_CLOSED: &str = "answers_closed";
/// Meetings: an attendance that leaves no quorum while decisions are recorded.
pub const DECISIONS_NEED_QUORUM: &str = "decisions_need_quorum";
/// Meetings: a meeting is convened with at least one agenda item.
pub const AGENDA_EMPTY: &str = "agenda_empty";
/// Meetings: a meeting is marked held once it has started.
pub const NOT_STARTED: &str = "not_started";
/// Meetings: the attendance is recorded before the meeting is marked held.
pub const ATTENDANCE_FIRST: &str = "attendance_first";
/// Meetings: a withdrawn agenda item is neither changed nor decided.
pub const ITEM_WITHDRAWN: &str = "item_withdrawn";
/// Meetings: an item with a recorded decision cannot be withdrawn.
pub const ITEM_DECIDED: &str = "item_decided";
/// Meetings: a meeting without quorum carries no decisions.
pub const NO_QUORUM: &str = "no_quorum";
/// Notifications: a message whose text and address were removed is not sent again.
pub const MESSAGE_REMOVED: &str = "message_removed";
/// Notifications: only a failed delivery is sent again (`state`).
pub const NOT_FAILED: &str = "not_failed";
/// Practices: a thematic area with this code exists (`code`).
pub const THEME_EXISTS: &str = "theme_exists";
/// Practices: practices use the thematic area (`count`, `code`).
pub const THEME_IN_USE: &str = "theme_in_use";
/// Practices: a practice in this state takes no new files (`state`).
pub const NO_NEW_FILES: &str = "no_new_files";
/// Practices: the practice shows the file (`file`).
pub const FILE_IN_USE: &str = "file_in_use";
/// Practices: the feedback was already approved or refused (`state`).
pub const FEEDBACK_ANSWERED: &str = "feedback_answered";
/// Practices: the municipality already marked the practice as adopted.
pub const ALREADY_ADOPTED: &str = "already_adopted";
/// Tenants: the address already has the role here, or an invitation to it (`email`).
pub const ROLE_HELD: &str = "role_held";
/// Tenants: the role was already revoked.
pub const ALREADY_REVOKED: &str = "already_revoked";
/// Tenants: the request for access was already answered.
pub const REQUEST_ANSWERED: &str = "request_answered";
/// Tenants: the person already has an API token of this name (`name`).
pub const TOKEN_NAME_TAKEN: &str = "token_name_taken";
/// Tenants: an operator does not erase their own account.
pub const OWN_ACCOUNT: &str = "own_account";
/// Tenants: only an invitation nobody has used is sent again.
pub const INVITATION_USED: &str = "invitation_used";
/// Tenants: another municipality has the slug (`slug`).
pub const SLUG_TAKEN: &str = "slug_taken";
/// Tenants: the council has a president (`name`).
pub const PRESIDENT_TAKEN: &str = "president_taken";
/// Tenants: an archived municipality is restored before it is changed.
pub const ARCHIVED: &str = "archived";

/// Every code above, for the check that each is translated.
pub const ALL: [&str; 28] = [
    CHANGED_MEANWHILE,
    SAVED_AT_THE_SAME_MOMENT,
    NOT_ALLOWED_NOW,
    ANSWERS_CLOSED,
    DECISIONS_NEED_QUORUM,
    AGENDA_EMPTY,
    NOT_STARTED,
    ATTENDANCE_FIRST,
    ITEM_WITHDRAWN,
    ITEM_DECIDED,
    NO_QUORUM,
    MESSAGE_REMOVED,
    NOT_FAILED,
    THEME_EXISTS,
    THEME_IN_USE,
    NO_NEW_FILES,
    FILE_IN_USE,
    FEEDBACK_ANSWERED,
    ALREADY_ADOPTED,
    ROLE_HELD,
    ALREADY_REVOKED,
    REQUEST_ANSWERED,
    TOKEN_NAME_TAKEN,
    OWN_ACCOUNT,
    INVITATION_USED,
    SLUG_TAKEN,
    PRESIDENT_TAKEN,
    ARCHIVED,
];

/// The refusal of an action the thing's present state does not allow: `message` says so in
/// English, `state` and `action` are the lifecycle's names.
pub fn not_allowed_now(message: String, state: &str, action: &str) -> Invalid {
    Invalid::new(NOT_ALLOWED_NOW, message)
        .with("state", state)
        .with("action", action)
}
