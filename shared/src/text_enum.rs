//! Enums stored as text: the database keeps the same snake_case names the API shows.
//! The crate using the macro needs `poem-openapi`, `serde` and `anyhow`.

/// An enum stored as text and shown in the API by the same snake_case names.
#[macro_export]
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, poem_openapi::Enum, serde::Serialize, serde::Deserialize)]
        #[oai(rename_all = "snake_case")]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value stored in the database; anything else is a corrupted row.
            pub fn from_db(value: &str) -> anyhow::Result<Self> {
                match value {
                    $($text => Ok($name::$variant),)+
                    other => Err(anyhow::anyhow!("unknown {} `{other}` in the database", stringify!($name))),
                }
            }
        }
    };
}
