//! What residents subscribe to and how: topics, the cadence (each notice at once, or a
//! digest on the municipality's schedule), and the language of their messages.

use council_shared::text_enum;

text_enum!(
    /// What a resident hears about.
    Topic {
        /// A meeting convened, postponed or cancelled.
        Meetings => "meetings",
        /// Minutes and decisions published.
        Minutes => "minutes",
        /// New good practices of the municipality.
        Practices => "practices",
    }
);

text_enum!(
    /// When a resident hears: each notice at once, or together on the digest schedule.
    Cadence {
        Immediate => "immediate",
        Digest => "digest",
    }
);

text_enum!(
    /// Where a message stands: waiting, handed to the mail server, sent, or given up on.
    DeliveryState {
        Queued => "queued",
        InFlight => "in_flight",
        Sent => "sent",
        Failed => "failed",
    }
);

/// The languages a subscriber may choose. Messages are written in Greek and English; the
/// others read Greek until their translation arrives (the reader is told so at sign-up).
pub const LANGUAGES: [&str; 8] = ["el", "en", "ar", "fa", "uk", "fr", "sq", "ur"];

/// The language messages are written in for a subscriber's choice: theirs, else Greek.
pub fn message_language(code: &str) -> council_shared::locale::Lang {
    council_shared::locale::Lang::from_code(code).unwrap_or(council_shared::locale::Lang::El)
}

/// `meetings,minutes` → the topics; the word `all` means every topic.
pub fn parse_topics(values: &[String]) -> Result<Vec<Topic>, council_shared::validation::Invalid> {
    use council_shared::validation::Invalid;
    if values.is_empty() {
        return Err(Invalid::new(
            "choose_at_least_one",
            "choose at least one topic: meetings, minutes, practices or all",
        ));
    }
    let mut topics = Vec::new();
    for value in values {
        let value = value.trim();
        if value == "all" {
            return Ok(Topic::ALL.to_vec());
        }
        let topic = Topic::from_db(value).map_err(|_| {
            Invalid::new(
                "not_a_choice",
                format!("`{value}` is not a topic: meetings, minutes, practices or all"),
            )
        })?;
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    topics.sort_by_key(|t| Topic::ALL.iter().position(|a| a == t));
    Ok(topics)
}

pub fn topics_text(topics: &[Topic]) -> String {
    topics
        .iter()
        .map(|t| t.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn topics_of(stored: &str) -> Vec<Topic> {
    stored
        .split(',')
        .filter_map(|t| Topic::from_db(t).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_means_every_topic_and_unknown_topics_are_named() {
        assert_eq!(parse_topics(&["all".into()]).unwrap(), Topic::ALL.to_vec());
        assert_eq!(
            parse_topics(&["minutes".into(), "meetings".into(), "minutes".into()]).unwrap(),
            vec![Topic::Meetings, Topic::Minutes]
        );
        assert!(
            parse_topics(&["weather".into()])
                .unwrap_err()
                .message
                .contains("`weather`")
        );
        assert!(parse_topics(&[]).is_err());
    }

    #[test]
    fn each_offered_language_has_its_messages_and_others_read_greek() {
        use council_shared::locale::Lang;
        assert_eq!(message_language("en"), Lang::En);
        assert_eq!(message_language("ar"), Lang::Ar);
        assert_eq!(message_language("xx"), Lang::El);
    }
}
