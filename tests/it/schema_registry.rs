//! The schema registry of `serve --schema-registry-addr` against real serializers and over
//! restarts: confluent-kafka's (Python) Avro, Protobuf and JSON Schema serializers and
//! deserializers, and KafkaJS's registry client, register, evolve, are refused an incompatible
//! change with Confluent's exact error, and read back what they and `streamline produce`
//! wrote, byte for byte; the registry keeps every schema in `_schemas` across restarts and
//! `kill -9`.

use std::process::Command;

use serde_json::{json, Value};

use crate::common::TestServer;

/// One request to the registry: (status, JSON body).
async fn call(method: &str, url: &str, body: Option<Value>) -> (u16, Value) {
    let headers = [(
        "Content-Type",
        "application/vnd.schemaregistry.v1+json".to_string(),
    )];
    let body = body.map(|b| b.to_string().into_bytes()).unwrap_or_default();
    let (status, bytes) = streamline::http_client::request(method, url, &headers, body)
        .await
        .expect("the registry answers");
    (
        status,
        serde_json::from_slice(&bytes)
            .unwrap_or(Value::String(String::from_utf8_lossy(&bytes).into_owned())),
    )
}

/// Runs a client program of tests/clients (`python3` or `node`, whose packages
/// tests/reference/prepare.sh installs) and reads the one JSON object it prints.
async fn client(program: &'static str, script: &'static str, args: Vec<String>) -> Value {
    let out = tokio::task::spawn_blocking(move || {
        let mut command = Command::new(program);
        if program == "node" {
            command.env("NODE_PATH", crate::common::reference::npm_modules());
        }
        command
            .arg(format!(
                "{}/tests/clients/{script}",
                env!("CARGO_MANIFEST_DIR")
            ))
            .args(&args)
            .output()
            .unwrap_or_else(|e| panic!("{program} runs: {e}"))
    })
    .await
    .unwrap();
    assert!(
        out.status.success(),
        "{script} failed (its packages come from tests/reference/prepare.sh): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn registry_url(server: &TestServer) -> String {
    format!(
        "http://{}",
        server
            .server
            .schema_registry_addr()
            .expect("a registry listener")
    )
}

async fn with_registry(dir: Option<&std::path::Path>) -> TestServer {
    let tune = |c: &mut streamline::config::ServerConfig| {
        c.schema_registry_addr = Some("127.0.0.1:0".parse().unwrap());
    };
    match dir {
        Some(dir) => TestServer::start_in(dir, tune).await,
        None => TestServer::start_with(tune).await,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confluent_kafka_python_avro_serializers_register_evolve_and_read_back() {
    let server = with_registry(None).await;
    let (bootstrap, url) = (server.bootstrap(), registry_url(&server));
    let seen = client(
        "python3",
        "confluent_avro.py",
        vec![bootstrap.to_string(), url.to_string(), "users".to_string()],
    )
    .await;

    // Confluent's framing: magic 0, the schema id big-endian, then Avro binary.
    let wire: Vec<&str> = seen["wire"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(wire[0], "000000000106616e6e020e", "ann, 7 under id 1");
    assert!(wire[2].starts_with("0000000002"), "{}", wire[2]);
    assert_eq!(
        seen["read"],
        json!([
            {"name": "ann", "favorite_number": 7},
            {"name": "bob", "favorite_number": null},
            {"name": "cy", "favorite_number": 3, "email": "cy@example.com"},
        ])
    );
    assert_eq!(seen["versions"], json!([1, 2]));
    assert_eq!(seen["latest"], json!({"version": 2, "id": 2}));
    assert_eq!(seen["lookup_v1"], json!({"version": 1, "id": 1}));
    assert_eq!(seen["subjects"], json!(["users-value"]));
    assert_eq!(seen["compatibility"], "BACKWARD");
    assert_eq!(seen["other_subject_id"], 1);
    assert_eq!(seen["compatible_v3"], false);
    let refused = &seen["incompatible"];
    assert_eq!(refused["status"], 409);
    assert_eq!(refused["code"], 409);
    let message = refused["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "Schema being registered is incompatible with an earlier schema for subject \
             \"users-value\", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', \
             description:'The field 'age' at path '/fields/1' in the new schema has no default \
             value and is missing in the old schema', additionalInfo:'age'}, \
             {oldSchemaVersion: 2}, {oldSchema: '"
        ),
        "{message}"
    );
    assert!(
        message.ends_with("{validateFields: 'false', compatibility: 'BACKWARD'}]"),
        "{message}"
    );

    // `streamline consume` decodes what the serializers wrote (Avro's JSON encoding: a union
    // value names its branch).
    let registry = registry_url(&server);
    let bootstrap = server.bootstrap();
    let read = crate::common::cli::ok(&[
        "consume",
        "users",
        "-b",
        &bootstrap,
        "--schema-registry",
        &registry,
        "--format",
        "ndjson",
    ]);
    let values: Vec<Value> = read
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["value"].clone())
        .collect();
    assert_eq!(
        values,
        vec![
            json!({"name": "ann", "favorite_number": {"int": 7}}),
            json!({"name": "bob", "favorite_number": null}),
            json!({"name": "cy", "favorite_number": {"int": 3}, "email": "cy@example.com"}),
        ]
    );
    // And `streamline produce` writes what the deserializer reads, byte for byte what the
    // serializer wrote for the same record.
    crate::common::cli::ok(&[
        "produce",
        "from-cli",
        "-b",
        &bootstrap,
        "--schema-registry",
        &registry,
        "--value-schema-id",
        "1",
        "-m",
        r#"{"name":"ann","favorite_number":7}"#,
        "-m",
        r#"{"name":"dee","favorite_number":{"int":-1}}"#,
    ]);
    let (b, r) = (bootstrap.clone(), registry.clone());
    let read = client(
        "python3",
        "confluent_avro_read.py",
        vec![
            b.to_string(),
            r.to_string(),
            "from-cli".to_string(),
            "2".to_string(),
        ],
    )
    .await;
    assert_eq!(
        read["values"],
        json!([{"name": "ann", "favorite_number": 7}, {"name": "dee", "favorite_number": -1}])
    );
    assert_eq!(read["wire"][0], wire[0]);
    server.server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_registry_keeps_schemas_settings_and_deletes_across_restarts() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let server = with_registry(Some(&dir)).await;
    let url = registry_url(&server);
    let v1 =
        json!({"schema": r#"{"type":"record","name":"T","fields":[{"name":"a","type":"int"}]}"#});
    let v2 =
        json!({"schema": r#"{"type":"record","name":"T","fields":[{"name":"a","type":"long"}]}"#});
    assert_eq!(
        call(
            "POST",
            &format!("{url}/subjects/t-value/versions"),
            Some(v1.clone())
        )
        .await,
        (200, json!({"id": 1}))
    );
    assert_eq!(
        call(
            "POST",
            &format!("{url}/subjects/t-value/versions"),
            Some(v2.clone())
        )
        .await,
        (200, json!({"id": 2}))
    );
    assert_eq!(
        call(
            "PUT",
            &format!("{url}/config/t-value"),
            Some(json!({"compatibility": "full"}))
        )
        .await,
        (200, json!({"compatibility": "FULL"}))
    );
    assert_eq!(
        call(
            "DELETE",
            &format!("{url}/subjects/t-value/versions/1"),
            None
        )
        .await,
        (200, json!(1))
    );
    server.server.shutdown().await.unwrap();

    let server = with_registry(Some(&dir)).await;
    let url = registry_url(&server);
    assert_eq!(
        call("GET", &format!("{url}/subjects/t-value/versions"), None).await,
        (200, json!([2]))
    );
    assert_eq!(
        call(
            "GET",
            &format!("{url}/subjects/t-value/versions?deleted=true"),
            None
        )
        .await,
        (200, json!([1, 2]))
    );
    assert_eq!(
        call("GET", &format!("{url}/config/t-value"), None).await,
        (200, json!({"compatibilityLevel": "FULL"}))
    );
    // Soft-deleted versions still resolve by id, and still count for numbering.
    let (status, by_id) = call("GET", &format!("{url}/schemas/ids/1"), None).await;
    assert_eq!(status, 200, "{by_id}");
    let v3 = json!({"schema": r#"{"type":"record","name":"T","fields":[{"name":"a","type":"long"},{"name":"b","type":"string","default":""}]}"#});
    assert_eq!(
        call(
            "POST",
            &format!("{url}/subjects/t-value/versions"),
            Some(v3)
        )
        .await,
        (200, json!({"id": 3}))
    );
    assert_eq!(
        call(
            "GET",
            &format!("{url}/subjects/t-value/versions/latest"),
            None
        )
        .await
        .1["version"],
        3
    );
    // Permanent deletes leave nothing behind after a restart.
    for path in ["subjects/t-value", "subjects/t-value?permanent=true"] {
        let (status, body) = call("DELETE", &format!("{url}/{path}"), None).await;
        assert_eq!(status, 200, "{path}: {body}");
    }
    server.server.shutdown().await.unwrap();
    let server = with_registry(Some(&dir)).await;
    let url = registry_url(&server);
    assert_eq!(
        call("GET", &format!("{url}/subjects?deleted=true"), None).await,
        (200, json!([]))
    );
    assert_eq!(
        call("GET", &format!("{url}/config/t-value"), None).await.0,
        404
    );
    server.server.shutdown().await.unwrap();
}

/// A `streamline serve` process with a registry, killed (SIGKILL) when dropped.
struct Serve(std::process::Child, String);

impl Serve {
    fn start(dir: &std::path::Path) -> Serve {
        use std::io::BufRead;
        let mut child = Command::new(env!("CARGO_BIN_EXE_streamline"))
            .args(["serve", "--listen-addr", "127.0.0.1:0", "--data-dir"])
            .arg(dir)
            .args(["--schema-registry-addr", "127.0.0.1:0"])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn streamline serve");
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let _kafka = lines.next().unwrap().unwrap();
        let registry = lines.next().unwrap().unwrap();
        Serve(child, format!("http://{registry}"))
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_registered_schema_survives_kill_9() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let serve = Serve::start(&dir);
    let schema = json!({"schema": r#"{"type":"enum","name":"Colour","symbols":["RED","GREEN"]}"#});
    assert_eq!(
        call(
            "POST",
            &format!("{}/subjects/colours/versions", serve.1),
            Some(schema.clone())
        )
        .await,
        (200, json!({"id": 1}))
    );
    drop(serve);
    let serve = Serve::start(&dir);
    let (status, body) = call(
        "GET",
        &format!("{}/subjects/colours/versions/1", serve.1),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["id"], 1);
    assert_eq!(
        body["schema"],
        r#"{"type":"enum","name":"Colour","symbols":["RED","GREEN"]}"#
    );
    // The same schema again keeps its id after the crash.
    assert_eq!(
        call(
            "POST",
            &format!("{}/subjects/colours/versions", serve.1),
            Some(schema)
        )
        .await,
        (200, json!({"id": 1}))
    );
}

/// The same for Protobuf: confluent-kafka's ProtobufSerializer registers base64 descriptors,
/// evolves, is refused a changed scalar kind with Confluent's message; `streamline consume`
/// decodes its records, and its deserializer reads what `streamline produce` wrote from a
/// `.proto` file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confluent_kafka_python_protobuf_serializers_and_the_toolbox_read_each_other() {
    let server = with_registry(None).await;
    let (bootstrap, url) = (server.bootstrap(), registry_url(&server));
    let tmp = tempfile::tempdir().unwrap();
    let proto = tmp.path().join("order.proto");
    std::fs::write(
        &proto,
        "syntax = \"proto3\";\npackage shop;\nmessage Order {\n  string id = 1;\n  int32 qty = 2;\n  \
         repeated Item items = 3;\n  string note = 4;\n  message Item { string sku = 1; }\n}\n",
    )
    .unwrap();
    let (b, u, p) = (bootstrap.clone(), url.clone(), proto.display().to_string());
    tokio::task::spawn_blocking(move || {
        crate::common::cli::ok(&[
            "produce",
            "orders-cli",
            "-b",
            &b,
            "--schema-registry",
            &u,
            "--value-schema",
            &p,
            "-m",
            r#"{"id":"c-1","qty":3,"items":[{"sku":"z"}],"note":"from the toolbox"}"#,
        ])
    })
    .await
    .unwrap();
    let (b, u) = (bootstrap.clone(), url.clone());
    let seen = client(
        "python3",
        "confluent_protobuf.py",
        vec![
            b.to_string(),
            u.to_string(),
            "orders".to_string(),
            "orders-cli".to_string(),
            "1".to_string(),
        ],
    )
    .await;
    assert_eq!(
        seen["read"],
        json!([{"id": "o-1", "qty": 2, "items": [{"sku": "a"}]}, {"id": "o-2", "qty": 5, "note": "gift"}])
    );
    // Magic byte, id, message index [0] as one zero byte, then the message.
    assert!(
        seen["wire"][0]
            .as_str()
            .unwrap()
            .starts_with("000000000200"),
        "{}",
        seen["wire"]
    );
    assert_eq!(seen["versions"], json!([1, 2]));
    assert_eq!(seen["incompatible"]["code"], 409);
    assert!(
        seen["incompatible"]["message"].as_str().unwrap().contains(
            "{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at \
             path '#/Order/2' in the new schema does not match its kind in the old schema\"}"
        ),
        "{}",
        seen["incompatible"]
    );
    assert_eq!(
        seen["read_other"][0]["json"],
        json!({"id": "c-1", "qty": 3, "items": [{"sku": "z"}], "note": "from the toolbox"})
    );
    let (b, u) = (bootstrap.clone(), url.clone());
    let read = tokio::task::spawn_blocking(move || {
        crate::common::cli::ok(&["consume", "orders", "-b", &b, "--schema-registry", &u])
    })
    .await
    .unwrap();
    assert_eq!(
        read,
        "{\"id\":\"o-1\",\"qty\":2,\"items\":[{\"sku\":\"a\"}]}\n\
         {\"id\":\"o-2\",\"qty\":5,\"items\":[],\"note\":\"gift\"}\n"
    );
    server.server.shutdown().await.unwrap();
}

/// And for JSON Schema: confluent-kafka's JSONSerializer registers, evolves a closed content
/// model, is refused a changed type; `streamline produce` checks values against the schema
/// (naming what fails, sending nothing) and its records read back in Python.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn confluent_kafka_python_json_schema_serializers_and_the_toolbox_read_each_other() {
    let server = with_registry(None).await;
    let (bootstrap, url) = (server.bootstrap(), registry_url(&server));
    let tmp = tempfile::tempdir().unwrap();
    let schema = tmp.path().join("person.json");
    std::fs::write(
        &schema,
        r#"{"$schema":"http://json-schema.org/draft-07/schema#","title":"Person","type":"object",
            "properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0},
            "email":{"type":"string"}},"required":["name"],"additionalProperties":false}"#,
    )
    .unwrap();
    let (b, u, s) = (bootstrap.clone(), url.clone(), schema.display().to_string());
    let refused = tokio::task::spawn_blocking(move || {
        crate::common::cli::ok(&[
            "produce",
            "people-cli",
            "-b",
            &b,
            "--schema-registry",
            &u,
            "--value-schema",
            &s,
            "-m",
            r#"{"name":"cli","age":7}"#,
        ]);
        assert_cmd::Command::cargo_bin("streamline")
            .unwrap()
            .args([
                "produce",
                "people-cli",
                "-b",
                &b,
                "--schema-registry",
                &u,
                "--value-schema",
                &s,
                "-m",
                r#"{"name":"x","age":-1,"nick":"y"}"#,
            ])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success());
    assert!(
        err.contains("$.age: -1 is less than the minimum of 0"),
        "{err}"
    );
    assert!(err.contains("nick"), "{err}");
    let (b, u) = (bootstrap.clone(), url.clone());
    let seen = client(
        "python3",
        "confluent_json.py",
        vec![
            b.to_string(),
            u.to_string(),
            "people".to_string(),
            "people-cli".to_string(),
            "1".to_string(),
        ],
    )
    .await;
    assert_eq!(
        seen["read"],
        json!([{"name": "ann", "age": 31}, {"name": "bob", "email": "b@example.com"}])
    );
    assert_eq!(
        seen["read_other"],
        json!([{"name": "cli", "age": 7}]),
        "only the valid record was sent"
    );
    assert_eq!(seen["versions"], json!([1, 2]));
    let message = seen["incompatible"]["message"].as_str().unwrap();
    assert!(
        message.contains(
            "{errorType:\"TYPE_CHANGED\", description:\"A type at path '#/properties/name' is \
             different between the new schema and the old schema'}"
        ),
        "{message}"
    );
    let (b, u) = (bootstrap.clone(), url.clone());
    let read = tokio::task::spawn_blocking(move || {
        crate::common::cli::ok(&["consume", "people", "-b", &b, "--schema-registry", &u])
    })
    .await
    .unwrap();
    assert_eq!(
        read,
        "{\"name\":\"ann\",\"age\":31}\n{\"name\":\"bob\",\"email\":\"b@example.com\"}\n"
    );
    server.server.shutdown().await.unwrap();
}

/// KafkaJS's registry client (`@kafkajs/confluent-schema-registry`, from npm): registers Avro
/// and JSON schemas (its register() expects GET /config/{subject} to 404 the first time),
/// gets the same id for the same schema, is refused an incompatible one, encodes what
/// `streamline consume` decodes and decodes what `streamline produce` encoded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kafkajs_schema_registry_client_and_the_toolbox_read_each_other() {
    let server = with_registry(None).await;
    let (bootstrap, url) = (server.bootstrap(), registry_url(&server));
    let tmp = tempfile::tempdir().unwrap();
    let schema = tmp.path().join("click.avsc");
    std::fs::write(
        &schema,
        r#"{"type":"record","name":"Click","namespace":"js","fields":[{"name":"page","type":"string"},{"name":"ms","type":"int"}]}"#,
    )
    .unwrap();
    let (b, u, s) = (bootstrap.clone(), url.clone(), schema.display().to_string());
    tokio::task::spawn_blocking(move || {
        crate::common::cli::ok(&[
            "produce",
            "from-cli",
            "-b",
            &b,
            "--schema-registry",
            &u,
            "--value-schema",
            &s,
            "-m",
            r#"{"page":"/cli","ms":5}"#,
        ])
    })
    .await
    .unwrap();
    let args = vec![
        bootstrap.clone(),
        url.clone(),
        "clicks".into(),
        "from-cli".into(),
    ];
    let seen = client("node", "kafkajs_schema_registry.js", args).await;
    assert_eq!(
        (seen["avro_id"].clone(), seen["same_id"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(seen["json_id"], 2);
    assert!(
        seen["refused"]
            .as_str()
            .is_some_and(|m| m.contains("READER_FIELD_MISSING_DEFAULT_VALUE")),
        "{seen}"
    );
    assert_eq!(seen["wire"], "00000000010a2f63617274e012");
    assert_eq!(seen["read"], json!([{"page": "/cart", "ms": 1200}]));
    assert_eq!(seen["read_other"], json!([{"page": "/cli", "ms": 5}]));
    let (b, u) = (bootstrap.clone(), url.clone());
    let read = tokio::task::spawn_blocking(move || {
        crate::common::cli::ok(&["consume", "clicks", "-b", &b, "--schema-registry", &u])
    })
    .await
    .unwrap();
    assert_eq!(read, "{\"page\":\"/cart\",\"ms\":1200}\n");
    server.server.shutdown().await.unwrap();
}
