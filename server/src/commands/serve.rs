use std::process::ExitCode;
use std::sync::Arc;

use app::ssr::{AppState, AppStateInner, BehindProxy, PublicUrl};
use chrono::Utc;
use entity::user::Role;
use media::LocalDiskStore;
use service::media_library::{MediaLibrary, UploadLimits};
use service::users::{self, NewUser};
use service::visitors::VisitorTracker;
use service::{Database, demo};
use tokio::net::TcpListener;

use crate::config::{BootstrapAdmin, Config};
use crate::router::build_router;
use crate::serving::serve;

pub async fn run(config: Config) -> Result<ExitCode, String> {
    tracing::info!(?config, "starting");
    let db = super::connect(&config).await?;
    let media = media_library(&config)?;
    prepare_database(&db, &media, &config).await?;
    let addr = config.leptos_options.site_addr;
    let visitors =
        VisitorTracker::start(db.clone(), config.visit_rules, Utc::now()).await.map_err(|e| e.to_string())?;
    let counting = tokio::spawn(visitors.clone().run());
    let state = AppState::new(AppStateInner {
        leptos_options: config.leptos_options.clone(),
        db: db.clone(),
        public_url: PublicUrl(config.public_url),
        visitors: visitors.clone(),
        behind_proxy: BehindProxy(config.behind_proxy),
        clock: service::clock::Clock::system(),
        media,
    });
    let listener = TcpListener::bind(addr).await.map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("listening on http://{addr}");
    let router = build_router(state, config.router.clone());
    let closing = visitors.clone();
    serve(listener, router, config.header_read_timeout, async move {
        shutdown_signal().await;
        // Live connections never finish by themselves; end them so in-flight requests can.
        closing.close_live_connections();
    })
    .await;
    counting.await.map_err(|e| e.to_string())?;
    visitors.flush(Utc::now()).await.map_err(|e| format!("the last visitor counts could not be stored: {e}"))?;
    db.close().await.map_err(|e| e.to_string())?;
    tracing::info!("stopped");
    Ok(ExitCode::SUCCESS)
}

pub(super) fn media_library(config: &Config) -> Result<MediaLibrary, String> {
    let store = LocalDiskStore::new(&config.media_dir)
        .map_err(|e| format!("cannot use {} for uploaded files: {e}", config.media_dir.display()))?;
    let limits = UploadLimits { max_file_bytes: config.max_upload_bytes, ..UploadLimits::default() };
    Ok(MediaLibrary { store: Arc::new(store), limits })
}

/// Demo content on an empty database, the single-row tables, and the first administrator.
async fn prepare_database(db: &Database, media: &MediaLibrary, config: &Config) -> Result<(), String> {
    let now = chrono::Utc::now();
    if config.demo_content
        && let Some(report) = demo::seed_if_empty(db, now).await.map_err(|e| e.to_string())?
    {
        let documents = demo::seed_documents(db, media, now).await.map_err(|e| e.to_string())?;
        tracing::info!(
            articles = report.inserted,
            documents = documents.inserted,
            "the empty database was filled with the demo content"
        );
    }
    demo::ensure_site_rows(db).await.map_err(|e| e.to_string())?;
    if let Some(admin) = &config.bootstrap_admin {
        bootstrap_admin(db, admin, now).await?;
    }
    Ok(())
}

async fn bootstrap_admin(
    db: &Database,
    admin: &BootstrapAdmin,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<(), String> {
    if users::count(db.reader()).await.map_err(|e| e.to_string())? > 0 {
        return Ok(());
    }
    let txn = db.begin_write().await.map_err(|e| e.to_string())?;
    let new = NewUser {
        username: &admin.username,
        email: &admin.email,
        display_name: "",
        password: &admin.password,
        role: Role::Admin,
    };
    let created =
        users::create(&txn, new, now).await.map_err(|e| format!("cannot create the first administrator: {e}"))?;
    txn.commit().await.map_err(|e| e.to_string())?;
    tracing::info!(username = %created.username, "created the first administrator");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM, letting in-flight requests finish.
async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.ok();
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
