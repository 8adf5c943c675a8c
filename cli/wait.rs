//! `streamline wait`: blocks until a broker answers (and, if asked, a topic is there with its
//! partitions led), for CI scripts that start a broker and must not race it. Exit 0 as soon as
//! it holds, 1 with what was last seen when the timeout passes.

use std::time::Duration;

use anyhow::bail;
use tokio::time::Instant;

use crate::connect::ConnectArgs;
use crate::timespec::{duration_arg, parse_duration};

/// Flags of `streamline wait`.
#[derive(Debug, clap::Args)]
pub struct WaitArgs {
    #[command(flatten)]
    connect: ConnectArgs,

    /// Give up after this long (e.g. 500ms, 30s, 2m)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = duration_arg)]
    timeout: String,

    /// Also wait for this topic to exist with every partition led
    #[arg(short = 't', long, value_name = "TOPIC")]
    topic: Option<String>,

    /// With --topic: wait until it has at least this many partitions
    #[arg(short = 'p', long, value_name = "N", requires = "topic")]
    partitions: Option<usize>,
}

/// The first pause between attempts, and the longest.
const PAUSE_MIN: Duration = Duration::from_millis(20);
const PAUSE_MAX: Duration = Duration::from_millis(500);

pub async fn run(args: WaitArgs) -> anyhow::Result<()> {
    let timeout = parse_duration(&args.timeout)?;
    let deadline = Instant::now() + timeout;
    let mut pause = PAUSE_MIN;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        // Every attempt is bounded by what is left, however long a connection would hang.
        let last = match tokio::time::timeout(left, attempt(&args)).await {
            Ok(Ok(())) => return Ok(()),
            Ok(Err(e)) => format!("{e:#}"),
            Err(_) => "no answer in time".to_string(),
        };
        if Instant::now() + pause >= deadline {
            bail!("not ready after {}: {last}", args.timeout);
        }
        tokio::time::sleep(pause).await;
        pause = (pause * 2).min(PAUSE_MAX);
    }
}

/// One look: connect, read the metadata, check the topic.
async fn attempt(args: &WaitArgs) -> anyhow::Result<()> {
    let client = args.connect.connect().await?;
    let metadata = client
        .metadata(args.topic.as_ref().map(std::slice::from_ref))
        .await?;
    let Some(topic) = &args.topic else {
        return Ok(());
    };
    let Some(t) = metadata
        .topics
        .iter()
        .find(|t| t.name.as_ref().is_some_and(|n| n.as_str() == topic))
    else {
        bail!("topic '{topic}' is not in the metadata yet");
    };
    streamline::client::admin::check_topic(t.error_code, topic)?;
    let led = t.partitions.iter().filter(|p| p.leader_id.0 >= 0).count();
    let wanted = args.partitions.unwrap_or(1).max(1);
    if led < wanted || led < t.partitions.len() {
        bail!(
            "topic '{topic}' has {} partition(s), {led} of them led; waiting for {wanted}",
            t.partitions.len()
        );
    }
    Ok(())
}
