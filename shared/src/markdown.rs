//! Rich text: Markdown in, safe HTML out. Secretaries and authors write Markdown; readers
//! get HTML that has passed an allow-list, so no script, style or event handler survives.

use pulldown_cmark::{Options, Parser, html};

/// Renders `markdown` to HTML and removes everything outside ammonia's allow-list
/// (links get `rel="noopener noreferrer"`; `javascript:` URLs are dropped).
pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut rendered = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut rendered, Parser::new_ext(markdown, options));
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .clean(&rendered)
        .to_string()
}

/// Plain text made safe to place inside HTML (every markup character escaped).
pub fn escape_text(text: &str) -> String {
    ammonia::clean_text(text)
}

/// Plain text of `markdown` for search and feeds: the rendered text without tags.
pub fn to_plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => text.push('\n'),
            _ => {}
        }
    }
    text.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html_without_scripts_or_handlers() {
        let html = to_safe_html(
            "**Εισήγηση** [link](javascript:alert(1)) <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>",
        );
        assert!(html.contains("<strong>Εισήγηση</strong>"), "{html}");
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            to_plain_text("# Θέμα\n\nΗ **πρόταση** εγκρίθηκε"),
            "Θέμα\nΗ πρόταση εγκρίθηκε"
        );
    }
}
