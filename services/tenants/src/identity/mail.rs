//! The account e-mails the tenants service sends itself: invitations to a role. They are
//! written in Greek and English, since the invitee has no language setting yet.

use council_shared::{auth::Role, mail::OutgoingMail};

fn role_names(role: Role) -> (&'static str, &'static str) {
    match role {
        Role::PlatformAdmin => ("διαχειριστής της πλατφόρμας", "platform administrator"),
        Role::TenantAdmin => ("διαχειριστής του δήμου", "municipality administrator"),
        Role::Secretary => ("γραμματέας του ΣΕΜΠ", "council secretary"),
        Role::CouncilMember => ("μέλος του ΣΕΜΠ", "council member"),
        Role::PracticeAuthor => ("συντάκτης καλών πρακτικών", "good practice author"),
    }
}

pub fn invitation(
    to: &str,
    role: Role,
    where_el: &str,
    where_en: &str,
    sign_in_url: &str,
    expires: Option<chrono::DateTime<chrono::Utc>>,
) -> OutgoingMail {
    let (role_el, role_en) = role_names(role);
    let until = expires
        .map(|at| at.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let (until_el, until_en) = if until.is_empty() {
        (String::new(), String::new())
    } else {
        (
            format!("Η πρόσκληση ισχύει έως {until}.\n"),
            format!("The invitation is valid until {until}.\n"),
        )
    };
    let text = format!(
        "Καλησπέρα,\n\nΣας προσκαλούμε στην πλατφόρμα των ΣΕΜΠ ως {role_el} ({where_el}).\n\
         Συνδεθείτε με αυτή τη διεύθυνση ({to}) εδώ:\n{sign_in_url}\n{until_el}\n\
         ---\n\nHello,\n\nYou are invited to the ΣΕΜΠ platform as {role_en} ({where_en}).\n\
         Sign in with this address ({to}) here:\n{sign_in_url}\n{until_en}"
    );
    OutgoingMail {
        to: to.to_string(),
        subject: format!("Πρόσκληση: {role_el} / Invitation: {role_en}"),
        text,
        html: None,
        ..Default::default()
    }
}

/// To a municipality's administrators: someone asks for a role. The sender's words are
/// quoted as they wrote them; the decision is taken in the workspace, not by replying.
pub fn access_requested(
    to: &str,
    request: &crate::entities::access_request::Model,
    (where_el, where_en): (&str, &str),
    workspace_url: &str,
) -> OutgoingMail {
    let role = Role::parse(&request.role).unwrap_or(Role::PracticeAuthor);
    let (role_el, role_en) = role_names(role);
    let who = match &request.organisation {
        Some(organisation) => format!("{} ({organisation})", request.full_name),
        None => request.full_name.clone(),
    };
    let text = format!(
        "Καλησπέρα,\n\n{who} <{email}> ζητά πρόσβαση στην πλατφόρμα των ΣΕΜΠ ως {role_el} \
         ({where_el}). Γράφει:\n\n{reason}\n\nΑποδεχτείτε ή απορρίψτε το αίτημα εδώ:\n{workspace_url}\n\n\
         ---\n\nHello,\n\n{who} <{email}> asks for access to the ΣΕΜΠ platform as {role_en} \
         ({where_en}). They write:\n\n{reason}\n\nAccept or decline the request here:\n{workspace_url}\n",
        email = request.email,
        reason = request.reason,
    );
    OutgoingMail {
        to: to.to_string(),
        subject: format!("Αίτημα πρόσβασης / Access request: {who}"),
        text,
        html: None,
        ..Default::default()
    }
}

/// To the sender of a request that was declined, with the administrators' note if any.
pub fn access_declined(
    request: &crate::entities::access_request::Model,
    (where_el, where_en): (&str, &str),
) -> OutgoingMail {
    let role = Role::parse(&request.role).unwrap_or(Role::PracticeAuthor);
    let (role_el, role_en) = role_names(role);
    let note = request
        .decision_note
        .as_deref()
        .map(|n| format!("\n{n}\n"))
        .unwrap_or_default();
    let text = format!(
        "Καλησπέρα,\n\nΣας ευχαριστούμε για το αίτημά σας να συμμετάσχετε ως {role_el} ({where_el}). \
         Οι διαχειριστές του δήμου δεν μπορούν να το αποδεχτούν αυτή τη φορά.\n{note}\n\
         Για οποιαδήποτε απορία, επικοινωνήστε με τον δήμο.\n\n---\n\nHello,\n\n\
         Thank you for asking to take part as {role_en} ({where_en}). The municipality's \
         administrators cannot accept your request this time.\n{note}\n\
         If you have any question, please contact the municipality.\n"
    );
    OutgoingMail {
        to: request.email.clone(),
        subject: "Το αίτημά σας / Your request".into(),
        text,
        html: None,
        ..Default::default()
    }
}

/// To the sender of an accepted request whose address already had an account: the role is
/// theirs at once, so no invitation is sent.
pub fn access_granted(
    request: &crate::entities::access_request::Model,
    (where_el, where_en): (&str, &str),
    sign_in_url: &str,
) -> OutgoingMail {
    let role = Role::parse(&request.role).unwrap_or(Role::PracticeAuthor);
    let (role_el, role_en) = role_names(role);
    let text = format!(
        "Καλησπέρα,\n\nΤο αίτημά σας έγινε δεκτό: είστε πλέον {role_el} ({where_el}).\n\
         Συνδεθείτε εδώ:\n{sign_in_url}\n\n---\n\nHello,\n\nYour request was accepted: you are \
         now {role_en} ({where_en}).\nSign in here:\n{sign_in_url}\n"
    );
    OutgoingMail {
        to: request.email.clone(),
        subject: format!("Πρόσβαση: {role_el} / Access: {role_en}"),
        text,
        html: None,
        ..Default::default()
    }
}
