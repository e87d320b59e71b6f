//! The real `council serve` killed with SIGKILL in the middle of a fan-out to 1,000
//! residents, then started again on the same data folder: every resident gets the notice,
//! and only what was in flight when it died (at most `notifications.in_flight` messages) goes
//! out twice. What the residents' mail server kept (aiosmtpd, a Maildir) is the evidence.

mod support;

use std::{
    collections::HashSet,
    time::{Duration, Instant},
};

use integration_tests::smtp::messages_in;
use support::{
    IN_FLIGHT, LEASE_SECONDS, RESIDENTS, Scene, Server, convene_for_residents, kept, recipients,
    wait_until_all_sent, wait_until_kept,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_killed_mid_fan_out_delivers_everything_after_restart_within_the_in_flight_bound()
{
    let Some(scene) = Scene::new().await else {
        return;
    };
    let (data, maildir, smtp) = (&scene.data, &scene.maildir, &scene.smtp);
    let (client, token) = (&scene.client, &scene.token);
    let first = Server::start(data, smtp.port);
    convene_for_residents(client, &first, data, token).await;

    // Killed once part of the notices went out.
    wait_until_kept(maildir, 150).await;
    first.kill();
    let at_kill = kept(maildir);
    assert!(
        at_kill < RESIDENTS,
        "the server was killed before the fan-out ended ({at_kill} arrived)"
    );

    // The same data folder: the rest goes out, and what was in flight goes out again.
    let second = Server::start(data, smtp.port);
    let deadline = Instant::now() + Duration::from_secs(60);
    let received = loop {
        let received = messages_in(maildir);
        if recipients(&received).len() == RESIDENTS {
            break received;
        }
        assert!(
            Instant::now() < deadline,
            "after a minute {} of {RESIDENTS} residents have their notice ({at_kill} at the kill)",
            recipients(&received).len()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    let expected: HashSet<String> = (0..RESIDENTS)
        .map(|n| format!("r{n}@example.org"))
        .collect();
    assert_eq!(recipients(&received), expected, "every resident");

    // The operators' view says so too; then nothing more arrives.
    wait_until_all_sent(client, &second, token).await;
    let when_all_sent = kept(maildir);
    tokio::time::sleep(Duration::from_secs(LEASE_SECONDS + 1)).await;
    let settled = messages_in(maildir);
    let duplicates = settled.len() - RESIDENTS;
    println!(
        "{at_kill} of {RESIDENTS} notices had arrived at the kill; {} in all, {duplicates} \
         twice (the in-flight bound is {IN_FLIGHT})",
        settled.len()
    );
    assert_eq!(
        settled.len(),
        when_all_sent,
        "nothing more once all are sent"
    );
    assert_eq!(recipients(&settled), recipients(&received));
    assert!(
        duplicates <= IN_FLIGHT,
        "{duplicates} residents got the notice twice: more than the {IN_FLIGHT} in flight"
    );
}
