# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_streamline_global_optspecs
    string join \n h/help V/version
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

complete -c streamline -n "__fish_streamline_needs_command" -s h -l help -d 'Print help'
complete -c streamline -n "__fish_streamline_needs_command" -s V -l version -d 'Print version'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "serve" -d 'Run the Kafka-compatible broker'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c streamline -n "__fish_streamline_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c streamline -n "__fish_streamline_using_subcommand serve" -s c -l config -d 'Read settings from this TOML file; flags and STREAMLINE_* variables override it' -r -F
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l listen-addr -d 'Address the Kafka listener binds to; anything but loopback exposes the broker without authentication [default: 127.0.0.1:9092]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l advertised-addr -d 'Address clients are told to connect to in Metadata responses (Kafka\'s advertised.listeners); unset means the listen address' -r
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
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l max-frame-bytes -d 'Largest request frame accepted, in bytes; a larger one closes the connection (Kafka\'s socket.request.max.bytes, 100 MiB) [default: 104857600]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l message-max-bytes -d 'Largest record batch a producer may send, in bytes; larger ones are rejected with MESSAGE_TOO_LARGE (Kafka\'s message.max.bytes) [default: 1048588]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-segment-bytes -d 'Size at which a partition\'s active segment is closed and a new one started (Kafka\'s log.segment.bytes, 1 GiB) [default: 1073741824]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-segment-ms -d 'Age at which a partition\'s active segment is rolled even if not full (Kafka\'s log.roll.ms, 7 days) [default: 604800000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-retention-ms -d 'How long closed segments are kept before deletion; -1 keeps them forever (Kafka\'s log.retention.ms, 7 days) [default: 604800000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-retention-bytes -d 'Size a partition may reach before its oldest closed segments are deleted; -1 means no limit (Kafka\'s log.retention.bytes) [default: -1]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l log-retention-check-interval-ms -d 'How often retention limits are checked (Kafka\'s log.retention.check.interval.ms) [default: 300000]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l node-id -d 'Broker id reported to clients in Metadata responses (Kafka\'s node.id) [default: 0]' -r
complete -c streamline -n "__fish_streamline_using_subcommand serve" -l generate-config -d 'Print a commented config file with every setting at its default, then exit'
complete -c streamline -n "__fish_streamline_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c streamline -n "__fish_streamline_using_subcommand completions" -s h -l help -d 'Print help'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve completions help" -f -a "serve" -d 'Run the Kafka-compatible broker'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve completions help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c streamline -n "__fish_streamline_using_subcommand help; and not __fish_seen_subcommand_from serve completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
