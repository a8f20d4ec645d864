import { join } from 'node:path'
import type { SanityClient } from '@sanity/client'
import type { Diagnostic } from '../diagnostics.js'
import { displayPath } from '../display-path.js'
import type { ContentDocument } from '../generated/types.js'
import { packageRoot } from '../package-root.js'
import { type ValidationReport, validateContent } from '../validator/validate.js'
import { writeFileAtomic } from '../write-atomic.js'
import { ensureAsset, findPhotoBinaries, PhotoBinaryError, withImageAsset } from './assets.js'
import { DRAFT_PREFIX, publishedId } from './canonical.js'
import { createSanityClient, safeMessage } from './client.js'
import { commitBatch } from './commit.js'
import { datasetKey, readSanityConfig, type SanityConfig } from './config.js'
import { type SanityPlace, SanityStageError, sanityDiagnostic } from './diagnostic.js'
import { lockPath, lockWith, readLock, readLockFor } from './lock.js'
import { mutationFor, type PlannedDocument, planPublish } from './plan.js'
import { fetchByIds } from './remote.js'
import type { RetryEvent, RetryPolicy } from './retry.js'
import { referencedIds, toSanityDocument } from './to-sanity.js'
import { batchWrites, runBatches, type Write } from './transactions.js'

/** What `publish` is asked to do. */
export interface PublishOptions {
  /** Repo folder with `content/` and `sanity.lock.json`. Default: this package. */
  root?: string
  /** Default `<root>/content`. */
  contentDir?: string
  /** Where the `SANITY_*` variables are read from when `config` is not given. Default process.env. */
  env?: Record<string, string | undefined>
  config?: SanityConfig
  /** Plan only: read the dataset, write nothing. */
  dryRun?: boolean
  /** Write `drafts.<id>` documents instead of published ones. */
  drafts?: boolean
  /** Overwrite documents that an editor changed. */
  force?: boolean
  retry?: Partial<RetryPolicy>
  /** Transactions in flight at once. Default 3. */
  concurrency?: number
  /** Largest transaction body. Default 256 KB, Sanity's limit. */
  maxTransactionBytes?: number
  /** Progress lines (retries, recovered acknowledgements); nothing secret is ever passed. */
  log?: (line: string) => void
}

/** The outcome of `publish`. */
export interface PublishReport {
  /**
   * `invalid`: content errors, nothing done. `planned`: dry run. `published`: everything written.
   * `incomplete`: conflicts or failed transactions; the rest was written.
   */
  status: 'invalid' | 'planned' | 'published' | 'incomplete'
  validation: ValidationReport
  plan: PlannedDocument[]
  /** Ids written by this run. */
  written: string[]
  /** Ids of transactions whose acknowledgement was lost, found applied on the server. */
  recovered: string[]
  /** Ids of documents not written because an editor changed them (none with `force`). */
  conflicts: string[]
  /**
   * Every problem of the run as diagnostics at the documents' content files, in the order found:
   * each conflict (`publish/conflict`, its reason the message), then each failure.
   */
  problems: Diagnostic[]
  /**
   * Documents not written because their transaction failed for good
   * (`publish/transaction-failed`), or because it references documents that failed
   * (`publish/not-sent`): one diagnostic per document, at its content file.
   */
  failures: Diagnostic[]
  /** Asset ids uploaded (ones already in the dataset are not uploaded again). */
  uploaded: string[]
  /** Mutations sent in transactions that committed. */
  mutations: number
  transactions: number
}

/**
 * Reading the dataset failed after retries (`sanity/read-failed`), or a photo's binary cannot be
 * used or uploaded (`publish/photo-asset`): nothing was written. `diagnostics` holds the problem.
 */
export class PublishError extends SanityStageError {
  override readonly name = 'PublishError'
}

/**
 * Publish `content/` to a Sanity dataset: validate, plan against the remote versions, then write
 * creates and updates in small dependency-ordered transactions. Editors' changes are never
 * overwritten without `force`; every update is guarded by `ifRevisionID`; a second run with
 * nothing changed makes no mutation.
 *
 * @throws {SanityConfigError} when variables are missing (the token only when writing).
 * @throws {PublishError} when the dataset cannot be read or the photo binary is unusable.
 */
export async function publish(options: PublishOptions = {}): Promise<PublishReport> {
  const root = options.root ?? packageRoot()
  const contentDir = options.contentDir ?? join(root, 'content')
  const config =
    options.config ?? readSanityConfig(options.env, { requireToken: options.dryRun !== true })
  // One read: what is published is what was validated.
  const { report: validation, documents, places } = await validateContent(displayPath(contentDir))
  const report: PublishReport = {
    status: 'invalid',
    validation,
    plan: [],
    written: [],
    recovered: [],
    conflicts: [],
    problems: [],
    failures: [],
    uploaded: [],
    mutations: 0,
    transactions: 0,
  }
  if (!validation.valid) return report

  const client = createSanityClient(config)
  const placeOf = new Map(documents.map((doc, i) => [doc._id, places[i]]))
  const binaries = await findPhotoBinaries(contentDir, documents).catch((error: Error) => {
    // A damaged binary is placed at its file; a failed read is named in the message.
    const place =
      error instanceof PhotoBinaryError
        ? {
            file: join(displayPath(contentDir), error.file),
            documentId: error.documentId,
          }
        : {}
    throw new PublishError(sanityDiagnostic('publish/photo-asset', error.message, place))
  })
  const local = documents.map((doc) => withImageAsset(doc, binaries.get(doc._id)))
  report.plan = await planAgainstDataset(client, config, root, local, options)
  const conflicts = report.plan.filter((row) => row.action === 'conflict')
  report.conflicts = conflicts.map((row) => row.id)
  report.problems = conflicts.map((row) =>
    problemAt('publish/conflict', `Not written: ${row.reason}.`, row.id, placeOf),
  )
  if (options.dryRun) {
    report.status = 'planned'
    return report
  }
  await write(client, config, report, local, binaries, options, placeOf)
  await recordWritten(client, config, root, report, options)
  report.problems.push(...report.failures)
  report.status =
    report.conflicts.length > 0 || report.failures.length > 0 ? 'incomplete' : 'published'
  return report
}

/** Fetch the remote versions of our ids (and, for drafts, the published ones) and plan. */
async function planAgainstDataset(
  client: SanityClient,
  config: SanityConfig,
  root: string,
  local: readonly ContentDocument[],
  options: PublishOptions,
): Promise<PlannedDocument[]> {
  // First: a damaged lock stops publish before it asks the dataset anything.
  const lock = await readLockFor(root, (diagnostic, cause) => new PublishError(diagnostic, cause))
  const ids = local.map((doc) => doc._id)
  const targetIds = options.drafts ? ids.map((id) => `${DRAFT_PREFIX}${id}`) : ids
  const reads = { retry: options.retry, onRetry: retryLogger(options, config) }
  const remote = await fetchByIds(
    client,
    options.drafts ? [...targetIds, ...ids] : targetIds,
    reads,
  ).catch((error: unknown) => {
    const message = `Could not read the dataset: ${safeMessage(error, config)}`
    throw new PublishError(sanityDiagnostic('sanity/read-failed', message))
  })
  const published = new Set(ids.filter((id) => remote.has(id)))
  const typeOf = new Map(local.map((doc) => [doc._id, doc._type]))
  const documents = local.map((doc) =>
    toSanityDocument(doc, { drafts: options.drafts, published, typeOf }),
  )
  return planPublish({
    documents,
    remote,
    base: lock[datasetKey(config)],
    force: options.force,
    ...(options.drafts ? { published: remote } : {}),
  })
}

/**
 * Record in `sanity.lock.json` the revision of every document this run wrote, as pull records the
 * ones it brings in: the lock then knows which documents the dataset held, so one an editor
 * deletes later is a conflict, not something publish silently creates again. A failure here
 * loses no content (the documents are written); it is logged, and only that knowledge is missing.
 */
async function recordWritten(
  client: SanityClient,
  config: SanityConfig,
  root: string,
  report: PublishReport,
  options: PublishOptions,
): Promise<void> {
  const ids = [...report.written, ...report.recovered]
  if (ids.length === 0) return
  try {
    const reads = { retry: options.retry, onRetry: retryLogger(options, config) }
    const remote = await fetchByIds(client, ids, reads)
    const revisions = new Map<string, string>()
    for (const [id, doc] of remote) if (typeof doc._rev === 'string') revisions.set(id, doc._rev)
    const text = lockWith(await readLock(root), datasetKey(config), revisions)
    if (text !== undefined) await writeFileAtomic(lockPath(root), text)
  } catch (error) {
    options.log?.(
      `the documents are written, but sanity.lock.json could not record their revisions: ${safeMessage(error, config)}`,
    )
  }
}

function retryLogger(options: PublishOptions, config: SanityConfig) {
  return (event: RetryEvent) =>
    options.log?.(
      `retry ${event.attempt} in ${event.delayMs} ms: ${safeMessage(event.error, config)}`,
    )
}

async function write(
  client: SanityClient,
  config: SanityConfig,
  report: PublishReport,
  local: readonly ContentDocument[],
  binaries: Awaited<ReturnType<typeof findPhotoBinaries>>,
  options: PublishOptions,
  placeOf: ReadonlyMap<string, SanityPlace | undefined>,
): Promise<void> {
  const rows = report.plan.filter((row) => row.action === 'create' || row.action === 'update')
  const ours = new Set(local.map((doc) => doc._id))
  for (const row of rows) {
    const binary = binaries.get(publishedId(row.id))
    if (!binary) continue
    try {
      if (await ensureAsset(client, binary)) report.uploaded.push(binary.assetId)
    } catch (error) {
      const message = `Uploading ${binary.file} failed: ${safeMessage(error, config)}`
      throw new PublishError(sanityDiagnostic('publish/photo-asset', message))
    }
  }
  // Drafts hold weak references, so they may be written in any order.
  const writes: Write[] = rows.map((row) => ({
    id: row.id,
    mutation: mutationFor(row) as NonNullable<ReturnType<typeof mutationFor>>,
    references: options.drafts ? new Set() : referencedIds(row.document, ours),
  }))
  const hashes = new Map(rows.map((row) => [row.id, row.hash]))
  const reads = { retry: options.retry, onRetry: retryLogger(options, config) }
  const outcomes = await runBatches(
    batchWrites(writes, options.maxTransactionBytes),
    async (batch) => {
      const result = await commitBatch(client, batch, hashes, reads)
      if (result === 'recovered') {
        const ids = batch.writes.map((w) => w.id)
        report.recovered.push(...ids)
        options.log?.(`acknowledgement lost, but the transaction was applied: ${ids.join(', ')}`)
      }
    },
    options.concurrency,
  )
  for (const outcome of outcomes) {
    const ids = outcome.batch.writes.map((w) => w.id)
    if (outcome.status === 'committed') {
      report.written.push(...ids)
      report.mutations += ids.length
      report.transactions += 1
    } else if (outcome.status === 'failed') {
      const why = safeMessage(outcome.error, config)
      for (const id of ids) {
        const message = `Not written: its transaction failed (${why}). Run the publish again to finish.`
        report.failures.push(problemAt('publish/transaction-failed', message, id, placeOf))
      }
    } else {
      const after = outcome.because.flatMap(
        (index) => outcomes[index]?.batch.writes.map((w) => w.id) ?? [],
      )
      for (const id of ids) {
        const message = `Not sent: it references documents that failed to write (${after.join(', ')}). Run the publish again to finish.`
        report.failures.push(problemAt('publish/not-sent', message, id, placeOf))
      }
    }
  }
}

/** A document not written, at its content file (a draft id is placed at its published file). */
function problemAt(
  rule: 'publish/conflict' | 'publish/transaction-failed' | 'publish/not-sent',
  message: string,
  id: string,
  placeOf: ReadonlyMap<string, SanityPlace | undefined>,
): Diagnostic {
  return sanityDiagnostic(rule, message, { ...placeOf.get(publishedId(id)), documentId: id })
}
