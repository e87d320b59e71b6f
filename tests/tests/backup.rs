//! `council backup` and `council restore`, round trip: a platform with the demo
//! municipalities, their meetings and practices, and an uploaded file is backed up while it
//! serves, restored into an empty database (and data folder), and every table and file of
//! the copy is compared with the original.

use std::collections::BTreeMap;

use integration_tests::{
    Backend, DropDatabaseOnExit, PNG, TestApp, fresh_database, on_both_backends, test_settings,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

/// Every table's rows, each as one text, sorted: what two databases must agree on.
async fn every_table(db: &DatabaseConnection) -> BTreeMap<String, Vec<String>> {
    let backend = db.get_database_backend();
    let names = match backend {
        DbBackend::Postgres => {
            "SELECT table_name AS name FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        }
        _ => "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
    };
    let mut tables = BTreeMap::new();
    for row in db
        .query_all_raw(Statement::from_string(backend, names))
        .await
        .unwrap()
    {
        let name: String = row.try_get("", "name").unwrap();
        let select = match backend {
            DbBackend::Postgres => format!("SELECT t::text AS row FROM \"{name}\" t"),
            _ => {
                let columns: Vec<String> = db
                    .query_all_raw(Statement::from_string(
                        backend,
                        format!("SELECT name FROM pragma_table_info('{name}')"),
                    ))
                    .await
                    .unwrap()
                    .iter()
                    .map(|c| format!("quote(\"{}\")", c.try_get::<String>("", "name").unwrap()))
                    .collect();
                format!(
                    "SELECT {} AS row FROM \"{name}\"",
                    columns.join(" || '|' || ")
                )
            }
        };
        let mut rows: Vec<String> = db
            .query_all_raw(Statement::from_string(backend, select))
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String>("", "row").unwrap())
            .collect();
        rows.sort();
        tables.insert(name, rows);
    }
    tables
}

async fn a_backup_restores_every_table_and_file(backend: Backend) {
    // Serving, but with no background work writing between the backup and the comparison.
    let Some(app) = TestApp::spawn_with(backend, |settings| {
        settings.notifications.run_workers = false;
    })
    .await
    else {
        return;
    };
    council::load_demo_data_if_empty(&app.context)
        .await
        .unwrap();
    let (status, draft) = app
        .post(
            "/api/v1/practices",
            &serde_json::json!({"title": {"el": "Κήπος"}}),
        )
        .await;
    assert_eq!(status, 201, "{draft}");
    let slug = draft["slug"].as_str().unwrap();
    let upload = app
        .upload(
            &format!("/api/v1/practices/{slug}/files?file_name=garden.png"),
            PNG,
        )
        .await;
    assert_eq!(upload.status().as_u16(), 201);

    let folder = tempfile::tempdir().unwrap();
    let backup = folder.path().join("backup");
    let made = council::backup::backup(&app.context.db, &app.context.settings, &backup)
        .await
        .unwrap();
    // Into a folder that is not empty: refused, nothing overwritten.
    let refused = council::backup::backup(&app.context.db, &app.context.settings, &backup).await;
    assert!(refused.unwrap_err().to_string().contains("not empty"));

    let target = tempfile::tempdir().unwrap();
    let url = fresh_database(app.backend, target.path()).await.unwrap();
    let _cleanup = (app.backend == Backend::Postgres).then(|| DropDatabaseOnExit::for_url(&url));
    let settings = test_settings(target.path(), &url);
    let restored = council::backup::restore(&settings, &backup, false)
        .await
        .unwrap();
    assert_eq!(restored.files.len(), made.files.len());
    // A second restore over it needs --replace.
    let again = council::backup::restore(&settings, &backup, false).await;
    assert!(
        again.is_err(),
        "an existing database is not replaced silently"
    );

    let copy = sea_orm::Database::connect(&url).await.unwrap();
    let (original, restored) = (every_table(&app.context.db).await, every_table(&copy).await);
    assert_eq!(
        original.keys().collect::<Vec<_>>(),
        restored.keys().collect::<Vec<_>>()
    );
    for (table, rows) in &original {
        assert_eq!(rows, &restored[table], "table {table}");
    }
    let filled = original.values().filter(|rows| !rows.is_empty()).count();
    assert!(filled >= 15, "the demo data fills the tables ({filled})");
    match app.backend {
        // The file is in the database, so in the dump.
        Backend::Postgres => assert_eq!(original["practices_stored_files"].len(), 1),
        Backend::Sqlite => {
            assert_eq!(made.files.len(), 1, "{:?}", made.files);
            let uploads =
                |dir: &std::path::Path| integration_tests::files_under(&dir.join("uploads"));
            let before = uploads(app.data_dir.path());
            assert_eq!(
                before
                    .values()
                    .filter(|bytes| bytes.as_slice() == PNG)
                    .count(),
                1
            );
            assert_eq!(uploads(target.path()), before, "every file, byte for byte");
        }
    }
    copy.close().await.unwrap();
}

on_both_backends!(a_backup_restores_every_table_and_file);
