/**
 * A subcommand of the `us-russia-g20-story` program, as its module exports it: the program
 * loads the module only when the subcommand is asked for, so each pays only for its own imports.
 */
export interface Command {
  /**
   * Run with the arguments after the subcommand's name; resolves to the exit code (0 fine,
   * 1 content problems, 2 usage or environment). `--help` prints the usage on stdout, 0.
   */
  main(args: string[]): Promise<number>
  /**
   * Rewrite the one-line message of an error that escaped `main`, to add what the user needs to
   * know (that nothing was written, that it is a bug to report). See `runScript`.
   */
  explain?: (message: string, error: unknown) => string
}
