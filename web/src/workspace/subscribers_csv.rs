//! The subscribers' CSV file, read by the import and written by the export, so that an
//! export imports again unchanged. Its columns are the API's import (`ImportRequest`):
//! a header row `email;topics;language;cadence` (`language` and `cadence` may be left out
//! or empty: Greek, and each notice at once), topics separated by commas or spaces (`all`
//! for every one). Separated by `;` (Excel in Greek) or `,`, in UTF-8 with or without the
//! byte-order mark Excel writes.

use notifications::api::models::{CadenceText, LanguageText, SubscriptionRequest, TopicText};

/// The most rows one file may hold: the API's import takes as many.
pub const MOST_ROWS: usize = 5_000;

/// The columns, in the order the export writes them.
pub const COLUMNS: [&str; 4] = ["email", "topics", "language", "cadence"];

/// One row of the file as it was written (values trimmed), with its line in the file (the
/// header is line 1, as a spreadsheet numbers its rows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    pub line: u64,
    pub email: String,
    pub topics: String,
    pub language: String,
    pub cadence: String,
}

/// Why a file cannot be read at all (each has its sentence, `subscribers-csv-CODE`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// Not UTF-8: Excel's "CSV UTF-8" is needed.
    NotUtf8,
    /// No header row, or no rows under it.
    Empty,
    /// A header without `email` or `topics`.
    MissingColumn(&'static str),
    /// A header naming something else (often a first row of data with no header).
    UnknownColumn(String),
    /// More rows than one import takes.
    TooMany,
    /// A quote left open or the like, on this line.
    Broken(u64),
}

impl CsvProblem {
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotUtf8 => "not-utf8",
            Self::Empty => "empty",
            Self::MissingColumn(_) => "missing-column",
            Self::UnknownColumn(_) => "unknown-column",
            Self::TooMany => "too-many",
            Self::Broken(_) => "broken",
        }
    }

    /// The value the sentence names.
    pub fn value(&self) -> String {
        match self {
            Self::MissingColumn(name) => (*name).to_string(),
            Self::UnknownColumn(name) => name.clone(),
            Self::TooMany => MOST_ROWS.to_string(),
            Self::Broken(line) => line.to_string(),
            Self::NotUtf8 | Self::Empty => String::new(),
        }
    }
}

/// The file's text: UTF-8, its byte-order mark dropped.
pub fn text(bytes: &[u8]) -> Result<&str, CsvProblem> {
    let text = std::str::from_utf8(bytes).map_err(|_| CsvProblem::NotUtf8)?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// `;` when the header row has one (Excel in Greek), else `,`.
fn separator(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    if header.contains(';') { b';' } else { b',' }
}

/// The rows of a file, each as written; rows left wholly empty are skipped.
pub fn parse(text: &str) -> Result<Vec<CsvRow>, CsvProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(separator(text))
        .flexible(true)
        .has_headers(false)
        // `\r\n` too: the `\r` is trimmed off the last value.
        .terminator(csv::Terminator::Any(b'\n'))
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => return Err(broken(&error)),
        None => return Err(CsvProblem::Empty),
    };
    let mut columns = Vec::new();
    for name in header.iter() {
        let name = name.trim().to_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(column) => columns.push(Some(*column)),
            None if name.is_empty() => columns.push(None),
            None => return Err(CsvProblem::UnknownColumn(name)),
        }
    }
    for needed in ["email", "topics"] {
        if !columns.contains(&Some(needed)) {
            return Err(CsvProblem::MissingColumn(needed));
        }
    }
    let mut rows = Vec::new();
    let mut lines = Lines::new(text);
    for record in records {
        let record = record.map_err(|e| broken(&e))?;
        let line = lines.at(record.position().map_or(0, |p| p.byte()));
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() == MOST_ROWS {
            return Err(CsvProblem::TooMany);
        }
        let cell = |wanted: &str| {
            columns
                .iter()
                .position(|c| *c == Some(wanted))
                .and_then(|i| record.get(i))
                .unwrap_or_default()
                .to_string()
        };
        rows.push(CsvRow {
            line,
            email: cell("email"),
            topics: cell("topics"),
            language: cell("language"),
            cadence: cell("cadence"),
        });
    }
    if rows.is_empty() {
        return Err(CsvProblem::Empty);
    }
    Ok(rows)
}

/// Line numbers of byte offsets, counted as a spreadsheet numbers its rows (the reader's
/// own count misses blank lines).
struct Lines<'a> {
    text: &'a str,
    byte: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            line: 1,
        }
    }

    /// The line of a record that starts at `byte` (or after the blank lines there).
    fn at(&mut self, byte: u64) -> u64 {
        let from = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        let rest = &self.text[from..];
        let start = from + rest.len() - rest.trim_start_matches(['\r', '\n']).len();
        if start > self.byte {
            self.line += self.text[self.byte..start].matches('\n').count() as u64;
            self.byte = start;
        }
        self.line
    }
}

fn broken(error: &csv::Error) -> CsvProblem {
    CsvProblem::Broken(error.position().map_or(0, |p| p.line()))
}

/// The rows as the API's import takes them; codes are read in any case.
pub fn import_request(rows: &[CsvRow]) -> Vec<SubscriptionRequest> {
    let optional = |text: &str| Some(text.to_lowercase()).filter(|t| !t.is_empty());
    rows.iter()
        .map(|row| SubscriptionRequest {
            email: row.email.clone().into(),
            topics: row
                .topics
                .split(|c: char| c == ',' || c == ';' || c == '|' || c.is_whitespace())
                .filter(|t| !t.is_empty())
                .map(|t| TopicText(t.to_lowercase()))
                .collect(),
            language: optional(&row.language).map(LanguageText),
            cadence: optional(&row.cadence).map(CadenceText),
        })
        .collect()
}

/// A file of `rows` (each `[email, topics, language, cadence]`), separated by `;` and
/// starting with the byte-order mark, as Excel in Greek opens it.
pub fn write(rows: impl IntoIterator<Item = [String; 4]>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    // Writing to memory fails only when out of memory.
    let _ = writer.write_record(COLUMNS);
    for row in rows {
        let _ = writer.write_record(&row);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_files_in_either_separator_and_with_a_bom_are_read() {
        let semicolons = "\u{feff}Email;Topics;Language;Cadence\r\na@example.org;meetings,minutes;en;digest\r\n;;;\r\nb@example.org;all;;\r\n";
        let rows = parse(text(semicolons.as_bytes()).unwrap()).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].email, "a@example.org");
        assert_eq!(rows[0].topics, "meetings,minutes");
        assert_eq!(rows[1].line, 4, "the spreadsheet's row number");
        let commas = "email,topics\n a@example.org ,\"meetings,\nminutes\"\n\nc@example.org,all";
        let rows = parse(commas).unwrap();
        assert_eq!(rows[0].email, "a@example.org");
        assert_eq!(
            rows[1].line, 5,
            "after a value of two lines and a blank one"
        );
        let request = import_request(&rows);
        assert_eq!(request[0].topics.len(), 2);
        assert_eq!(request[0].language, None);
    }

    #[test]
    fn a_file_that_cannot_be_read_says_why() {
        assert_eq!(text(b"\xff\xfeemail").unwrap_err(), CsvProblem::NotUtf8);
        assert_eq!(parse("").unwrap_err(), CsvProblem::Empty);
        assert_eq!(parse("email;topics\n").unwrap_err(), CsvProblem::Empty);
        assert_eq!(
            parse("a@example.org;meetings\n").unwrap_err(),
            CsvProblem::UnknownColumn("a@example.org".into())
        );
        assert_eq!(
            parse("email;language\nx;el\n").unwrap_err(),
            CsvProblem::MissingColumn("topics")
        );
    }

    #[test]
    fn what_is_written_is_read_back() {
        let written = write([[
            "a@example.org".to_string(),
            "meetings,minutes".to_string(),
            "el".to_string(),
            "digest".to_string(),
        ]]);
        assert!(written.starts_with("\u{feff}".as_bytes()));
        let rows = parse(text(&written).unwrap()).unwrap();
        assert_eq!(rows[0].topics, "meetings,minutes");
        assert_eq!(rows[0].cadence, "digest");
    }
}
