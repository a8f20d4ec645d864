import { type Dirent, existsSync, type FSWatcher, readdirSync, statSync, watch } from 'node:fs'
import { join, sep } from 'node:path'

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
 * Files replaced by rename (`sed -i`, `git checkout`, editors that save that way) and folders
 * created later are followed: see {@link WatchedTree}.
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
  const tree = new WatchedTree(
    (path) => {
      if (closed) return
      pending.add(path)
      schedule()
    },
    (error) => options.onError?.(error),
  )
  for (const folder of watched) tree.add(folder)

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
      tree.close()
      await running
      for (const resolve of settled.splice(0)) resolve()
    },
  }
}

/**
 * One non-recursive watcher per folder, rather than `fs.watch(…, { recursive: true })`. On Linux,
 * Node 20 implements the recursive mode with a watch on each file, which stays on the old file
 * when a new one is renamed over it: every save after a `sed -i` or a `git checkout` went
 * unnoticed. A folder's watcher reports changes to whatever file has a name in it, so a file is
 * followed through renames; a folder created later gets its own watcher when it appears.
 */
class WatchedTree {
  readonly #watchers = new Map<string, FSWatcher>()

  constructor(
    private readonly changed: (path: string) => void,
    private readonly failed: (error: Error) => void,
  ) {}

  /** Watch `root` and every folder under it (without recursion: a stack of folders). */
  add(root: string): void {
    const pending = [root]
    for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
      if (this.#watchers.has(dir)) continue
      let watcher: FSWatcher
      try {
        const folder = dir
        watcher = watch(folder, (_event, name) => this.#event(folder, name?.toString()))
        watcher.on('error', (error) => this.#error(folder, error))
      } catch (error) {
        // Gone between listing and watching: its parent reports that.
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue
        this.failed(error as Error)
        continue
      }
      this.#watchers.set(dir, watcher)
      for (const entry of entries(dir)) if (entry.isDirectory()) pending.push(join(dir, entry.name))
    }
  }

  close(): void {
    for (const watcher of this.#watchers.values()) watcher.close()
    this.#watchers.clear()
  }

  #event(dir: string, name: string | undefined): void {
    const path = name ? join(dir, name) : dir
    if (name) {
      if (isDirectory(path)) {
        // A new folder: watch it, and report what it already holds (created before the watch).
        const known = this.#watchers.has(path)
        this.add(path)
        if (!known) for (const entry of entries(path)) this.changed(join(path, entry.name))
      } else this.#remove(path)
    }
    this.changed(path)
  }

  #error(dir: string, error: Error): void {
    // A folder that was deleted: its parent's watcher reported that, and it is no more to watch.
    if (!existsSync(dir)) {
      this.#remove(dir)
      return
    }
    this.failed(error)
  }

  /** Stop watching `path` and the folders under it, when they are watched. */
  #remove(path: string): void {
    for (const [dir, watcher] of this.#watchers) {
      if (dir === path || dir.startsWith(`${path}${sep}`)) {
        watcher.close()
        this.#watchers.delete(dir)
      }
    }
  }
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
