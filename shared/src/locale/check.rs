//! The translations' completeness test, for pages and messages alike: a translation has
//! every key of the reference file, no other key, the same placeholders in each message,
//! and, wherever a message chooses by a number, every plural form its language needs.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::{ast, parser};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use super::Lang;

/// What is wrong with `translation` (in `lang`) against `reference`: one line each.
pub fn problems(reference: &str, translation: &str, lang: Lang) -> Vec<String> {
    let mut found = Vec::new();
    let reference = match messages(reference) {
        Ok(messages) => messages,
        Err(error) => return vec![format!("the reference does not parse: {error}")],
    };
    let translation = match messages(translation) {
        Ok(messages) => messages,
        Err(error) => return vec![format!("does not parse: {error}")],
    };
    let needed = plural_categories(lang);
    for (key, expected) in &reference {
        let Some(actual) = translation.get(key) else {
            found.push(format!("{key}: missing"));
            continue;
        };
        if expected.variables != actual.variables {
            found.push(format!(
                "{key}: placeholders {:?}, the reference has {:?}",
                actual.variables, expected.variables
            ));
        }
        for (variable, variants) in &actual.plurals {
            let lacking: Vec<_> = needed.difference(variants).collect();
            if !lacking.is_empty() {
                found.push(format!(
                    "{key}: ${variable} lacks the plural forms {lacking:?}"
                ));
            }
        }
    }
    for key in translation.keys() {
        if !reference.contains_key(key) {
            found.push(format!("{key}: not in the reference"));
        }
    }
    found
}

#[derive(Default)]
struct Message {
    variables: BTreeSet<String>,
    /// For each selection by a plural category: the variable and the categories offered.
    plurals: Vec<(String, BTreeSet<&'static str>)>,
}

fn messages(source: &str) -> Result<BTreeMap<String, Message>, String> {
    let resource = parser::parse(source).map_err(|(_, errors)| format!("{errors:?}"))?;
    Ok(resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => {
                let mut found = Message::default();
                if let Some(pattern) = &message.value {
                    walk_pattern(pattern, &mut found);
                }
                for attribute in &message.attributes {
                    walk_pattern(&attribute.value, &mut found);
                }
                Some((message.id.name.to_string(), found))
            }
            _ => None,
        })
        .collect())
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn walk_pattern(pattern: &ast::Pattern<&str>, found: &mut Message) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, found);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, found: &mut Message) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, found);
            let offered: BTreeSet<&'static str> = variants
                .iter()
                .filter_map(|variant| match &variant.key {
                    ast::VariantKey::Identifier { name } => {
                        CATEGORIES.iter().copied().find(|c| c == name)
                    }
                    ast::VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            if let (false, ast::InlineExpression::VariableReference { id }) =
                (offered.is_empty(), selector)
            {
                found.plurals.push((id.name.to_string(), offered));
            }
            for variant in variants {
                walk_pattern(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, found),
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, found: &mut Message) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.variables.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, found),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                walk_inline(argument, found);
            }
        }
        _ => {}
    }
}

/// The cardinal plural categories of a language, as Fluent's own plural rules choose them
/// for whole numbers (the counts the pages and messages show).
pub fn plural_categories(lang: Lang) -> BTreeSet<&'static str> {
    let rules = PluralRules::create(lang.langid(), PluralRuleType::CARDINAL)
        .expect("the plural rules know every language of the platform");
    (0..=1_000u32)
        .chain([10_000, 100_000, 1_000_000, 10_000_000])
        .map(|n| match rules.select(n).expect("a whole number") {
            PluralCategory::ZERO => "zero",
            PluralCategory::ONE => "one",
            PluralCategory::TWO => "two",
            PluralCategory::FEW => "few",
            PluralCategory::MANY => "many",
            PluralCategory::OTHER => "other",
        })
        // Fractions need `other` in every language, and Fluent needs a default.
        .chain(["other"])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_needs_six_forms_and_ukrainian_four() {
        assert_eq!(plural_categories(Lang::Ar).len(), 6);
        assert_eq!(
            plural_categories(Lang::Uk),
            BTreeSet::from(["one", "few", "many", "other"])
        );
        assert_eq!(
            plural_categories(Lang::El),
            BTreeSet::from(["one", "other"])
        );
    }

    #[test]
    fn a_missing_key_placeholder_or_plural_form_is_found() {
        let reference = "a = { $count ->\n    [one] one thing\n   *[other] { $count } things\n}\nb = Hello { $name }\n";
        let translation =
            "a = { $count ->\n    [one] شيء\n   *[other] { $count } أشياء\n}\nc = x\n";
        let found = problems(reference, translation, Lang::Ar);
        assert!(
            found.iter().any(|p| p.starts_with("a: $count lacks")),
            "{found:?}"
        );
        assert!(found.iter().any(|p| p == "b: missing"), "{found:?}");
        assert!(
            found.iter().any(|p| p == "c: not in the reference"),
            "{found:?}"
        );
        let changed =
            "a = { $count ->\n    [one] one\n   *[other] { $n } things\n}\nb = Hello { $name }\n";
        let found = problems(reference, changed, Lang::En);
        assert!(
            found.iter().any(|p| p.starts_with("a: placeholders")),
            "{found:?}"
        );
    }
}
