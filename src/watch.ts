import { existsSync, type FSWatcher, watch } from 'node:fs'
import { join } from 'node:path'

/** Options of {@link watchFolders}. */
export interface WatchOptions {
  /** Quiet time after the last change before `action` runs: editors save in bursts. Default 150. */
  debounceMs?: number
  /** Called when a watcher fails (for example, its folder was deleted). */
  onError?: (error: Error) => void
}

/** Folders being watched. */
export interface Watcher {
  /** The folders actually watched (missing ones are skipped). */
  folders: string[]
  /** Resolves once no action is running or waiting. */
  idle(): Promise<void>
  /** Stop watching, then wait for a running action to finish. */
  close(): Promise<void>
}

/**
 * Watch `folders` recursively and call `action` with the changed paths after changes settle.
 * Actions never overlap: changes that arrive while one runs are collected and run next, as one.
 */
export function watchFolders(
  folders: string[],
  action: (changed: string[]) => Promise<void>,
  options: WatchOptions = {},
): Watcher {
  const debounceMs = options.debounceMs ?? 150
  let pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined
  let closed = false
  const settled: (() => void)[] = []

  const settle = () => {
    if (running || timer || pending.size > 0) return
    for (const resolve of settled.splice(0)) resolve()
  }

  const run = () => {
    timer = undefined
    if (running || closed) return settle()
    const changed = [...pending].sort()
    pending = new Set()
    running = action(changed)
      .catch((error: unknown) => options.onError?.(error as Error))
      .finally(() => {
        running = undefined
        if (pending.size > 0 && !closed) schedule()
        else settle()
      })
  }

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(run, debounceMs)
  }

  const watched = folders.filter((folder) => existsSync(folder))
  const watchers: FSWatcher[] = watched.map((folder) =>
    watch(folder, { recursive: true }, (_event, name) => {
      if (closed) return
      pending.add(name ? join(folder, name.toString()) : folder)
      schedule()
    }).on('error', (error) => options.onError?.(error)),
  )

  return {
    folders: watched,
    idle: () =>
      new Promise<void>((resolve) => {
        settled.push(resolve)
        settle()
      }),
    close: async () => {
      closed = true
      clearTimeout(timer)
      timer = undefined
      pending.clear()
      for (const watcher of watchers) watcher.close()
      await running
      for (const resolve of settled.splice(0)) resolve()
    },
  }
}
