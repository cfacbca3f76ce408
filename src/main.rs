//! The `gwlint` binary; the command line lives in `src/cli/`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
