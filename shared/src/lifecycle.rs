//! An instance's way out after SIGTERM, in the order a load balancer needs:
//! 1. `/readyz` answers 503 "draining" at once, while every other request is still served,
//!    for `server.drain_seconds`: the balancer's health check sees it and sends no more;
//! 2. the listener closes and the requests in flight finish (`server.shutdown_grace_seconds`);
//! 3. the background workers stop claiming deliveries and taking job leases, finish what
//!    they hold (send and record the claimed deliveries, end the job under way and give its
//!    lease back), and the process exits.

use std::{
    sync::{
        Arc, Mutex,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use tokio::{sync::watch, task::JoinHandle};

/// Shared by the server, `/readyz` and the background workers of one instance.
#[derive(Clone, Debug)]
pub struct Lifecycle {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    draining: AtomicBool,
    stop: watch::Sender<bool>,
    tasks: Mutex<Vec<JoinHandle<()>>>,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Self {
            inner: Arc::new(Inner {
                draining: AtomicBool::new(false),
                stop: watch::Sender::new(false),
                tasks: Mutex::new(Vec::new()),
            }),
        }
    }
}

impl Lifecycle {
    /// Whether the instance is on its way out (`/readyz` says so).
    pub fn is_draining(&self) -> bool {
        self.inner.draining.load(Ordering::Relaxed)
    }

    pub fn begin_draining(&self) {
        if !self.inner.draining.swap(true, Ordering::Relaxed) {
            tracing::info!("draining: /readyz answers 503 so that load balancers stop sending");
        }
    }

    /// Whether the background workers are to stop taking new work.
    pub fn is_stopping(&self) -> bool {
        *self.inner.stop.borrow()
    }

    /// Resolves once the workers are told to stop.
    pub async fn stopping(&self) {
        let mut told = self.inner.stop.subscribe();
        let _ = told.wait_for(|stop| *stop).await;
    }

    /// A background task to wait for on the way out.
    pub fn track(&self, task: JoinHandle<()>) {
        self.tasks().push(task);
    }

    fn tasks(&self) -> std::sync::MutexGuard<'_, Vec<JoinHandle<()>>> {
        // A task list is never left half-changed: a poisoned lock's list is still right.
        self.inner
            .tasks
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Tells the background tasks to stop and waits for them up to `within`; says whether
    /// they all finished (those that did not are cut off with the process, and what they
    /// held is taken up again when its lease runs out).
    pub async fn stop_tasks(&self, within: Duration) -> bool {
        self.begin_draining();
        self.inner.stop.send_replace(true);
        let tasks = std::mem::take(&mut *self.tasks());
        let all = futures_util::future::join_all(tasks);
        match tokio::time::timeout(within, all).await {
            Ok(_) => true,
            Err(_) => {
                tracing::warn!("background work still under way after the grace period is cut off");
                false
            }
        }
    }
}
