#!/usr/bin/env bash
# Apache Kafka 4.4 as a test fixture: the reference broker, run from its Maven Central jars.
#
#   kafka.sh fetch                  download kafka_2.13:4.4.0 and its dependencies (once)
#   kafka.sh start single DIR       one combined broker+controller on loopback ephemeral ports
#   kafka.sh start cluster DIR      three brokers, node 1 also the (only) controller
#   kafka.sh start secure DIR CERTS one node with a SASL_SSL listener besides PLAINTEXT:
#                                   SCRAM-SHA-512, CERTS/server.pem and server.key, the
#                                   StandardAuthorizer, super user User:admin (password
#                                   admin-secret); prints the SASL_SSL address
#   kafka.sh stop DIR               stop every node started in DIR (by PID)
#   kafka.sh stop-node DIR N        stop node N only, cleanly (its partitions' leaders move)
#   kafka.sh prepare DIR PORT       write and format one combined node listening on PORT
#   kafka.sh run DIR                run that node in the foreground (exec: the caller's child
#                                   is the JVM), for benchmarks that time start-up themselves
#
# `start` formats KRaft storage under DIR, starts each node in its own JVM with a small heap,
# waits until every broker is serving, and prints the bootstrap address on standard output
# (also in DIR/bootstrap; each node's PID in DIR/node-N/pid, its log in DIR/node-N/server.log).
#
# Downloads go under $STREAMLINE_TEST_CACHE (default ~/.cache/streamline-tests), outside the
# repository; a second fetch finds them there and downloads nothing.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
CACHE="${STREAMLINE_TEST_CACHE:-$HOME/.cache/streamline-tests}"
LIBS="$CACHE/kafka-4.4.0/libs"
HEAP="${KAFKA_HEAP:-320m}"
# Quick start over peak speed: these nodes serve tests, not benchmarks (KAFKA_JVM_OPTS overrides).
JVM_OPTS="${KAFKA_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData}"
READY_TIMEOUT_S="${KAFKA_READY_TIMEOUT_S:-120}"

die() { echo "kafka.sh: $*" >&2; exit 1; }

fetch() {
    if [ -f "$LIBS/.complete" ]; then return; fi
    command -v mvn >/dev/null || die "mvn is needed to fetch Apache Kafka from Maven Central"
    mkdir -p "$LIBS"
    mvn -B -q -f "$HERE/pom.xml" -Dmaven.repo.local="$CACHE/m2" \
        dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS" >&2 \
        || die "could not fetch org.apache.kafka:kafka_2.13:4.4.0 from Maven Central"
    touch "$LIBS/.complete"
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# A KRaft cluster id: 16 random bytes in URL-safe base64 without padding, as Kafka makes them.
cluster_id() {
    python3 -c 'import base64,os; print(base64.urlsafe_b64encode(os.urandom(16)).decode().rstrip("="))'
}

# The java command line every tool and node runs with. An array, not a function: a node is
# started as a plain background command so that $! is the JVM's own PID, the one stop signals.
kafka_java=(java -Xms"$HEAP" -Xmx"$HEAP" $JVM_OPTS -Djava.awt.headless=true
    -Dlog4j2.configurationFile="$HERE/log4j2.properties" -cp "$LIBS/*")

# write_config NODE ROLES BROKER_PORT CONTROLLER_PORT VOTERS REPLICAS
write_config() {
    local node=$1 roles=$2 port=$3 cport=$4 voters=$5 replicas=$6
    local dir="$BASE/node-$node"
    local min_isr=$(( replicas > 1 ? 2 : 1 ))
    mkdir -p "$dir/data"
    {
        echo "process.roles=$roles"
        echo "node.id=$node"
        echo "controller.quorum.voters=$voters"
        echo "controller.listener.names=CONTROLLER"
        echo "inter.broker.listener.name=PLAINTEXT"
        echo "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
        if [ "$roles" = "broker,controller" ]; then
            echo "listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport"
        else
            echo "listeners=PLAINTEXT://127.0.0.1:$port"
        fi
        echo "advertised.listeners=PLAINTEXT://127.0.0.1:$port"
        echo "log.dirs=$dir/data"
        echo "num.partitions=1"
        echo "default.replication.factor=$replicas"
        echo "min.insync.replicas=1"
        echo "offsets.topic.replication.factor=$replicas"
        echo "offsets.topic.num.partitions=5"
        echo "transaction.state.log.replication.factor=$replicas"
        echo "transaction.state.log.min.isr=$min_isr"
        echo "transaction.state.log.num.partitions=5"
        echo "share.coordinator.state.topic.replication.factor=$replicas"
        echo "share.coordinator.state.topic.min.isr=$min_isr"
        echo "group.initial.rebalance.delay.ms=0"
        echo "log.flush.interval.messages=9223372036854775807"
        echo "auto.create.topics.enable=true"
        # The cleaner looks for work every 200 ms rather than 15 s, so a compacted topic's
        # cleaning can be waited for in a test.
        echo "log.cleaner.backoff.ms=200"
    } > "$dir/server.properties"
    echo "$port" > "$dir/port"
}

# start_secure DIR CERTS: one combined node; PLAINTEXT stays for the controller and
# inter-broker traffic (its ANONYMOUS principal is a super user), clients use SASL_SSL.
start_secure() {
    BASE=$1
    local certs
    certs="$(cd "$2" && pwd)"
    fetch
    mkdir -p "$BASE"
    BASE="$(cd "$BASE" && pwd)"
    local cport port sport
    cport=$(free_port)
    port=$(free_port)
    sport=$(free_port)
    write_config 1 broker,controller "$port" "$cport" "1@127.0.0.1:$cport" 1
    local dir="$BASE/node-1"
    # A PEM key store: the private key, then the certificate chain.
    cat "$certs/server.key" "$certs/server.pem" > "$dir/keystore.pem"
    sed -i \
        -e "s|^listener.security.protocol.map=.*|listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL|" \
        -e "s|^listeners=.*|listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport,SASL_SSL://127.0.0.1:$sport|" \
        -e "s|^advertised.listeners=.*|advertised.listeners=PLAINTEXT://127.0.0.1:$port,SASL_SSL://127.0.0.1:$sport|" \
        "$dir/server.properties"
    {
        echo "sasl.enabled.mechanisms=SCRAM-SHA-512"
        echo "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;"
        echo "ssl.keystore.type=PEM"
        echo "ssl.keystore.location=$dir/keystore.pem"
        echo "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer"
        echo "super.users=User:admin;User:ANONYMOUS"
        echo "allow.everyone.if.no.acl.found=false"
    } >> "$dir/server.properties"
    "${kafka_java[@]}" kafka.tools.StorageTool format -t "$(cluster_id)" \
        -c "$dir/server.properties" --ignore-formatted \
        --add-scram 'SCRAM-SHA-512=[name=admin,password=admin-secret]' \
        > "$dir/format.log" 2>&1 \
        || die "formatting failed: $(cat "$dir/format.log")"
    start_node 1
    wait_ready 1
    echo "127.0.0.1:$port" > "$BASE/bootstrap"
    echo "127.0.0.1:$sport" > "$BASE/secure_bootstrap"
    echo "127.0.0.1:$sport"
}

start() {
    local shape=$1
    BASE=$2
    fetch
    mkdir -p "$BASE"
    BASE="$(cd "$BASE" && pwd)"
    local nodes replicas
    case "$shape" in
        single) nodes=1; replicas=1 ;;
        cluster) nodes=3; replicas=3 ;;
        *) die "start: shape must be 'single' or 'cluster', not '$shape'" ;;
    esac
    local cport voters id
    cport=$(free_port)
    voters="1@127.0.0.1:$cport"
    id=$(cluster_id)
    local bootstrap=""
    for node in $(seq 1 "$nodes"); do
        local roles=broker
        [ "$node" = 1 ] && roles=broker,controller
        local port
        port=$(free_port)
        write_config "$node" "$roles" "$port" "$cport" "$voters" "$replicas"
        bootstrap="${bootstrap:+$bootstrap,}127.0.0.1:$port"
        "${kafka_java[@]}" kafka.tools.StorageTool format -t "$id" \
            -c "$BASE/node-$node/server.properties" --ignore-formatted \
            > "$BASE/node-$node/format.log" 2>&1 \
            || die "formatting node $node failed: $(cat "$BASE/node-$node/format.log")"
    done
    for node in $(seq 1 "$nodes"); do
        start_node "$node"
    done
    for node in $(seq 1 "$nodes"); do
        wait_ready "$node"
    done
    echo "$bootstrap" > "$BASE/bootstrap"
    echo "$bootstrap"
}

# prepare DIR PORT: the single-node layout of `start single`, on a port the caller chose.
prepare() {
    BASE=$1
    fetch
    mkdir -p "$BASE"
    BASE="$(cd "$BASE" && pwd)"
    local cport
    cport=$(free_port)
    write_config 1 broker,controller "$2" "$cport" "1@127.0.0.1:$cport" 1
    "${kafka_java[@]}" kafka.tools.StorageTool format -t "$(cluster_id)" \
        -c "$BASE/node-1/server.properties" --ignore-formatted \
        > "$BASE/node-1/format.log" 2>&1 \
        || die "formatting failed: $(cat "$BASE/node-1/format.log")"
    echo "127.0.0.1:$2" > "$BASE/bootstrap"
}

start_node() {
    local node=$1 dir="$BASE/node-$1"
    : > "$dir/server.log"
    "${kafka_java[@]}" -Dkafka.node.log="$dir/server.log" \
        kafka.Kafka "$dir/server.properties" > "$dir/stdout.log" 2>&1 < /dev/null &
    echo $! > "$dir/pid"
}

wait_ready() {
    local node=$1 dir="$BASE/node-$1"
    local deadline=$(( $(date +%s) + READY_TIMEOUT_S ))
    until grep -q "Kafka Server started" "$dir/server.log" 2>/dev/null; do
        if ! kill -0 "$(cat "$dir/pid")" 2>/dev/null; then
            die "node $node exited during start-up: $(tail -20 "$dir/server.log" "$dir/stdout.log")"
        fi
        [ "$(date +%s)" -lt "$deadline" ] || die "node $node not ready after ${READY_TIMEOUT_S}s"
        sleep 0.2
    done
}

# stop_node DIR N SIGNAL: KILL for throw-away data (a clean shutdown costs seconds per node),
# TERM for a controlled shutdown that hands partition leadership to the other brokers first.
stop_node() {
    local dir="$1/node-$2" signal=$3
    [ -f "$dir/pid" ] || return 0
    local pid
    pid=$(cat "$dir/pid")
    kill "-$signal" "$pid" 2>/dev/null || true
    local deadline=$(( $(date +%s) + 60 ))
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$(date +%s)" -ge "$deadline" ]; then kill -9 "$pid" 2>/dev/null || true; fi
        sleep 0.05
    done
    rm -f "$dir/pid"
}

case "${1:-}" in
    fetch) fetch ;;
    start)
        if [ "${2:-}" = secure ]; then
            [ $# -eq 4 ] || die "usage: kafka.sh start secure DIR CERTS"; start_secure "$3" "$4"
        else
            [ $# -eq 3 ] || die "usage: kafka.sh start single|cluster DIR"; start "$2" "$3"
        fi ;;
    stop)
        [ $# -eq 2 ] || die "usage: kafka.sh stop DIR"
        for d in "$2"/node-*; do [ -d "$d" ] && stop_node "$2" "${d##*/node-}" KILL; done ;;
    prepare) [ $# -eq 3 ] || die "usage: kafka.sh prepare DIR PORT"; prepare "$2" "$3" ;;
    run)
        [ $# -eq 2 ] || die "usage: kafka.sh run DIR"
        dir="$(cd "$2" && pwd)/node-1"
        exec "${kafka_java[@]}" -Dkafka.node.log="$dir/server.log" kafka.Kafka "$dir/server.properties" ;;
    stop-node) [ $# -eq 3 ] || die "usage: kafka.sh stop-node DIR N"; stop_node "$2" "$3" TERM ;;
    *) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
