import { contentHash, DRAFT_PREFIX, HASH_FIELD, publishedId, SYSTEM_FIELDS } from './canonical.js'
import type { RemoteDocument } from './to-sanity.js'

/** What publish will do with one document. */
export type PlanAction = 'create' | 'update' | 'unchanged' | 'conflict'

/**
 * A remote document as fetched: with its revision, as Sanity returns it. A query result can still
 * lack `_rev` (a projection, something other than Sanity behind `SANITY_API_HOST`): the plan
 * checks it before it trusts it.
 */
export type FetchedDocument = RemoteDocument & { _rev: string }

/** One row of the plan. */
export interface PlannedDocument {
  /** The id written: the content id, or `drafts.<id>` with --drafts. */
  id: string
  type: string
  action: PlanAction
  /** Why, in words for the plan table. */
  reason: string
  /** The document to write (with `contentHash`). */
  document: RemoteDocument
  /** Its content hash. */
  hash: string
  /** The remote version planned against, when there is one. */
  remote?: FetchedDocument
}

/** What a plan is made from. */
export interface PlanInput {
  /** The documents to write, in their remote form. */
  documents: readonly RemoteDocument[]
  /** The remote versions of those ids that exist. */
  remote: ReadonlyMap<string, FetchedDocument>
  /** `_rev` that pull last wrote into the repo, by remote id (`sanity.lock.json`). */
  base?: Readonly<Record<string, string>>
  /** Overwrite editors' changes. */
  force?: boolean
  /**
   * With drafts: the published versions, by published id. A draft that does not exist yet is not
   * created when the published version already holds the same content: Studio would show every
   * such document as edited for nothing.
   */
  published?: ReadonlyMap<string, FetchedDocument>
}

/**
 * Sort each document into create, update, unchanged or conflict.
 *
 * Content is compared by hash, so `_rev`, timestamps and key order never make a difference. A
 * remote document whose content differs is safe to overwrite when its content still hashes to its
 * own `contentHash` (nobody changed it since this repo published it) or when its `_rev` is the one
 * pull last brought into the repo; otherwise an editor changed it: a conflict, unless `force`.
 *
 * A document missing from the dataset whose revision the lock records was deleted by an editor:
 * a conflict too, unless `force`, so publish never brings back what an editor deleted.
 *
 * With drafts, a draft that does not exist yet is checked the same way against the published
 * version: Studio shows the draft instead of it, so creating one over an editor's change would
 * hide that change. A remote document without a `_rev` is never updated (not even with `force`):
 * its patch could not be guarded by `ifRevisionID`.
 */
export function planPublish(input: PlanInput): PlannedDocument[] {
  return input.documents.map((document) => planDocument(document, input))
}

function planDocument(document: RemoteDocument, input: PlanInput): PlannedDocument {
  const hash = document[HASH_FIELD] as string
  const remote = input.remote.get(document._id)
  const row = { id: document._id, type: document._type, document, hash }
  if (!remote) {
    const live = input.published?.get(publishedId(document._id))
    if (!live) {
      if (!input.force && wasInDataset(document._id, input))
        return { ...row, action: 'conflict', reason: DELETED_REASON }
      return { ...row, action: 'create', reason: 'not in the dataset yet' }
    }
    if (contentHash(live) === hash)
      return { ...row, action: 'unchanged', reason: 'the published version is the same' }
    const overwrite = mayOverwrite(live, input)
    if (!overwrite)
      return { ...row, action: 'conflict', reason: `the published version ${editedReason(live)}` }
    return { ...row, action: 'create', reason: `no draft yet; ${overwrite}` }
  }
  if (revisionOf(remote) === undefined)
    return {
      ...row,
      remote,
      action: 'conflict',
      reason:
        'the dataset returned it without a revision (_rev), and an update without ifRevisionID is never sent (not even with --force); check that SANITY_API_HOST is a Sanity API',
    }
  const remoteHash = contentHash(remote)
  if (remoteHash === hash) {
    return remote[HASH_FIELD] === hash
      ? { ...row, remote, action: 'unchanged', reason: 'same content' }
      : { ...row, remote, action: 'update', reason: 'same content; records its hash' }
  }
  const overwrite = mayOverwrite(remote, input)
  if (!overwrite) return { ...row, remote, action: 'conflict', reason: editedReason(remote) }
  return { ...row, remote, action: 'update', reason: overwrite }
}

const DELETED_REASON =
  'deleted in the CMS since this repo last published or pulled it; run npm run sanity:pull -- --prune to delete it here too, or publish with --force to create it again'

/**
 * Whether the dataset held `id` (or its draft, or its published version) when this repo last
 * published or pulled it: the lock records a revision for it. Gone now, an editor deleted it.
 */
function wasInDataset(id: string, input: PlanInput): boolean {
  const published = publishedId(id)
  return [id, published, `${DRAFT_PREFIX}${published}`].some(
    (known) => input.base !== undefined && Object.hasOwn(input.base, known),
  )
}

/** A remote document's `_rev`, when the dataset returned one. */
function revisionOf(remote: FetchedDocument): string | undefined {
  const rev: unknown = remote._rev
  return typeof rev === 'string' && rev !== '' ? rev : undefined
}

/**
 * Why `remote`, whose content differs from ours, may be overwritten (or replaced by a draft):
 * nobody changed it since this repo published it, pull brought its revision into the repo, or
 * `force`. `undefined`: an editor changed it.
 */
function mayOverwrite(remote: FetchedDocument, input: PlanInput): string | undefined {
  if (remote[HASH_FIELD] === contentHash(remote)) return 'changed here'
  const rev = revisionOf(remote)
  if (rev !== undefined && input.base?.[remote._id] === rev) return 'changed here since pull'
  if (input.force) return "overwrites an editor's change (--force)"
  return undefined
}

function editedReason(remote: FetchedDocument): string {
  return `changed in the CMS (rev ${revisionOf(remote) ?? 'unknown'}) since this repo published it; run npm run sanity:pull, or publish with --force`
}

/** A mutation as the mutate endpoint takes it. */
export type Mutation =
  | { create: RemoteDocument }
  | {
      patch: {
        id: string
        ifRevisionID: string
        set: Record<string, unknown>
        unset?: string[]
      }
    }

const KEPT = new Set<string>(['_id', ...SYSTEM_FIELDS])

/**
 * The mutation that carries out a planned write: `create` for a new document; for an update, a
 * patch guarded by `ifRevisionID` (the revision planned against) that sets every top-level field
 * and unsets the fields that are gone here, so the result equals the local document exactly.
 *
 * @throws {Error} for an update whose remote version has no `_rev` (planPublish never plans one).
 */
export function mutationFor(row: PlannedDocument): Mutation | null {
  if (row.action === 'create') return { create: row.document }
  if (row.action !== 'update' || !row.remote) return null
  const rev = revisionOf(row.remote)
  // planPublish never plans such an update; this keeps an unguarded patch from ever being built.
  if (rev === undefined)
    throw new Error(`Refusing to patch ${row.id} without ifRevisionID: its remote _rev is missing.`)
  const set: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(row.document)) if (!KEPT.has(key)) set[key] = value
  // A document keeps its type; only a type that really changed is set.
  if (row.remote._type === row.document._type) delete set._type
  const unset = Object.keys(row.remote).filter(
    (key) => !KEPT.has(key) && !Object.hasOwn(row.document, key),
  )
  return {
    patch: {
      id: row.id,
      ifRevisionID: rev,
      set,
      ...(unset.length > 0 ? { unset } : {}),
    },
  }
}
