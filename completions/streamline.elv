
use builtin;
use str;

set edit:completion:arg-completer[streamline] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'streamline'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'streamline'= {
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Run the Kafka-compatible broker'
            cand produce 'Send messages: from -m, a file, standard input or a template'
            cand consume 'Read records: from any offset or time, as text, JSON or raw bytes'
            cand topics 'List, create, describe, alter and delete topics'
            cand groups 'List, describe (members, lag), reset and delete consumer groups'
            cand transactions 'List transactional ids and describe one (producer, state, open partitions)'
            cand users 'List, create, delete SASL/SCRAM users and change their passwords'
            cand acls 'List, create and delete ACLs'
            cand top 'Live dashboard: rates, sizes, consumer lag and a tail of any topic (like htop)'
            cand doctor 'Check data directory, limits, broker, APIs and clock; --deep reads every batch'
            cand info 'Version, build and features, and what the data directory or cluster holds'
            cand benchmark 'Measure produce, consume or end-to-end throughput and latency'
            cand migrate 'Copy topics and consumer group offsets from another Kafka-compatible cluster'
            cand shell 'Interactive shell: every command without the `streamline` prefix, one connection'
            cand profile 'Save, list and remove connection profiles (used with -P NAME)'
            cand quickstart 'First set-up: local or remote, a checked connection, a profile, a demo topic'
            cand wait 'Wait until a broker answers (and a topic is ready): for scripts and CI'
            cand history 'Commands run in the shell (and, after `history enable`, on the command line)'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;serve'= {
            cand -c 'Read settings from this TOML file; flags and STREAMLINE_* variables override it'
            cand --config 'Read settings from this TOML file; flags and STREAMLINE_* variables override it'
            cand --playground 'Also create demo topics (orders, clickstream, sensors, logs) fed with live data, and a consumer group that lags, so `top`, `consume -f` and `groups describe` show something at once; `--playground secure` adds a SASL_SSL listener with a demo user and a certificate, and prints the client settings'
            cand --ready-file 'Once serving, write the bound address (HOST:PORT and a newline) to this file, so a script can wait for it; removed again at a clean stop'
            cand --listen-addr 'Address the Kafka listener binds to; anything but loopback exposes the broker without authentication [default: 127.0.0.1:9092]'
            cand --advertised-addr 'Address clients are told to connect to in Metadata responses (Kafka''s advertised.listeners); unset means the listen address'
            cand --http-addr 'Address of the HTTP listener for health probes (/health/live, /health/ready) and Prometheus metrics (/metrics); unset means no HTTP listener, the flag alone means 127.0.0.1:9094'
            cand --schema-registry-addr 'Serve a schema registry speaking Confluent Schema Registry''s REST API on this address (127.0.0.1:8081 when given without a value); schemas are kept in the `_schemas` topic'
            cand --listeners 'A Kafka listener, NAME=PROTOCOL://HOST:PORT, repeatable (Kafka''s listeners); PROTOCOL is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, and PROTOCOL://HOST:PORT alone is named after its protocol; set, these replace --listen-addr'
            cand --listener 'A Kafka listener, NAME=PROTOCOL://HOST:PORT, repeatable (Kafka''s listeners); PROTOCOL is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, and PROTOCOL://HOST:PORT alone is named after its protocol; set, these replace --listen-addr'
            cand --advertised-listeners 'The address a listener is advertised as, NAME=HOST:PORT or NAME://HOST:PORT, repeatable (Kafka''s advertised.listeners); a listener not named here is advertised as its bound address'
            cand --advertised-listener 'The address a listener is advertised as, NAME=HOST:PORT or NAME://HOST:PORT, repeatable (Kafka''s advertised.listeners); a listener not named here is advertised as its bound address'
            cand --allow-unauthenticated-remote 'Serve listeners without authentication on addresses other than loopback, where anyone who can connect can read, write and delete every topic [default: false]'
            cand --ssl-certificate-location 'PEM certificate chain of SSL and SASL_SSL listeners, the broker''s certificate first; reread when the file changes or on SIGHUP'
            cand --ssl-key-location 'PEM private key of the certificate (PKCS#8, PKCS#1 or SEC1)'
            cand --ssl-ca-location 'PEM CA certificates that client certificates must chain to (for --ssl-client-auth)'
            cand --ssl-client-auth 'Client certificates on SSL and SASL_SSL listeners: none, requested or required (Kafka''s ssl.client.auth); a certificate''s subject becomes the principal on SSL listeners [default: none]'
            cand --ssl-principal-mapping-rules 'How a client certificate''s subject DN becomes a principal name (Kafka''s ssl.principal.mapping.rules): RULE:PATTERN/REPLACEMENT/[LU] entries and DEFAULT, comma-separated [default: DEFAULT]'
            cand --sasl-enabled-mechanisms 'SASL mechanisms SASL listeners offer, comma-separated: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER (PLAIN checks the password against the user''s SCRAM credentials) [default: PLAIN,SCRAM-SHA-256,SCRAM-SHA-512]'
            cand --sasl-users 'A SASL user to create at start if it does not exist yet, NAME=PASSWORD, repeatable; stored as SCRAM-SHA-256 and SCRAM-SHA-512 credentials (never the password), then managed with `streamline users`'
            cand --sasl-user 'A SASL user to create at start if it does not exist yet, NAME=PASSWORD, repeatable; stored as SCRAM-SHA-256 and SCRAM-SHA-512 credentials (never the password), then managed with `streamline users`'
            cand --sasl-oauthbearer-jwks-endpoint-url 'Where OAUTHBEARER tokens'' signing keys are: a JWK set at an https://, http:// or file:// URL (Kafka''s sasl.oauthbearer.jwks.endpoint.url), refetched hourly; unset, OAUTHBEARER accepts unsecured tokens, for development only'
            cand --sasl-oauthbearer-expected-issuer 'The issuer (iss) OAUTHBEARER tokens must name (Kafka''s sasl.oauthbearer.expected.issuer)'
            cand --sasl-oauthbearer-expected-audience 'An audience (aud) OAUTHBEARER tokens must include (Kafka''s sasl.oauthbearer.expected.audience)'
            cand --sasl-oauthbearer-sub-claim-name 'The token claim naming the principal (Kafka''s sasl.oauthbearer.sub.claim.name) [default: sub]'
            cand --authorizer-enable 'Enforce ACLs: every request is authorized against the ACLs as Apache Kafka''s StandardAuthorizer does [default: false]'
            cand --super-users 'Principals allowed everything whatever the ACLs say, e.g. User:admin, repeatable, semicolon-separated in the variable (Kafka''s super.users)'
            cand --super-user 'Principals allowed everything whatever the ACLs say, e.g. User:admin, repeatable, semicolon-separated in the variable (Kafka''s super.users)'
            cand --allow-everyone-if-no-acl-found 'Allow an action on a resource no ACL names (Kafka''s allow.everyone.if.no.acl.found) [default: false]'
            cand --connections-max-reauth-ms 'Longest a SASL session lasts before the client must re-authenticate (KIP-368, Kafka''s connections.max.reauth.ms); 0 for no limit [default: 0]'
            cand --data-dir 'Directory holding the topic logs; one server process owns it at a time [default: ./data]'
            cand --in-memory 'Keep every log in memory only: nothing is written to disk and all data is lost on exit [default: false]'
            cand --log-level 'Log filter: a level (off, error, warn, info, debug, trace) or tracing directives such as "info,streamline=debug"; RUST_LOG applies when neither this flag nor STREAMLINE_LOG_LEVEL is set [default: info]'
            cand --fsync 'When written data is fsynced to disk: acks, always, interval or never [default: acks]'
            cand --fsync-interval-ms 'Period of the background fsync under --fsync interval, in milliseconds [default: 1000]'
            cand --default-partitions 'Partition count of topics created without an explicit count, including auto-created ones (Kafka''s num.partitions) [default: 1]'
            cand --auto-create-topics 'Create a topic when a client produces to or asks metadata for one that does not exist (Kafka''s auto.create.topics.enable) [default: true]'
            cand --max-connections 'Client connections served at once; further connections are refused until one closes [default: 1024]'
            cand --max-connections-per-ip 'Connections served at once from one IP address, so that one host cannot take every slot (Kafka''s max.connections.per.ip) [default: 2147483647]'
            cand --metrics-partition-series 'Also publish each partition''s log size, offsets and segment count in /metrics, not only each topic''s [default: false]'
            cand --metrics-max-series 'Labelled series one /metrics scrape holds at most; those beyond are left out and counted in streamline_metrics_series_dropped [default: 10000]'
            cand --connections-max-idle-ms 'A connection with nothing in flight is closed after this long without a request (Kafka''s connections.max.idle.ms, 10 minutes) [default: 600000]'
            cand --first-request-timeout-ms 'A new connection is closed if its first complete request has not arrived within this long, so sockets that never speak cannot hold slots [default: 10000]'
            cand --max-frame-bytes 'Largest request frame accepted, in bytes; a larger one closes the connection (Kafka''s socket.request.max.bytes, 100 MiB) [default: 104857600]'
            cand --queued-max-request-bytes 'Bytes of incomplete requests held for all connections together; beyond it, connections wait before reading more (Kafka''s queued.max.request.bytes). At least max_frame_bytes [default: 268435456]'
            cand --message-max-bytes 'Largest record batch a producer may send, in bytes; larger ones are rejected with MESSAGE_TOO_LARGE (Kafka''s message.max.bytes) [default: 1048588]'
            cand --log-segment-bytes 'Size at which a partition''s active segment is closed and a new one started (Kafka''s log.segment.bytes, 1 GiB) [default: 1073741824]'
            cand --log-segment-ms 'Age at which a partition''s active segment is rolled even if not full (Kafka''s log.roll.ms, 7 days) [default: 604800000]'
            cand --log-retention-ms 'How long closed segments are kept before deletion; -1 keeps them forever (Kafka''s log.retention.ms, 7 days) [default: 604800000]'
            cand --log-retention-bytes 'Size a partition may reach before its oldest closed segments are deleted; -1 means no limit (Kafka''s log.retention.bytes) [default: -1]'
            cand --log-retention-check-interval-ms 'How often retention limits are checked (Kafka''s log.retention.check.interval.ms) [default: 300000]'
            cand --log-cleanup-policy 'Default cleanup.policy of topics: delete, compact or compact,delete (Kafka''s log.cleanup.policy) [default: delete]'
            cand --log-cleaner-enable 'Run the log cleaner that compacts topics with cleanup.policy=compact (Kafka''s log.cleaner.enable) [default: true]'
            cand --log-cleaner-backoff-ms 'How long the cleaner waits before looking again when no partition is due (Kafka''s log.cleaner.backoff.ms) [default: 15000]'
            cand --log-cleaner-dedupe-buffer-size 'Memory for the cleaner''s key to offset map, in bytes: 24 bytes per key of the part of a log cleaned in one pass (Kafka''s log.cleaner.dedupe.buffer.size) [default: 134217728]'
            cand --log-cleaner-io-max-bytes-per-second 'Bytes per second the cleaner may read and write, 0 for no limit (Kafka''s log.cleaner.io.max.bytes.per.second) [default: 0]'
            cand --log-cleaner-min-cleanable-ratio 'Default min.cleanable.dirty.ratio of topics: the share of a log not yet compacted at which it is cleaned (Kafka''s log.cleaner.min.cleanable.ratio) [default: 0.5]'
            cand --log-cleaner-min-compaction-lag-ms 'Default min.compaction.lag.ms of topics: records younger than this are not compacted (Kafka''s log.cleaner.min.compaction.lag.ms) [default: 0]'
            cand --log-cleaner-max-compaction-lag-ms 'Default max.compaction.lag.ms of topics: records older than this are compacted whatever the dirty ratio (Kafka''s log.cleaner.max.compaction.lag.ms) [default: 9223372036854775807]'
            cand --log-cleaner-delete-retention-ms 'Default delete.retention.ms of topics: how long compaction keeps tombstones and transaction markers (Kafka''s log.cleaner.delete.retention.ms) [default: 86400000]'
            cand --group-consumer-session-timeout-ms 'Members of consumer-protocol groups (KIP-848, group.protocol=consumer) not heard from for this long are removed and their partitions reassigned (Kafka''s group.consumer.session.timeout.ms) [default: 45000]'
            cand --group-consumer-heartbeat-interval-ms 'How often members of consumer-protocol groups (KIP-848) are told to heartbeat (Kafka''s group.consumer.heartbeat.interval.ms) [default: 5000]'
            cand --node-id 'Broker id reported to clients in Metadata responses (Kafka''s node.id) [default: 0]'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --generate-config 'Print a commented config file with every setting at its default, then exit'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;produce'= {
            cand -m 'A message to send (repeatable); without -m, --file or --template, lines are read from standard input'
            cand --message 'A message to send (repeatable); without -m, --file or --template, lines are read from standard input'
            cand --file 'Send each line of this file as a message'
            cand --template 'Render each message from this template, e.g. ''{"id":"{{uuid}}","n":{{i}}}'''
            cand -k 'Key for every message'
            cand --key 'Key for every message'
            cand --key-template 'Render each message''s key from this template'
            cand -K 'Split each input line at the first DELIM into key and value'
            cand --key-delimiter 'Split each input line at the first DELIM into key and value'
            cand --input-format 'Read each input line with a kcat format string, e.g. ''%k:%s'' or ''%p|%T|%k|%s'': %k key, %s value, %p partition, %T timestamp, %h headers (n=v,…); %t and %o are matched and ignored, so what `consume --format FMT` printed reads back with the same FMT'
            cand -H 'Header for every message, KEY=VALUE (repeatable)'
            cand --header 'Header for every message, KEY=VALUE (repeatable)'
            cand -p 'Send every message to this partition (default: by key hash, or spread when unkeyed)'
            cand --partition 'Send every message to this partition (default: by key hash, or spread when unkeyed)'
            cand -n 'Number of messages: renders of --template (default 1), repetitions of the -m list, or at most this many input lines'
            cand --count 'Number of messages: renders of --template (default 1), repetitions of the -m list, or at most this many input lines'
            cand --acks 'Acknowledgements to wait for: 0 (none), 1 (leader) or all [default: all, or -X acks]'
            cand --compression 'Compression codec for the batches [default: none, or -X compression.type]'
            cand --rate 'Send at most this many messages per second'
            cand --seed 'Seed for every random template value, for reproducible data'
            cand --format 'Summary format (text goes to the terminal only; json always prints)'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;consume'= {
            cand -p 'Read only this partition (repeatable; default: every partition)'
            cand --partition 'Read only this partition (repeatable; default: every partition)'
            cand -g 'Consume as a member of this consumer group: share the partitions with the group''s other members, start from its committed offsets, and commit as records are printed'
            cand --group 'Consume as a member of this consumer group: share the partitions with the group''s other members, start from its committed offsets, and commit as records are printed'
            cand -o 'Where to start: beginning, end, an offset N, -N for the last N records of each partition, or @TIMESTAMP (epoch ms)'
            cand --offset 'Where to start: beginning, end, an offset N, -N for the last N records of each partition, or @TIMESTAMP (epoch ms)'
            cand --at 'Start at a moment: ''2024-01-15 14:30:00'', RFC 3339, epoch ms, ''yesterday'', ''today 09:00'', ''2 hours ago'''
            cand --last 'Start this long ago: 30s, 5m, 2h, 1d'
            cand --until 'Stop at a moment (same forms as --at): records from then on are not read'
            cand -n 'Stop after this many records'
            cand --count 'Stop after this many records'
            cand --grep 'Keep only records whose value matches this regular expression'
            cand --expect-count 'Succeed once this many records were read (after the filters); exit 1 if the end or --timeout comes first. With the other --expect-* flags, all must hold'
            cand --expect-match 'Succeed once a record''s value matches this regular expression; exit 1 if none does'
            cand --expect-jq 'Succeed once this jq filter (or JSONPath) is true for a record''s value; exit 1 if it never is'
            cand --timeout 'Give up after this long (e.g. 30s), exiting 1 if an --expect-* flag does not hold yet; works with -f'
            cand --grep-key 'Keep only records whose key matches this regular expression'
            cand --jq 'Transform and filter JSON values: a jq filter (e.g. ''select(.qty > 5) | .id''), or a JSONPath expression when it starts with $ (e.g. ''$.items[*].sku''); values that are not JSON are skipped'
            cand --sample 'Print a sample: a percentage (''10%'', each record kept at random) or a count (''100'', exactly that many chosen uniformly, printed at the end)'
            cand --format 'Output format: text (value per line), json (pretty on a terminal, one line per record when piped), ndjson (always one line per record), raw (value bytes verbatim, one per line), or a kcat format string such as ''%t [%p] %o %k: %s\n'' (tokens %s %S %R %k %K %T %h %t %p %o; escapes \n \r \t \xHH)'
            cand --isolation 'Which records of transactions to read: only committed ones, stopping before any open transaction (read_committed), or everything written, aborted and open transactions included (read_uncommitted)'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --from-beginning 'Start at the earliest offset (the default unless -o says otherwise)'
            cand -f 'Keep waiting for new records instead of stopping at the end'
            cand --follow 'Keep waiting for new records instead of stopping at the end'
            cand -e 'Stop once every partition is read to the end offset seen at start (the default)'
            cand --exit 'Stop once every partition is read to the end offset seen at start (the default)'
            cand -i 'Make --grep and --grep-key case-insensitive'
            cand --ignore-case 'Make --grep and --grep-key case-insensitive'
            cand -v 'Keep only records whose value does NOT match --grep'
            cand --invert-match 'Keep only records whose value does NOT match --grep'
            cand --show-keys 'Print each record''s key (text format)'
            cand --show-timestamps 'Print each record''s timestamp (text format)'
            cand --show-offsets 'Print each record''s partition and offset (text format)'
            cand --show-headers 'Print each record''s headers (text format)'
            cand --json-values 'With --format json or ndjson: a value or key that is valid JSON is written as JSON (so `jq .value.total` works), exactly as stored; others stay strings'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List topics with their partition counts'
            cand create 'Create a topic'
            cand describe 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic'
            cand alter 'Change a topic''s configs or grow its partition count'
            cand export 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file'
            cand import 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed'
            cand watch 'Print every topic''s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows'
            cand delete 'Delete a topic and all its records'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;topics;list'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand -i 'Also list the cluster''s internal topics (Kafka''s __consumer_offsets, __transaction_state, ...), which are left out by default'
            cand --internal 'Also list the cluster''s internal topics (Kafka''s __consumer_offsets, __transaction_state, ...), which are left out by default'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics;create'= {
            cand -p 'Number of partitions (broker default when omitted)'
            cand --partitions 'Number of partitions (broker default when omitted)'
            cand -r 'Replication factor (broker default when omitted)'
            cand --replication-factor 'Replication factor (broker default when omitted)'
            cand -c 'Topic config override, KEY=VALUE (repeatable), e.g. retention.ms=86400000'
            cand --config 'Topic config override, KEY=VALUE (repeatable), e.g. retention.ms=86400000'
            cand --storage-mode 'Where the records live: disk (the broker''s data directory) or diskless (in memory only, lost when the broker restarts; the topic config diskless.enable=true)'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics;describe'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics;alter'= {
            cand --retention-ms 'Set retention.ms (milliseconds; -1 keeps records forever)'
            cand --retention-bytes 'Set retention.bytes (per partition; -1 for no limit)'
            cand -c 'Set a config, KEY=VALUE (repeatable)'
            cand --config 'Set a config, KEY=VALUE (repeatable)'
            cand --delete-config 'Return a config to its default (repeatable)'
            cand -p 'Grow the topic to this many partitions'
            cand --partitions 'Grow the topic to this many partitions'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics;export'= {
            cand -o 'File to write (made durable before the command returns); standard output without it'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics;import'= {
            cand -i 'File to read'
            cand --input 'File to read'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics;watch'= {
            cand -i 'Time between reports, e.g. 500ms, 1s, 1m'
            cand --interval 'Time between reports, e.g. 500ms, 1s, 1m'
            cand -n 'Stop after this many reports (default: until interrupted)'
            cand --count 'Stop after this many reports (default: until interrupted)'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics;delete'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;topics;help'= {
            cand list 'List topics with their partition counts'
            cand create 'Create a topic'
            cand describe 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic'
            cand alter 'Change a topic''s configs or grow its partition count'
            cand export 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file'
            cand import 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed'
            cand watch 'Print every topic''s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows'
            cand delete 'Delete a topic and all its records'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;topics;help;list'= {
        }
        &'streamline;topics;help;create'= {
        }
        &'streamline;topics;help;describe'= {
        }
        &'streamline;topics;help;alter'= {
        }
        &'streamline;topics;help;export'= {
        }
        &'streamline;topics;help;import'= {
        }
        &'streamline;topics;help;watch'= {
        }
        &'streamline;topics;help;delete'= {
        }
        &'streamline;topics;help;help'= {
        }
        &'streamline;groups'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List consumer groups with their state'
            cand describe 'Show a group''s members and assignments, and committed offset, end offset and lag per partition'
            cand reset 'Plan (and with --execute, apply) new committed offsets for a group with no members'
            cand delete 'Delete a group that has no members, with its committed offsets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;groups;list'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;groups;describe'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;groups;reset'= {
            cand -t 'Topic to reset, optionally with partitions: TOPIC or TOPIC:0,2,5 (repeatable)'
            cand --topic 'Topic to reset, optionally with partitions: TOPIC or TOPIC:0,2,5 (repeatable)'
            cand --to-offset 'To this offset (clamped to what each partition holds)'
            cand --shift-by 'By this many records from the committed offset (negative goes back)'
            cand --to-datetime 'To the first record at or after a moment (same forms as consume --at)'
            cand --by-duration 'To the first record written at most this long ago: 30m, 2h, 1d'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --all-topics 'Reset every topic the group has committed offsets for'
            cand --to-earliest 'To each partition''s earliest offset'
            cand --to-latest 'To each partition''s end offset'
            cand --execute 'Apply the plan (without it, only print it)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;groups;delete'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;groups;help'= {
            cand list 'List consumer groups with their state'
            cand describe 'Show a group''s members and assignments, and committed offset, end offset and lag per partition'
            cand reset 'Plan (and with --execute, apply) new committed offsets for a group with no members'
            cand delete 'Delete a group that has no members, with its committed offsets'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;groups;help;list'= {
        }
        &'streamline;groups;help;describe'= {
        }
        &'streamline;groups;help;reset'= {
        }
        &'streamline;groups;help;delete'= {
        }
        &'streamline;groups;help;help'= {
        }
        &'streamline;transactions'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List transactional ids with their producer id and state'
            cand describe 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;transactions;list'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;transactions;describe'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;transactions;help'= {
            cand list 'List transactional ids with their producer id and state'
            cand describe 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;transactions;help;list'= {
        }
        &'streamline;transactions;help;describe'= {
        }
        &'streamline;transactions;help;help'= {
        }
        &'streamline;users'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List users and their SCRAM mechanisms'
            cand create 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)'
            cand passwd 'Change a user''s password'
            cand delete 'Delete a user''s credentials'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;users;list'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;users;create'= {
            cand --password-file 'Read the new password from this file (its first line; readable by its owner only); else from STREAMLINE_NEW_PASSWORD, else asked for twice on the terminal'
            cand --mechanism 'SCRAM mechanisms to set the password for'
            cand --iterations 'PBKDF2 iterations (Kafka accepts 4096 to 16384)'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;users;passwd'= {
            cand --password-file 'Read the new password from this file (its first line; readable by its owner only); else from STREAMLINE_NEW_PASSWORD, else asked for twice on the terminal'
            cand --mechanism 'SCRAM mechanisms to set the password for'
            cand --iterations 'PBKDF2 iterations (Kafka accepts 4096 to 16384)'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;users;delete'= {
            cand --mechanism 'SCRAM mechanisms to delete'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --dry-run 'Say what would be deleted, and delete nothing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;users;help'= {
            cand list 'List users and their SCRAM mechanisms'
            cand create 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)'
            cand passwd 'Change a user''s password'
            cand delete 'Delete a user''s credentials'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;users;help;list'= {
        }
        &'streamline;users;help;create'= {
        }
        &'streamline;users;help;passwd'= {
        }
        &'streamline;users;help;delete'= {
        }
        &'streamline;users;help;help'= {
        }
        &'streamline;acls'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List ACLs, all or those the filter flags select'
            cand create 'Create ACLs: one per --operation (and per --principal)'
            cand delete 'Delete the ACLs the filter flags select'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;acls;list'= {
            cand --resource-type 'topic, group, cluster, transactional-id, delegation-token or user'
            cand --resource-name 'Resource name (for a cluster: kafka-cluster)'
            cand --pattern 'literal, prefixed, any, or match (every ACL that applies to --resource-name)'
            cand --principal 'Principal, e.g. User:alice (User:* is anyone)'
            cand --host 'Client host (* for any)'
            cand --operation 'Operation: all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens'
            cand --permission 'allow or deny'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;acls;create'= {
            cand --resource-type 'topic, group, cluster, transactional-id, delegation-token or user'
            cand --resource-name 'Resource name; * for every resource of the type [default for a cluster: kafka-cluster]'
            cand --pattern 'literal or prefixed'
            cand --principal 'Principal, e.g. User:alice, or User:* for anyone (repeatable)'
            cand --host 'Client host the ACL applies to'
            cand --operation 'Operation (repeatable): all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens'
            cand --permission 'allow or deny'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;acls;delete'= {
            cand --resource-type 'topic, group, cluster, transactional-id, delegation-token or user'
            cand --resource-name 'Resource name (for a cluster: kafka-cluster)'
            cand --pattern 'literal, prefixed, any, or match (every ACL that applies to --resource-name)'
            cand --principal 'Principal, e.g. User:alice (User:* is anyone)'
            cand --host 'Client host (* for any)'
            cand --operation 'Operation: all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens'
            cand --permission 'allow or deny'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --dry-run 'Show what would be deleted, and delete nothing'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;acls;help'= {
            cand list 'List ACLs, all or those the filter flags select'
            cand create 'Create ACLs: one per --operation (and per --principal)'
            cand delete 'Delete the ACLs the filter flags select'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;acls;help;list'= {
        }
        &'streamline;acls;help;create'= {
        }
        &'streamline;acls;help;delete'= {
        }
        &'streamline;acls;help;help'= {
        }
        &'streamline;top'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --http-addr 'The broker''s HTTP address (`serve --http-addr`): shows its readiness and open connections in the header'
            cand -i 'How often to refresh (change it live with + and -), e.g. 500ms, 1s, 5s'
            cand --interval 'How often to refresh (change it live with + and -), e.g. 500ms, 1s, 5s'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;doctor'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand -c 'Server config file to validate (and to take the listen address and data directory from)'
            cand --config 'Server config file to validate (and to take the listen address and data directory from)'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --deep 'Also read every segment of the data directory: batch CRCs, offsets and indexes'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;info'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;benchmark'= {
            cand -t 'Topic to use (created with --partitions if it does not exist)'
            cand --topic 'Topic to use (created with --partitions if it does not exist)'
            cand -n 'Records to send or read [default: 100000, or the scenario''s]'
            cand --messages 'Records to send or read [default: 100000, or the scenario''s]'
            cand -d 'Run for this long instead of a number of records (e.g. 30s, 2m)'
            cand --duration 'Run for this long instead of a number of records (e.g. 30s, 2m)'
            cand -s 'Value size in bytes [default: 100, or the scenario''s]'
            cand --size 'Value size in bytes [default: 100, or the scenario''s]'
            cand -p 'Partitions of the topic when it is created [default: 1, or the scenario''s]'
            cand --partitions 'Partitions of the topic when it is created [default: 1, or the scenario''s]'
            cand --acks 'Acknowledgements: 0, 1 or all [default: all, or the scenario''s]'
            cand --compression 'Compression of produced batches [default: none]'
            cand --producers 'Concurrent producers [default: 1]'
            cand --consumers 'Concurrent consumers [default: 1]'
            cand --rate 'Records per second in all (default: as fast as possible; end-to-end: 1000)'
            cand --scenario 'Start from a named set of defaults (see --list-scenarios); flags still override'
            cand --format 'Output format'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --list-scenarios 'List the scenarios and exit'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;migrate'= {
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand from-kafka 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;migrate;from-kafka'= {
            cand --kafka-servers 'Bootstrap servers of the source cluster'
            cand -t 'Topics to migrate, comma-separated [default: every topic but internal ones]'
            cand --topics 'Topics to migrate, comma-separated [default: every topic but internal ones]'
            cand --topics-regex 'Migrate the topics whose whole name matches this regular expression'
            cand --skip-config 'A topic config override not to copy, such as one the destination does not support (repeatable)'
            cand --rate 'Copy at most this many records per second, to spare a busy source'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --execute 'Copy (without it, only print the plan)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;migrate;help'= {
            cand from-kafka 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;migrate;help;from-kafka'= {
        }
        &'streamline;migrate;help;help'= {
        }
        &'streamline;shell'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;profile'= {
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand list 'List saved profiles'
            cand add 'Save (or replace) a profile'
            cand remove 'Delete a profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;profile;list'= {
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;profile;add'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...])'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...])'
            cand --data-dir 'Data directory for in-process access'
            cand --connect-timeout 'How long commands wait for a connection and its first answer (e.g. 5s)'
            cand --request-timeout 'How long commands wait for each answer (e.g. 10s)'
            cand --security-protocol 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL'
            cand --sasl-mechanism 'PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the password (readable by its owner only); the profile stores this path, not the password'
            cand --ssl-ca-location 'PEM CA certificates to trust'
            cand --ssl-certificate-location 'PEM client certificate (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --store-password 'Store the password itself in the profile (from STREAMLINE_SASL_PASSWORD, or asked for on the terminal); the profiles file is then made readable by you only'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;profile;remove'= {
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;profile;help'= {
            cand list 'List saved profiles'
            cand add 'Save (or replace) a profile'
            cand remove 'Delete a profile'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;profile;help;list'= {
        }
        &'streamline;profile;help;add'= {
        }
        &'streamline;profile;help;remove'= {
        }
        &'streamline;profile;help;help'= {
        }
        &'streamline;quickstart'= {
            cand --name 'Save the connection as this profile [default: local, or remote for -b]'
            cand --demo-topic 'Create this demo topic with a few records [default on a terminal: asked, quickstart]'
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-demo 'Create no demo topic'
            cand -y 'Take the default for everything the flags leave open (a local data directory ./data, profile local, demo topic quickstart) instead of asking'
            cand --yes 'Take the default for everything the flags leave open (a local data directory ./data, profile local, demo topic quickstart) instead of asking'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;wait'= {
            cand -b 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --bootstrap-server 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one'
            cand --data-dir 'Data directory to open in-process when no -b is given [default: ./data]'
            cand -P 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --profile 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it'
            cand --connect-timeout 'How long to wait for a connection to a broker and its first answer [default: 10s]'
            cand --request-timeout 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]'
            cand -X 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does'
            cand --security-protocol 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]'
            cand --sasl-mechanism 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512'
            cand --sasl-username 'SASL user name'
            cand --sasl-password-file 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it'
            cand --ssl-ca-location 'PEM CA certificates to trust for TLS instead of the system''s'
            cand --ssl-certificate-location 'PEM client certificate, for brokers that require one (mTLS)'
            cand --ssl-key-location 'PEM private key of the client certificate'
            cand --timeout 'Give up after this long (e.g. 500ms, 30s, 2m)'
            cand -t 'Also wait for this topic to exist with every partition led'
            cand --topic 'Also wait for this topic to exist with every partition led'
            cand -p 'With --topic: wait until it has at least this many partitions'
            cand --partitions 'With --topic: wait until it has at least this many partitions'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;history'= {
            cand --grep 'Only commands matching this regular expression'
            cand -n 'Only the newest N matching commands'
            cand --count 'Only the newest N matching commands'
            cand --source 'Only commands run here: shell or cli'
            cand --format 'Output format'
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand enable 'Also record commands run on the command line (the shell''s are always recorded)'
            cand disable 'Stop recording command-line commands'
            cand clear 'Forget every recorded command'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;history;enable'= {
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;history;disable'= {
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;history;clear'= {
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;history;help'= {
            cand enable 'Also record commands run on the command line (the shell''s are always recorded)'
            cand disable 'Stop recording command-line commands'
            cand clear 'Forget every recorded command'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;history;help;enable'= {
        }
        &'streamline;history;help;disable'= {
        }
        &'streamline;history;help;clear'= {
        }
        &'streamline;history;help;help'= {
        }
        &'streamline;completions'= {
            cand --color 'When to use colour in human-readable output'
            cand --output 'Write the command''s output to FILE instead of standard output (replacing FILE)'
            cand --no-color 'No colour: the same as --color never'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;help'= {
            cand serve 'Run the Kafka-compatible broker'
            cand produce 'Send messages: from -m, a file, standard input or a template'
            cand consume 'Read records: from any offset or time, as text, JSON or raw bytes'
            cand topics 'List, create, describe, alter and delete topics'
            cand groups 'List, describe (members, lag), reset and delete consumer groups'
            cand transactions 'List transactional ids and describe one (producer, state, open partitions)'
            cand users 'List, create, delete SASL/SCRAM users and change their passwords'
            cand acls 'List, create and delete ACLs'
            cand top 'Live dashboard: rates, sizes, consumer lag and a tail of any topic (like htop)'
            cand doctor 'Check data directory, limits, broker, APIs and clock; --deep reads every batch'
            cand info 'Version, build and features, and what the data directory or cluster holds'
            cand benchmark 'Measure produce, consume or end-to-end throughput and latency'
            cand migrate 'Copy topics and consumer group offsets from another Kafka-compatible cluster'
            cand shell 'Interactive shell: every command without the `streamline` prefix, one connection'
            cand profile 'Save, list and remove connection profiles (used with -P NAME)'
            cand quickstart 'First set-up: local or remote, a checked connection, a profile, a demo topic'
            cand wait 'Wait until a broker answers (and a topic is ready): for scripts and CI'
            cand history 'Commands run in the shell (and, after `history enable`, on the command line)'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;help;serve'= {
        }
        &'streamline;help;produce'= {
        }
        &'streamline;help;consume'= {
        }
        &'streamline;help;topics'= {
            cand list 'List topics with their partition counts'
            cand create 'Create a topic'
            cand describe 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic'
            cand alter 'Change a topic''s configs or grow its partition count'
            cand export 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file'
            cand import 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed'
            cand watch 'Print every topic''s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows'
            cand delete 'Delete a topic and all its records'
        }
        &'streamline;help;topics;list'= {
        }
        &'streamline;help;topics;create'= {
        }
        &'streamline;help;topics;describe'= {
        }
        &'streamline;help;topics;alter'= {
        }
        &'streamline;help;topics;export'= {
        }
        &'streamline;help;topics;import'= {
        }
        &'streamline;help;topics;watch'= {
        }
        &'streamline;help;topics;delete'= {
        }
        &'streamline;help;groups'= {
            cand list 'List consumer groups with their state'
            cand describe 'Show a group''s members and assignments, and committed offset, end offset and lag per partition'
            cand reset 'Plan (and with --execute, apply) new committed offsets for a group with no members'
            cand delete 'Delete a group that has no members, with its committed offsets'
        }
        &'streamline;help;groups;list'= {
        }
        &'streamline;help;groups;describe'= {
        }
        &'streamline;help;groups;reset'= {
        }
        &'streamline;help;groups;delete'= {
        }
        &'streamline;help;transactions'= {
            cand list 'List transactional ids with their producer id and state'
            cand describe 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction'
        }
        &'streamline;help;transactions;list'= {
        }
        &'streamline;help;transactions;describe'= {
        }
        &'streamline;help;users'= {
            cand list 'List users and their SCRAM mechanisms'
            cand create 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)'
            cand passwd 'Change a user''s password'
            cand delete 'Delete a user''s credentials'
        }
        &'streamline;help;users;list'= {
        }
        &'streamline;help;users;create'= {
        }
        &'streamline;help;users;passwd'= {
        }
        &'streamline;help;users;delete'= {
        }
        &'streamline;help;acls'= {
            cand list 'List ACLs, all or those the filter flags select'
            cand create 'Create ACLs: one per --operation (and per --principal)'
            cand delete 'Delete the ACLs the filter flags select'
        }
        &'streamline;help;acls;list'= {
        }
        &'streamline;help;acls;create'= {
        }
        &'streamline;help;acls;delete'= {
        }
        &'streamline;help;top'= {
        }
        &'streamline;help;doctor'= {
        }
        &'streamline;help;info'= {
        }
        &'streamline;help;benchmark'= {
        }
        &'streamline;help;migrate'= {
            cand from-kafka 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute'
        }
        &'streamline;help;migrate;from-kafka'= {
        }
        &'streamline;help;shell'= {
        }
        &'streamline;help;profile'= {
            cand list 'List saved profiles'
            cand add 'Save (or replace) a profile'
            cand remove 'Delete a profile'
        }
        &'streamline;help;profile;list'= {
        }
        &'streamline;help;profile;add'= {
        }
        &'streamline;help;profile;remove'= {
        }
        &'streamline;help;quickstart'= {
        }
        &'streamline;help;wait'= {
        }
        &'streamline;help;history'= {
            cand enable 'Also record commands run on the command line (the shell''s are always recorded)'
            cand disable 'Stop recording command-line commands'
            cand clear 'Forget every recorded command'
        }
        &'streamline;help;history;enable'= {
        }
        &'streamline;help;history;disable'= {
        }
        &'streamline;help;history;clear'= {
        }
        &'streamline;help;completions'= {
        }
        &'streamline;help;help'= {
        }
    ]
    $completions[$command]
}
