//! CSV exports opened in a spreadsheet: a cell that begins with `=`, `+`, `-`, `@`, a tab or
//! a carriage return is read there as a formula (which can fetch addresses or run commands:
//! "CSV injection"). Every CSV export passes its cells through [`safe_cells`], which puts a
//! single quote before such a cell (OWASP's rule), so the spreadsheet shows it as text.

use std::borrow::Cow;

/// `text`, with a leading `'` when a spreadsheet would take it for a formula.
pub fn safe_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// A record's cells, each made safe with [`safe_cell`].
pub fn safe_cells<I>(cells: I) -> impl Iterator<Item = String>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    cells
        .into_iter()
        .map(|cell| safe_cell(cell.as_ref()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_shown_as_text() {
        for formula in [
            "=HYPERLINK(\"http://evil.example\",\"click\")",
            "+1+1",
            "-2+3",
            "@SUM(A1:A2)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(safe_cell(formula), format!("'{formula}"));
        }
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in ["Δήμος Αθηναίων", "2026-01-01", "", " =not first", "a=b"] {
            assert_eq!(safe_cell(text), text);
        }
        let cells: Vec<String> = safe_cells(["ok", "=1"]).collect();
        assert_eq!(cells, ["ok", "'=1"]);
    }
}
