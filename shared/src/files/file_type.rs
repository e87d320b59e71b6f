//! What an uploaded file really is, judged by its bytes, not its name: PDF, OpenDocument
//! text, Word (DOCX), or a PNG, JPEG or WebP image. Anything else is refused.

/// The accepted types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Pdf,
    Odt,
    Docx,
    Png,
    Jpeg,
    Webp,
}

impl FileType {
    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Odt => "application/vnd.oasis.opendocument.text",
            Self::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Self::Png => "image/png",
            Self::Jpeg => "image/jpeg",
            Self::Webp => "image/webp",
        }
    }

    /// The extensions a file of this type may be named with.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Pdf => &["pdf"],
            Self::Odt => &["odt"],
            Self::Docx => &["docx"],
            Self::Png => &["png"],
            Self::Jpeg => &["jpg", "jpeg"],
            Self::Webp => &["webp"],
        }
    }
}

/// Names the type of a file from its first bytes (`head`, at least 64 bytes where the
/// file has them) and, for ZIP containers, its last bytes (`tail`, where the central
/// directory names the entries).
pub fn detect(head: &[u8], tail: &[u8]) -> Option<FileType> {
    if head.starts_with(b"%PDF-") {
        return Some(FileType::Pdf);
    }
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(FileType::Png);
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some(FileType::Jpeg);
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some(FileType::Webp);
    }
    if head.starts_with(b"PK\x03\x04") {
        // OpenDocument: the first entry is an uncompressed `mimetype` file naming the type.
        if head.len() >= 38 + 39
            && &head[30..38] == b"mimetype"
            && head[38..].starts_with(b"application/vnd.oasis.opendocument.text")
        {
            return Some(FileType::Odt);
        }
        // Office Open XML: a Word document has `word/document.xml` in its directory.
        if contains(tail, b"word/document.xml") && contains(tail, b"[Content_Types].xml") {
            return Some(FileType::Docx);
        }
    }
    None
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_known_by_their_bytes_not_their_names() {
        assert_eq!(detect(b"%PDF-1.7\n...", b""), Some(FileType::Pdf));
        assert_eq!(detect(b"\x89PNG\r\n\x1a\n....", b""), Some(FileType::Png));
        assert_eq!(detect(b"<html><script>", b""), None);
        assert_eq!(detect(b"MZ\x90\x00", b""), None);
        let mut odt = b"PK\x03\x04".to_vec();
        odt.resize(30, 0);
        odt.extend_from_slice(b"mimetypeapplication/vnd.oasis.opendocument.text");
        assert_eq!(detect(&odt, b""), Some(FileType::Odt));
        assert_eq!(
            detect(
                b"PK\x03\x04rest",
                b"..[Content_Types].xml..word/document.xml.."
            ),
            Some(FileType::Docx)
        );
        assert_eq!(detect(b"PK\x03\x04rest", b"..just a zip.."), None);
    }
}
