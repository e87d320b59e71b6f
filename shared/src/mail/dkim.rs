//! DKIM signing (RFC 6376) with lettre's signer: the headers a receiver and a bulk-sender
//! policy look at, relaxed canonicalization (it survives the rewrapping relays do).

use anyhow::Context as _;
use lettre::{
    Message,
    message::{
        Mailbox,
        dkim::{
            DkimCanonicalization, DkimCanonicalizationType, DkimConfig, DkimSigningAlgorithm,
            DkimSigningKey,
        },
        header::HeaderName,
    },
};

use crate::settings::{DkimAlgorithm, DkimSettings};

/// The signed headers of every message. Not `Content-Type`: a multipart message's is
/// written with its body, after lettre has signed, so a verifier would see a header the
/// signature took as absent (the body hash covers the parts and their boundaries anyway).
const SIGNED: &[&str] = &[
    "From",
    "To",
    "Subject",
    "Date",
    "Message-ID",
    "MIME-Version",
    "Auto-Submitted",
];

/// Also signed where present: a one-click unsubscribe must be covered by the signature
/// (RFC 8058, section 4), or large receivers ignore it.
const SIGNED_LIST: &[&str] = &["List-Unsubscribe", "List-Unsubscribe-Post"];

/// Two configurations of one key: lettre lists every configured header in the signature,
/// present or not, so a message without the list headers gets the shorter list.
pub(super) struct Signer {
    plain: DkimConfig,
    list: DkimConfig,
}

impl Signer {
    pub(super) fn from_settings(settings: &DkimSettings, from: &Mailbox) -> anyhow::Result<Self> {
        let domain = settings
            .domain
            .clone()
            .unwrap_or_else(|| from.email.domain().to_string());
        let config = |headers: Vec<&'static str>| -> anyhow::Result<DkimConfig> {
            let pem = std::fs::read_to_string(&settings.private_key_file).with_context(|| {
                format!(
                    "cannot read mail.dkim.private_key_file {}",
                    settings.private_key_file.display()
                )
            })?;
            let algorithm = match settings.algorithm {
                DkimAlgorithm::Rsa => DkimSigningAlgorithm::Rsa,
                DkimAlgorithm::Ed25519 => DkimSigningAlgorithm::Ed25519,
            };
            let key = DkimSigningKey::new(pem.trim(), algorithm).map_err(|e| {
                anyhow::anyhow!(
                    "mail.dkim.private_key_file {} is not a {} key: {e}",
                    settings.private_key_file.display(),
                    match settings.algorithm {
                        DkimAlgorithm::Rsa => "PKCS#1 PEM RSA",
                        DkimAlgorithm::Ed25519 => "base64 Ed25519",
                    }
                )
            })?;
            Ok(DkimConfig::new(
                settings.selector.clone(),
                domain.clone(),
                key,
                headers
                    .into_iter()
                    .map(HeaderName::new_from_ascii_str)
                    .collect(),
                DkimCanonicalization {
                    header: DkimCanonicalizationType::Relaxed,
                    body: DkimCanonicalizationType::Relaxed,
                },
            ))
        };
        Ok(Self {
            plain: config(SIGNED.to_vec())?,
            list: config(SIGNED.iter().chain(SIGNED_LIST).copied().collect())?,
        })
    }

    pub(super) fn sign(&self, message: &mut Message) {
        let listed = message.headers().get_raw("List-Unsubscribe").is_some();
        message.sign(if listed { &self.list } else { &self.plain });
    }
}
