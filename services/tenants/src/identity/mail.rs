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
