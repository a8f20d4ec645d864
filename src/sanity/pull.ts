import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { readContentFiles } from '../content/content-files.js'
import type { ContentDocument } from '../generated/types.js'
import { packageRoot } from '../package-root.js'
import { DOCUMENT_TYPES } from '../schemas.js'
import { writeFilesAtomic } from '../write-atomic.js'
import { findPhotoBinaries } from './assets.js'
import { publishedId } from './canonical.js'
import { createSanityClient, safeMessage } from './client.js'
import { datasetKey, readSanityConfig, type SanityConfig } from './config.js'
import { SanityStageError, sanityDiagnostic } from './diagnostic.js'
import { workingTree } from './git-status.js'
import { lockPath, lockWith, readLockFor } from './lock.js'
import type { FetchedDocument } from './plan.js'
import { type PullProblem, planPull, type RefusedFile } from './pull-plan.js'
import { fetchByType } from './remote.js'
import type { RetryPolicy } from './retry.js'

export type { Change, PullProblem, RefusedFile } from './pull-plan.js'
export { TYPE_FOLDERS } from './pull-plan.js'

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
  /** Overwrite files that have uncommitted changes, or that hold another document. */
  force?: boolean
  /** Remove files of documents that are gone from the dataset. */
  prune?: boolean
  retry?: Partial<RetryPolicy>
  /** Progress lines (retries); nothing secret is ever passed. */
  log?: (line: string) => void
}

/** A content file pull wrote, or would have. */
export interface PulledFile {
  id: string
  /** Path relative to the repo root. */
  file: string
}

/** The outcome of `pull`. */
export interface PullReport {
  /**
   * `ok`: content/ holds the dataset. `incomplete`: valid, but files were refused (see `refused`).
   * `invalid`: the result would have errors (see `problems`): nothing was written.
   */
  status: 'ok' | 'incomplete' | 'invalid'
  /** Files written (none when `invalid`). */
  created: PulledFile[]
  updated: PulledFile[]
  unchanged: number
  /** Files whose document is gone from the dataset; `removed` says whether --prune removed it. */
  deleted: (PulledFile & { removed: boolean })[]
  /** Files not written or removed: uncommitted changes, or another document's file (no --force). */
  refused: RefusedFile[]
  /** Errors of the content set the pull would leave, and warnings of the documents it changes. */
  problems: PullProblem[]
  /** Remote ids whose changes would leave content/ invalid. */
  invalid: string[]
  /** Things worth knowing, such as "not a git repository". */
  notes: string[]
}

/**
 * The dataset could not be read (`sanity/read-failed`), or sanity.lock.json is damaged
 * (`sanity/lock-damaged`): nothing was written. `diagnostics` holds the problem.
 */
export class PullError extends SanityStageError {
  override readonly name = 'PullError'
}

/**
 * The asset each remote photo's binary beside its JSON would give: a pulled `image` that is
 * exactly that asset is what publish derived from the binary, and is left out of the file again.
 */
async function photoAssets(
  contentDir: string,
  fetched: readonly FetchedDocument[],
): Promise<Map<string, string>> {
  const photos = fetched
    .filter((doc) => doc._type === 'photo')
    .map((doc) => ({ _id: publishedId(doc._id), _type: 'photo' }) as ContentDocument)
  const binaries = await findPhotoBinaries(contentDir, photos).catch(() => new Map())
  return new Map([...binaries].map(([id, binary]) => [id, binary.assetId]))
}

/**
 * Bring the dataset's documents into `content/`, all or nothing: build the content set that
 * would result, validate it as a whole, and write it (files atomically, with
 * `sanity.lock.json`) only when it has no error. Files with uncommitted changes, or holding
 * another document, are left alone unless `force`. Records each written document's `_rev` in
 * `sanity.lock.json`, so a following publish knows the editor's revision is now the base.
 *
 * @throws {SanityConfigError} when variables are missing.
 * @throws {PullError} when sanity.lock.json is damaged or the dataset cannot be read; nothing
 *   is written then.
 */
export async function pull(options: PullOptions = {}): Promise<PullReport> {
  const root = options.root ?? packageRoot()
  const contentDir = options.contentDir ?? join(root, 'content')
  const config = options.config ?? readSanityConfig(options.env)
  // Before anything else: a lock that cannot be updated must stop the pull before any write.
  const lock = await readLockFor(root, (diagnostic, cause) => new PullError(diagnostic, cause))
  const client = createSanityClient(config)
  const fetched = await fetchByType(client, DOCUMENT_TYPES, options.drafts === true, {
    retry: options.retry,
    onRetry: (event) =>
      options.log?.(
        `retry ${event.attempt} in ${event.delayMs} ms: ${safeMessage(event.error, config)}`,
      ),
  }).catch((error: unknown) => {
    const message = `Could not read the dataset: ${safeMessage(error, config)}`
    throw new PullError(sanityDiagnostic('sanity/read-failed', message))
  })
  const notes: string[] = []
  if (options.drafts && !config.token)
    notes.push(
      'SANITY_API_TOKEN is not set, and datasets show drafts only to a token: set it to pull drafts.',
    )
  const tree = workingTree(contentDir)
  if (!tree.git) notes.push(`${tree.reason}: every file is treated as having no local changes.`)
  const plan = await planPull({
    root,
    contentDir,
    local: await readContentFiles(contentDir),
    remote: fetched,
    prune: options.prune === true,
    force: options.force === true,
    isDirty: (path) => tree.git && tree.dirty.has(path),
    photoAssets: await photoAssets(contentDir, fetched),
  })
  const report: PullReport = {
    status: 'ok',
    created: [],
    updated: [],
    unchanged: plan.unchanged,
    deleted: plan.kept.map((file) => ({ ...file, removed: false })),
    refused: plan.refused,
    problems: plan.problems,
    invalid: plan.invalid,
    notes,
  }
  if (plan.problems.some((p) => p.severity === 'error')) {
    report.status = 'invalid'
    report.deleted.push(...plan.removals.map(({ id, file }) => ({ id, file, removed: false })))
    return report
  }
  const revisions = new Map<string, string>()
  for (const write of plan.writes)
    if (typeof write.rev === 'string') revisions.set(write.remoteId, write.rev)
  const removedIds = plan.removals.flatMap(({ id }) => [id, `drafts.${id}`])
  const lockText = lockWith(lock, datasetKey(config), revisions, removedIds)
  await writeFilesAtomic([
    ...plan.writes.map(({ path, text }) => ({ path, text })),
    ...(lockText === undefined ? [] : [{ path: lockPath(root), text: lockText }]),
  ])
  for (const removal of plan.removals) await rm(removal.path, { force: true })
  for (const { id, file, change } of plan.writes)
    (change === 'created' ? report.created : report.updated).push({ id, file })
  report.deleted.push(...plan.removals.map(({ id, file }) => ({ id, file, removed: true })))
  if (report.refused.length > 0) report.status = 'incomplete'
  return report
}
