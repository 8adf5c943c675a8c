//! The broker under hostile input stays within bounds: a compression bomb — a small batch that
//! inflates to hundreds of megabytes — costs a timestamp lookup a few megabytes of memory, not
//! its inflated size, and the lookups keep answering; a client reading it refuses the batch
//! past its limit instead of inflating it. Measured as the processes' peak RSS.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use bytes::Bytes;
use kafka_protocol::messages::produce_request::{
    PartitionProduceData, ProduceRequest, TopicProduceData,
};
use kafka_protocol::messages::TopicName;
use kafka_protocol::protocol::StrBytes;
use kafka_protocol::records::Compression;
use streamline::client::offsets::OffsetSpec;
use streamline::client::produce::{encode_batch, OutgoingRecord};
use streamline::client::Client;

struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `VmHWM` (peak resident memory) of process `pid`, in MiB.
fn peak_mib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .unwrap_or(0)
        / 1024
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_compression_bomb_costs_a_timestamp_lookup_little_memory() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_streamline"))
        .args(["serve", "--listen-addr", "127.0.0.1:0", "--data-dir"])
        .arg(tmp.path().join("data"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn serve");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("address");
    let server = Serve(child);
    let addr = first.trim().to_string();
    let client = Client::remote(&addr).await.expect("connect");
    client
        .create_topic("bomb", 1, -1, &[])
        .await
        .expect("create");
    client
        .create_topic("hidden", 1, -1, &[])
        .await
        .expect("create");

    // A batch whose framing declares more than a batch may inflate to (128 MiB) is refused
    // at produce: 192 records of 1 MiB of zeros (~0.2 MB compressed). Snappy cannot carry that
    // much within max.message.bytes (it compresses at most ~21:1); its framing is checked the
    // same way.
    let zeros = Bytes::from(vec![0u8; 1 << 20]);
    let base = 1_700_000_000_000i64;
    let batch_of = |n: i64, k: i64| -> Vec<OutgoingRecord> {
        (0..n)
            .map(|i| OutgoingRecord {
                key: None,
                value: Some(zeros.clone()),
                headers: vec![],
                timestamp: base + k * 1000 + i,
            })
            .collect()
    };
    for codec in [Compression::Gzip, Compression::Zstd, Compression::Lz4] {
        let refused = client
            .produce("bomb", 0, &batch_of(192, 9), codec, -1)
            .await
            .expect_err("a bomb is refused");
        let text = refused.to_string();
        assert!(
            text.contains("declares") && text.contains("more than the 128 MiB"),
            "{codec:?}: {text}"
        );
    }

    // Under the limit, batches of 120 MiB (16 MiB for snappy, which compresses at most ~21:1)
    // are accepted; the lookups below walk them.
    let codecs = [
        (Compression::Gzip, 120),
        (Compression::Zstd, 120),
        (Compression::Lz4, 120),
        (Compression::Snappy, 16),
    ];
    let mut last_offsets = Vec::new();
    let mut next = 0i64;
    for (k, (codec, n)) in codecs.into_iter().enumerate() {
        client
            .produce("bomb", 0, &batch_of(n, k as i64), codec, -1)
            .await
            .unwrap_or_else(|e| panic!("{codec:?} produce: {e}"));
        next += n;
        last_offsets.push((base + k as i64 * 1000 + n - 1, next - 1));
    }
    let before = peak_mib(server.0.id());
    // The last record of each batch: the lookup walks the whole batch to it.
    for (timestamp, offset) in last_offsets {
        let found = client
            .list_offsets("bomb", &[0], OffsetSpec::Timestamp(timestamp))
            .await
            .expect("lookup");
        assert_eq!(found[0].offset, offset, "{found:?}");
    }
    let grown = peak_mib(server.0.id()).saturating_sub(before);
    assert!(
        grown < 64,
        "the lookup raised the broker's peak memory by {grown} MiB"
    );

    // The client is bounded too: a batch inflating past its limit is refused, by name, before
    // it takes the memory. Such a batch gets into the log only by hiding its size from the
    // framing check: gzip whose trailing empty member declares 0 bytes.
    let hidden = hidden_gzip_bomb(&batch_of(192, 7));
    let req = ProduceRequest::default()
        .with_acks(-1)
        .with_timeout_ms(30_000)
        .with_topic_data(vec![TopicProduceData::default()
            .with_name(TopicName(StrBytes::from_static_str("hidden")))
            .with_partition_data(vec![PartitionProduceData::default()
                .with_index(0)
                .with_records(Some(hidden))])]);
    let answer = client.send(&req, Some(9)).await.expect("produce");
    let code = answer.responses[0].partition_responses[0].error_code;
    assert_eq!(code, 0, "the hidden bomb is appended");
    // Measured through python, whose child starts small: a child forked from this test
    // process would inherit its peak (the bomb was encoded here).
    let consume = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .args([
                "-c",
                "import resource, subprocess, sys\n\
                 p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n\
                 sys.stderr.write(p.stderr.decode())\n\
                 print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
                env!("CARGO_BIN_EXE_streamline"),
                "consume",
                "hidden",
                "-n",
                "1",
                "-b",
                &addr,
            ])
            .output()
            .expect("python3")
    })
    .await
    .expect("consume task");
    let stderr = String::from_utf8_lossy(&consume.stderr).into_owned();
    let report = String::from_utf8_lossy(&consume.stdout).into_owned();
    let mut fields = report
        .split_whitespace()
        .map(|f| f.parse::<i64>().unwrap_or(-1));
    let (code, peak) = (
        fields.next().unwrap_or(-1),
        fields.next().unwrap_or(-1) / 1024,
    );
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("inflate to more than 128 MiB"), "{stderr}");
    assert!(peak < 200, "consume peaked at {peak} MiB: {stderr}");
}

/// `records` as one gzip batch in two members: all records, then an empty member whose trailer
/// (the last four bytes, which the framing check reads) declares 0 bytes.
fn hidden_gzip_bomb(records: &[OutgoingRecord]) -> Bytes {
    use std::io::Write;
    const HEADER: usize = 61;
    let plain = encode_batch(records, Compression::None).expect("encode");
    let mut payload = Vec::new();
    for member in [&plain[HEADER..], &[][..]] {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(member).unwrap();
        payload.extend(gz.finish().unwrap());
    }
    let mut batch = plain[..HEADER].to_vec();
    batch.extend(payload);
    // batchLength counts from the partition leader epoch; attributes carry the codec.
    let length = (batch.len() - 12) as i32;
    batch[8..12].copy_from_slice(&length.to_be_bytes());
    batch[22] = (batch[22] & !0x07) | 1;
    let crc = crc32c::crc32c(&batch[21..]);
    batch[17..21].copy_from_slice(&crc.to_be_bytes());
    Bytes::from(batch)
}
