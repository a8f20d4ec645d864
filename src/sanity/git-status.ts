import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'

/** What git says about local changes under a folder. */
export type WorkingTree = { git: true; dirty: ReadonlySet<string> } | { git: false; reason: string }

/**
 * Absolute paths under `dir` that have uncommitted changes (modified, added, deleted or
 * untracked), from one `git status`. Outside a git work tree, or without git, `git: false`.
 */
export function workingTree(dir: string): WorkingTree {
  const top = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' })
  if (top.error) return { git: false, reason: 'git is not installed' }
  if (top.status !== 0) return { git: false, reason: `${dir} is not in a git repository` }
  const root = top.stdout.trim()
  const status = spawnSync(
    'git',
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'],
    { cwd: dir, encoding: 'utf8' },
  )
  if (status.status !== 0) return { git: false, reason: 'git status failed' }
  const dirty = new Set<string>()
  const fields = status.stdout.split('\0')
  for (let i = 0; i < fields.length; i += 1) {
    const entry = fields[i] as string
    if (entry.length < 4) continue
    dirty.add(resolve(root, entry.slice(3)))
    // A rename is followed by its source path.
    if (entry[0] === 'R' || entry[0] === 'C') i += 1
  }
  return { git: true, dirty }
}
