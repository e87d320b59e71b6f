//! Command-line options every server binary accepts; they override the settings layers.

use std::path::PathBuf;

use crate::settings::{Settings, SettingsError};

#[derive(Debug, Clone, clap::Args)]
pub struct ServerArgs {
    /// Settings file (TOML); `COUNCIL__...` environment variables override it.
    #[arg(long, env = "COUNCIL_CONFIG")]
    pub config: Option<PathBuf>,
    /// Address to listen on, such as 127.0.0.1:8080 (overrides server.bind).
    #[arg(long)]
    pub bind: Option<String>,
    /// Folder for the SQLite file, uploads and the mail outbox (overrides data_dir).
    #[arg(long)]
    pub data_dir: Option<PathBuf>,
}

impl ServerArgs {
    pub fn settings(&self) -> Result<Settings, SettingsError> {
        let mut settings = Settings::load(self.config.as_deref())?;
        if let Some(bind) = &self.bind {
            settings.server.bind = bind.clone();
        }
        if let Some(dir) = &self.data_dir {
            settings.data_dir = dir.clone();
        }
        Ok(settings)
    }
}

/// Runs one service's API alone: what each service's own binary does.
pub async fn run_single_service(
    args: &ServerArgs,
    routes: impl FnOnce(&crate::app::Context) -> anyhow::Result<poem::Route>,
) -> anyhow::Result<()> {
    let settings = args.settings()?;
    crate::telemetry::init(&settings.log);
    let context = crate::app::Context::build(settings).await?;
    let app = crate::app::Application::bind(&context, routes(&context)?).await?;
    app.run().await
}
