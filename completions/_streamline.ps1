
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
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the Kafka-compatible broker')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;serve' {
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Read settings from this TOML file; flags and STREAMLINE_* variables override it')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this TOML file; flags and STREAMLINE_* variables override it')
            [CompletionResult]::new('--listen-addr', '--listen-addr', [CompletionResultType]::ParameterName, 'Address the Kafka listener binds to; anything but loopback exposes the broker without authentication [default: 127.0.0.1:9092]')
            [CompletionResult]::new('--advertised-addr', '--advertised-addr', [CompletionResultType]::ParameterName, 'Address clients are told to connect to in Metadata responses (Kafka''s advertised.listeners); unset means the listen address')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Directory holding the topic logs; one server process owns it at a time [default: ./data]')
            [CompletionResult]::new('--in-memory', '--in-memory', [CompletionResultType]::ParameterName, 'Keep every log in memory only: nothing is written to disk and all data is lost on exit [default: false]')
            [CompletionResult]::new('--log-level', '--log-level', [CompletionResultType]::ParameterName, 'Log filter: a level (off, error, warn, info, debug, trace) or tracing directives such as "info,streamline=debug"; RUST_LOG applies when neither this flag nor STREAMLINE_LOG_LEVEL is set [default: info]')
            [CompletionResult]::new('--fsync', '--fsync', [CompletionResultType]::ParameterName, 'When written data is fsynced to disk: acks, always, interval or never [default: acks]')
            [CompletionResult]::new('--fsync-interval-ms', '--fsync-interval-ms', [CompletionResultType]::ParameterName, 'Period of the background fsync under --fsync interval, in milliseconds [default: 1000]')
            [CompletionResult]::new('--default-partitions', '--default-partitions', [CompletionResultType]::ParameterName, 'Partition count of topics created without an explicit count, including auto-created ones (Kafka''s num.partitions) [default: 1]')
            [CompletionResult]::new('--auto-create-topics', '--auto-create-topics', [CompletionResultType]::ParameterName, 'Create a topic when a client produces to or asks metadata for one that does not exist (Kafka''s auto.create.topics.enable) [default: true]')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Client connections served at once; further connections are refused until one closes [default: 1024]')
            [CompletionResult]::new('--max-frame-bytes', '--max-frame-bytes', [CompletionResultType]::ParameterName, 'Largest request frame accepted, in bytes; a larger one closes the connection (Kafka''s socket.request.max.bytes, 100 MiB) [default: 104857600]')
            [CompletionResult]::new('--message-max-bytes', '--message-max-bytes', [CompletionResultType]::ParameterName, 'Largest record batch a producer may send, in bytes; larger ones are rejected with MESSAGE_TOO_LARGE (Kafka''s message.max.bytes) [default: 1048588]')
            [CompletionResult]::new('--log-segment-bytes', '--log-segment-bytes', [CompletionResultType]::ParameterName, 'Size at which a partition''s active segment is closed and a new one started (Kafka''s log.segment.bytes, 1 GiB) [default: 1073741824]')
            [CompletionResult]::new('--log-segment-ms', '--log-segment-ms', [CompletionResultType]::ParameterName, 'Age at which a partition''s active segment is rolled even if not full (Kafka''s log.roll.ms, 7 days) [default: 604800000]')
            [CompletionResult]::new('--log-retention-ms', '--log-retention-ms', [CompletionResultType]::ParameterName, 'How long closed segments are kept before deletion; -1 keeps them forever (Kafka''s log.retention.ms, 7 days) [default: 604800000]')
            [CompletionResult]::new('--log-retention-bytes', '--log-retention-bytes', [CompletionResultType]::ParameterName, 'Size a partition may reach before its oldest closed segments are deleted; -1 means no limit (Kafka''s log.retention.bytes) [default: -1]')
            [CompletionResult]::new('--log-retention-check-interval-ms', '--log-retention-check-interval-ms', [CompletionResultType]::ParameterName, 'How often retention limits are checked (Kafka''s log.retention.check.interval.ms) [default: 300000]')
            [CompletionResult]::new('--node-id', '--node-id', [CompletionResultType]::ParameterName, 'Broker id reported to clients in Metadata responses (Kafka''s node.id) [default: 0]')
            [CompletionResult]::new('--generate-config', '--generate-config', [CompletionResultType]::ParameterName, 'Print a commented config file with every setting at its default, then exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'streamline;completions' {
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'streamline;help' {
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the Kafka-compatible broker')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'streamline;help;serve' {
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
