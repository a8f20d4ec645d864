/**
 * An import, from the story's file to the files it adds to a content folder: read the story, find
 * its people, organizations and quotes (reusing the folder's own people and organizations),
 * assemble the documents, then validate the whole content set they would make (the folder's
 * documents and the new ones) with the validator's rules. Only when that set has no error are the
 * new files written, all at once, as pull writes (src/write-atomic.ts). An import only adds files:
 * a document id or a file the folder already has stops it, and nothing is written.
 *
 * Because nothing existing is ever written over, uncommitted work in the folder is never at risk:
 * unlike pull, import needs no git check and no --force.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Diagnostic } from '../diagnostics.js'
import { displayPath } from '../display-path.js'
import { DOCUMENT_TYPE_REGISTRY } from '../document-types.js'
import type { ContentDocument } from '../generated/types.js'
import { formatContentFile } from '../sanity/content-file.js'
import { validateContent } from '../validator/validate.js'
import { writeFilesAtomic } from '../write-atomic.js'
import { assembledDocuments, assembleStory } from './assemble.js'
import { findInStory } from './find/find-in-story.js'
import { readStory } from './read-story.js'
import type { KnownEntity, ReviewItem, WireStory } from './story.js'
import { StoryError, storyProblem } from './story-error.js'

/** What to import, and where to. */
export interface ImportOptions {
  /** The story's file (absolute, or relative to the process's folder). */
  file: string
  /** The content folder to add to (it may not exist yet: then it is created). */
  contentDir: string
  /** Plan and validate, but write nothing. */
  dryRun?: boolean
  /** The folder paths are shown relative to (default: the process's folder). */
  cwd?: string
}

/** A file the import adds. */
export interface ImportWrite {
  id: string
  type: string
  /** Absolute path. */
  path: string
  /** The path as shown to the user. */
  file: string
  document: ContentDocument
  text: string
}

/** How an import went. */
export interface ImportReport {
  /**
   * `written`: the files were added; `planned`: a dry run that would add them; `invalid`: the
   * story or the content set it would make has errors (nothing written); `unreadable`: the story
   * file cannot be read (exit 2).
   */
  status: 'written' | 'planned' | 'invalid' | 'unreadable'
  /** The story file, as shown. */
  file: string
  story?: WireStory
  writes: ImportWrite[]
  /** Errors that stopped the import, and warnings of the resulting content set. */
  problems: Diagnostic[]
  /** What editors should check: the finder's review items, then the assembler's. */
  review: ReviewItem[]
}

/** Import the story of `options.file` into `options.contentDir`; see the module's comment. */
export async function importStory(options: ImportOptions): Promise<ImportReport> {
  const cwd = options.cwd ?? process.cwd()
  const file = displayPath(options.file, cwd)
  const report: ImportReport = { status: 'invalid', file, writes: [], problems: [], review: [] }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(options.file))
  } catch (error) {
    report.status = 'unreadable'
    report.problems.push(unreadable(file, error as NodeJS.ErrnoException))
    return report
  }
  try {
    report.story = readStory(bytes, file)
  } catch (error) {
    if (!(error instanceof StoryError)) throw error
    report.problems.push(...error.diagnostics)
    return report
  }
  const existing = await contentFiles(options.contentDir, cwd)
  const findings = findInStory(report.story, knownEntities(existing))
  const assembled = assembleStory(report.story, findings)
  report.review = [...findings.review, ...assembled.review]
  report.writes = assembledDocuments(assembled).map((document) => {
    const folder = DOCUMENT_TYPE_REGISTRY[document._type].folder
    const path = join(options.contentDir, folder, `${document._id}.json`)
    return {
      id: document._id,
      type: document._type,
      path,
      file: displayPath(path, cwd),
      document,
      text: formatContentFile(document),
    }
  })
  report.problems.push(...collisions(report.writes, existing, file))
  if (report.problems.length > 0) return report
  const { report: validation } = await validateContent({
    files: [
      ...existing.map((local) => ({ file: local.file, content: local.bytes })),
      ...report.writes.map((write) => ({ file: write.file, content: write.text })),
    ],
  })
  report.problems.push(...validation.problems)
  if (!validation.valid) return report
  if (options.dryRun) {
    report.status = 'planned'
    return report
  }
  await writeFilesAtomic(report.writes.map(({ path, text }) => ({ path, text })))
  report.status = 'written'
  return report
}

/** A content file of the target folder, as read now. */
interface LocalFile {
  path: string
  file: string
  bytes: Uint8Array
  /** The parsed document, when the file is one JSON object. */
  document?: { _id?: unknown; _type?: unknown; name?: unknown; alternateNames?: unknown }
}

/** Every `.json` file under `contentDir` (none when it does not exist), skipping dot-folders as validate does. */
async function contentFiles(contentDir: string, cwd: string): Promise<LocalFile[]> {
  const names = await readdir(contentDir, { recursive: true }).catch(() => [] as string[])
  const files: LocalFile[] = []
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    if (name.split(/[\\/]/).some((part) => part.startsWith('.') || part === 'node_modules'))
      continue
    const path = join(contentDir, name)
    if (!(await stat(path)).isFile()) continue
    const bytes = new Uint8Array(await readFile(path))
    let document: LocalFile['document']
    try {
      const value: unknown = JSON.parse(new TextDecoder().decode(bytes))
      if (typeof value === 'object' && value !== null) document = value
    } catch {
      // Not JSON: the validation of the whole set reports it.
    }
    files.push({ path, file: displayPath(path, cwd), bytes, document })
  }
  return files
}

/** The people and organizations the folder already has, as the finder matches them. */
function knownEntities(files: readonly LocalFile[]): KnownEntity[] {
  const known: KnownEntity[] = []
  for (const { document } of files) {
    const kind = document?._type
    if ((kind !== 'person' && kind !== 'organization') || typeof document?._id !== 'string')
      continue
    if (typeof document.name !== 'string') continue
    const alternateNames = Array.isArray(document.alternateNames)
      ? document.alternateNames.filter((name): name is string => typeof name === 'string')
      : []
    known.push({ kind, id: document._id, name: document.name, alternateNames })
  }
  return known
}

/** A problem for each new document whose id, or file, the folder already has. */
function collisions(
  writes: readonly ImportWrite[],
  existing: readonly LocalFile[],
  file: string,
): Diagnostic[] {
  const ids = new Map<unknown, string>(existing.map((local) => [local.document?._id, local.file]))
  const paths = new Set(existing.map((local) => local.path))
  const place = { file, line: 1, column: 1 }
  const problems: Diagnostic[] = []
  for (const write of writes) {
    const holder = ids.get(write.id) ?? (paths.has(write.path) ? write.file : undefined)
    if (holder === undefined) continue
    problems.push({
      ...storyProblem(
        'import/existing-id',
        place,
        `The import would add ${write.id}, but ${holder} already holds ${ids.has(write.id) ? 'a document with that id' : 'that file'}: import only adds documents. If this story was imported before, there is nothing to do; otherwise rename or remove the existing document, or import into another folder (--out).`,
      ),
      documentId: write.id,
    })
  }
  return problems
}

/** The story file cannot be read: an environment problem (exit 2). */
function unreadable(file: string, error: NodeJS.ErrnoException): Diagnostic {
  const why =
    error.code === 'ENOENT'
      ? 'there is no such file'
      : error.code === 'EISDIR'
        ? 'it is a folder'
        : (error.code ?? error.message)
  return {
    severity: 'error',
    rule: 'input/unreadable',
    message: `Cannot read the story ${file}: ${why}. Give the path of the story's plain-text file.`,
    file,
    line: 1,
    column: 1,
    pointer: '',
    documentId: null,
  }
}
