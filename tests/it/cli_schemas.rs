//! `streamline schemas`, and `produce` / `consume` with schemas, on a data directory's own
//! registry (in-process, no server): register, list, show, check, set compatibility, delete;
//! JSON lines encoded with a schema file and decoded back, filters on decoded values, errors
//! that name the line and the field and send nothing.

use assert_cmd::Command;
use serde_json::{json, Value};

use crate::common::cli::ok;

const USER: &str = r#"{"type":"record","name":"User","namespace":"demo","fields":[
    {"name":"name","type":"string"},
    {"name":"age","type":["null","int"],"default":null}]}"#;
const USER_WITH_EMAIL: &str = r#"{"type":"record","name":"User","namespace":"demo","fields":[
    {"name":"name","type":"string"},
    {"name":"age","type":["null","int"],"default":null},
    {"name":"email","type":"string"}]}"#;

/// Runs `streamline ARGS`, expecting failure: (exit code, stderr).
fn fails(args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("streamline")
        .unwrap()
        .env_remove("STREAMLINE_BROKERS")
        .env_remove("STREAMLINE_SCHEMA_REGISTRY_URL")
        .args(args)
        .output()
        .unwrap();
    assert!(!out.status.success(), "streamline {args:?} succeeded");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn schemas_produce_and_consume_on_a_data_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let d = dir.to_str().unwrap();
    let user = tmp.path().join("user.avsc");
    std::fs::write(&user, USER).unwrap();
    let user2 = tmp.path().join("user2.avsc");
    std::fs::write(&user2, USER_WITH_EMAIL).unwrap();
    let (user, user2) = (user.to_str().unwrap(), user2.to_str().unwrap());

    // Produce registers the schema under TOPIC-value and encodes each JSON line.
    ok(&[
        "produce",
        "people",
        "--data-dir",
        d,
        "--value-schema",
        user,
        "-m",
        r#"{"name":"ann","age":31}"#,
        "-m",
        r#"{"name":"bob"}"#,
    ]);
    let listed: Value = serde_json::from_str(&ok(&[
        "schemas",
        "list",
        "--data-dir",
        d,
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(
        listed,
        json!([{"subject": "people-value", "version": 1, "id": 1, "schemaType": "AVRO"}])
    );
    let described = ok(&["topics", "describe", "people", "--data-dir", d]);
    assert!(
        described.contains("Schema:     value people-value version 1 (id 1, AVRO)"),
        "{described}"
    );
    assert_eq!(
        ok(&["consume", "people", "--data-dir", d]),
        "{\"name\":\"ann\",\"age\":{\"int\":31}}\n{\"name\":\"bob\",\"age\":null}\n"
    );
    assert_eq!(
        ok(&[
            "consume",
            "people",
            "--data-dir",
            d,
            "--jq",
            "select(.name == \"bob\") | .name"
        ]),
        "\"bob\"\n"
    );
    // --raw: the bytes as stored (magic byte, id 1, Avro binary).
    let raw = Command::cargo_bin("streamline")
        .unwrap()
        .args([
            "consume",
            "people",
            "--data-dir",
            d,
            "--raw",
            "--format",
            "raw",
            "-n",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(raw.stdout, b"\x00\x00\x00\x00\x01\x06ann\x02\x3e\n");

    // A value that does not fit: the line and the field are named, and nothing is sent.
    let (code, err) = fails(&[
        "produce",
        "people",
        "--data-dir",
        d,
        "--value-schema",
        user,
        "-m",
        r#"{"name":"cy"}"#,
        "-m",
        r#"{"name":"dee","age":"old"}"#,
    ]);
    assert_eq!(code, 1);
    assert!(
        err.contains("input line 2: the value does not fit schema 1: $.age: expected an int, got the string \"old\""),
        "{err}"
    );
    let (_, err) = fails(&[
        "produce",
        "people",
        "--data-dir",
        d,
        "--value-schema",
        user,
        "-m",
        r#"{"nme":"x"}"#,
    ]);
    assert!(err.contains("demo.User has no field \"nme\""), "{err}");
    assert_eq!(
        ok(&["consume", "people", "--data-dir", d]).lines().count(),
        2
    );

    // An incompatible change is refused with the registry's reasons; check exits 1.
    let (code, out) = {
        let out = Command::cargo_bin("streamline")
            .unwrap()
            .args(["schemas", "check", "people-value", user2, "--data-dir", d])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    assert_eq!(code, Some(1));
    assert!(
        out.contains("READER_FIELD_MISSING_DEFAULT_VALUE") && out.contains("'email'"),
        "{out}"
    );
    let (_, err) = fails(&[
        "schemas",
        "register",
        "people-value",
        user2,
        "--data-dir",
        d,
    ]);
    assert!(err.contains("(HTTP 409, error code 409)"), "{err}");
    // Under NONE it registers, as version 2 with a new id.
    assert_eq!(
        ok(&[
            "schemas",
            "config",
            "people-value",
            "--set",
            "none",
            "--data-dir",
            d
        ]),
        "subject people-value: NONE\n"
    );
    assert_eq!(
        ok(&[
            "schemas",
            "register",
            "people-value",
            user2,
            "--data-dir",
            d
        ]),
        "Registered people-value version 2 (schema id 2)\n"
    );
    let latest: Value = serde_json::from_str(&ok(&[
        "schemas",
        "get",
        "people-value",
        "--data-dir",
        d,
        "--format",
        "json",
    ]))
    .unwrap();
    assert_eq!(
        (latest["version"].clone(), latest["id"].clone()),
        (json!(2), json!(2))
    );
    // --value-subject alone encodes with the subject's latest version.
    ok(&[
        "produce",
        "people",
        "--data-dir",
        d,
        "--value-subject",
        "people-value",
        "-m",
        r#"{"name":"eve","email":"e@example.com"}"#,
    ]);
    let last = ok(&["consume", "people", "--data-dir", d, "-o", "-1"]);
    assert_eq!(
        last,
        "{\"name\":\"eve\",\"age\":null,\"email\":\"e@example.com\"}\n"
    );

    // Keys too: a key schema, decoded in the JSON output.
    let key = tmp.path().join("key.avsc");
    std::fs::write(
        &key,
        r#"{"type":"record","name":"Key","fields":[{"name":"id","type":"long"}]}"#,
    )
    .unwrap();
    ok(&[
        "produce",
        "keyed",
        "--data-dir",
        d,
        "--key-schema",
        key.to_str().unwrap(),
        "--value-schema",
        user,
        "-k",
        r#"{"id":7}"#,
        "-m",
        r#"{"name":"kim"}"#,
    ]);
    let keyed: Value = serde_json::from_str(
        ok(&["consume", "keyed", "--data-dir", d, "--format", "ndjson"]).trim(),
    )
    .unwrap();
    assert_eq!(keyed["key"], json!({"id": 7}));
    assert_eq!(keyed["value"], json!({"name": "kim", "age": null}));
    // Export and import keep the framed bytes as they are.
    let export = tmp.path().join("people.jsonl");
    ok(&[
        "topics",
        "export",
        "people",
        "--data-dir",
        d,
        "--output",
        export.to_str().unwrap(),
    ]);
    ok(&[
        "topics",
        "import",
        "people-copy",
        "--input",
        export.to_str().unwrap(),
        "--data-dir",
        d,
    ]);
    let raw_of = |topic: &str| {
        Command::cargo_bin("streamline")
            .unwrap()
            .args([
                "consume",
                topic,
                "--data-dir",
                d,
                "--raw",
                "--format",
                "raw",
            ])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(raw_of("people-copy"), raw_of("people"));

    // Deletes: soft, then permanent; a dry run deletes nothing.
    assert!(ok(&[
        "schemas",
        "delete",
        "people-value",
        "--dry-run",
        "--data-dir",
        d
    ])
    .contains("nothing deleted"));
    assert_eq!(
        ok(&[
            "schemas",
            "delete",
            "people-value",
            "-V",
            "1",
            "-y",
            "--data-dir",
            d
        ]),
        "Deleted version 1 of people-value softly: 1\n"
    );
    let (_, err) = fails(&["schemas", "get", "people-value", "-V", "1", "--data-dir", d]);
    assert!(
        err.contains("Version 1 not found. (HTTP 404, error code 40402)"),
        "{err}"
    );
    // A soft-deleted schema still decodes the records written with it.
    assert_eq!(
        ok(&["consume", "people", "--data-dir", d]).lines().count(),
        3
    );
    ok(&["schemas", "delete", "people-value", "-y", "--data-dir", d]);
    ok(&[
        "schemas",
        "delete",
        "people-value",
        "--permanent",
        "-y",
        "--data-dir",
        d,
    ]);
    let left = ok(&["schemas", "list", "--deleted", "--data-dir", d]);
    assert!(
        !left.contains("people-value") && left.contains("keyed-value"),
        "{left}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_remote_cluster_without_a_registry_prints_framed_values_as_stored_and_says_why() {
    use rdkafka::producer::FutureRecord;
    let server = crate::common::TestServer::start().await;
    let bootstrap = server.bootstrap();
    let producer = crate::common::producer(&bootstrap, &[]);
    let framed: &[u8] = b"\x00\x00\x00\x00\x07\x06ann";
    producer
        .send(
            FutureRecord::<(), [u8]>::to("framed").payload(framed),
            std::time::Duration::from_secs(10),
        )
        .await
        .expect("produced");
    let b = bootstrap.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::cargo_bin("streamline")
            .unwrap()
            .env_remove("STREAMLINE_SCHEMA_REGISTRY_URL")
            .args(["consume", "framed", "-b", &b, "--format", "raw"])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, [framed, b"\n"].concat(), "the bytes as stored");
    assert!(out.stderr.is_empty(), "--format raw asks for no decoding");
    let b = bootstrap.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::cargo_bin("streamline")
            .unwrap()
            .env_remove("STREAMLINE_SCHEMA_REGISTRY_URL")
            .args(["consume", "framed", "-b", &b])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("schema registry header (schema id 7); give --schema-registry URL"),
        "{err}"
    );
    // A registry that is not there: the values print as stored, with the reason.
    let b = bootstrap.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::cargo_bin("streamline")
            .unwrap()
            .args([
                "consume",
                "framed",
                "-b",
                &b,
                "--schema-registry",
                "http://127.0.0.1:1",
            ])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("schema 7: schema registry http://127.0.0.1:1: cannot connect"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ann"));
    let (_, err) = fails(&["schemas", "list", "--schema-registry", "http://127.0.0.1:1"]);
    assert!(
        err.contains("schema registry http://127.0.0.1:1: cannot connect"),
        "{err}"
    );
    let (_, err) = fails(&["schemas", "list", "--schema-registry", "127.0.0.1:1"]);
    assert!(err.contains("needs http:// or https://"), "{err}");
    server.server.shutdown().await.unwrap();
}

/// A registry behind HTTPS and basic authentication, as hosted ones are: the user and
/// password from flags and the environment, from the URL, or from librdkafka-style `-X`
/// properties, the CA from `--schema-registry-ca`; refusals say which step failed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_registry_behind_tls_and_basic_authentication() {
    let server = crate::common::TestServer::start_with(|c| {
        c.schema_registry_addr = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    let upstream = format!("http://{}", server.server.schema_registry_addr().unwrap());
    let certs = tempfile::tempdir().unwrap();
    let (_, files) =
        streamline::security::dev_certs::write_all(certs.path(), &["localhost", "127.0.0.1"], 30)
            .unwrap();
    let mut proxy = std::process::Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/clients/registry_auth_proxy.py"
        ))
        .args([
            upstream.as_str(),
            files.certificate.to_str().unwrap(),
            files.key.to_str().unwrap(),
            "ann",
            "s3cret",
        ])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let port = {
        use std::io::BufRead;
        let mut line = String::new();
        std::io::BufReader::new(proxy.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        line.trim().to_owned()
    };
    let url = format!("https://127.0.0.1:{port}");
    let ca = files.ca.display().to_string();
    let schema = certs.path().join("s.avsc");
    std::fs::write(&schema, r#""string""#).unwrap();
    let schema = schema.display().to_string();
    let bootstrap = server.bootstrap();
    tokio::task::spawn_blocking(move || {
        let run = |args: &[&str], password: Option<&str>| {
            let mut command = Command::cargo_bin("streamline").unwrap();
            command.env_remove("STREAMLINE_SCHEMA_REGISTRY_PASSWORD");
            if let Some(p) = password {
                command.env("STREAMLINE_SCHEMA_REGISTRY_PASSWORD", p);
            }
            command.args(args).output().unwrap()
        };
        let registered = run(
            &[
                "schemas",
                "register",
                "s-value",
                &schema,
                "--schema-registry",
                &url,
                "--schema-registry-user",
                "ann",
                "--schema-registry-ca",
                &ca,
            ],
            Some("s3cret"),
        );
        assert!(
            registered.status.success(),
            "{}",
            String::from_utf8_lossy(&registered.stderr)
        );
        let with_userinfo = format!("https://ann:s3cret@127.0.0.1:{port}");
        let listed = run(
            &[
                "schemas",
                "list",
                "--schema-registry",
                &with_userinfo,
                "--schema-registry-ca",
                &ca,
            ],
            None,
        );
        assert!(String::from_utf8_lossy(&listed.stdout).contains("s-value"));
        // librdkafka's property names carry the same settings, and produce uses them.
        let produced = run(
            &[
                "produce",
                "s",
                "-b",
                &bootstrap,
                "-X",
                &format!("schema.registry.url={url}"),
                "-X",
                "schema.registry.basic.auth.user.info=ann:s3cret",
                "-X",
                &format!("schema.registry.ssl.ca.location={ca}"),
                "--value-subject",
                "s-value",
                "-m",
                r#""hello""#,
            ],
            None,
        );
        assert!(
            produced.status.success(),
            "{}",
            String::from_utf8_lossy(&produced.stderr)
        );
        let wrong = run(
            &[
                "schemas",
                "list",
                "--schema-registry",
                &url,
                "--schema-registry-user",
                "ann",
                "--schema-registry-ca",
                &ca,
            ],
            Some("nope"),
        );
        let err = String::from_utf8_lossy(&wrong.stderr);
        assert!(
            err.contains("refused the credentials of ann") && err.contains("HTTP 401"),
            "{err}"
        );
        let anonymous = run(
            &[
                "schemas",
                "list",
                "--schema-registry",
                &url,
                "--schema-registry-ca",
                &ca,
            ],
            None,
        );
        let err = String::from_utf8_lossy(&anonymous.stderr);
        assert!(err.contains("wants credentials"), "{err}");
        let untrusted = run(
            &[
                "schemas",
                "list",
                "--schema-registry",
                &url,
                "--schema-registry-user",
                "ann",
            ],
            Some("s3cret"),
        );
        let err = String::from_utf8_lossy(&untrusted.stderr);
        assert!(err.contains("TLS"), "{err}");
    })
    .await
    .unwrap();
    let _ = proxy.kill();
    let _ = proxy.wait();
    server.server.shutdown().await.unwrap();
}
