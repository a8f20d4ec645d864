import { join, relative } from 'node:path'
import { OutputFolderError } from '../../src/outputs/output-folder.js'
import type { BuildResult } from '../../src/outputs/pipeline.js'
import { SiteConfigError } from '../../src/site-config.js'
import { startStaticServer } from './static-server.js'
import { watchFolders } from './watch.js'

/** What started a build: the first one, or the files whose change set it off. */
export type BuildTrigger = { kind: 'start' } | { kind: 'change'; paths: string[] }

/** What the preview tells its user about. */
export type PreviewEvent =
  | { kind: 'built'; trigger: BuildTrigger; result: BuildResult & { ok: true } }
  | { kind: 'rejected'; trigger: BuildTrigger; result: BuildResult & { ok: false } }
  | { kind: 'crashed'; trigger: BuildTrigger; error: Error }
  | { kind: 'watch-error'; error: Error }
  | { kind: 'listening'; url: string; watching: string[] }

/** Options of {@link startPreview}. */
export interface PreviewOptions {
  /** Package folder: serves `<root>/dist/site`, watches `<root>/content` and `<root>/schemas`. */
  root: string
  /** Runs one build of `root`. */
  build: () => Promise<BuildResult>
  /** Receives every event; the caller decides how to print it. */
  onEvent: (event: PreviewEvent) => void
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number
  debounceMs?: number
}

/** A running preview. */
export interface Preview {
  url: string
  /** Resolves when no rebuild is running or waiting (for tests). */
  idle(): Promise<void>
  /** Stop watching, let a running build finish, stop serving. */
  close(): Promise<void>
}

/**
 * Build, serve `dist/site` on 127.0.0.1, and rebuild when `content/` or `schemas/` change.
 * A rebuild that fails leaves the last good site in place (the build swaps folders only on
 * success), so the preview keeps working while the problems are fixed.
 *
 * @throws {OutputFolderError} when the first build refuses an output folder (one holding files
 *   the build did not write); nothing is then served.
 * @throws {SiteConfigError} when the first build finds site.config.json invalid: a setting of the
 *   set-up, not content the preview could wait for; nothing is then served.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const { root, onEvent } = options
  const runBuild = async (trigger: BuildTrigger) => {
    try {
      const result = await options.build()
      if (result.ok) onEvent({ kind: 'built', trigger, result })
      else onEvent({ kind: 'rejected', trigger, result })
    } catch (error) {
      // A refused dist/site at start is no passing failure: serving it would show a folder the
      // build does not own. Later, the folder served is the build's own, and stays so. A bad
      // site.config.json is the set-up's, and nothing watched can fix it: exit 2 as build does.
      const setUp = error instanceof OutputFolderError || error instanceof SiteConfigError
      if (trigger.kind === 'start' && setUp) throw error
      onEvent({ kind: 'crashed', trigger, error: error as Error })
    }
  }

  // Listen first: a taken port fails at once instead of after a build.
  const server = await startStaticServer({
    root: join(root, 'dist', 'site'),
    ...(options.port === undefined ? {} : { port: options.port }),
  })
  try {
    await runBuild({ kind: 'start' })
  } catch (error) {
    await server.close()
    throw error
  }
  const watcher = watchFolders(
    [join(root, 'content'), join(root, 'schemas')],
    (paths) => runBuild({ kind: 'change', paths: paths.map((path) => relative(root, path)) }),
    {
      ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
      onError: (error) => onEvent({ kind: 'watch-error', error }),
    },
  )
  onEvent({
    kind: 'listening',
    url: server.url,
    watching: watcher.folders.map((folder) => relative(root, folder)),
  })
  return {
    url: server.url,
    idle: () => watcher.idle(),
    close: async () => {
      await watcher.close()
      await server.close()
    },
  }
}
