
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'streamline' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'streamline'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'streamline' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the Kafka-compatible broker')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Send messages: from -m, a file, standard input or a template')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read records: from any offset or time, as text, JSON or raw bytes')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'List, create, describe, alter and delete topics')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'List, describe (members, lag), reset and delete consumer groups')
            [CompletionResult]::new('transactions', 'transactions', [CompletionResultType]::ParameterValue, 'List transactional ids and describe one (producer, state, open partitions)')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List, create, delete SASL/SCRAM users and change their passwords')
            [CompletionResult]::new('acls', 'acls', [CompletionResultType]::ParameterValue, 'List, create and delete ACLs')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'List, show, register, check and delete registry schemas; compatibility levels')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'Live dashboard: rates, sizes, consumer lag and a tail of any topic (like htop)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check data directory, limits, broker, APIs and clock; --deep reads every batch')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Version, build and features, and what the data directory or cluster holds')
            [CompletionResult]::new('benchmark', 'benchmark', [CompletionResultType]::ParameterValue, 'Measure produce, consume or end-to-end throughput and latency')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy topics and consumer group offsets from another Kafka-compatible cluster')
            [CompletionResult]::new('shell', 'shell', [CompletionResultType]::ParameterValue, 'Interactive shell: every command without the `streamline` prefix, one connection')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Save, list and remove connection profiles (used with -P NAME)')
            [CompletionResult]::new('quickstart', 'quickstart', [CompletionResultType]::ParameterValue, 'First set-up: local or remote, a checked connection, a profile, a demo topic')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a broker answers (and a topic is ready): for scripts and CI')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Commands run in the shell (and, after `history enable`, on the command line)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;serve' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Read settings from this TOML file; flags and STREAMLINE_* variables override it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this TOML file; flags and STREAMLINE_* variables override it')
            [CompletionResult]::new('--playground', '--playground', [CompletionResultType]::ParameterName, 'Also create demo topics (orders, clickstream, sensors, logs) fed with live data, and a consumer group that lags, so `top`, `consume -f` and `groups describe` show something at once; the schema registry runs (on 127.0.0.1:8081 when free) and `payments` carries Avro records of a registered schema; `--playground secure` adds a SASL_SSL listener with a demo user and a certificate, and prints the client settings')
            [CompletionResult]::new('--ready-file', '--ready-file', [CompletionResultType]::ParameterName, 'Once serving, write the bound address (HOST:PORT and a newline) to this file, so a script can wait for it; removed again at a clean stop')
            [CompletionResult]::new('--listen-addr', '--listen-addr', [CompletionResultType]::ParameterName, 'Address the Kafka listener binds to; anything but loopback exposes the broker without authentication [default: 127.0.0.1:9092]')
            [CompletionResult]::new('--advertised-addr', '--advertised-addr', [CompletionResultType]::ParameterName, 'Address clients are told to connect to in Metadata responses (Kafka''s advertised.listeners); unset means the listen address')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'Address of the HTTP listener for health probes (/health/live, /health/ready) and Prometheus metrics (/metrics); unset means no HTTP listener, the flag alone means 127.0.0.1:9094')
            [CompletionResult]::new('--schema-registry-addr', '--schema-registry-addr', [CompletionResultType]::ParameterName, 'Serve a schema registry speaking Confluent Schema Registry''s REST API on this address (127.0.0.1:8081 when given without a value); schemas are kept in the `_schemas` topic')
            [CompletionResult]::new('--listeners', '--listeners', [CompletionResultType]::ParameterName, 'A Kafka listener, NAME=PROTOCOL://HOST:PORT, repeatable (Kafka''s listeners); PROTOCOL is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, and PROTOCOL://HOST:PORT alone is named after its protocol; set, these replace --listen-addr')
            [CompletionResult]::new('--listener', '--listener', [CompletionResultType]::ParameterName, 'A Kafka listener, NAME=PROTOCOL://HOST:PORT, repeatable (Kafka''s listeners); PROTOCOL is PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL, and PROTOCOL://HOST:PORT alone is named after its protocol; set, these replace --listen-addr')
            [CompletionResult]::new('--advertised-listeners', '--advertised-listeners', [CompletionResultType]::ParameterName, 'The address a listener is advertised as, NAME=HOST:PORT or NAME://HOST:PORT, repeatable (Kafka''s advertised.listeners); a listener not named here is advertised as its bound address')
            [CompletionResult]::new('--advertised-listener', '--advertised-listener', [CompletionResultType]::ParameterName, 'The address a listener is advertised as, NAME=HOST:PORT or NAME://HOST:PORT, repeatable (Kafka''s advertised.listeners); a listener not named here is advertised as its bound address')
            [CompletionResult]::new('--allow-unauthenticated-remote', '--allow-unauthenticated-remote', [CompletionResultType]::ParameterName, 'Serve listeners without authentication on addresses other than loopback, where anyone who can connect can read, write and delete every topic [default: false]')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM certificate chain of SSL and SASL_SSL listeners, the broker''s certificate first; reread when the file changes or on SIGHUP')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the certificate (PKCS#8, PKCS#1 or SEC1)')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates that client certificates must chain to (for --ssl-client-auth)')
            [CompletionResult]::new('--ssl-client-auth', '--ssl-client-auth', [CompletionResultType]::ParameterName, 'Client certificates on SSL and SASL_SSL listeners: none, requested or required (Kafka''s ssl.client.auth); a certificate''s subject becomes the principal on SSL listeners [default: none]')
            [CompletionResult]::new('--ssl-principal-mapping-rules', '--ssl-principal-mapping-rules', [CompletionResultType]::ParameterName, 'How a client certificate''s subject DN becomes a principal name (Kafka''s ssl.principal.mapping.rules): RULE:PATTERN/REPLACEMENT/[LU] entries and DEFAULT, comma-separated [default: DEFAULT]')
            [CompletionResult]::new('--sasl-enabled-mechanisms', '--sasl-enabled-mechanisms', [CompletionResultType]::ParameterName, 'SASL mechanisms SASL listeners offer, comma-separated: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER (PLAIN checks the password against the user''s SCRAM credentials) [default: PLAIN,SCRAM-SHA-256,SCRAM-SHA-512]')
            [CompletionResult]::new('--sasl-users', '--sasl-users', [CompletionResultType]::ParameterName, 'A SASL user to create at start if it does not exist yet, NAME=PASSWORD, repeatable; stored as SCRAM-SHA-256 and SCRAM-SHA-512 credentials (never the password), then managed with `streamline users`')
            [CompletionResult]::new('--sasl-user', '--sasl-user', [CompletionResultType]::ParameterName, 'A SASL user to create at start if it does not exist yet, NAME=PASSWORD, repeatable; stored as SCRAM-SHA-256 and SCRAM-SHA-512 credentials (never the password), then managed with `streamline users`')
            [CompletionResult]::new('--sasl-oauthbearer-jwks-endpoint-url', '--sasl-oauthbearer-jwks-endpoint-url', [CompletionResultType]::ParameterName, 'Where OAUTHBEARER tokens'' signing keys are: a JWK set at an https://, http:// or file:// URL (Kafka''s sasl.oauthbearer.jwks.endpoint.url), refetched hourly; unset, OAUTHBEARER accepts unsecured tokens, for development only')
            [CompletionResult]::new('--sasl-oauthbearer-expected-issuer', '--sasl-oauthbearer-expected-issuer', [CompletionResultType]::ParameterName, 'The issuer (iss) OAUTHBEARER tokens must name (Kafka''s sasl.oauthbearer.expected.issuer)')
            [CompletionResult]::new('--sasl-oauthbearer-expected-audience', '--sasl-oauthbearer-expected-audience', [CompletionResultType]::ParameterName, 'An audience (aud) OAUTHBEARER tokens must include (Kafka''s sasl.oauthbearer.expected.audience)')
            [CompletionResult]::new('--sasl-oauthbearer-sub-claim-name', '--sasl-oauthbearer-sub-claim-name', [CompletionResultType]::ParameterName, 'The token claim naming the principal (Kafka''s sasl.oauthbearer.sub.claim.name) [default: sub]')
            [CompletionResult]::new('--authorizer-enable', '--authorizer-enable', [CompletionResultType]::ParameterName, 'Enforce ACLs: every request is authorized against the ACLs as Apache Kafka''s StandardAuthorizer does [default: false]')
            [CompletionResult]::new('--super-users', '--super-users', [CompletionResultType]::ParameterName, 'Principals allowed everything whatever the ACLs say, e.g. User:admin, repeatable, semicolon-separated in the variable (Kafka''s super.users)')
            [CompletionResult]::new('--super-user', '--super-user', [CompletionResultType]::ParameterName, 'Principals allowed everything whatever the ACLs say, e.g. User:admin, repeatable, semicolon-separated in the variable (Kafka''s super.users)')
            [CompletionResult]::new('--allow-everyone-if-no-acl-found', '--allow-everyone-if-no-acl-found', [CompletionResultType]::ParameterName, 'Allow an action on a resource no ACL names (Kafka''s allow.everyone.if.no.acl.found) [default: false]')
            [CompletionResult]::new('--connections-max-reauth-ms', '--connections-max-reauth-ms', [CompletionResultType]::ParameterName, 'Longest a SASL session lasts before the client must re-authenticate (KIP-368, Kafka''s connections.max.reauth.ms); 0 for no limit [default: 0]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory holding the topic logs; one server process owns it at a time [default: ./data]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Keep every log in memory only: nothing is written to disk and all data is lost on exit [default: false]')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'Log filter: a level (off, error, warn, info, debug, trace) or tracing directives such as "info,streamline=debug"; RUST_LOG applies when neither this flag nor STREAMLINE_LOG_LEVEL is set [default: info]')
            [CompletionResult]::new('--fsync', '--fsync', [CompletionResultType]::ParameterName, 'When written data is fsynced to disk: acks, always, interval or never [default: acks]')
            [CompletionResult]::new('--fsync-interval-ms', '--fsync-interval-ms', [CompletionResultType]::ParameterName, 'Period of the background fsync under --fsync interval, in milliseconds [default: 1000]')
            [CompletionResult]::new('--default-partitions', '--default-partitions', [CompletionResultType]::ParameterName, 'Partition count of topics created without an explicit count, including auto-created ones (Kafka''s num.partitions) [default: 1]')
            [CompletionResult]::new('--auto-create-topics', '--auto-create-topics', [CompletionResultType]::ParameterName, 'Create a topic when a client produces to or asks metadata for one that does not exist (Kafka''s auto.create.topics.enable) [default: true]')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Client connections served at once; further connections are refused until one closes [default: 1024]')
            [CompletionResult]::new('--max-connections-per-ip', '--max-connections-per-ip', [CompletionResultType]::ParameterName, 'Connections served at once from one IP address, so that one host cannot take every slot (Kafka''s max.connections.per.ip) [default: 2147483647]')
            [CompletionResult]::new('--metrics-partition-series', '--metrics-partition-series', [CompletionResultType]::ParameterName, 'Also publish each partition''s log size, offsets and segment count in /metrics, not only each topic''s [default: false]')
            [CompletionResult]::new('--metrics-max-series', '--metrics-max-series', [CompletionResultType]::ParameterName, 'Labelled series one /metrics scrape holds at most; those beyond are left out and counted in streamline_metrics_series_dropped [default: 10000]')
            [CompletionResult]::new('--connections-max-idle-ms', '--connections-max-idle-ms', [CompletionResultType]::ParameterName, 'A connection with nothing in flight is closed after this long without a request (Kafka''s connections.max.idle.ms, 10 minutes) [default: 600000]')
            [CompletionResult]::new('--first-request-timeout-ms', '--first-request-timeout-ms', [CompletionResultType]::ParameterName, 'A new connection is closed if its first complete request has not arrived within this long, so sockets that never speak cannot hold slots [default: 10000]')
            [CompletionResult]::new('--max-frame-bytes', '--max-frame-bytes', [CompletionResultType]::ParameterName, 'Largest request frame accepted, in bytes; a larger one closes the connection (Kafka''s socket.request.max.bytes, 100 MiB) [default: 104857600]')
            [CompletionResult]::new('--queued-max-request-bytes', '--queued-max-request-bytes', [CompletionResultType]::ParameterName, 'Bytes of incomplete requests held for all connections together; beyond it, connections wait before reading more (Kafka''s queued.max.request.bytes). At least max_frame_bytes [default: 268435456]')
            [CompletionResult]::new('--message-max-bytes', '--message-max-bytes', [CompletionResultType]::ParameterName, 'Largest record batch a producer may send, in bytes; larger ones are rejected with MESSAGE_TOO_LARGE (Kafka''s message.max.bytes) [default: 1048588]')
            [CompletionResult]::new('--log-segment-bytes', '--log-segment-bytes', [CompletionResultType]::ParameterName, 'Size at which a partition''s active segment is closed and a new one started (Kafka''s log.segment.bytes, 1 GiB) [default: 1073741824]')
            [CompletionResult]::new('--log-segment-ms', '--log-segment-ms', [CompletionResultType]::ParameterName, 'Age at which a partition''s active segment is rolled even if not full (Kafka''s log.roll.ms, 7 days) [default: 604800000]')
            [CompletionResult]::new('--log-retention-ms', '--log-retention-ms', [CompletionResultType]::ParameterName, 'How long closed segments are kept before deletion; -1 keeps them forever (Kafka''s log.retention.ms, 7 days) [default: 604800000]')
            [CompletionResult]::new('--log-retention-bytes', '--log-retention-bytes', [CompletionResultType]::ParameterName, 'Size a partition may reach before its oldest closed segments are deleted; -1 means no limit (Kafka''s log.retention.bytes) [default: -1]')
            [CompletionResult]::new('--log-retention-check-interval-ms', '--log-retention-check-interval-ms', [CompletionResultType]::ParameterName, 'How often retention limits are checked (Kafka''s log.retention.check.interval.ms) [default: 300000]')
            [CompletionResult]::new('--log-cleanup-policy', '--log-cleanup-policy', [CompletionResultType]::ParameterName, 'Default cleanup.policy of topics: delete, compact or compact,delete (Kafka''s log.cleanup.policy) [default: delete]')
            [CompletionResult]::new('--log-cleaner-enable', '--log-cleaner-enable', [CompletionResultType]::ParameterName, 'Run the log cleaner that compacts topics with cleanup.policy=compact (Kafka''s log.cleaner.enable) [default: true]')
            [CompletionResult]::new('--log-cleaner-backoff-ms', '--log-cleaner-backoff-ms', [CompletionResultType]::ParameterName, 'How long the cleaner waits before looking again when no partition is due (Kafka''s log.cleaner.backoff.ms) [default: 15000]')
            [CompletionResult]::new('--log-cleaner-dedupe-buffer-size', '--log-cleaner-dedupe-buffer-size', [CompletionResultType]::ParameterName, 'Memory for the cleaner''s key to offset map, in bytes: 24 bytes per key of the part of a log cleaned in one pass (Kafka''s log.cleaner.dedupe.buffer.size) [default: 134217728]')
            [CompletionResult]::new('--log-cleaner-io-max-bytes-per-second', '--log-cleaner-io-max-bytes-per-second', [CompletionResultType]::ParameterName, 'Bytes per second the cleaner may read and write, 0 for no limit (Kafka''s log.cleaner.io.max.bytes.per.second) [default: 0]')
            [CompletionResult]::new('--log-cleaner-min-cleanable-ratio', '--log-cleaner-min-cleanable-ratio', [CompletionResultType]::ParameterName, 'Default min.cleanable.dirty.ratio of topics: the share of a log not yet compacted at which it is cleaned (Kafka''s log.cleaner.min.cleanable.ratio) [default: 0.5]')
            [CompletionResult]::new('--log-cleaner-min-compaction-lag-ms', '--log-cleaner-min-compaction-lag-ms', [CompletionResultType]::ParameterName, 'Default min.compaction.lag.ms of topics: records younger than this are not compacted (Kafka''s log.cleaner.min.compaction.lag.ms) [default: 0]')
            [CompletionResult]::new('--log-cleaner-max-compaction-lag-ms', '--log-cleaner-max-compaction-lag-ms', [CompletionResultType]::ParameterName, 'Default max.compaction.lag.ms of topics: records older than this are compacted whatever the dirty ratio (Kafka''s log.cleaner.max.compaction.lag.ms) [default: 9223372036854775807]')
            [CompletionResult]::new('--log-cleaner-delete-retention-ms', '--log-cleaner-delete-retention-ms', [CompletionResultType]::ParameterName, 'Default delete.retention.ms of topics: how long compaction keeps tombstones and transaction markers (Kafka''s log.cleaner.delete.retention.ms) [default: 86400000]')
            [CompletionResult]::new('--group-consumer-session-timeout-ms', '--group-consumer-session-timeout-ms', [CompletionResultType]::ParameterName, 'Members of consumer-protocol groups (KIP-848, group.protocol=consumer) not heard from for this long are removed and their partitions reassigned (Kafka''s group.consumer.session.timeout.ms) [default: 45000]')
            [CompletionResult]::new('--group-consumer-heartbeat-interval-ms', '--group-consumer-heartbeat-interval-ms', [CompletionResultType]::ParameterName, 'How often members of consumer-protocol groups (KIP-848) are told to heartbeat (Kafka''s group.consumer.heartbeat.interval.ms) [default: 5000]')
            [CompletionResult]::new('--node-id', '--node-id', [CompletionResultType]::ParameterName, 'Broker id reported to clients in Metadata responses (Kafka''s node.id) [default: 0]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--generate-config', '--generate-config', [CompletionResultType]::ParameterName, 'Print a commented config file with every setting at its default, then exit')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;produce' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'A message to send (repeatable); without -m, --file or --template, lines are read from standard input')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'A message to send (repeatable); without -m, --file or --template, lines are read from standard input')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Send each line of this file as a message')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'Render each message from this template, e.g. ''{"id":"{{uuid}}","n":{{i}}}''')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Key for every message')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Key for every message')
            [CompletionResult]::new('--key-template', '--key-template', [CompletionResultType]::ParameterName, 'Render each message''s key from this template')
            [CompletionResult]::new('-K', '-K ', [CompletionResultType]::ParameterName, 'Split each input line at the first DELIM into key and value')
            [CompletionResult]::new('--key-delimiter', '--key-delimiter', [CompletionResultType]::ParameterName, 'Split each input line at the first DELIM into key and value')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Read each input line with a kcat format string, e.g. ''%k:%s'' or ''%p|%T|%k|%s'': %k key, %s value, %p partition, %T timestamp, %h headers (n=v,…); %t and %o are matched and ignored, so what `consume --format FMT` printed reads back with the same FMT')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Header for every message, KEY=VALUE (repeatable)')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Header for every message, KEY=VALUE (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Send every message to this partition (default: by key hash, or spread when unkeyed)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Send every message to this partition (default: by key hash, or spread when unkeyed)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Number of messages: renders of --template (default 1), repetitions of the -m list, or at most this many input lines')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Number of messages: renders of --template (default 1), repetitions of the -m list, or at most this many input lines')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements to wait for: 0 (none), 1 (leader) or all [default: all, or -X acks]')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression codec for the batches [default: none, or -X compression.type]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Send at most this many messages per second')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed for every random template value, for reproducible data')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Summary format (text goes to the terminal only; json always prints)')
            [CompletionResult]::new('--value-schema', '--value-schema', [CompletionResultType]::ParameterName, 'Encode each value (a JSON line) with this schema — Avro .avsc (the default), .proto, or JSON Schema .json — registered first under the value subject')
            [CompletionResult]::new('--value-schema-id', '--value-schema-id', [CompletionResultType]::ParameterName, 'Encode each value with the registered schema of this id')
            [CompletionResult]::new('--value-subject', '--value-subject', [CompletionResultType]::ParameterName, 'Subject of the value schema: where --value-schema is registered, or, alone, whose latest version encodes the values [default: TOPIC-value]')
            [CompletionResult]::new('--key-schema', '--key-schema', [CompletionResultType]::ParameterName, 'Encode each key (JSON) with this schema, registered first under the key subject')
            [CompletionResult]::new('--key-schema-id', '--key-schema-id', [CompletionResultType]::ParameterName, 'Encode each key with the registered schema of this id')
            [CompletionResult]::new('--key-subject', '--key-subject', [CompletionResultType]::ParameterName, 'Subject of the key schema [default: TOPIC-key]')
            [CompletionResult]::new('--value-message', '--value-message', [CompletionResultType]::ParameterName, 'The Protobuf message the values are (full or short name) [default: the schema''s first message]')
            [CompletionResult]::new('--key-message', '--key-message', [CompletionResultType]::ParameterName, 'The Protobuf message the keys are [default: the schema''s first message]')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;consume' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Read only this partition (repeatable; default: every partition)')
            [CompletionResult]::new('--partition', '--partition', [CompletionResultType]::ParameterName, 'Read only this partition (repeatable; default: every partition)')
            [CompletionResult]::new('-g', '-g', [CompletionResultType]::ParameterName, 'Consume as a member of this consumer group: share the partitions with the group''s other members, start from its committed offsets, and commit as records are printed')
            [CompletionResult]::new('--group', '--group', [CompletionResultType]::ParameterName, 'Consume as a member of this consumer group: share the partitions with the group''s other members, start from its committed offsets, and commit as records are printed')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to start: beginning, end, an offset N, -N for the last N records of each partition, or @TIMESTAMP (epoch ms)')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Where to start: beginning, end, an offset N, -N for the last N records of each partition, or @TIMESTAMP (epoch ms)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Start at a moment: ''2024-01-15 14:30:00'', RFC 3339, epoch ms, ''yesterday'', ''today 09:00'', ''2 hours ago''')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Start this long ago: 30s, 5m, 2h, 1d')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Stop at a moment (same forms as --at): records from then on are not read')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many records')
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Keep only records whose value matches this regular expression')
            [CompletionResult]::new('--expect-count', '--expect-count', [CompletionResultType]::ParameterName, 'Succeed once this many records were read (after the filters); exit 1 if the end or --timeout comes first. With the other --expect-* flags, all must hold')
            [CompletionResult]::new('--expect-match', '--expect-match', [CompletionResultType]::ParameterName, 'Succeed once a record''s value matches this regular expression; exit 1 if none does')
            [CompletionResult]::new('--expect-jq', '--expect-jq', [CompletionResultType]::ParameterName, 'Succeed once this jq filter (or JSONPath) is true for a record''s value; exit 1 if it never is')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. 30s), exiting 1 if an --expect-* flag does not hold yet; works with -f')
            [CompletionResult]::new('--grep-key', '--grep-key', [CompletionResultType]::ParameterName, 'Keep only records whose key matches this regular expression')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Transform and filter JSON values: a jq filter (e.g. ''select(.qty > 5) | .id''), or a JSONPath expression when it starts with $ (e.g. ''$.items[*].sku''); values that are not JSON are skipped')
            [CompletionResult]::new('--sample', '--sample', [CompletionResultType]::ParameterName, 'Print a sample: a percentage (''10%'', each record kept at random) or a count (''100'', exactly that many chosen uniformly, printed at the end)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text (value per line), json (pretty on a terminal, one line per record when piped), ndjson (always one line per record), raw (value bytes verbatim, one per line), or a kcat format string such as ''%t [%p] %o %k: %s\n'' (tokens %s %S %R %k %K %T %h %t %p %o; escapes \n \r \t \xHH)')
            [CompletionResult]::new('--isolation', '--isolation', [CompletionResultType]::ParameterName, 'Which records of transactions to read: only committed ones, stopping before any open transaction (read_committed), or everything written, aborted and open transactions included (read_uncommitted)')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--from-beginning', '--from-beginning', [CompletionResultType]::ParameterName, 'Start at the earliest offset (the default unless -o says otherwise)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep waiting for new records instead of stopping at the end')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep waiting for new records instead of stopping at the end')
            [CompletionResult]::new('-e', '-e', [CompletionResultType]::ParameterName, 'Stop once every partition is read to the end offset seen at start (the default)')
            [CompletionResult]::new('--exit', '--exit', [CompletionResultType]::ParameterName, 'Stop once every partition is read to the end offset seen at start (the default)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Make --grep and --grep-key case-insensitive')
            [CompletionResult]::new('--ignore-case', '--ignore-case', [CompletionResultType]::ParameterName, 'Make --grep and --grep-key case-insensitive')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Keep only records whose value does NOT match --grep')
            [CompletionResult]::new('--invert-match', '--invert-match', [CompletionResultType]::ParameterName, 'Keep only records whose value does NOT match --grep')
            [CompletionResult]::new('--show-keys', '--show-keys', [CompletionResultType]::ParameterName, 'Print each record''s key (text format)')
            [CompletionResult]::new('--show-timestamps', '--show-timestamps', [CompletionResultType]::ParameterName, 'Print each record''s timestamp (text format)')
            [CompletionResult]::new('--show-offsets', '--show-offsets', [CompletionResultType]::ParameterName, 'Print each record''s partition and offset (text format)')
            [CompletionResult]::new('--show-headers', '--show-headers', [CompletionResultType]::ParameterName, 'Print each record''s headers (text format)')
            [CompletionResult]::new('--json-values', '--json-values', [CompletionResultType]::ParameterName, 'With --format json or ndjson: a value or key that is valid JSON is written as JSON (so `jq .value.total` works), exactly as stored; others stay strings')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Print values and keys as stored: do not decode schema registry framing (Avro, Protobuf, JSON Schema) through the registry. --format raw implies it')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics with their partition counts')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a topic''s configs or grow its partition count')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Print every topic''s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its records')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;topics;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Also list the cluster''s internal topics (Kafka''s __consumer_offsets, __transaction_state, ...), which are left out by default')
            [CompletionResult]::new('--internal', '--internal', [CompletionResultType]::ParameterName, 'Also list the cluster''s internal topics (Kafka''s __consumer_offsets, __transaction_state, ...), which are left out by default')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics;create' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Number of partitions (broker default when omitted)')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Number of partitions (broker default when omitted)')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Replication factor (broker default when omitted)')
            [CompletionResult]::new('--replication-factor', '--replication-factor', [CompletionResultType]::ParameterName, 'Replication factor (broker default when omitted)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Topic config override, KEY=VALUE (repeatable), e.g. retention.ms=86400000')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Topic config override, KEY=VALUE (repeatable), e.g. retention.ms=86400000')
            [CompletionResult]::new('--storage-mode', '--storage-mode', [CompletionResultType]::ParameterName, 'Where the records live: disk (the broker''s data directory) or diskless (in memory only, lost when the broker restarts; the topic config diskless.enable=true)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics;describe' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics;alter' {
            [CompletionResult]::new('--retention-ms', '--retention-ms', [CompletionResultType]::ParameterName, 'Set retention.ms (milliseconds; -1 keeps records forever)')
            [CompletionResult]::new('--retention-bytes', '--retention-bytes', [CompletionResultType]::ParameterName, 'Set retention.bytes (per partition; -1 for no limit)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Set a config, KEY=VALUE (repeatable)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Set a config, KEY=VALUE (repeatable)')
            [CompletionResult]::new('--delete-config', '--delete-config', [CompletionResultType]::ParameterName, 'Return a config to its default (repeatable)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Grow the topic to this many partitions')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Grow the topic to this many partitions')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'File to write (made durable before the command returns); standard output without it')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics;import' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'File to read')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'File to read')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics;watch' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Time between reports, e.g. 500ms, 1s, 1m')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between reports, e.g. 500ms, 1s, 1m')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Stop after this many reports (default: until interrupted)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Stop after this many reports (default: until interrupted)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics;delete' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;topics;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics with their partition counts')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a topic''s configs or grow its partition count')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Print every topic''s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its records')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;topics;help;list' {
            break
        }
        'streamline;topics;help;create' {
            break
        }
        'streamline;topics;help;describe' {
            break
        }
        'streamline;topics;help;alter' {
            break
        }
        'streamline;topics;help;export' {
            break
        }
        'streamline;topics;help;import' {
            break
        }
        'streamline;topics;help;watch' {
            break
        }
        'streamline;topics;help;delete' {
            break
        }
        'streamline;topics;help;help' {
            break
        }
        'streamline;groups' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups with their state')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s members and assignments, and committed offset, end offset and lag per partition')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Plan (and with --execute, apply) new committed offsets for a group with no members')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group that has no members, with its committed offsets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;groups;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;groups;describe' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;groups;reset' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Topic to reset, optionally with partitions: TOPIC or TOPIC:0,2,5 (repeatable)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic to reset, optionally with partitions: TOPIC or TOPIC:0,2,5 (repeatable)')
            [CompletionResult]::new('--to-offset', '--to-offset', [CompletionResultType]::ParameterName, 'To this offset (clamped to what each partition holds)')
            [CompletionResult]::new('--shift-by', '--shift-by', [CompletionResultType]::ParameterName, 'By this many records from the committed offset (negative goes back)')
            [CompletionResult]::new('--to-datetime', '--to-datetime', [CompletionResultType]::ParameterName, 'To the first record at or after a moment (same forms as consume --at)')
            [CompletionResult]::new('--by-duration', '--by-duration', [CompletionResultType]::ParameterName, 'To the first record written at most this long ago: 30m, 2h, 1d')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--all-topics', '--all-topics', [CompletionResultType]::ParameterName, 'Reset every topic the group has committed offsets for')
            [CompletionResult]::new('--to-earliest', '--to-earliest', [CompletionResultType]::ParameterName, 'To each partition''s earliest offset')
            [CompletionResult]::new('--to-latest', '--to-latest', [CompletionResultType]::ParameterName, 'To each partition''s end offset')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Apply the plan (without it, only print it)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;groups;delete' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;groups;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups with their state')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s members and assignments, and committed offset, end offset and lag per partition')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Plan (and with --execute, apply) new committed offsets for a group with no members')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group that has no members, with its committed offsets')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;groups;help;list' {
            break
        }
        'streamline;groups;help;describe' {
            break
        }
        'streamline;groups;help;reset' {
            break
        }
        'streamline;groups;help;delete' {
            break
        }
        'streamline;groups;help;help' {
            break
        }
        'streamline;transactions' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List transactional ids with their producer id and state')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;transactions;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;transactions;describe' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;transactions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List transactional ids with their producer id and state')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;transactions;help;list' {
            break
        }
        'streamline;transactions;help;describe' {
            break
        }
        'streamline;transactions;help;help' {
            break
        }
        'streamline;users' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their SCRAM mechanisms')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change a user''s password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s credentials')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;users;list' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;users;create' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the new password from this file (its first line; readable by its owner only); else from STREAMLINE_NEW_PASSWORD, else asked for twice on the terminal')
            [CompletionResult]::new('--mechanism', '--mechanism', [CompletionResultType]::ParameterName, 'SCRAM mechanisms to set the password for')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'PBKDF2 iterations (Kafka accepts 4096 to 16384)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;users;passwd' {
            [CompletionResult]::new('--password-file', '--password-file', [CompletionResultType]::ParameterName, 'Read the new password from this file (its first line; readable by its owner only); else from STREAMLINE_NEW_PASSWORD, else asked for twice on the terminal')
            [CompletionResult]::new('--mechanism', '--mechanism', [CompletionResultType]::ParameterName, 'SCRAM mechanisms to set the password for')
            [CompletionResult]::new('--iterations', '--iterations', [CompletionResultType]::ParameterName, 'PBKDF2 iterations (Kafka accepts 4096 to 16384)')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;users;delete' {
            [CompletionResult]::new('--mechanism', '--mechanism', [CompletionResultType]::ParameterName, 'SCRAM mechanisms to delete')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be deleted, and delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;users;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their SCRAM mechanisms')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change a user''s password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s credentials')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;users;help;list' {
            break
        }
        'streamline;users;help;create' {
            break
        }
        'streamline;users;help;passwd' {
            break
        }
        'streamline;users;help;delete' {
            break
        }
        'streamline;users;help;help' {
            break
        }
        'streamline;acls' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List ACLs, all or those the filter flags select')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create ACLs: one per --operation (and per --principal)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the ACLs the filter flags select')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;acls;list' {
            [CompletionResult]::new('--resource-type', '--resource-type', [CompletionResultType]::ParameterName, 'topic, group, cluster, transactional-id, delegation-token or user')
            [CompletionResult]::new('--resource-name', '--resource-name', [CompletionResultType]::ParameterName, 'Resource name (for a cluster: kafka-cluster)')
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'literal, prefixed, any, or match (every ACL that applies to --resource-name)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'Principal, e.g. User:alice (User:* is anyone)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Client host (* for any)')
            [CompletionResult]::new('--operation', '--operation', [CompletionResultType]::ParameterName, 'Operation: all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'allow or deny')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;acls;create' {
            [CompletionResult]::new('--resource-type', '--resource-type', [CompletionResultType]::ParameterName, 'topic, group, cluster, transactional-id, delegation-token or user')
            [CompletionResult]::new('--resource-name', '--resource-name', [CompletionResultType]::ParameterName, 'Resource name; * for every resource of the type [default for a cluster: kafka-cluster]')
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'literal or prefixed')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'Principal, e.g. User:alice, or User:* for anyone (repeatable)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Client host the ACL applies to')
            [CompletionResult]::new('--operation', '--operation', [CompletionResultType]::ParameterName, 'Operation (repeatable): all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'allow or deny')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;acls;delete' {
            [CompletionResult]::new('--resource-type', '--resource-type', [CompletionResultType]::ParameterName, 'topic, group, cluster, transactional-id, delegation-token or user')
            [CompletionResult]::new('--resource-name', '--resource-name', [CompletionResultType]::ParameterName, 'Resource name (for a cluster: kafka-cluster)')
            [CompletionResult]::new('--pattern', '--pattern', [CompletionResultType]::ParameterName, 'literal, prefixed, any, or match (every ACL that applies to --resource-name)')
            [CompletionResult]::new('--principal', '--principal', [CompletionResultType]::ParameterName, 'Principal, e.g. User:alice (User:* is anyone)')
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Client host (* for any)')
            [CompletionResult]::new('--operation', '--operation', [CompletionResultType]::ParameterName, 'Operation: all, read, write, create, delete, alter, describe, cluster-action, describe-configs, alter-configs, idempotent-write, create-tokens, describe-tokens')
            [CompletionResult]::new('--permission', '--permission', [CompletionResultType]::ParameterName, 'allow or deny')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be deleted, and delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;acls;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List ACLs, all or those the filter flags select')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create ACLs: one per --operation (and per --principal)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the ACLs the filter flags select')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;acls;help;list' {
            break
        }
        'streamline;acls;help;create' {
            break
        }
        'streamline;acls;help;delete' {
            break
        }
        'streamline;acls;help;help' {
            break
        }
        'streamline;schemas' {
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects with their latest version, id and type')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a schema: a subject''s version (latest by default), or the schema with an id')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (the same schema again answers its existing id)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a schema against a subject''s compatibility level before registering it; exits 1 when it is incompatible')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject, or one version of it: soft first (hidden, id kept), then with --permanent for good')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level, of the registry or of one subject')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;schemas;list' {
            [CompletionResult]::new('--prefix', '--prefix', [CompletionResultType]::ParameterName, 'Only subjects starting with this')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--deleted', '--deleted', [CompletionResultType]::ParameterName, 'Include subjects whose versions are all soft-deleted')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;schemas;get' {
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Version number, or latest')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Version number, or latest')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The schema with this global id')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--schema-only', '--schema-only', [CompletionResultType]::ParameterName, 'Print the schema text alone')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;schemas;register' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Schema type [default: from the file''s extension, .proto and .json, else avro]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A schema this one refers to, NAME=SUBJECT:VERSION (repeatable): an Avro named type, a Protobuf import, a JSON Schema $ref; VERSION may be latest')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;schemas;check' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Schema type [default: from the file''s extension, .proto and .json, else avro]')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'A schema this one refers to, NAME=SUBJECT:VERSION (repeatable): an Avro named type, a Protobuf import, a JSON Schema $ref; VERSION may be latest')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Check against this version only [default: the versions the level names]')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Check against this version only [default: the versions the level names]')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;schemas;delete' {
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Only this version (a number, or latest)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Only this version (a number, or latest)')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--permanent', '--permanent', [CompletionResultType]::ParameterName, 'Delete for good what was soft-deleted before')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Say what would be deleted, and delete nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;schemas;config' {
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Set it: none, backward, backward_transitive, forward, forward_transitive, full, full_transitive')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Set how JSON Schema changes are judged: strict (the default) or lenient')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--delete', '--delete', [CompletionResultType]::ParameterName, 'Remove the subject''s own setting (it follows the global one again)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;schemas;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects with their latest version, id and type')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a schema: a subject''s version (latest by default), or the schema with an id')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (the same schema again answers its existing id)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a schema against a subject''s compatibility level before registering it; exits 1 when it is incompatible')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject, or one version of it: soft first (hidden, id kept), then with --permanent for good')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level, of the registry or of one subject')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;schemas;help;list' {
            break
        }
        'streamline;schemas;help;get' {
            break
        }
        'streamline;schemas;help;register' {
            break
        }
        'streamline;schemas;help;check' {
            break
        }
        'streamline;schemas;help;delete' {
            break
        }
        'streamline;schemas;help;config' {
            break
        }
        'streamline;schemas;help;help' {
            break
        }
        'streamline;top' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--http-addr', '--http-addr', [CompletionResultType]::ParameterName, 'The broker''s HTTP address (`serve --http-addr`): shows its readiness and open connections in the header')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'How often to refresh (change it live with + and -), e.g. 500ms, 1s, 5s')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'How often to refresh (change it live with + and -), e.g. 500ms, 1s, 5s')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (Confluent''s REST API: ours, Confluent''s, Karapace, Redpanda''s, Apicurio''s ccompat); without it, the data directory''s own registry')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'User for the registry''s basic authentication; the password comes from STREAMLINE_SCHEMA_REGISTRY_PASSWORD or a prompt')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// registry instead of the system''s')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;doctor' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Server config file to validate (and to take the listen address and data directory from)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Server config file to validate (and to take the listen address and data directory from)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--deep', '--deep', [CompletionResultType]::ParameterName, 'Also read every segment of the data directory: batch CRCs, offsets and indexes')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;info' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;benchmark' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Topic to use (created with --partitions if it does not exist)')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Topic to use (created with --partitions if it does not exist)')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Records to send or read [default: 100000, or the scenario''s]')
            [CompletionResult]::new('--messages', '--messages', [CompletionResultType]::ParameterName, 'Records to send or read [default: 100000, or the scenario''s]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Run for this long instead of a number of records (e.g. 30s, 2m)')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'Run for this long instead of a number of records (e.g. 30s, 2m)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'Value size in bytes [default: 100, or the scenario''s]')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Value size in bytes [default: 100, or the scenario''s]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Partitions of the topic when it is created [default: 1, or the scenario''s]')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'Partitions of the topic when it is created [default: 1, or the scenario''s]')
            [CompletionResult]::new('--acks', '--acks', [CompletionResultType]::ParameterName, 'Acknowledgements: 0, 1 or all [default: all, or the scenario''s]')
            [CompletionResult]::new('--compression', '--compression', [CompletionResultType]::ParameterName, 'Compression of produced batches [default: none]')
            [CompletionResult]::new('--producers', '--producers', [CompletionResultType]::ParameterName, 'Concurrent producers [default: 1]')
            [CompletionResult]::new('--consumers', '--consumers', [CompletionResultType]::ParameterName, 'Concurrent consumers [default: 1]')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Records per second in all (default: as fast as possible; end-to-end: 1000)')
            [CompletionResult]::new('--scenario', '--scenario', [CompletionResultType]::ParameterName, 'Start from a named set of defaults (see --list-scenarios); flags still override')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--list-scenarios', '--list-scenarios', [CompletionResultType]::ParameterName, 'List the scenarios and exit')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;migrate' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('from-kafka', 'from-kafka', [CompletionResultType]::ParameterValue, 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;migrate;from-kafka' {
            [CompletionResult]::new('--kafka-servers', '--kafka-servers', [CompletionResultType]::ParameterName, 'Bootstrap servers of the source cluster')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Topics to migrate, comma-separated [default: every topic but internal ones]')
            [CompletionResult]::new('--topics', '--topics', [CompletionResultType]::ParameterName, 'Topics to migrate, comma-separated [default: every topic but internal ones]')
            [CompletionResult]::new('--topics-regex', '--topics-regex', [CompletionResultType]::ParameterName, 'Migrate the topics whose whole name matches this regular expression')
            [CompletionResult]::new('--skip-config', '--skip-config', [CompletionResultType]::ParameterName, 'A topic config override not to copy, such as one the destination does not support (repeatable)')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Copy at most this many records per second, to spare a busy source')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--execute', '--execute', [CompletionResultType]::ParameterName, 'Copy (without it, only print the plan)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;migrate;help' {
            [CompletionResult]::new('from-kafka', 'from-kafka', [CompletionResultType]::ParameterValue, 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;migrate;help;from-kafka' {
            break
        }
        'streamline;migrate;help;help' {
            break
        }
        'streamline;shell' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;profile' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List saved profiles')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Save (or replace) a profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;profile;list' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;profile;add' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...])')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...])')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory for in-process access')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long commands wait for a connection and its first answer (e.g. 5s)')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long commands wait for each answer (e.g. 10s)')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the password (readable by its owner only); the profile stores this path, not the password')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--schema-registry', '--schema-registry', [CompletionResultType]::ParameterName, 'Schema registry URL (http:// or https://)')
            [CompletionResult]::new('--schema-registry-user', '--schema-registry-user', [CompletionResultType]::ParameterName, 'Schema registry basic-authentication user')
            [CompletionResult]::new('--schema-registry-password-file', '--schema-registry-password-file', [CompletionResultType]::ParameterName, 'File holding the schema registry password (readable by its owner only)')
            [CompletionResult]::new('--schema-registry-ca', '--schema-registry-ca', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for an https:// schema registry')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--store-password', '--store-password', [CompletionResultType]::ParameterName, 'Store the password itself in the profile (from STREAMLINE_SASL_PASSWORD, or asked for on the terminal); the profiles file is then made readable by you only')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;profile;remove' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List saved profiles')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Save (or replace) a profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;profile;help;list' {
            break
        }
        'streamline;profile;help;add' {
            break
        }
        'streamline;profile;help;remove' {
            break
        }
        'streamline;profile;help;help' {
            break
        }
        'streamline;quickstart' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Save the connection as this profile [default: local, or remote for -b]')
            [CompletionResult]::new('--demo-topic', '--demo-topic', [CompletionResultType]::ParameterName, 'Create this demo topic with a few records [default on a terminal: asked, quickstart]')
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-demo', '--no-demo', [CompletionResultType]::ParameterName, 'Create no demo topic')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Take the default for everything the flags leave open (a local data directory ./data, profile local, demo topic quickstart) instead of asking')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Take the default for everything the flags leave open (a local data directory ./data, profile local, demo topic quickstart) instead of asking')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;wait' {
            [CompletionResult]::new('-b', '-b', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--bootstrap-server', '--bootstrap-server', [CompletionResultType]::ParameterName, 'Kafka bootstrap servers (HOST:PORT[,HOST:PORT...]); without it the data directory is used, through the server running on it if there is one')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Data directory to open in-process when no -b is given [default: ./data]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Use a saved connection profile (see `streamline profile`); -b and --data-dir override it')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'How long to wait for a connection to a broker and its first answer [default: 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'How long to wait for each answer, beyond the wait a request asks for [default: 30s]')
            [CompletionResult]::new('-X', '-X ', [CompletionResultType]::ParameterName, 'A client property with librdkafka''s name (repeatable): client.id, request.timeout.ms, socket.timeout.ms, socket.connection.setup.timeout.ms; security.protocol, sasl.mechanism, sasl.username, sasl.password, sasl.oauthbearer.config, sasl.oauthbearer.method=oidc with its token.endpoint.url, client.id, client.secret and scope, ssl.ca.location, ssl.certificate.location, ssl.key.location, ssl.endpoint.identification.algorithm, enable.ssl.certificate.verification; schema.registry.url, schema.registry.basic.auth.user.info, schema.registry.ssl.ca.location; for produce acks, compression.type, linger.ms, batch.size, enable.idempotence; for consume fetch.wait.max.ms, fetch.min.bytes. A command''s own flags win over it; a property a command has no use for is accepted and ignored, as librdkafka does')
            [CompletionResult]::new('--security-protocol', '--security-protocol', [CompletionResultType]::ParameterName, 'How to secure connections: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL (librdkafka''s security.protocol) [default: PLAINTEXT]')
            [CompletionResult]::new('--sasl-mechanism', '--sasl-mechanism', [CompletionResultType]::ParameterName, 'SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512')
            [CompletionResult]::new('--sasl-username', '--sasl-username', [CompletionResultType]::ParameterName, 'SASL user name')
            [CompletionResult]::new('--sasl-password-file', '--sasl-password-file', [CompletionResultType]::ParameterName, 'File holding the SASL password (its first line), readable by its owner only; or set STREAMLINE_SASL_PASSWORD; without either, a terminal prompts for it')
            [CompletionResult]::new('--ssl-ca-location', '--ssl-ca-location', [CompletionResultType]::ParameterName, 'PEM CA certificates to trust for TLS instead of the system''s')
            [CompletionResult]::new('--ssl-certificate-location', '--ssl-certificate-location', [CompletionResultType]::ParameterName, 'PEM client certificate, for brokers that require one (mTLS)')
            [CompletionResult]::new('--ssl-key-location', '--ssl-key-location', [CompletionResultType]::ParameterName, 'PEM private key of the client certificate')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (e.g. 500ms, 30s, 2m)')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Also wait for this topic to exist with every partition led')
            [CompletionResult]::new('--topic', '--topic', [CompletionResultType]::ParameterName, 'Also wait for this topic to exist with every partition led')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'With --topic: wait until it has at least this many partitions')
            [CompletionResult]::new('--partitions', '--partitions', [CompletionResultType]::ParameterName, 'With --topic: wait until it has at least this many partitions')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;history' {
            [CompletionResult]::new('--grep', '--grep', [CompletionResultType]::ParameterName, 'Only commands matching this regular expression')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only the newest N matching commands')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Only the newest N matching commands')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only commands run here: shell or cli')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Also record commands run on the command line (the shell''s are always recorded)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop recording command-line commands')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget every recorded command')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;history;enable' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;history;disable' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;history;clear' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;history;help' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Also record commands run on the command line (the shell''s are always recorded)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop recording command-line commands')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget every recorded command')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;history;help;enable' {
            break
        }
        'streamline;history;help;disable' {
            break
        }
        'streamline;history;help;clear' {
            break
        }
        'streamline;history;help;help' {
            break
        }
        'streamline;completions' {
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour in human-readable output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the command''s output to FILE instead of standard output (replacing FILE)')
            [CompletionResult]::new('--no-color', '--no-color', [CompletionResultType]::ParameterName, 'No colour: the same as --color never')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the Kafka-compatible broker')
            [CompletionResult]::new('produce', 'produce', [CompletionResultType]::ParameterValue, 'Send messages: from -m, a file, standard input or a template')
            [CompletionResult]::new('consume', 'consume', [CompletionResultType]::ParameterValue, 'Read records: from any offset or time, as text, JSON or raw bytes')
            [CompletionResult]::new('topics', 'topics', [CompletionResultType]::ParameterValue, 'List, create, describe, alter and delete topics')
            [CompletionResult]::new('groups', 'groups', [CompletionResultType]::ParameterValue, 'List, describe (members, lag), reset and delete consumer groups')
            [CompletionResult]::new('transactions', 'transactions', [CompletionResultType]::ParameterValue, 'List transactional ids and describe one (producer, state, open partitions)')
            [CompletionResult]::new('users', 'users', [CompletionResultType]::ParameterValue, 'List, create, delete SASL/SCRAM users and change their passwords')
            [CompletionResult]::new('acls', 'acls', [CompletionResultType]::ParameterValue, 'List, create and delete ACLs')
            [CompletionResult]::new('schemas', 'schemas', [CompletionResultType]::ParameterValue, 'List, show, register, check and delete registry schemas; compatibility levels')
            [CompletionResult]::new('top', 'top', [CompletionResultType]::ParameterValue, 'Live dashboard: rates, sizes, consumer lag and a tail of any topic (like htop)')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check data directory, limits, broker, APIs and clock; --deep reads every batch')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Version, build and features, and what the data directory or cluster holds')
            [CompletionResult]::new('benchmark', 'benchmark', [CompletionResultType]::ParameterValue, 'Measure produce, consume or end-to-end throughput and latency')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Copy topics and consumer group offsets from another Kafka-compatible cluster')
            [CompletionResult]::new('shell', 'shell', [CompletionResultType]::ParameterValue, 'Interactive shell: every command without the `streamline` prefix, one connection')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Save, list and remove connection profiles (used with -P NAME)')
            [CompletionResult]::new('quickstart', 'quickstart', [CompletionResultType]::ParameterValue, 'First set-up: local or remote, a checked connection, a profile, a demo topic')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a broker answers (and a topic is ready): for scripts and CI')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Commands run in the shell (and, after `history enable`, on the command line)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;help;serve' {
            break
        }
        'streamline;help;produce' {
            break
        }
        'streamline;help;consume' {
            break
        }
        'streamline;help;topics' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List topics with their partition counts')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a topic')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show partitions (start and end offsets, sizes; for a compacted topic its dirty ratio and last cleaning) and configs of a topic')
            [CompletionResult]::new('alter', 'alter', [CompletionResultType]::ParameterValue, 'Change a topic''s configs or grow its partition count')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every record (partition, timestamp, key, value, headers) to a JSON Lines file')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Produce the records of a JSON Lines file (from export or consume --format ndjson), each to the partition it names; creates the topic if needed')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Print every topic''s rates (messages/s, bytes/s), messages held and size each interval, as plain lines for scripts: the figures `streamline top` shows')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a topic and all its records')
            break
        }
        'streamline;help;topics;list' {
            break
        }
        'streamline;help;topics;create' {
            break
        }
        'streamline;help;topics;describe' {
            break
        }
        'streamline;help;topics;alter' {
            break
        }
        'streamline;help;topics;export' {
            break
        }
        'streamline;help;topics;import' {
            break
        }
        'streamline;help;topics;watch' {
            break
        }
        'streamline;help;topics;delete' {
            break
        }
        'streamline;help;groups' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List consumer groups with their state')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a group''s members and assignments, and committed offset, end offset and lag per partition')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Plan (and with --execute, apply) new committed offsets for a group with no members')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a group that has no members, with its committed offsets')
            break
        }
        'streamline;help;groups;list' {
            break
        }
        'streamline;help;groups;describe' {
            break
        }
        'streamline;help;groups;reset' {
            break
        }
        'streamline;help;groups;delete' {
            break
        }
        'streamline;help;transactions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List transactional ids with their producer id and state')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a transactional id: producer, epoch, state, timeout and the partitions of its open transaction')
            break
        }
        'streamline;help;transactions;list' {
            break
        }
        'streamline;help;transactions;describe' {
            break
        }
        'streamline;help;users' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users and their SCRAM mechanisms')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (SCRAM-SHA-256 and SCRAM-SHA-512 credentials by default)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Change a user''s password')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user''s credentials')
            break
        }
        'streamline;help;users;list' {
            break
        }
        'streamline;help;users;create' {
            break
        }
        'streamline;help;users;passwd' {
            break
        }
        'streamline;help;users;delete' {
            break
        }
        'streamline;help;acls' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List ACLs, all or those the filter flags select')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create ACLs: one per --operation (and per --principal)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the ACLs the filter flags select')
            break
        }
        'streamline;help;acls;list' {
            break
        }
        'streamline;help;acls;create' {
            break
        }
        'streamline;help;acls;delete' {
            break
        }
        'streamline;help;schemas' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List subjects with their latest version, id and type')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show a schema: a subject''s version (latest by default), or the schema with an id')
            [CompletionResult]::new('register', 'register', [CompletionResultType]::ParameterValue, 'Register a schema under a subject (the same schema again answers its existing id)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check a schema against a subject''s compatibility level before registering it; exits 1 when it is incompatible')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a subject, or one version of it: soft first (hidden, id kept), then with --permanent for good')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or set the compatibility level, of the registry or of one subject')
            break
        }
        'streamline;help;schemas;list' {
            break
        }
        'streamline;help;schemas;get' {
            break
        }
        'streamline;help;schemas;register' {
            break
        }
        'streamline;help;schemas;check' {
            break
        }
        'streamline;help;schemas;delete' {
            break
        }
        'streamline;help;schemas;config' {
            break
        }
        'streamline;help;top' {
            break
        }
        'streamline;help;doctor' {
            break
        }
        'streamline;help;info' {
            break
        }
        'streamline;help;benchmark' {
            break
        }
        'streamline;help;migrate' {
            [CompletionResult]::new('from-kafka', 'from-kafka', [CompletionResultType]::ParameterValue, 'Copy topics (partitions, configs, every record) and consumer group offsets from a Kafka-compatible cluster; prints the plan unless --execute')
            break
        }
        'streamline;help;migrate;from-kafka' {
            break
        }
        'streamline;help;shell' {
            break
        }
        'streamline;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List saved profiles')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Save (or replace) a profile')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a profile')
            break
        }
        'streamline;help;profile;list' {
            break
        }
        'streamline;help;profile;add' {
            break
        }
        'streamline;help;profile;remove' {
            break
        }
        'streamline;help;quickstart' {
            break
        }
        'streamline;help;wait' {
            break
        }
        'streamline;help;history' {
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Also record commands run on the command line (the shell''s are always recorded)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Stop recording command-line commands')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Forget every recorded command')
            break
        }
        'streamline;help;history;enable' {
            break
        }
        'streamline;help;history;disable' {
            break
        }
        'streamline;help;history;clear' {
            break
        }
        'streamline;help;completions' {
            break
        }
        'streamline;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
