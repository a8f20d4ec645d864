/** What became of a script's stdout and stderr while it ran. */
export interface OutputStreams {
  /** The first write error that was not a reader going away (a full disk under `> file`), if any. */
  readonly failure: Error | null
}

/** A reader that went away: `| head` has what it wanted. Not the command's failure. */
function readerGone(error: NodeJS.ErrnoException): boolean {
  return error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED'
}

/**
 * Watch `process.stdout` and `process.stderr` for write errors, for the life of the process.
 *
 * A reader that goes away (EPIPE: `validate … | head -n 1`) ends that stream's output quietly, and
 * the script carries on to its own exit code: a CI gate under `pipefail` must fail on invalid
 * content whether or not all of the report was read. Any other write error means the output was
 * lost: it is reported on stderr (when stderr still works) and is returned as `failure`, which
 * `runScript` turns into exit 2. No write error ever becomes a stack trace.
 *
 * @param name The script's name, to start the message with.
 */
export function watchOutputStreams(name: string): OutputStreams {
  const state: { failure: Error | null } = { failure: null }
  const gone = new Set<NodeJS.WriteStream>()
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (gone.has(stream)) return
      gone.add(stream)
      if (readerGone(error)) return
      state.failure ??= error
      // The exit code may already be set: an output lost after the script finished still counts.
      process.exitCode = 2
      const which = stream === process.stdout ? 'stdout' : 'stderr'
      if (!gone.has(process.stderr))
        process.stderr.write(`${name}: could not write to ${which}: ${error.message}\n`)
    })
  }
  return state
}
