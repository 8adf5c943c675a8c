//! The registry's REST API as Confluent's answers it: references and what they protect,
//! modes, and each error's HTTP status, code and message; and a registry moved with
//! `migrate`, which serves the copied `_schemas` topic.

use serde_json::{json, Value};

use crate::common::TestServer;

async fn call(method: &str, url: &str, content_type: &str, body: &str) -> (u16, Value) {
    let headers = [("Content-Type", content_type.to_string())];
    let (status, bytes) =
        streamline::http_client::request(method, url, &headers, body.as_bytes().to_vec())
            .await
            .expect("the registry answers");
    let value = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, value)
}

const V1: &str = "application/vnd.schemaregistry.v1+json";

/// (status, error_code, message) of a refusal.
fn refusal(answer: (u16, Value)) -> (u16, i64, String) {
    let (status, v) = answer;
    (
        status,
        v["error_code"].as_i64().unwrap_or(0),
        v["message"].as_str().unwrap_or_default().to_owned(),
    )
}

async fn registry() -> (TestServer, String) {
    let server = TestServer::start_with(|c| {
        c.schema_registry_addr = Some("127.0.0.1:0".parse().unwrap());
    })
    .await;
    let url = format!("http://{}", server.server.schema_registry_addr().unwrap());
    (server, url)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn references_modes_and_errors_answer_as_confluent_does() {
    let (server, u) = registry().await;
    let post = |path: &str, body: Value| {
        let url = format!("{u}{path}");
        async move { call("POST", &url, V1, &body.to_string()).await }
    };
    let get = |path: &str| {
        let url = format!("{u}{path}");
        async move { call("GET", &url, V1, "").await }
    };

    assert_eq!(get("/").await, (200, json!({})));
    assert_eq!(
        get("/schemas/types").await,
        (200, json!(["JSON", "PROTOBUF", "AVRO"]))
    );

    // A schema referring to another subject's named type.
    let address = json!({"schema": r#"{"type":"record","name":"Address","namespace":"demo","fields":[{"name":"city","type":"string"}]}"#});
    assert_eq!(
        post("/subjects/address/versions", address).await,
        (200, json!({"id": 1}))
    );
    let user = json!({
        "schema": r#"{"type":"record","name":"User","namespace":"demo","fields":[{"name":"home","type":"demo.Address"}]}"#,
        "references": [{"name": "demo.Address", "subject": "address", "version": 1}],
    });
    assert_eq!(
        post("/subjects/user/versions", user.clone()).await,
        (200, json!({"id": 2}))
    );
    let (status, v) = get("/subjects/user/versions/1").await;
    assert_eq!(status, 200);
    assert_eq!(
        v["references"],
        json!([{"name": "demo.Address", "subject": "address", "version": 1}])
    );
    assert_eq!(
        get("/subjects/address/versions/1/referencedby").await,
        (200, json!([2]))
    );
    // A referenced version cannot be deleted.
    assert_eq!(
        refusal(call("DELETE", &format!("{u}/subjects/address/versions/1"), V1, "").await),
        (422, 42206, "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=address,version=1}.".into())
    );
    // Without its reference the same schema does not parse.
    let unresolved = json!({"schema": user["schema"]});
    let (status, code, message) = refusal(post("/subjects/other/versions", unresolved).await);
    assert_eq!((status, code), (422, 42201), "{message}");
    assert!(message.starts_with("Invalid schema "), "{message}");

    // Lookups and the 404s.
    assert_eq!(
        refusal(get("/subjects/user/versions/7").await),
        (404, 40402, "Version 7 not found.".into())
    );
    assert_eq!(
        refusal(get("/subjects/nobody/versions").await),
        (404, 40401, "Subject 'nobody' not found.".into())
    );
    assert_eq!(
        refusal(get("/schemas/ids/99").await),
        (404, 40403, "Schema 99 not found".into())
    );
    assert_eq!(
        refusal(post("/subjects/user", json!({"schema": "\"string\""})).await),
        (404, 40403, "Schema not found".into())
    );
    assert_eq!(
        refusal(get("/subjects/user/versions/0").await),
        (422, 42202, "The specified version '0' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"".into())
    );
    assert_eq!(
        refusal(get("/nothing/here").await),
        (404, 404, "HTTP 404 Not Found".into())
    );
    assert_eq!(
        refusal(call("PATCH", &format!("{u}/subjects/user/versions"), V1, "{}").await),
        (405, 405, "HTTP 405 Method Not Allowed".into())
    );
    assert_eq!(
        refusal(
            call(
                "POST",
                &format!("{u}/subjects/user/versions"),
                "text/plain",
                "{}"
            )
            .await
        )
        .0,
        415
    );
    assert_eq!(
        refusal(
            call(
                "POST",
                &format!("{u}/subjects/user/versions"),
                V1,
                "{not json"
            )
            .await
        )
        .0,
        400
    );

    // Settings: levels and modes, their refusals, and what a read-only registry refuses.
    assert_eq!(
        refusal(call("PUT", &format!("{u}/config"), V1, r#"{"compatibility":"sideways"}"#).await),
        (422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive".into())
    );
    assert_eq!(
        refusal(get("/config/user").await),
        (
            404,
            40408,
            "Subject 'user' does not have subject-level compatibility configured".into()
        )
    );
    assert_eq!(
        get("/config/user?defaultToGlobal=true").await,
        (200, json!({"compatibilityLevel": "BACKWARD"}))
    );
    assert_eq!(
        refusal(call("PUT", &format!("{u}/mode"), V1, r#"{"mode":"SOMETIMES"}"#).await).1,
        42204
    );
    assert_eq!(
        call(
            "PUT",
            &format!("{u}/mode/user"),
            V1,
            r#"{"mode":"READONLY"}"#
        )
        .await,
        (200, json!({"mode": "READONLY"}))
    );
    let v2 = json!({"schema": r#"{"type":"record","name":"User","namespace":"demo","fields":[{"name":"home","type":"demo.Address"},{"name":"n","type":"int","default":0}]}"#,
                    "references": [{"name": "demo.Address", "subject": "address", "version": 1}]});
    assert_eq!(
        refusal(post("/subjects/user/versions", v2.clone()).await),
        (422, 42205, "Subject user is in read-only mode".into())
    );
    // The same schema again still answers its id, whatever the mode.
    assert_eq!(
        post("/subjects/user/versions", user).await,
        (200, json!({"id": 2}))
    );
    assert_eq!(
        call("DELETE", &format!("{u}/mode/user"), V1, "").await,
        (200, json!({"mode": "READONLY"}))
    );
    assert_eq!(
        post("/subjects/user/versions", v2).await,
        (200, json!({"id": 3}))
    );
    // Imports keep the ids and versions they are given.
    assert_eq!(
        call(
            "PUT",
            &format!("{u}/mode/imported"),
            V1,
            r#"{"mode":"IMPORT"}"#
        )
        .await,
        (200, json!({"mode": "IMPORT"}))
    );
    let imported = json!({"schema": "\"long\"", "id": 40, "version": 7});
    assert_eq!(
        post("/subjects/imported/versions", imported).await,
        (200, json!({"id": 40}))
    );
    assert_eq!(get("/subjects/imported/versions").await, (200, json!([7])));
    let (status, v) = get("/schemas/ids/40?fetchMaxId=true").await;
    assert_eq!((status, v["maxId"].clone()), (200, json!(40)));

    // Deleting out of order.
    let delete = |path: &str| {
        let url = format!("{u}{path}");
        async move { call("DELETE", &url, V1, "").await }
    };
    assert_eq!(
        refusal(delete("/subjects/imported?permanent=true").await),
        (
            404,
            40405,
            "Subject 'imported' was not deleted first before being permanently deleted".into()
        )
    );
    assert_eq!(delete("/subjects/imported").await, (200, json!([7])));
    assert_eq!(
        refusal(delete("/subjects/imported").await),
        (
            404,
            40404,
            "Subject 'imported' was soft deleted.Set permanent=true to delete permanently".into()
        )
    );
    assert_eq!(
        delete("/subjects/imported?permanent=true").await,
        (200, json!([7]))
    );
    assert_eq!(
        refusal(delete("/subjects/imported").await),
        (404, 40401, "Subject 'imported' not found.".into())
    );
    server.server.shutdown().await.unwrap();
}

/// Protobuf imports are references: the imported file is registered under its own subject,
/// named by its import path, and the importing schema compiles against it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn protobuf_imports_resolve_through_references() {
    let (server, u) = registry().await;
    let common = json!({"schemaType": "PROTOBUF",
        "schema": "syntax = \"proto3\";\npackage shop;\nmessage Money { string currency = 1; int64 cents = 2; }\n"});
    assert_eq!(
        call(
            "POST",
            &format!("{u}/subjects/shop%2Fmoney.proto/versions"),
            V1,
            &common.to_string()
        )
        .await,
        (200, json!({"id": 1}))
    );
    let order = json!({"schemaType": "PROTOBUF",
        "schema": "syntax = \"proto3\";\npackage shop;\nimport \"shop/money.proto\";\nmessage Order { string id = 1; Money total = 2; }\n",
        "references": [{"name": "shop/money.proto", "subject": "shop/money.proto", "version": 1}]});
    assert_eq!(
        call(
            "POST",
            &format!("{u}/subjects/orders-value/versions"),
            V1,
            &order.to_string()
        )
        .await,
        (200, json!({"id": 2}))
    );
    let (status, v) = call("GET", &format!("{u}/schemas/ids/2"), V1, "").await;
    assert_eq!(status, 200);
    assert_eq!(v["schemaType"], "PROTOBUF");
    assert!(
        v["schema"]
            .as_str()
            .unwrap()
            .contains("import \"shop/money.proto\";"),
        "{v}"
    );
    assert_eq!(v["references"][0]["subject"], "shop/money.proto");
    // Without the reference the import is missing.
    let alone = json!({"schemaType": "PROTOBUF", "schema": order["schema"]});
    let (status, code, _) = refusal(
        call(
            "POST",
            &format!("{u}/subjects/other/versions"),
            V1,
            &alone.to_string(),
        )
        .await,
    );
    assert_eq!((status, code), (422, 42201));
    // The toolbox encodes and decodes through the imported type.
    let (b, url) = (server.bootstrap(), u.clone());
    let read = tokio::task::spawn_blocking(move || {
        crate::common::cli::ok(&[
            "produce",
            "orders",
            "-b",
            &b,
            "--schema-registry",
            &url,
            "--value-schema-id",
            "2",
            "-m",
            r#"{"id":"o-9","total":{"currency":"EUR","cents":1250}}"#,
        ]);
        crate::common::cli::ok(&["consume", "orders", "-b", &b, "--schema-registry", &url])
    })
    .await
    .unwrap();
    assert_eq!(
        read,
        "{\"id\":\"o-9\",\"total\":{\"currency\":\"EUR\",\"cents\":1250}}\n"
    );
    server.server.shutdown().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_brings_a_registry_over_with_its_schemas_topic() {
    let (server, u) = registry().await;
    let schema = json!({"schema": r#"{"type":"enum","name":"Size","symbols":["S","M","L"]}"#});
    assert_eq!(
        call(
            "POST",
            &format!("{u}/subjects/sizes/versions"),
            V1,
            &schema.to_string()
        )
        .await,
        (200, json!({"id": 1}))
    );
    let tmp = tempfile::tempdir().unwrap();
    let dest = tmp.path().join("data");
    let (b, d) = (server.bootstrap(), dest.display().to_string());
    let listed = tokio::task::spawn_blocking(move || {
        crate::common::cli::ok(&[
            "migrate",
            "from-kafka",
            "--kafka-servers",
            &b,
            "--topics",
            "_schemas",
            "--execute",
            "--data-dir",
            &d,
        ]);
        crate::common::cli::ok(&[
            "schemas",
            "get",
            "sizes",
            "--data-dir",
            &d,
            "--format",
            "json",
        ])
    })
    .await
    .unwrap();
    let got: Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(got["id"], 1);
    assert_eq!(
        got["schema"],
        r#"{"type":"enum","name":"Size","symbols":["S","M","L"]}"#
    );
    server.server.shutdown().await.unwrap();
}

/// JSON Schema under Confluent's two policies: STRICT (the default) refuses an optional
/// property added to an open content model, LENIENT (`compatibilityPolicy`) accepts it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_schema_changes_under_the_strict_and_lenient_policies() {
    let (server, u) = registry().await;
    let schema = |properties: &str| {
        json!({"schemaType": "JSON",
               "schema": format!(r#"{{"type":"object","properties":{{{properties}}}}}"#)})
        .to_string()
    };
    let url = format!("{u}/subjects/events-value/versions");
    assert_eq!(
        call("POST", &url, V1, &schema(r#""id":{"type":"string"}"#)).await,
        (200, json!({"id": 1}))
    );
    let v2 = schema(r#""id":{"type":"string"},"note":{"type":"string"}"#);
    let (status, code, message) = refusal(call("POST", &url, V1, &v2).await);
    assert_eq!((status, code), (409, 409));
    assert!(
        message.contains("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL"),
        "{message}"
    );
    let config = format!("{u}/config/events-value");
    assert_eq!(
        refusal(call("PUT", &config, V1, r#"{"compatibilityPolicy":"loose"}"#).await).1,
        42203
    );
    assert_eq!(
        call("PUT", &config, V1, r#"{"compatibilityPolicy":"lenient"}"#).await,
        (
            200,
            json!({"compatibility": "BACKWARD", "compatibilityPolicy": "LENIENT"})
        )
    );
    assert_eq!(
        call("GET", &config, V1, "").await,
        (
            200,
            json!({"compatibilityLevel": "BACKWARD", "compatibilityPolicy": "LENIENT"})
        )
    );
    assert_eq!(call("POST", &url, V1, &v2).await, (200, json!({"id": 2})));
    // A changed type stays incompatible under either policy.
    let v3 = schema(r#""id":{"type":"integer"},"note":{"type":"string"}"#);
    assert_eq!(refusal(call("POST", &url, V1, &v3).await).1, 409);
    server.server.shutdown().await.unwrap();
}
