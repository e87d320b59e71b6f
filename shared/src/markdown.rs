//! Rich text: Markdown in, safe HTML out. Secretaries and authors write Markdown; readers
//! get HTML that has passed an allow-list, so no script, style or event handler survives.
//!
//! Three things happen on the way, besides ammonia's allow-list:
//!
//! - **Raw HTML never swallows text.** A browser's parser reads everything after an
//!   unclosed `<style>`, `<script>`, `<textarea>` or `<title>` as that element's content, so
//!   the sanitiser used to drop the rest of the field with it. Raw HTML is now sorted tag by
//!   tag before anything parses it: tags on the allow-list stay (ammonia then cleans their
//!   attributes), executable and raw-text tags lose their markup but keep their text, and
//!   any other tag is shown as typed (`<Ctrl>`). An HTML block that opened with markup that
//!   cannot be kept is read as Markdown again after it, so the rest of the field still
//!   shows as written.
//! - **Headings sit below the page's own.** The page's title is its only `<h1>`: `#` becomes
//!   `<h2>`, `##` `<h3>`, and so on, down to `<h6>`.
//! - **No remote images.** An image on another site (a tracking pixel) becomes a link to it;
//!   a raw `<img>` loses such a `src`. Only images on this site (relative addresses) load,
//!   which the Content-Security-Policy (`img-src 'self' data:`) also enforces.

use std::{borrow::Cow, collections::HashSet, ops::Range, sync::LazyLock};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Tags that may come through from raw HTML: ammonia's default allow-list.
const ALLOWED_TAGS: [&str; 74] = [
    "a",
    "abbr",
    "acronym",
    "area",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "map",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
];

/// Tags whose markup is removed and whose text is kept: they run code, embed other
/// documents or forms, or make the browser read what follows as raw text.
const DROPPED_TAGS: [&str; 29] = [
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "textarea",
    "title",
    "xmp",
    "plaintext",
    "svg",
    "math",
    "base",
    "link",
    "meta",
    "param",
    "form",
    "input",
    "button",
    "select",
    "option",
    "html",
    "body",
];

/// How many times one field is read again after an HTML block that could not be kept; past
/// that such blocks are only made safe, so no input can make rendering quadratic.
const MAX_REREADS: usize = 32;

const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .tags(HashSet::from(ALLOWED_TAGS))
        .link_rel(Some("noopener noreferrer"))
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("img", "src") if !is_local(value) => None,
            _ => Some(value.into()),
        });
    builder
});

/// Renders `markdown` to HTML and removes everything outside the allow-list (links get
/// `rel="noopener noreferrer"`; `javascript:` URLs are dropped).
pub fn to_safe_html(markdown: &str) -> String {
    SANITISER.clean(&render(markdown)).to_string()
}

/// Plain text made safe to place inside HTML (every markup character escaped).
pub fn escape_text(text: &str) -> String {
    ammonia::clean_text(text)
}

/// Plain text of `markdown` for search and feeds: the rendered text without tags.
pub fn to_plain_text(markdown: &str) -> String {
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

/// An address on this site: relative, not `//host/...` nor with a scheme.
fn is_local(url: &str) -> bool {
    let url = url.trim();
    !url.starts_with("//")
        && !url.starts_with("\\\\")
        && !url.starts_with("/\\")
        && matches!(
            url::Url::parse(url),
            Err(url::ParseError::RelativeUrlWithoutBase)
        )
}

/// Markdown to HTML that no raw HTML can make eat text; not yet sanitised.
fn render(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    let mut source = markdown;
    let mut rereads = 0;
    loop {
        let mut events = Vec::new();
        let reread_from = collect(source, &mut events, rereads < MAX_REREADS);
        html::push_html(&mut html, events.into_iter());
        match reread_from {
            Some(offset) => {
                source = &source[offset..];
                rereads += 1;
            }
            None => return html,
        }
    }
}

/// The events of `source`, made safe. `Some(offset)` when a top-level HTML block began with
/// markup that cannot be kept (and `may_reread`): the events stop there, and the rest of the
/// source from `offset` (just after that markup) is to be read as Markdown again.
fn collect<'a>(source: &'a str, events: &mut Vec<Event<'a>>, may_reread: bool) -> Option<usize> {
    let mut depth = 0usize;
    let mut block: Option<(Range<usize>, String)> = None;
    // For each image being read: Some(index of its first inner event) if it became a link.
    let mut images: Vec<Option<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(source, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => block = Some((range, String::new())),
            Event::Html(text) => match block.as_mut() {
                Some((_, collected)) => collected.push_str(&text),
                None => events.push(Event::Html(neutralise(&text).into())),
            },
            Event::End(TagEnd::HtmlBlock) => {
                let Some((range, text)) = block.take() else {
                    continue;
                };
                let exact = source.get(range.clone()) == Some(text.as_str());
                if may_reread
                    && depth == 0
                    && exact
                    && let Some((cut, replacement)) = unkeepable_opening(&text)
                {
                    events.push(Event::Html(replacement.into()));
                    return Some(range.start + cut);
                }
                events.push(Event::Html(neutralise(&text).into()));
            }
            Event::InlineHtml(text) => events.push(Event::InlineHtml(neutralise(&text).into())),
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                depth += 1;
                events.push(Event::Start(Tag::Heading {
                    level: one_below(level),
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                depth = depth.saturating_sub(1);
                events.push(Event::End(TagEnd::Heading(one_below(level))));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) if !is_local(&dest_url) => {
                depth += 1;
                images.push(Some(events.len() + 1));
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(tag @ Tag::Image { .. }) => {
                depth += 1;
                images.push(None);
                events.push(Event::Start(tag));
            }
            Event::End(TagEnd::Image) => {
                depth = depth.saturating_sub(1);
                match images.pop().flatten() {
                    Some(first_inner) => {
                        if events.len() == first_inner {
                            // No description: the link shows the address itself.
                            if let Some(Event::Start(Tag::Link { dest_url, .. })) =
                                events.last().cloned()
                            {
                                events.push(Event::Text(dest_url));
                            }
                        }
                        events.push(Event::End(TagEnd::Link));
                    }
                    None => events.push(Event::End(TagEnd::Image)),
                }
            }
            Event::Start(tag) => {
                depth += 1;
                events.push(Event::Start(tag));
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                events.push(Event::End(tag));
            }
            other => events.push(other),
        }
    }
    None
}

fn one_below(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        HeadingLevel::H5 | HeadingLevel::H6 => HeadingLevel::H6,
    }
}

/// What becomes of a raw HTML tag.
#[derive(Debug, PartialEq, Eq)]
enum Treatment {
    Keep,
    Drop,
    Escape,
}

fn treatment(name: &str) -> Treatment {
    let name = name.to_ascii_lowercase();
    if ALLOWED_TAGS.contains(&name.as_str()) {
        Treatment::Keep
    } else if DROPPED_TAGS.contains(&name.as_str()) {
        Treatment::Drop
    } else {
        Treatment::Escape
    }
}

/// A tag at the start of `text` (`<name ...>` or `</name>`): its length and where its name is.
struct TagToken {
    len: usize,
    name: Range<usize>,
}

fn tag_at(text: &str) -> Option<TagToken> {
    let bytes = text.as_bytes();
    let mut at = 1 + usize::from(bytes.get(1) == Some(&b'/'));
    let name_start = at;
    if !bytes.get(at)?.is_ascii_alphabetic() {
        return None;
    }
    while bytes
        .get(at)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
    {
        at += 1;
    }
    let name = name_start..at;
    let mut quote = None;
    while let Some(&byte) = bytes.get(at) {
        match (quote, byte) {
            (None, b'>') => {
                return Some(TagToken { len: at + 1, name });
            }
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if byte == open => quote = None,
            (None, b'<') => return None,
            _ => {}
        }
        at += 1;
    }
    None
}

/// Raw HTML with every tag sorted: kept (headings one level lower), dropped or escaped;
/// complete comments dropped; any other `<` escaped. Text between tags is left as it is.
fn neutralise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let here = &rest[lt..];
        if here.starts_with("<!--")
            && let Some(end) = here[4..].find("-->")
        {
            rest = &here[4 + end + 3..];
            continue;
        }
        let Some(tag) = tag_at(here) else {
            out.push_str("&lt;");
            rest = &here[1..];
            continue;
        };
        let token = &here[..tag.len];
        match treatment(&here[tag.name.clone()]) {
            Treatment::Keep => out.push_str(&heading_one_below(token, &tag)),
            Treatment::Drop => {}
            Treatment::Escape => out.push_str(&escape_text(token)),
        }
        rest = &here[tag.len..];
    }
    out.push_str(rest);
    out
}

/// `<h1 ...>` as `<h2 ...>` (and so on to h6); any other tag as it is.
fn heading_one_below<'t>(token: &'t str, tag: &TagToken) -> Cow<'t, str> {
    let name = &token[tag.name.clone()];
    let level = match name.as_bytes() {
        [b'h' | b'H', digit @ b'1'..=b'5'] => digit - b'0',
        _ => return Cow::Borrowed(token),
    };
    Cow::Owned(format!(
        "{}h{}{}",
        &token[..tag.name.start],
        level + 1,
        &token[tag.name.end..]
    ))
}

/// For an HTML block whose first markup cannot be kept: how many bytes that markup takes
/// (with the indentation before it) and what to show instead. `None` when it can be kept,
/// or is a comment that closes (dropped, with the block made safe as usual).
fn unkeepable_opening(block: &str) -> Option<(usize, String)> {
    let lt = block.find('<')?;
    let here = &block[lt..];
    if here.starts_with("<!--") {
        // A comment that closes is dropped; one that never does is shown.
        return (!here.contains("-->")).then(|| (lt + 4, "&lt;!--".to_string()));
    }
    match tag_at(here) {
        Some(tag) => {
            let token = &here[..tag.len];
            match treatment(&here[tag.name.clone()]) {
                Treatment::Keep => None,
                Treatment::Drop => Some((lt + tag.len, String::new())),
                Treatment::Escape => Some((lt + tag.len, escape_text(token))),
            }
        }
        None => Some((lt + 1, "&lt;".into())),
    }
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
    fn an_unclosed_style_or_script_does_not_eat_the_rest_of_the_field() {
        for opening in [
            "<style>",
            "<script>",
            "<textarea>",
            "<title>",
            "<xmp>",
            "<!--",
        ] {
            let html = to_safe_html(&format!(
                "Πρώτη παράγραφος.\n\n{opening}\n\nΗ **απόφαση** εγκρίθηκε.\n\n- ένα\n- δύο"
            ));
            assert!(html.contains("Πρώτη παράγραφος."), "{opening}: {html}");
            assert!(
                html.contains("Η <strong>απόφαση</strong> εγκρίθηκε."),
                "{opening}: the rest is still Markdown: {html}"
            );
            assert!(html.contains("<li>δύο</li>"), "{opening}: {html}");
            assert!(
                !html.contains("<style") && !html.contains("<script"),
                "{html}"
            );
        }
    }

    #[test]
    fn an_unclosed_style_inside_a_paragraph_keeps_the_words_after_it() {
        let html = to_safe_html("Πριν <style>p { color: red } μετά\n\nΕπόμενη");
        assert!(html.contains("Πριν"), "{html}");
        assert!(html.contains("μετά"), "{html}");
        assert!(html.contains("Επόμενη"), "{html}");
        assert!(!html.contains("<style"), "{html}");
    }

    #[test]
    fn unknown_tags_are_shown_as_typed_and_allowed_ones_kept() {
        let html = to_safe_html("Πατήστε <Ctrl> και <u>υπογράμμιση</u><!-- σημείωση -->.");
        assert!(html.contains("&lt;Ctrl&gt;"), "{html}");
        assert!(html.contains("<u>υπογράμμιση</u>"), "{html}");
        assert!(!html.contains("σημείωση"), "a comment stays hidden: {html}");
        let block = to_safe_html("<div>\n\n**μέσα**\n\n</div>\n\nμετά");
        assert!(block.contains("<div>") && block.contains("μετά"), "{block}");
    }

    #[test]
    fn headings_sit_below_the_pages_title() {
        let html = to_safe_html(
            "# Πρακτικό 3/2026\n\n## Θέμα 1\n\n###### Λεπτομέρεια\n\n<h1>Ακατέργαστο</h1>",
        );
        assert!(html.contains("<h2>Πρακτικό 3/2026</h2>"), "{html}");
        assert!(html.contains("<h3>Θέμα 1</h3>"), "{html}");
        assert!(html.contains("<h6>Λεπτομέρεια</h6>"), "{html}");
        assert!(html.contains("<h2>Ακατέργαστο</h2>"), "{html}");
        assert!(!html.contains("<h1"), "{html}");
    }

    #[test]
    fn remote_images_become_links_and_local_ones_stay() {
        let html = to_safe_html(
            "![pixel](https://tracker.example/p.gif) ![](//tracker.example/q.gif) \
             ![χάρτης](/files/map.png) <img src=\"https://tracker.example/r.gif\" alt=\"r\">",
        );
        assert!(
            html.contains(
                "<a href=\"https://tracker.example/p.gif\" rel=\"noopener noreferrer\">pixel</a>"
            ),
            "{html}"
        );
        assert!(html.contains(">//tracker.example/q.gif</a>"), "{html}");
        assert!(
            html.contains("<img src=\"/files/map.png\" alt=\"χάρτης\">"),
            "{html}"
        );
        assert!(!html.contains("src=\"https://"), "{html}");
        assert!(!html.contains("src=\"//"), "{html}");
    }

    #[test]
    fn many_unkeepable_blocks_render_in_linear_time() {
        let field = "<style>\n\nκείμενο\n\n".repeat(5_000);
        let started = std::time::Instant::now();
        let html = to_safe_html(&field);
        assert!(html.contains("κείμενο"));
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn plain_text_keeps_the_words_and_drops_the_markup() {
        assert_eq!(
            to_plain_text("# Θέμα\n\nΗ **πρόταση** εγκρίθηκε"),
            "Θέμα\nΗ πρόταση εγκρίθηκε"
        );
    }
}
