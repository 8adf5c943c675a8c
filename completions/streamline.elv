
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
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand serve 'Run the Kafka-compatible broker'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;serve'= {
            cand -c 'Read settings from this TOML file; flags and STREAMLINE_* variables override it'
            cand --config 'Read settings from this TOML file; flags and STREAMLINE_* variables override it'
            cand --listen-addr 'Address the Kafka listener binds to; anything but loopback exposes the broker without authentication [default: 127.0.0.1:9092]'
            cand --advertised-addr 'Address clients are told to connect to in Metadata responses (Kafka''s advertised.listeners); unset means the listen address'
            cand --data-dir 'Directory holding the topic logs; one server process owns it at a time [default: ./data]'
            cand --in-memory 'Keep every log in memory only: nothing is written to disk and all data is lost on exit [default: false]'
            cand --log-level 'Log filter: a level (off, error, warn, info, debug, trace) or tracing directives such as "info,streamline=debug"; RUST_LOG applies when neither this flag nor STREAMLINE_LOG_LEVEL is set [default: info]'
            cand --fsync 'When written data is fsynced to disk: acks, always, interval or never [default: acks]'
            cand --fsync-interval-ms 'Period of the background fsync under --fsync interval, in milliseconds [default: 1000]'
            cand --default-partitions 'Partition count of topics created without an explicit count, including auto-created ones (Kafka''s num.partitions) [default: 1]'
            cand --auto-create-topics 'Create a topic when a client produces to or asks metadata for one that does not exist (Kafka''s auto.create.topics.enable) [default: true]'
            cand --max-connections 'Client connections served at once; further connections are refused until one closes [default: 1024]'
            cand --max-frame-bytes 'Largest request frame accepted, in bytes; a larger one closes the connection (Kafka''s socket.request.max.bytes, 100 MiB) [default: 104857600]'
            cand --message-max-bytes 'Largest record batch a producer may send, in bytes; larger ones are rejected with MESSAGE_TOO_LARGE (Kafka''s message.max.bytes) [default: 1048588]'
            cand --log-segment-bytes 'Size at which a partition''s active segment is closed and a new one started (Kafka''s log.segment.bytes, 1 GiB) [default: 1073741824]'
            cand --log-segment-ms 'Age at which a partition''s active segment is rolled even if not full (Kafka''s log.roll.ms, 7 days) [default: 604800000]'
            cand --log-retention-ms 'How long closed segments are kept before deletion; -1 keeps them forever (Kafka''s log.retention.ms, 7 days) [default: 604800000]'
            cand --log-retention-bytes 'Size a partition may reach before its oldest closed segments are deleted; -1 means no limit (Kafka''s log.retention.bytes) [default: -1]'
            cand --log-retention-check-interval-ms 'How often retention limits are checked (Kafka''s log.retention.check.interval.ms) [default: 300000]'
            cand --node-id 'Broker id reported to clients in Metadata responses (Kafka''s node.id) [default: 0]'
            cand --generate-config 'Print a commented config file with every setting at its default, then exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'streamline;completions'= {
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'streamline;help'= {
            cand serve 'Run the Kafka-compatible broker'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'streamline;help;serve'= {
        }
        &'streamline;help;completions'= {
        }
        &'streamline;help;help'= {
        }
    ]
    $completions[$command]
}
