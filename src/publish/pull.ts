import { readdir, readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { Readable } from 'node:stream'
import type { Diagnostic } from '../diagnostics.js'
import type { ContentDocument } from '../generated/types.js'
import { packageRoot } from '../package-root.js'
import { DOCUMENT_TYPES } from '../schemas.js'
import { validate } from '../validate.js'
import { writeFilesAtomic } from '../write-atomic.js'
import { findPhotoBinaries } from './assets.js'
import { toContent } from './canonical.js'
import { createSanityClient, safeMessage } from './client.js'
import { datasetKey, readSanityConfig, type SanityConfig } from './config.js'
import { formatContentFile } from './content-file.js'
import { workingTree } from './git-status.js'
import { recordBase } from './lock.js'
import type { FetchedDocument } from './plan.js'
import { fetchByType } from './remote.js'
import type { RetryPolicy } from './retry.js'

/** The folder under `content/` of each document type. */
export const TYPE_FOLDERS: Readonly<Record<string, string>> = {
  article: 'articles',
  person: 'people',
  quote: 'quotes',
  photo: 'photos',
}

/** What `pull` is asked to do. */
export interface PullOptions {
  /** Repo folder with `content/` and `sanity.lock.json`. Default: this package. */
  root?: string
  /** Default `<root>/content`. */
  contentDir?: string
  env?: Record<string, string | undefined>
  config?: SanityConfig
  /** Pull drafts (where there is one) instead of the published versions. */
  drafts?: boolean
  /** Overwrite files that have uncommitted changes. */
  force?: boolean
  /** Remove files of documents that are gone from the dataset. */
  prune?: boolean
  retry?: Partial<RetryPolicy>
  /** Progress lines (retries); nothing secret is ever passed. */
  log?: (line: string) => void
}

/** A problem in a remote document: no file, so it is placed by document id and JSON pointer. */
export interface RemoteProblem {
  severity: Diagnostic['severity']
  rule: string
  message: string
  /** The remote `_id` (`drafts.x` for a draft). */
  documentId: string
  /** RFC 6901 pointer into the document. */
  pointer: string
}

/** A content file pull wrote, or refused to write. */
export interface PulledFile {
  id: string
  /** Path relative to the repo root. */
  file: string
}

/** The outcome of `pull`. */
export interface PullReport {
  /** `ok`: every remote document is in content/. `incomplete`: see `invalid` and `refused`. */
  status: 'ok' | 'incomplete'
  created: PulledFile[]
  updated: PulledFile[]
  unchanged: number
  /** Files whose document is gone from the dataset; `removed` says whether --prune removed it. */
  deleted: (PulledFile & { removed: boolean })[]
  /** Files not written because they have uncommitted changes (no --force). */
  refused: PulledFile[]
  /** Problems of the remote documents; documents with errors were not written. */
  problems: RemoteProblem[]
  /** Ids of remote documents not written because they are invalid. */
  invalid: string[]
  /** Things worth knowing, such as "not a git repository". */
  notes: string[]
}

/** Reading the dataset failed (after retries): nothing was written. */
export class PullError extends Error {
  override readonly name = 'PullError'
}

interface LocalFile {
  path: string
  text: string
}

/** Every content file by the `_id` inside it (or its file name, when it does not parse). */
async function localFiles(contentDir: string): Promise<Map<string, LocalFile>> {
  const found = new Map<string, LocalFile>()
  const names = await readdir(contentDir, { recursive: true }).catch(() => [] as string[])
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const path = join(contentDir, name)
    const text = await readFile(path, 'utf8')
    let id =
      name
        .split(/[\\/]/)
        .pop()
        ?.replace(/\.json$/, '') ?? name
    try {
      const parsed = JSON.parse(text) as { _id?: unknown }
      if (typeof parsed._id === 'string') id = parsed._id
    } catch {}
    found.set(id, { path, text })
  }
  return found
}

/**
 * A photo whose binary sits beside its JSON gets its `image` field from that binary when it is
 * published; the file does not hold it. So an `image` that is exactly the local binary's asset is
 * left out again, and a pull after a publish changes nothing. A different asset (an editor chose
 * another picture) is kept.
 */
async function dropDerivedImages(
  contentDir: string,
  documents: readonly { content: Record<string, unknown> }[],
): Promise<void> {
  const contents = documents.map((doc) => doc.content as unknown as ContentDocument)
  const binaries = await findPhotoBinaries(contentDir, contents).catch(() => new Map())
  for (const doc of documents) {
    const binary = binaries.get(doc.content._id as string)
    const image = doc.content.image as { asset?: { _ref?: unknown } } | undefined
    if (binary && image?.asset?._ref === binary.assetId) delete doc.content.image
  }
}

/** Validate the fetched documents together, as the repo would hold them. */
async function check(
  documents: readonly { remoteId: string; content: Record<string, unknown> }[],
): Promise<RemoteProblem[]> {
  const ndjson = documents.map((doc) => JSON.stringify(doc.content)).join('\n')
  const report = await validate(['-'], { stdin: Readable.from([`${ndjson}\n`]) })
  const remoteIds = new Map(documents.map((doc) => [doc.content._id as string, doc.remoteId]))
  return report.problems.map((p) => ({
    severity: p.severity,
    rule: p.rule,
    message: p.message,
    documentId: (p.documentId && remoteIds.get(p.documentId)) ?? p.documentId ?? `line ${p.line}`,
    pointer: p.pointer,
  }))
}

interface Place {
  root: string
  contentDir: string
  files: Map<string, LocalFile>
  isDirty: (path: string) => boolean
  force: boolean
}

interface Pulled {
  remoteId: string
  rev: string
  content: Record<string, unknown>
}

const display = (place: Place, path: string) => relative(place.root, path).split('\\').join('/')

/**
 * Write the valid documents that differ from their files, all or none. Returns the revision of
 * each document written, for the lock.
 */
async function writeDocuments(
  documents: readonly Pulled[],
  invalid: ReadonlySet<string>,
  place: Place,
  report: PullReport,
): Promise<Record<string, string>> {
  const revisions: Record<string, string> = {}
  const writes: { path: string; text: string }[] = []
  for (const doc of documents) {
    if (invalid.has(doc.remoteId)) continue
    const id = doc.content._id as string
    const existing = place.files.get(id)
    const folder = TYPE_FOLDERS[doc.content._type as string] ?? 'other'
    const path = existing?.path ?? join(place.contentDir, folder, `${id}.json`)
    const text = formatContentFile(doc.content)
    if (existing?.text === text) {
      report.unchanged += 1
      continue
    }
    const entry = { id, file: display(place, path) }
    if (existing && place.isDirty(path) && !place.force) {
      report.refused.push(entry)
      continue
    }
    writes.push({ path, text })
    revisions[doc.remoteId] = doc.rev
    ;(existing ? report.updated : report.created).push(entry)
  }
  await writeFilesAtomic(writes)
  return revisions
}

/** Local files whose document the dataset no longer has. */
function gone(documents: readonly Pulled[], place: Place): [string, LocalFile][] {
  const remoteIds = new Set(documents.map((doc) => doc.content._id as string))
  return [...place.files].filter(([id]) => !remoteIds.has(id))
}

function reportDeleted(documents: readonly Pulled[], place: Place, report: PullReport): void {
  for (const [id, file] of gone(documents, place))
    report.deleted.push({ id, file: display(place, file.path), removed: false })
}

/** Remove the files of deleted documents (not dirty ones, without force); returns their lock ids. */
async function pruneDeleted(
  documents: readonly Pulled[],
  place: Place,
  report: PullReport,
): Promise<string[]> {
  const removed: string[] = []
  for (const [id, file] of gone(documents, place)) {
    const entry = { id, file: display(place, file.path) }
    if (place.isDirty(file.path) && !place.force) {
      report.refused.push(entry)
      continue
    }
    await rm(file.path)
    report.deleted.push({ ...entry, removed: true })
    removed.push(id, `drafts.${id}`)
  }
  return removed
}

/**
 * Bring the dataset's documents into `content/`: validated, in the repo's file format, written
 * atomically. Files with uncommitted changes are left alone unless `force`; invalid remote
 * documents are never written. Records each written document's `_rev` in `sanity.lock.json`, so
 * a following publish knows the editor's revision is now the base.
 *
 * @throws {SanityConfigError} when variables are missing.
 * @throws {PullError} when the dataset cannot be read; nothing is written then.
 */
export async function pull(options: PullOptions = {}): Promise<PullReport> {
  const root = options.root ?? packageRoot()
  const contentDir = options.contentDir ?? join(root, 'content')
  const config = options.config ?? readSanityConfig(options.env)
  const client = createSanityClient(config)
  const fetched = await fetchByType(client, DOCUMENT_TYPES, options.drafts === true, {
    retry: options.retry,
    onRetry: (event) =>
      options.log?.(
        `retry ${event.attempt} in ${event.delayMs} ms: ${safeMessage(event.error, config)}`,
      ),
  }).catch((error: unknown) => {
    throw new PullError(`Could not read the dataset: ${safeMessage(error, config)}`)
  })
  const documents: Pulled[] = fetched.map((doc: FetchedDocument) => ({
    remoteId: doc._id,
    rev: doc._rev,
    content: toContent(doc),
  }))
  await dropDerivedImages(contentDir, documents)
  const report: PullReport = {
    status: 'ok',
    created: [],
    updated: [],
    unchanged: 0,
    deleted: [],
    refused: [],
    problems: await check(documents),
    invalid: [],
    notes: [],
  }
  const invalid = new Set(
    report.problems.filter((p) => p.severity === 'error').map((p) => p.documentId),
  )
  report.invalid = [...invalid].sort()
  if (options.drafts && !config.token)
    report.notes.push(
      'SANITY_API_TOKEN is not set, and datasets show drafts only to a token: set it to pull drafts.',
    )
  const tree = workingTree(contentDir)
  if (!tree.git)
    report.notes.push(`${tree.reason}: every file is treated as having no local changes.`)
  const isDirty = (path: string) => tree.git && tree.dirty.has(path)
  const files = await localFiles(contentDir)
  const place = { root, contentDir, files, isDirty, force: options.force === true }
  const revisions = await writeDocuments(documents, invalid, place, report)
  const pruned = options.prune ? await pruneDeleted(documents, place, report) : []
  if (!options.prune) reportDeleted(documents, place, report)
  await recordBase(root, datasetKey(config), revisions, pruned)
  if (report.invalid.length > 0 || report.refused.length > 0) report.status = 'incomplete'
  return report
}
