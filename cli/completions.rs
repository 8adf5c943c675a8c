//! `streamline completions SHELL`: prints the completion script for a shell, generated from the
//! same clap definitions that parse the command line, so completions never drift from the
//! flags. The scripts are also kept in `completions/` (a test checks they are current).

use std::io::Write;

use clap::CommandFactory;
use clap_complete::Shell;

/// Flags of `streamline completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to generate completions for
    #[arg(value_enum)]
    shell: Shell,
}

/// Writes the completion script for the chosen shell to standard output.
pub fn run(args: CompletionsArgs) -> anyhow::Result<()> {
    let mut command = crate::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "streamline", &mut script);
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(&script)?;
    stdout.flush()?;
    Ok(())
}
