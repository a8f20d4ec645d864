import { type Dirent, readdirSync, type Stats, statSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import type { Diagnostic } from '../../diagnostics.js'
import { messages } from '../../messages.js'
import type { RuleId } from '../../rules.js'

/** Something to read documents from. */
export type Source =
  | {
      kind: 'json' | 'ndjson'
      file: string
      path: string
      size: number
      /** The file's bytes, when it is held in memory rather than read from `path`. */
      bytes?: Uint8Array
      /** Read only as the context of the files named (their references); not reported on. */
      context?: boolean
    }
  | { kind: 'stdin'; file: '<stdin>'; path?: undefined; bytes?: undefined; context?: undefined }

/** A file to read documents from: `file` is its name in reports (as the user wrote it), `path` where it is read. */
export type FileSource = Extract<Source, { kind: 'json' | 'ndjson' }>

/** The name stdin gets in diagnostics. */
export const STDIN_NAME = '<stdin>'

/** What the command line named, expanded into sources, plus the paths that could not be used. */
export interface Inputs {
  sources: Source[]
  problems: Diagnostic[]
}

const KINDS: Record<string, 'json' | 'ndjson'> = { '.json': 'json', '.ndjson': 'ndjson' }

/**
 * Expand paths into sources: `-` is NDJSON on stdin, a directory is every .json and .ndjson file
 * under it (sorted; dot-folders and node_modules skipped), a file must be .json or .ndjson.
 * A path named twice is read once. Relative paths start at `cwd`; reports name them as written.
 */
export async function expandInputs(
  inputs: readonly string[],
  cwd: string = process.cwd(),
): Promise<Inputs> {
  const sources: Source[] = []
  const problems: Diagnostic[] = []
  // stdin has no path: its key is undefined, which no file has.
  const seen = new Set<string | undefined>()
  const add = (source: Source): void => {
    if (seen.has(source.path)) return
    seen.add(source.path)
    sources.push(source)
  }
  for (const input of inputs) {
    if (input === '-') {
      add({ kind: 'stdin', file: STDIN_NAME })
      continue
    }
    const path = resolve(cwd, input)
    const info = statOrError(path)
    if (info instanceof Error) {
      problems.push(
        inputProblem('input/unreadable', input, messages.unreadable(input, info.code ?? 'EIO')),
      )
    } else if (info.isDirectory()) {
      const before = problems.length
      const found = listDirectory(input, path, problems)
      if (found.length === 0 && problems.length === before) {
        problems.push(inputProblem('input/no-documents', input, messages.noDocuments(input)))
      }
      for (const file of found) add(file)
    } else {
      const kind = KINDS[extname(input).toLowerCase()]
      if (kind) add({ kind, file: input, path, size: info.size })
      else
        problems.push(
          inputProblem('input/unsupported-file', input, messages.unsupportedFile(input)),
        )
    }
  }
  return { sources, problems }
}

/**
 * Every .json and .ndjson file under `root` (named `name` in reports), depth first in name
 * order, without recursion. Synchronous, as are the stats in expandInputs: a listing is many
 * calls that each take microseconds, and a promise's round trip through libuv's thread pool costs
 * more than the call itself (measured on content/: the cold start of `validate` drops by several
 * milliseconds).
 */
function listDirectory(name: string, root: string, problems: Diagnostic[]): Source[] {
  const found: Source[] = []
  const pending = [{ file: name, path: root }]
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    const entries = readdirOrError(dir.path)
    if (entries instanceof Error) {
      const message = messages.unreadable(dir.file, entries.code ?? 'EIO')
      problems.push(inputProblem('input/unreadable', dir.file, message))
      continue
    }
    const subdirs: { file: string; path: string }[] = []
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const file = join(dir.file, entry.name)
      const path = join(dir.path, entry.name)
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules')
          subdirs.push({ file, path })
        continue
      }
      const kind = KINDS[extname(entry.name).toLowerCase()]
      if (!kind) continue
      // stat follows symbolic links, and reports one that leads nowhere.
      const info = statOrError(path)
      if (info instanceof Error)
        problems.push(
          inputProblem('input/unreadable', file, messages.unreadable(file, info.code ?? 'EIO')),
        )
      else if (info.isFile()) found.push({ kind, file, path, size: info.size })
    }
    // Reversed, so the stack pops them in name order.
    pending.push(...subdirs.reverse())
  }
  return found
}

/** The stat of `path` (following symbolic links), or the error that says why there is none. */
function statOrError(path: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(path)
  } catch (error) {
    return error as NodeJS.ErrnoException
  }
}

function readdirOrError(path: string): Dirent[] | NodeJS.ErrnoException {
  try {
    return readdirSync(path, { withFileTypes: true })
  } catch (error) {
    return error as NodeJS.ErrnoException
  }
}

/** A problem with a path rather than with content. */
export function inputProblem(rule: RuleId, file: string, message: string): Diagnostic {
  return {
    severity: 'error',
    rule,
    message,
    file,
    line: 1,
    column: 1,
    pointer: '',
    documentId: null,
  }
}
