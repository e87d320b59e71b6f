//! Page-number pagination shared by every list endpoint.

use crate::{
    input_fields::Count,
    problem::{ApiError, FieldError},
};

pub const DEFAULT_PER_PAGE: u64 = 20;
pub const MAX_PER_PAGE: u64 = 100;
/// Far past any real list; it keeps the row offset (`page × per_page`) from overflowing.
pub const MAX_PAGE: u64 = 1_000_000;

/// The `page` parameter: its bounds are in the document, [`PageRequest::parse`] checks them.
pub type PageNumber = Count<1, MAX_PAGE>;
/// The `per_page` parameter, likewise.
pub type PageSize = Count<1, MAX_PER_PAGE>;

/// A validated page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    /// 1-based page number.
    pub page: u64,
    pub per_page: u64,
}

impl PageRequest {
    /// Checks `page` (1 to 1,000,000) and `per_page` (1 to 100); both errors are reported
    /// together. The API's parameters declare the same bounds.
    pub fn parse(page: Option<u64>, per_page: Option<u64>) -> Result<Self, ApiError> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
        let mut errors = Vec::new();
        if page == 0 || page > MAX_PAGE {
            errors.push(FieldError::new(
                "page",
                format!("must be between 1 and {MAX_PAGE}"),
            ));
        }
        if per_page == 0 || per_page > MAX_PER_PAGE {
            errors.push(FieldError::new(
                "per_page",
                format!("must be between 1 and {MAX_PER_PAGE}"),
            ));
        }
        if errors.is_empty() {
            Ok(Self { page, per_page })
        } else {
            Err(ApiError::Validation(errors))
        }
    }

    /// The 0-based page index for SeaORM's paginator.
    pub fn index(&self) -> u64 {
        self.page - 1
    }
}

/// Declares a named page type for a list endpoint (OpenAPI needs one schema per item type).
///
/// `page_type!(TenantPage, TenantSummary);` gives `TenantPage { items, page, per_page,
/// total, total_pages }` and `TenantPage::new(items, request, total)`.
#[macro_export]
macro_rules! page_type {
    ($name:ident, $item:ty) => {
        /// One page of a list.
        #[derive(Debug, Clone, poem_openapi::Object)]
        pub struct $name {
            pub items: Vec<$item>,
            /// This page's number, from 1.
            pub page: u64,
            pub per_page: u64,
            /// Items in the whole list.
            pub total: u64,
            pub total_pages: u64,
        }

        impl $name {
            pub fn new(
                items: Vec<$item>,
                request: $crate::pagination::PageRequest,
                total: u64,
            ) -> Self {
                Self {
                    items,
                    page: request.page,
                    per_page: request.per_page,
                    total,
                    total_pages: total.div_ceil(request.per_page),
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_zero_and_oversized_pages_are_both_reported() {
        match PageRequest::parse(Some(0), Some(1000)) {
            Err(ApiError::Validation(errors)) => assert_eq!(errors.len(), 2),
            other => panic!("expected validation errors, got {other:?}"),
        }
    }

    #[test]
    fn defaults_are_the_first_page_of_twenty() {
        let request = PageRequest::parse(None, None).unwrap();
        assert_eq!(
            (request.page, request.per_page, request.index()),
            (1, 20, 0)
        );
    }
}
