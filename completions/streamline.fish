# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_streamline_global_optspecs
    string join \n color= no-color output= h/help V/version
end

function __fish_streamline_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_streamline_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_streamline_using_subcommand
    set -l cmd (__fish_streamline_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c streamline -n "__fish_streamline_needs_command" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_needs_command" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_needs_command" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_needs_command" -s V -l version -d 'Print version'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "serve" -d 'Run the Kafka-compatible broker'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "produce" -d 'Send messages: from -m, a file, standard input or a template'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "consume" -d 'Read records: from any offset or time, as text, JSON or raw bytes'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "topics" -d 'List, create, describe, alter and delete topics'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "groups" -d 'List, describe (members, lag), reset and delete consumer groups'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "transactions" -d 'List transactional ids and describe one (producer, state, open partitions)'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "users" -d 'List, create, delete SASL/SCRAM users and change their passwords'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "acls" -d 'List, create and delete ACLs'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "top" -d 'Live dashboard: rates, sizes, consumer lag and a tail of any topic (like htop)'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "doctor" -d 'Check data directory, limits, broker, APIs and clock; --deep reads every batch'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "info" -d 'Version, build and features, and what the data directory or cluster holds'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "benchmark" -d 'Measure produce, consume or end-to-end throughput and latency'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "migrate" -d 'Copy topics and consumer group offsets from another Kafka-compatible cluster'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "shell" -d 'Interactive shell: every command without the `streamline` prefix, one connection'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "profile" -d 'Save, list and remove connection profiles (used with -P NAME)'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "quickstart" -d 'First set-up: local or remote, a checked connection, a profile, a demo topic'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "wait" -d 'Wait until a broker answers (and a topic is ready): for scripts and CI'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "history" -d 'Commands run in the shell (and, after `history enable`, on the command line)'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand serve" -s c -l config -d 'Read settings from this TOML file; flags and STREAMLINE_* variables override it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l playground -d 'Also create demo topics (orders, clickstream, sensors, logs) fed with live data, and a consumer group that lags, so `top`, `consume -f` and `groups describe` show something at once; `--playground secure` adds a SASL_SSL listener with a demo user and a certificate, and prints the client settings' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l ready-file -d 'Once serving, write the bound address (HOST:PORT and a newline) to this file, so a script can wait for it; removed again at a clean stop' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l listen-addr -d 'Address the Kafka listener binds to; anything but loopback exposes the broker without authentication [default: 127.0.0.1:9092]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l advertised-addr -d 'Address clients are told to connect to in Metadata responses (Kafka\'s advertised.listeners); unset means the listen address' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l http-addr -d 'Address of the HTTP listener for health probes (/health/live, /health/ready) and Prometheus metrics (/metrics); unset means no HTTP listener, the flag alone means 127.0.0.1:9094' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l schema-registry-addr -d 'Serve a schema registry speaking Confluent Schema Registry\'s REST API on this address (127.0.0.1:8081 when given without a value); schemas are kept in the `_schemas` topic' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l listeners -l listener -d 'A Kafka listener, NAME=PROTOCOL://HOST:PORT, repeatable (Kafka\'s listeners); PROTOCOL is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, and PROTOCOL://HOST:PORT alone is named after its protocol; set, these replace --listen-addr' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l advertised-listeners -l advertised-listener -d 'The address a listener is advertised as, NAME=HOST:PORT or NAME://HOST:PORT, repeatable (Kafka\'s advertised.listeners); a listener not named here is advertised as its bound address' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l allow-unauthenticated-remote -d 'Serve listeners without authentication on addresses other than loopback, where anyone who can connect can read, write and delete every topic [default: false]' -r -f -a "true\t''
false\t''"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l ssl-certificate-location -d 'PEM certificate chain of SSL and SASL_SSL listeners, the broker\'s certificate first; reread when the file changes or on SIGHUP' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l ssl-key-location -d 'PEM private key of the certificate (PKCS#8, PKCS#1 or SEC1)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l ssl-ca-location -d 'PEM CA certificates that client certificates must chain to (for --ssl-client-auth)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l ssl-client-auth -d 'Client certificates on SSL and SASL_SSL listeners: none, requested or required (Kafka\'s ssl.client.auth); a certificate\'s subject becomes the principal on SSL listeners [default: none]' -r -f -a "none\t'No client certificate is asked for'
requested\t'A certificate is asked for; a client without one connects as User:ANONYMOUS'
required\t'A client without a trusted certificate cannot connect'"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l ssl-principal-mapping-rules -d 'How a client certificate\'s subject DN becomes a principal name (Kafka\'s ssl.principal.mapping.rules): RULE:PATTERN/REPLACEMENT/[LU] entries and DEFAULT, comma-separated [default: DEFAULT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l sasl-enabled-mechanisms -d 'SASL mechanisms SASL listeners offer, comma-separated: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER (PLAIN checks the password against the user\'s SCRAM credentials) [default: PLAIN,SCRAM-SHA-256,SCRAM-SHA-512]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l sasl-users -l sasl-user -d 'A SASL user to create at start if it does not exist yet, NAME=PASSWORD, repeatable; stored as SCRAM-SHA-256 and SCRAM-SHA-512 credentials (never the password), then managed with `streamline users`' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l sasl-oauthbearer-jwks-endpoint-url -d 'Where OAUTHBEARER tokens\' signing keys are: a JWK set at an https://, http:// or file:// URL (Kafka\'s sasl.oauthbearer.jwks.endpoint.url), refetched hourly; unset, OAUTHBEARER accepts unsecured tokens, for development only' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l sasl-oauthbearer-expected-issuer -d 'The issuer (iss) OAUTHBEARER tokens must name (Kafka\'s sasl.oauthbearer.expected.issuer)' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l sasl-oauthbearer-expected-audience -d 'An audience (aud) OAUTHBEARER tokens must include (Kafka\'s sasl.oauthbearer.expected.audience)' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l sasl-oauthbearer-sub-claim-name -d 'The token claim naming the principal (Kafka\'s sasl.oauthbearer.sub.claim.name) [default: sub]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l authorizer-enable -d 'Enforce ACLs: every request is authorized against the ACLs as Apache Kafka\'s StandardAuthorizer does [default: false]' -r -f -a "true\t''
false\t''"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l super-users -l super-user -d 'Principals allowed everything whatever the ACLs say, e.g. User:admin, repeatable, semicolon-separated in the variable (Kafka\'s super.users)' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l allow-everyone-if-no-acl-found -d 'Allow an action on a resource no ACL names (Kafka\'s allow.everyone.if.no.acl.found) [default: false]' -r -f -a "true\t''
false\t''"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l connections-max-reauth-ms -d 'Longest a SASL session lasts before the client must re-authenticate (KIP-368, Kafka\'s connections.max.reauth.ms); 0 for no limit [default: 0]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l data-dir -d 'Directory holding the topic logs; one server process owns it at a time [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l in-memory -d 'Keep every log in memory only: nothing is written to disk and all data is lost on exit [default: false]' -r -f -a "true\t''
false\t''"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-level -d 'Log filter: a level (off, error, warn, info, debug, trace) or tracing directives such as "info,streamline=debug"; RUST_LOG applies when neither this flag nor STREAMLINE_LOG_LEVEL is set [default: info]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l fsync -d 'When written data is fsynced to disk: acks, always, interval or never [default: acks]' -r -f -a "acks\t'acks=all is answered only after an fsync (group commit); acks=1 right after the write'
always\t'Every produce is fsynced before it is acknowledged, whatever its acks'
interval\t'A background fsync runs every fsync_interval_ms; no request waits for it'
never\t'Never fsync; flushing to disk is left to the operating system'"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l fsync-interval-ms -d 'Period of the background fsync under --fsync interval, in milliseconds [default: 1000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l default-partitions -d 'Partition count of topics created without an explicit count, including auto-created ones (Kafka\'s num.partitions) [default: 1]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l auto-create-topics -d 'Create a topic when a client produces to or asks metadata for one that does not exist (Kafka\'s auto.create.topics.enable) [default: true]' -r -f -a "true\t''
false\t''"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l max-connections -d 'Client connections served at once; further connections are refused until one closes [default: 1024]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l max-connections-per-ip -d 'Connections served at once from one IP address, so that one host cannot take every slot (Kafka\'s max.connections.per.ip) [default: 2147483647]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l metrics-partition-series -d 'Also publish each partition\'s log size, offsets and segment count in /metrics, not only each topic\'s [default: false]' -r -f -a "true\t''
false\t''"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l metrics-max-series -d 'Labelled series one /metrics scrape holds at most; those beyond are left out and counted in streamline_metrics_series_dropped [default: 10000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l connections-max-idle-ms -d 'A connection with nothing in flight is closed after this long without a request (Kafka\'s connections.max.idle.ms, 10 minutes) [default: 600000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l first-request-timeout-ms -d 'A new connection is closed if its first complete request has not arrived within this long, so sockets that never speak cannot hold slots [default: 10000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l max-frame-bytes -d 'Largest request frame accepted, in bytes; a larger one closes the connection (Kafka\'s socket.request.max.bytes, 100 MiB) [default: 104857600]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l queued-max-request-bytes -d 'Bytes of incomplete requests held for all connections together; beyond it, connections wait before reading more (Kafka\'s queued.max.request.bytes). At least max_frame_bytes [default: 268435456]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l message-max-bytes -d 'Largest record batch a producer may send, in bytes; larger ones are rejected with MESSAGE_TOO_LARGE (Kafka\'s message.max.bytes) [default: 1048588]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-segment-bytes -d 'Size at which a partition\'s active segment is closed and a new one started (Kafka\'s log.segment.bytes, 1 GiB) [default: 1073741824]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-segment-ms -d 'Age at which a partition\'s active segment is rolled even if not full (Kafka\'s log.roll.ms, 7 days) [default: 604800000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-retention-ms -d 'How long closed segments are kept before deletion; -1 keeps them forever (Kafka\'s log.retention.ms, 7 days) [default: 604800000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-retention-bytes -d 'Size a partition may reach before its oldest closed segments are deleted; -1 means no limit (Kafka\'s log.retention.bytes) [default: -1]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-retention-check-interval-ms -d 'How often retention limits are checked (Kafka\'s log.retention.check.interval.ms) [default: 300000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleanup-policy -d 'Default cleanup.policy of topics: delete, compact or compact,delete (Kafka\'s log.cleanup.policy) [default: delete]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleaner-enable -d 'Run the log cleaner that compacts topics with cleanup.policy=compact (Kafka\'s log.cleaner.enable) [default: true]' -r -f -a "true\t''
false\t''"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleaner-backoff-ms -d 'How long the cleaner waits before looking again when no partition is due (Kafka\'s log.cleaner.backoff.ms) [default: 15000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleaner-dedupe-buffer-size -d 'Memory for the cleaner\'s key to offset map, in bytes: 24 bytes per key of the part of a log cleaned in one pass (Kafka\'s log.cleaner.dedupe.buffer.size) [default: 134217728]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleaner-io-max-bytes-per-second -d 'Bytes per second the cleaner may read and write, 0 for no limit (Kafka\'s log.cleaner.io.max.bytes.per.second) [default: 0]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleaner-min-cleanable-ratio -d 'Default min.cleanable.dirty.ratio of topics: the share of a log not yet compacted at which it is cleaned (Kafka\'s log.cleaner.min.cleanable.ratio) [default: 0.5]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleaner-min-compaction-lag-ms -d 'Default min.compaction.lag.ms of topics: records younger than this are not compacted (Kafka\'s log.cleaner.min.compaction.lag.ms) [default: 0]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleaner-max-compaction-lag-ms -d 'Default max.compaction.lag.ms of topics: records older than this are compacted whatever the dirty ratio (Kafka\'s log.cleaner.max.compaction.lag.ms) [default: 9223372036854775807]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-cleaner-delete-retention-ms -d 'Default delete.retention.ms of topics: how long compaction keeps tombstones and transaction markers (Kafka\'s log.cleaner.delete.retention.ms) [default: 86400000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l group-consumer-session-timeout-ms -d 'Members of consumer-protocol groups (KIP-848, group.protocol=consumer) not heard from for this long are removed and their partitions reassigned (Kafka\'s group.consumer.session.timeout.ms) [default: 45000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l group-consumer-heartbeat-interval-ms -d 'How often members of consumer-protocol groups (KIP-848) are told to heartbeat (Kafka\'s group.consumer.heartbeat.interval.ms) [default: 5000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l node-id -d 'Broker id reported to clients in Metadata responses (Kafka\'s node.id) [default: 0]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l generate-config -d 'Print a commented config file with every setting at its default, then exit'
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s m -l message -d 'A message to send (repeatable); without -m, --file or --template, lines are read from standard input' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l file -d 'Send each line of this file as a message' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l template -d 'Render each message from this template, e.g. \'{"id":"{{uuid}}","n":{{i}}}\'' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s k -l key -d 'Key for every message' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l key-template -d 'Render each message\'s key from this template' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s K -l key-delimiter -d 'Split each input line at the first DELIM into key and value' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l input-format -d 'Read each input line with a kcat format string, e.g. \'%k:%s\' or \'%p|%T|%k|%s\': %k key, %s value, %p partition, %T timestamp, %h headers (n=v,…); %t and %o are matched and ignored, so what `consume --format FMT` printed reads back with the same FMT' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s H -l header -d 'Header for every message, KEY=VALUE (repeatable)' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s p -l partition -d 'Send every message to this partition (default: by key hash, or spread when unkeyed)' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s n -l count -d 'Number of messages: renders of --template (default 1), repetitions of the -m list, or at most this many input lines' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l acks -d 'Acknowledgements to wait for: 0 (none), 1 (leader) or all [default: all, or -X acks]' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l compression -d 'Compression codec for the batches [default: none, or -X compression.type]' -r -f -a "none\t''
gzip\t''
snappy\t''
lz4\t''
zstd\t''"
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l rate -d 'Send at most this many messages per second' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l seed -d 'Seed for every random template value, for reproducible data' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l format -d 'Summary format (text goes to the terminal only; json always prints)' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand produce" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand produce" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s p -l partition -d 'Read only this partition (repeatable; default: every partition)' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s g -l group -d 'Consume as a member of this consumer group: share the partitions with the group\'s other members, start from its committed offsets, and commit as records are printed' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s o -l offset -d 'Where to start: beginning, end, an offset N, -N for the last N records of each partition, or @TIMESTAMP (epoch ms)' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l at -d 'Start at a moment: \'2024-01-15 14:30:00\', RFC 3339, epoch ms, \'yesterday\', \'today 09:00\', \'2 hours ago\'' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l last -d 'Start this long ago: 30s, 5m, 2h, 1d' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l until -d 'Stop at a moment (same forms as --at): records from then on are not read' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s n -l count -d 'Stop after this many records' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l grep -d 'Keep only records whose value matches this regular expression' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l expect-count -d 'Succeed once this many records were read (after the filters); exit 1 if the end or --timeout comes first. With the other --expect-* flags, all must hold' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l expect-match -d 'Succeed once a record\'s value matches this regular expression; exit 1 if none does' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l expect-jq -d 'Succeed once this jq filter (or JSONPath) is true for a record\'s value; exit 1 if it never is' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l timeout -d 'Give up after this long (e.g. 30s), exiting 1 if an --expect-* flag does not hold yet; works with -f' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l grep-key -d 'Keep only records whose key matches this regular expression' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l jq -d 'Transform and filter JSON values: a jq filter (e.g. \'select(.qty > 5) | .id\'), or a JSONPath expression when it starts with $ (e.g. \'$.items[*].sku\'); values that are not JSON are skipped' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l sample -d 'Print a sample: a percentage (\'10%\', each record kept at random) or a count (\'100\', exactly that many chosen uniformly, printed at the end)' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l format -d 'Output format: text (value per line), json (pretty on a terminal, one line per record when piped), ndjson (always one line per record), raw (value bytes verbatim, one per line), or a kcat format string such as \'%t [%p] %o %k: %s\\n\' (tokens %s %S %R %k %K %T %h %t %p %o; escapes \\n \\r \\t \\xHH)' -r -f -a "text\t''
json\t''
ndjson\t''
raw\t''"
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l isolation -d 'Which records of transactions to read: only committed ones, stopping before any open transaction (read_committed), or everything written, aborted and open transactions included (read_uncommitted)' -r -f -a "read_committed\t''
read_uncommitted\t''"
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l from-beginning -d 'Start at the earliest offset (the default unless -o says otherwise)'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s f -l follow -d 'Keep waiting for new records instead of stopping at the end'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s e -l exit -d 'Stop once every partition is read to the end offset seen at start (the default)'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s i -l ignore-case -d 'Make --grep and --grep-key case-insensitive'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s v -l invert-match -d 'Keep only records whose value does NOT match --grep'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l show-keys -d 'Print each record\'s key (text format)'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l show-timestamps -d 'Print each record\'s timestamp (text format)'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l show-offsets -d 'Print each record\'s partition and offset (text format)'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l show-headers -d 'Print each record\'s headers (text format)'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l json-values -d 'With --format json or ndjson: a value or key that is valid JSON is written as JSON (so `jq .value.total` works), exactly as stored; others stay strings'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand consume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "list" -d 'List topics with their partition counts'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "create" -d 'Create a topic'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "describe" -d 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "alter" -d 'Change a topic\'s configs or grow its partition count'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "export" -d 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "import" -d 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "watch" -d 'Print every topic\'s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "delete" -d 'Delete a topic and all its records'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and not __fish_seen_subcommand_from list create describe alter export import watch delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -s i -l internal -d 'Also list the cluster\'s internal topics (Kafka\'s __consumer_offsets, __transaction_state, ...), which are left out by default'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -s p -l partitions -d 'Number of partitions (broker default when omitted)' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -s r -l replication-factor -d 'Replication factor (broker default when omitted)' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -s c -l config -d 'Topic config override, KEY=VALUE (repeatable), e.g. retention.ms=86400000' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l storage-mode -d 'Where the records live: disk (the broker\'s data directory) or diskless (in memory only, lost when the broker restarts; the topic config diskless.enable=true)' -r -f -a "disk\t''
diskless\t''"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l retention-ms -d 'Set retention.ms (milliseconds; -1 keeps records forever)' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l retention-bytes -d 'Set retention.bytes (per partition; -1 for no limit)' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -s c -l config -d 'Set a config, KEY=VALUE (repeatable)' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l delete-config -d 'Return a config to its default (repeatable)' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -s p -l partitions -d 'Grow the topic to this many partitions' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from alter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -s o -d 'File to write (made durable before the command returns); standard output without it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -s i -l input -d 'File to read' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -s i -l interval -d 'Time between reports, e.g. 500ms, 1s, 1m' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -s n -l count -d 'Stop after this many reports (default: until interrupted)' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "list" -d 'List topics with their partition counts'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a topic'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "alter" -d 'Change a topic\'s configs or grow its partition count'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "import" -d 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Print every topic\'s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a topic and all its records'
complete -c streamline -n "__fish_streamline_using_subcommand topics; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "list" -d 'List consumer groups with their state'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "describe" -d 'Show a group\'s members and assignments, and committed offset, end offset and lag per partition'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "reset" -d 'Plan (and with --execute, apply) new committed offsets for a group with no members'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "delete" -d 'Delete a group that has no members, with its committed offsets'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and not __fish_seen_subcommand_from list describe reset delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -s t -l topic -d 'Topic to reset, optionally with partitions: TOPIC or TOPIC:0,2,5 (repeatable)' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-offset -d 'To this offset (clamped to what each partition holds)' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l shift-by -d 'By this many records from the committed offset (negative goes back)' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-datetime -d 'To the first record at or after a moment (same forms as consume --at)' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l by-duration -d 'To the first record written at most this long ago: 30m, 2h, 1d' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l all-topics -d 'Reset every topic the group has committed offsets for'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-earliest -d 'To each partition\'s earliest offset'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l to-latest -d 'To each partition\'s end offset'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l execute -d 'Apply the plan (without it, only print it)'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from reset" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "list" -d 'List consumer groups with their state'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a group\'s members and assignments, and committed offset, end offset and lag per partition'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "reset" -d 'Plan (and with --execute, apply) new committed offsets for a group with no members'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a group that has no members, with its committed offsets'
complete -c streamline -n "__fish_streamline_using_subcommand groups; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -f -a "list" -d 'List transactional ids with their producer id and state'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -f -a "describe" -d 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and not __fish_seen_subcommand_from list describe help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from help" -f -a "list" -d 'List transactional ids with their producer id and state'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction'
complete -c streamline -n "__fish_streamline_using_subcommand transactions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -f -a "list" -d 'List users and their SCRAM mechanisms'
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -f -a "create" -d 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)'
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -f -a "passwd" -d 'Change a user\'s password'
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -f -a "delete" -d 'Delete a user\'s credentials'
complete -c streamline -n "__fish_streamline_using_subcommand users; and not __fish_seen_subcommand_from list create passwd delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l password-file -d 'Read the new password from this file (its first line; readable by its owner only); else from STREAMLINE_NEW_PASSWORD, else asked for twice on the terminal' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l mechanism -d 'SCRAM mechanisms to set the password for' -r -f -a "both\t'SCRAM-SHA-256 and SCRAM-SHA-512'
SCRAM-SHA-256\t''
SCRAM-SHA-512\t''"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l iterations -d 'PBKDF2 iterations (Kafka accepts 4096 to 16384)' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l password-file -d 'Read the new password from this file (its first line; readable by its owner only); else from STREAMLINE_NEW_PASSWORD, else asked for twice on the terminal' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l mechanism -d 'SCRAM mechanisms to set the password for' -r -f -a "both\t'SCRAM-SHA-256 and SCRAM-SHA-512'
SCRAM-SHA-256\t''
SCRAM-SHA-512\t''"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l iterations -d 'PBKDF2 iterations (Kafka accepts 4096 to 16384)' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l mechanism -d 'SCRAM mechanisms to delete' -r -f -a "both\t'SCRAM-SHA-256 and SCRAM-SHA-512'
SCRAM-SHA-256\t''
SCRAM-SHA-512\t''"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l dry-run -d 'Say what would be deleted, and delete nothing'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users and their SCRAM mechanisms'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "passwd" -d 'Change a user\'s password'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user\'s credentials'
complete -c streamline -n "__fish_streamline_using_subcommand users; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -f -a "list" -d 'List ACLs, all or those the filter flags select'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -f -a "create" -d 'Create ACLs: one per --operation (and per --principal)'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -f -a "delete" -d 'Delete the ACLs the filter flags select'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and not __fish_seen_subcommand_from list create delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l resource-type -d 'topic, group, cluster, transactional-id, delegation-token or user' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l resource-name -d 'Resource name (for a cluster: kafka-cluster)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l pattern -d 'literal, prefixed, any, or match (every ACL that applies to --resource-name)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l principal -d 'Principal, e.g. User:alice (User:* is anyone)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l host -d 'Client host (* for any)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l operation -d 'Operation: all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l permission -d 'allow or deny' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l resource-type -d 'topic, group, cluster, transactional-id, delegation-token or user' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l resource-name -d 'Resource name; * for every resource of the type [default for a cluster: kafka-cluster]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l pattern -d 'literal or prefixed' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l principal -d 'Principal, e.g. User:alice, or User:* for anyone (repeatable)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l host -d 'Client host the ACL applies to' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l operation -d 'Operation (repeatable): all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l permission -d 'allow or deny' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l resource-type -d 'topic, group, cluster, transactional-id, delegation-token or user' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l resource-name -d 'Resource name (for a cluster: kafka-cluster)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l pattern -d 'literal, prefixed, any, or match (every ACL that applies to --resource-name)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l principal -d 'Principal, e.g. User:alice (User:* is anyone)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l host -d 'Client host (* for any)' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l operation -d 'Operation: all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l permission -d 'allow or deny' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l dry-run -d 'Show what would be deleted, and delete nothing'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from help" -f -a "list" -d 'List ACLs, all or those the filter flags select'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create ACLs: one per --operation (and per --principal)'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the ACLs the filter flags select'
complete -c streamline -n "__fish_streamline_using_subcommand acls; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand top" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand top" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand top" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand top" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand top" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand top" -l http-addr -d 'The broker\'s HTTP address (`serve --http-addr`): shows its readiness and open connections in the header' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -s i -l interval -d 'How often to refresh (change it live with + and -), e.g. 500ms, 1s, 5s' -r
complete -c streamline -n "__fish_streamline_using_subcommand top" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand top" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand top" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand top" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -s c -l config -d 'Server config file to validate (and to take the listen address and data directory from)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l deep -d 'Also read every segment of the data directory: batch CRCs, offsets and indexes'
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand info" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand info" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand info" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand info" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand info" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand info" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand info" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand info" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand info" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand info" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand info" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand info" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand info" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand info" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand info" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand info" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand info" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand info" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s t -l topic -d 'Topic to use (created with --partitions if it does not exist)' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s n -l messages -d 'Records to send or read [default: 100000, or the scenario\'s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s d -l duration -d 'Run for this long instead of a number of records (e.g. 30s, 2m)' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s s -l size -d 'Value size in bytes [default: 100, or the scenario\'s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s p -l partitions -d 'Partitions of the topic when it is created [default: 1, or the scenario\'s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l acks -d 'Acknowledgements: 0, 1 or all [default: all, or the scenario\'s]' -r -f -a "0\t''
1\t''
all\t''"
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l compression -d 'Compression of produced batches [default: none]' -r -f -a "none\t''
gzip\t''
snappy\t''
lz4\t''
zstd\t''"
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l producers -d 'Concurrent producers [default: 1]' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l consumers -d 'Concurrent consumers [default: 1]' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l rate -d 'Records per second in all (default: as fast as possible; end-to-end: 1000)' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l scenario -d 'Start from a named set of defaults (see --list-scenarios); flags still override' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l list-scenarios -d 'List the scenarios and exit'
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand benchmark" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and not __fish_seen_subcommand_from from-kafka help" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and not __fish_seen_subcommand_from from-kafka help" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and not __fish_seen_subcommand_from from-kafka help" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and not __fish_seen_subcommand_from from-kafka help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and not __fish_seen_subcommand_from from-kafka help" -f -a "from-kafka" -d 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and not __fish_seen_subcommand_from from-kafka help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l kafka-servers -d 'Bootstrap servers of the source cluster' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -s t -l topics -d 'Topics to migrate, comma-separated [default: every topic but internal ones]' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l topics-regex -d 'Migrate the topics whose whole name matches this regular expression' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l skip-config -d 'A topic config override not to copy, such as one the destination does not support (repeatable)' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l rate -d 'Copy at most this many records per second, to spare a busy source' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l execute -d 'Copy (without it, only print the plan)'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from from-kafka" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "from-kafka" -d 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute'
complete -c streamline -n "__fish_streamline_using_subcommand migrate; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand shell" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand shell" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand shell" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand shell" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand shell" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -f -a "list" -d 'List saved profiles'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -f -a "add" -d 'Save (or replace) a profile'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -f -a "remove" -d 'Delete a profile'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and not __fish_seen_subcommand_from list add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from list" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from list" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from list" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from list" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...])' -r
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l data-dir -d 'Data directory for in-process access' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l connect-timeout -d 'How long commands wait for a connection and its first answer (e.g. 5s)' -r
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l request-timeout -d 'How long commands wait for each answer (e.g. 10s)' -r
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l security-protocol -d 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL' -r
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l sasl-mechanism -d 'PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l sasl-password-file -d 'File holding the password (readable by its owner only); the profile stores this path, not the password' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l ssl-ca-location -d 'PEM CA certificates to trust' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l ssl-certificate-location -d 'PEM client certificate (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l store-password -d 'Store the password itself in the profile (from STREAMLINE_SASL_PASSWORD, or asked for on the terminal); the profiles file is then made readable by you only'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from remove" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from remove" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from remove" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from remove" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List saved profiles'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "add" -d 'Save (or replace) a profile'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Delete a profile'
complete -c streamline -n "__fish_streamline_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l name -d 'Save the connection as this profile [default: local, or remote for -b]' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l demo-topic -d 'Create this demo topic with a few records [default on a terminal: asked, quickstart]' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l no-demo -d 'Create no demo topic'
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -s y -l yes -d 'Take the default for everything the flags leave open (a local data directory ./data, profile local, demo topic quickstart) instead of asking'
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand quickstart" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand wait" -s b -l bootstrap-server -d 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l data-dir -d 'Data directory to open in-process when no -b is given [default: ./data]' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand wait" -s P -l profile -d 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l connect-timeout -d 'How long to wait for a connection to a broker and its first answer [default: 10s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l request-timeout -d 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -s X -d 'A client property with librdkafka\'s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command\'s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l security-protocol -d 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka\'s security.protocol) [default: PLAINTEXT]' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l sasl-mechanism -d 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l sasl-username -d 'SASL user name' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l sasl-password-file -d 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l ssl-ca-location -d 'PEM CA certificates to trust for TLS instead of the system\'s' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l ssl-certificate-location -d 'PEM client certificate, for brokers that require one (mTLS)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l ssl-key-location -d 'PEM private key of the client certificate' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l timeout -d 'Give up after this long (e.g. 500ms, 30s, 2m)' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -s t -l topic -d 'Also wait for this topic to exist with every partition led' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -s p -l partitions -d 'With --topic: wait until it has at least this many partitions' -r
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand wait" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -l grep -d 'Only commands matching this regular expression' -r
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -s n -l count -d 'Only the newest N matching commands' -r
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -l source -d 'Only commands run here: shell or cli' -r -f -a "shell\t''
cli\t''"
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -l format -d 'Output format' -r -f -a "text\t'Aligned, human-readable text'
json\t'JSON: pretty on a terminal, one value per line when piped'"
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -f -a "enable" -d 'Also record commands run on the command line (the shell\'s are always recorded)'
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -f -a "disable" -d 'Stop recording command-line commands'
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -f -a "clear" -d 'Forget every recorded command'
complete -c streamline -n "__fish_streamline_using_subcommand history; and not __fish_seen_subcommand_from enable disable clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from enable" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from enable" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from disable" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from disable" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from clear" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from clear" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from clear" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Also record commands run on the command line (the shell\'s are always recorded)'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Stop recording command-line commands'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Forget every recorded command'
complete -c streamline -n "__fish_streamline_using_subcommand history; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand completions" -l color -d 'When to use colour in human-readable output' -r -f -a "auto\t'Colour on a terminal, unless NO_COLOR is set'
always\t'Always colour'
never\t'Never colour'"
complete -c streamline -n "__fish_streamline_using_subcommand completions" -l output -d 'Write the command\'s output to FILE instead of standard output (replacing FILE)' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand completions" -l no-color -d 'No colour: the same as --color never'
complete -c streamline -n "__fish_streamline_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "serve" -d 'Run the Kafka-compatible broker'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "produce" -d 'Send messages: from -m, a file, standard input or a template'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "consume" -d 'Read records: from any offset or time, as text, JSON or raw bytes'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "topics" -d 'List, create, describe, alter and delete topics'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "groups" -d 'List, describe (members, lag), reset and delete consumer groups'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "transactions" -d 'List transactional ids and describe one (producer, state, open partitions)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "users" -d 'List, create, delete SASL/SCRAM users and change their passwords'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "acls" -d 'List, create and delete ACLs'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "top" -d 'Live dashboard: rates, sizes, consumer lag and a tail of any topic (like htop)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "doctor" -d 'Check data directory, limits, broker, APIs and clock; --deep reads every batch'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "info" -d 'Version, build and features, and what the data directory or cluster holds'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "benchmark" -d 'Measure produce, consume or end-to-end throughput and latency'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "migrate" -d 'Copy topics and consumer group offsets from another Kafka-compatible cluster'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "shell" -d 'Interactive shell: every command without the `streamline` prefix, one connection'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "profile" -d 'Save, list and remove connection profiles (used with -P NAME)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "quickstart" -d 'First set-up: local or remote, a checked connection, a profile, a demo topic'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "wait" -d 'Wait until a broker answers (and a topic is ready): for scripts and CI'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "history" -d 'Commands run in the shell (and, after `history enable`, on the command line)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve produce consume topics groups transactions users acls top doctor info benchmark migrate shell profile quickstart wait history completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "list" -d 'List topics with their partition counts'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "create" -d 'Create a topic'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "describe" -d 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "alter" -d 'Change a topic\'s configs or grow its partition count'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "export" -d 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "import" -d 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "watch" -d 'Print every topic\'s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from topics" -f -a "delete" -d 'Delete a topic and all its records'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "list" -d 'List consumer groups with their state'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "describe" -d 'Show a group\'s members and assignments, and committed offset, end offset and lag per partition'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "reset" -d 'Plan (and with --execute, apply) new committed offsets for a group with no members'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from groups" -f -a "delete" -d 'Delete a group that has no members, with its committed offsets'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from transactions" -f -a "list" -d 'List transactional ids with their producer id and state'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from transactions" -f -a "describe" -d 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "list" -d 'List users and their SCRAM mechanisms'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "create" -d 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "passwd" -d 'Change a user\'s password'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from users" -f -a "delete" -d 'Delete a user\'s credentials'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from acls" -f -a "list" -d 'List ACLs, all or those the filter flags select'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from acls" -f -a "create" -d 'Create ACLs: one per --operation (and per --principal)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from acls" -f -a "delete" -d 'Delete the ACLs the filter flags select'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from migrate" -f -a "from-kafka" -d 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List saved profiles'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "add" -d 'Save (or replace) a profile'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "remove" -d 'Delete a profile'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from history" -f -a "enable" -d 'Also record commands run on the command line (the shell\'s are always recorded)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from history" -f -a "disable" -d 'Stop recording command-line commands'
complete -c streamline -n "__fish_streamline_using_subcommand help; and __fish_seen_subcommand_from history" -f -a "clear" -d 'Forget every recorded command'
