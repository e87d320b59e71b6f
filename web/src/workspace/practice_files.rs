//! A practice's photos and documents, for its author. A photo is added with what it shows
//! (the alt text, required: nothing is stored without it) and a caption; a document with
//! its title. The upload streams through the same service function as the API's
//! `POST /practices/{slug}/files`, and the content then names the file, saved through the
//! same command as `PUT /practices/{slug}`. Texts are changed and files taken out on the
//! same page; a file taken out is deleted unless the public version still shows it.

use std::sync::Arc;

use council_shared::{ApiError, FieldError, validation::Invalid};
use poem::{
    Request, Response, handler,
    web::{Data, Multipart, Path},
};
use practices::{
    api::commands,
    domain::{Bilingual, DocumentRef, Photo, PracticeContent},
    service::{Actor, files},
};
use serde::Serialize;

use super::{
    documents::upload_error,
    failed,
    practice::{Section, Workbench, practice_href, section_href},
    show_form, signed_in,
};
use crate::{
    PageContext, WebState,
    forms::{self, Field, Form, Submitted},
    i18n::Lang,
};

/// Photos or documents: the same page for both, with their own texts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Photo,
    Document,
}

impl Kind {
    fn of(section: Section) -> Option<Self> {
        match section {
            Section::Photos => Some(Kind::Photo),
            Section::Documents => Some(Kind::Document),
            _ => None,
        }
    }

    fn section(self) -> Section {
        match self {
            Kind::Photo => Section::Photos,
            Kind::Document => Section::Documents,
        }
    }

    /// The texts of one file: (the form's and the API's name under the item, its label key).
    fn texts(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Kind::Photo => &[
                ("alt.el", "practice-photo-alt-el"),
                ("alt.en", "practice-photo-alt-en"),
                ("caption.el", "practice-photo-caption-el"),
                ("caption.en", "practice-photo-caption-en"),
            ],
            Kind::Document => &[
                ("title.el", "practice-document-title-el"),
                ("title.en", "practice-document-title-en"),
            ],
        }
    }

    /// The API's list.
    fn list(self) -> &'static str {
        match self {
            Kind::Photo => "photos",
            Kind::Document => "documents",
        }
    }

    fn accept(self) -> &'static str {
        match self {
            Kind::Photo => "image/png,image/jpeg,image/webp",
            Kind::Document => ".pdf,.odt,.docx,application/pdf",
        }
    }
}

/// The texts of the `index`th item of `content`, by the names in `Kind::texts`.
fn texts_of(kind: Kind, content: &PracticeContent, index: usize) -> Vec<(&'static str, String)> {
    let text =
        |b: &Bilingual, el: bool| if el { b.el.clone() } else { b.en.clone() }.unwrap_or_default();
    match kind {
        Kind::Photo => content.photos.get(index).map_or_else(Vec::new, |p| {
            vec![
                ("alt.el", text(&p.alt, true)),
                ("alt.en", text(&p.alt, false)),
                ("caption.el", text(&p.caption, true)),
                ("caption.en", text(&p.caption, false)),
            ]
        }),
        Kind::Document => content.documents.get(index).map_or_else(Vec::new, |d| {
            vec![
                ("title.el", text(&d.title, true)),
                ("title.en", text(&d.title, false)),
            ]
        }),
    }
}

fn bilingual(submitted: &Submitted, prefix: &str) -> Bilingual {
    Bilingual {
        el: submitted.optional(&format!("{prefix}.el")),
        en: submitted.optional(&format!("{prefix}.en")),
    }
}

/// The form changing the texts of the files already there, and taking files out.
fn items_form(
    state: &WebState,
    req: &Request,
    lang: Lang,
    (slug, kind): (&str, Kind),
    content: &PracticeContent,
) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let count = match kind {
        Kind::Photo => content.photos.len(),
        Kind::Document => content.documents.len(),
    };
    let mut form = Form::new(
        req,
        section_href(slug, kind.section()),
        t("practice-files-save"),
        lang,
        &state.renderer,
    );
    for index in 0..count {
        let values = texts_of(kind, content, index);
        for (name, label) in kind.texts() {
            let value = values
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            let mut field = Field::new(
                &format!("{}[{index}].{name}", kind.list()),
                "text",
                t(label),
            )
            .value(value);
            if name.starts_with("alt.el") {
                field = field.hint(t("practice-photo-alt-hint"));
            }
            form = form.field(field);
        }
        form = form.field(Field::new(
            &format!("{}[{index}].remove", kind.list()),
            "checkbox",
            t("practice-files-remove"),
        ));
    }
    form
}

/// The form adding one file with its texts; the file comes last, so the texts are read
/// (and checked) before anything is stored.
fn upload_form(state: &WebState, req: &Request, lang: Lang, (slug, kind): (&str, Kind)) -> Form {
    let t = |key: &str| state.renderer.text(lang, key);
    let mut form = Form::new(
        req,
        format!("{}/upload", section_href(slug, kind.section())),
        t(match kind {
            Kind::Photo => "practice-photo-add",
            Kind::Document => "practice-document-add",
        }),
        lang,
        &state.renderer,
    );
    for (name, label) in kind.texts() {
        let mut field = Field::new(name, "text", t(label));
        if *name == "alt.el" {
            field = field.hint(t("practice-photo-alt-hint"));
        }
        form = form.field(field);
    }
    form.field(
        Field::new("file", "file", t("practice-file"))
            .hint(t(match kind {
                Kind::Photo => "practice-photo-file-hint",
                Kind::Document => "practice-document-file-hint",
            }))
            .accept(kind.accept()),
    )
}

#[derive(Serialize)]
struct Item {
    legend: String,
    /// The photo itself, shown beside its texts.
    src: Option<String>,
    alt: String,
    file_name: String,
    fields: Vec<Field>,
}

#[derive(Serialize)]
struct FilesPage {
    lang: &'static str,
    heading: String,
    intro: String,
    title: String,
    back_href: String,
    locked: Option<String>,
    items: Vec<Item>,
    /// The texts of what is there, when there is anything.
    edit: Option<Form>,
    add: Form,
}

async fn files_page(
    state: &WebState,
    req: &Request,
    context: &PageContext,
    bench: &Workbench,
    kind: Kind,
    (edit, add): (Form, Form),
) -> Response {
    let shown = &bench.content;
    let lang = context.lang;
    let uploaded = files::for_practice(&state.practices.db, bench.row.id)
        .await
        .unwrap_or_default();
    let ids: Vec<i64> = match kind {
        Kind::Photo => shown.photos.iter().map(|p| p.file).collect(),
        Kind::Document => shown.documents.iter().map(|d| d.file).collect(),
    };
    let items = ids
        .iter()
        .enumerate()
        .map(|(index, id)| {
            let file = uploaded.iter().find(|f| f.id == *id);
            let number = (index + 1).to_string();
            let values = texts_of(kind, shown, index);
            let first = values.first().map(|(_, v)| v.clone()).unwrap_or_default();
            Item {
                legend: state.renderer.text_with(
                    lang,
                    match kind {
                        Kind::Photo => "practice-photo-row",
                        Kind::Document => "practice-document-row",
                    },
                    &[("number", &number)],
                ),
                src: (kind == Kind::Photo).then(|| {
                    format!(
                        "/api/v1/practices/{}/files/{id}",
                        crate::encode(&bench.row.slug)
                    )
                }),
                alt: first,
                file_name: file.map(|f| f.file_name.clone()).unwrap_or_default(),
                fields: kind
                    .texts()
                    .iter()
                    .map(|(name, _)| format!("{}[{index}].{name}", kind.list()))
                    .chain([format!("{}[{index}].remove", kind.list())])
                    .filter_map(|name| edit.fields.get(&name).cloned())
                    .collect(),
            }
        })
        .collect::<Vec<_>>();
    let code = kind.section().code();
    let heading = state
        .renderer
        .text(lang, &format!("practice-section-{code}"));
    let view = FilesPage {
        lang: lang.code(),
        heading: heading.clone(),
        intro: state
            .renderer
            .text(lang, &format!("practice-section-{code}-intro")),
        title: bench.title(lang),
        back_href: practice_href(&bench.row.slug),
        locked: bench.locked(state, lang),
        edit: (!items.is_empty()).then(|| edit.clone()),
        items,
        add: add.clone(),
    };
    // The page's status and cookie follow whichever form has errors.
    let shown_form = if edit.has_errors() { &edit } else { &add };
    show_form(
        state,
        req,
        context,
        ("workspace_practice_files", &heading),
        &view,
        shown_form,
    )
}

fn kind_of(code: &str) -> Result<Kind, ApiError> {
    super::practice::Section::of(code)
        .and_then(Kind::of)
        .ok_or_else(|| ApiError::NotFound(code.to_string()))
}

pub(super) async fn edit_files(
    req: &Request,
    state: &Arc<WebState>,
    (slug, code): (&str, &str),
) -> Response {
    let (slug, code) = (slug.to_string(), code.to_string());
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let (kind, bench) = match async {
        let kind = kind_of(&code)?;
        Ok::<_, ApiError>((kind, Workbench::open(state, &principal, &slug).await?))
    }
    .await
    {
        Ok(found) => found,
        Err(error) => return failed(state, &context, error),
    };
    let edit = items_form(state, req, lang, (&slug, kind), &bench.content)
        .hidden("version", bench.version.clone());
    let add = upload_form(state, req, lang, (&slug, kind)).hidden("version", bench.version.clone());
    files_page(state, req, &context, &bench, kind, (edit, add)).await
}

/// Saves the texts of the files there and takes out those ticked.
pub(super) async fn save_files(
    (req, state): (&Request, &Arc<WebState>),
    (slug, code): (&str, &str),
    (context, principal, submitted): (PageContext, Arc<council_shared::auth::Principal>, Submitted),
) -> Response {
    let (slug, code) = (slug.to_string(), code.to_string());
    let lang = context.lang;
    let (kind, bench) = match async {
        let kind = kind_of(&code)?;
        Ok::<_, ApiError>((kind, Workbench::open(state, &principal, &slug).await?))
    }
    .await
    {
        Ok(found) => found,
        Err(error) => return failed(state, &context, error),
    };
    let mut content = bench.content.clone();
    let mut taken_out = Vec::new();
    let list = kind.list();
    let removed = |i: usize| submitted.has(&format!("{list}[{i}].remove"));
    match kind {
        Kind::Photo => {
            let mut kept = Vec::new();
            for (i, photo) in content.photos.iter().enumerate() {
                if removed(i) {
                    taken_out.push(photo.file);
                    continue;
                }
                kept.push(Photo {
                    file: photo.file,
                    alt: bilingual(&submitted, &format!("{list}[{i}].alt")),
                    caption: bilingual(&submitted, &format!("{list}[{i}].caption")),
                });
            }
            content.photos = kept;
        }
        Kind::Document => {
            let mut kept = Vec::new();
            for (i, document) in content.documents.iter().enumerate() {
                if removed(i) {
                    taken_out.push(document.file);
                    continue;
                }
                kept.push(DocumentRef {
                    file: document.file,
                    title: bilingual(&submitted, &format!("{list}[{i}].title")),
                });
            }
            content.documents = kept;
        }
    }
    let seen = submitted.value("version").to_string();
    match commands::save_draft(&state.practices, &principal, &slug, &content, Some(&seen)).await {
        Ok(saved) => {
            for id in taken_out {
                // The published version may still show it: then it stays until replaced.
                if let Ok(row) = files::find(&state.practices.db, &saved, id).await {
                    let _ =
                        files::remove(&state.practices.db, &*state.practices.store, &saved, row)
                            .await;
                }
            }
            forms::redirect(&format!(
                "{}?done=practice-saved",
                section_href(&slug, kind.section())
            ))
        }
        Err(error) => {
            // The page as sent: errors name the items by their place among those kept, so
            // show the texts as typed for every item, the removed ones included.
            let mut edit = items_form(state, req, lang, (&slug, kind), &bench.content)
                .keep(&submitted)
                .hidden("version", seen.clone());
            let kept: Vec<usize> = (0..match kind {
                Kind::Photo => bench.content.photos.len(),
                Kind::Document => bench.content.documents.len(),
            })
                .filter(|i| !removed(*i))
                .collect();
            let error = match error {
                ApiError::Validation(errors) => ApiError::Validation(
                    errors
                        .into_iter()
                        .map(|mut e| {
                            e.field = renumber(&e.field, list, &kept);
                            e
                        })
                        .collect(),
                ),
                other => other,
            };
            if let Err(other) = bench.show_refusal((state, lang), &mut edit, (error, &seen), &[]) {
                return failed(state, &context, other);
            }
            let add = upload_form(state, req, lang, (&slug, kind)).hidden("version", seen);
            files_page(state, req, &context, &bench, kind, (edit, add)).await
        }
    }
}

/// `photos[1].alt` of the saved list is the `kept[1]`th item on the page.
fn renumber(field: &str, list: &str, kept: &[usize]) -> String {
    let Some(rest) = field.strip_prefix(&format!("{list}[")) else {
        return field.to_string();
    };
    let Some((index, tail)) = rest.split_once(']') else {
        return field.to_string();
    };
    let on_page = index
        .parse::<usize>()
        .ok()
        .and_then(|i| kept.get(i).copied());
    match on_page {
        // The API names the text when both languages are missing; the form its Greek field.
        Some(i) if tail == ".alt" || tail == ".title" => format!("{list}[{i}]{tail}.el"),
        Some(i) => format!("{list}[{i}]{tail}"),
        None => field.to_string(),
    }
}

/// Adds one file: its texts are checked first (a photo needs what it shows), then the file
/// is streamed into storage and named in the content.
#[handler]
pub async fn upload(
    req: &Request,
    Path((slug, code)): Path<(String, String)>,
    mut multipart: Multipart,
    state: Data<&Arc<WebState>>,
) -> Response {
    let (context, principal) = match signed_in(req) {
        Ok(found) => found,
        Err(response) => return response,
    };
    let lang = context.lang;
    let (kind, bench) = match async {
        let kind = kind_of(&code)?;
        Ok::<_, ApiError>((kind, Workbench::open(&state, &principal, &slug).await?))
    }
    .await
    {
        Ok(found) => found,
        Err(error) => return failed(&state, &context, error),
    };
    let mut typed = Vec::new();
    let mut genuine = false;
    let mut outcome: Result<PracticeContent, ApiError> = Err(forms::no_file_chosen());
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(_) => {
                outcome = Err(forms::upload_broke_off());
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        if name == "csrf" {
            genuine = crate::sign_in::csrf_ok(req, &field.text().await.unwrap_or_default());
            continue;
        }
        if name != "file" {
            typed.push((name, field.text().await.unwrap_or_default()));
            continue;
        }
        let file_name = field.file_name().unwrap_or_default().to_string();
        if !genuine || file_name.is_empty() {
            continue;
        }
        let submitted = Submitted(typed.clone());
        let first = kind.texts()[0].0.split('.').next().unwrap_or_default();
        let text = bilingual(&submitted, first);
        if text.is_empty() {
            let missing = Invalid::new("required_el_or_en", "is required in Greek or English");
            outcome = Err(ApiError::Validation(vec![FieldError::new(
                kind.texts()[0].0,
                missing,
            )]));
            break;
        }
        let stream = forms::file_stream(field);
        outcome = async {
            let stored = files::upload(
                &state.practices.db,
                &*state.practices.store,
                &Actor::of(&principal),
                &bench.row,
                &file_name,
                stream,
                state.practices.max_upload_bytes,
            )
            .await
            .map_err(|e| match upload_error(e) {
                Ok(field_error) => ApiError::Validation(vec![field_error]),
                Err(other) => other,
            })?;
            let mut content = bench.content.clone();
            match kind {
                Kind::Photo if !files::is_image(&stored) => {
                    let _ = files::remove(
                        &state.practices.db,
                        &*state.practices.store,
                        &bench.row,
                        stored,
                    )
                    .await;
                    return Err(ApiError::Validation(vec![FieldError::new(
                        "file",
                        Invalid::new("not_an_image", "a photo is a PNG, JPEG or WebP image"),
                    )]));
                }
                Kind::Photo => content.photos.push(Photo {
                    file: stored.id,
                    alt: text,
                    caption: bilingual(&submitted, "caption"),
                }),
                Kind::Document => content.documents.push(DocumentRef {
                    file: stored.id,
                    title: text,
                }),
            }
            Ok(content)
        }
        .await;
    }
    if !genuine {
        return crate::sign_in::csrf_failure(&state, req);
    }
    let submitted = Submitted(typed);
    let seen = submitted.value("version").to_string();
    let error = match outcome {
        Ok(content) => {
            match commands::save_draft(&state.practices, &principal, &slug, &content, Some(&seen))
                .await
            {
                Ok(_) => {
                    return forms::redirect(&format!(
                        "{}?done=practice-uploaded",
                        section_href(&slug, kind.section())
                    ));
                }
                Err(error) => error,
            }
        }
        Err(error) => error,
    };
    let mut add = upload_form(&state, req, lang, (&slug, kind))
        .keep(&submitted)
        .hidden("version", seen.clone());
    let error = match error {
        // The new item is the last one: its texts are the form's own fields.
        ApiError::Validation(errors) => ApiError::Validation(
            errors
                .into_iter()
                .map(|mut e| {
                    if let Some(rest) = e.field.strip_prefix(&format!("{}[", kind.list()))
                        && let Some((_, tail)) = rest.split_once(']')
                    {
                        let tail = tail.trim_start_matches('.');
                        e.field = match tail {
                            "alt" | "title" => format!("{tail}.el"),
                            "file" => "file".into(),
                            other => other.to_string(),
                        };
                    }
                    e
                })
                .collect(),
        ),
        other => other,
    };
    if let Err(other) = bench.show_refusal((&state, lang), &mut add, (error, &seen), &[]) {
        return failed(&state, &context, other);
    }
    let edit = items_form(&state, req, lang, (&slug, kind), &bench.content)
        .hidden("version", bench.version.clone());
    files_page(&state, req, &context, &bench, kind, (edit, add)).await
}
