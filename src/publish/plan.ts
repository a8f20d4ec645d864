import { contentHash, HASH_FIELD, publishedId, SYSTEM_FIELDS } from './canonical.js'
import type { RemoteDocument } from './to-sanity.js'

/** What publish will do with one document. */
export type PlanAction = 'create' | 'update' | 'unchanged' | 'conflict'

/** A remote document as fetched: with its revision. */
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
 */
export function planPublish(input: PlanInput): PlannedDocument[] {
  return input.documents.map((document) => {
    const hash = document[HASH_FIELD] as string
    const remote = input.remote.get(document._id)
    const row = { id: document._id, type: document._type, document, hash }
    if (!remote) {
      const live = input.published?.get(publishedId(document._id))
      if (live && contentHash(live) === hash)
        return { ...row, action: 'unchanged', reason: 'the published version is the same' }
      return { ...row, action: 'create', reason: 'not in the dataset yet' }
    }
    const remoteHash = contentHash(remote)
    if (remoteHash === hash) {
      return remote[HASH_FIELD] === hash
        ? { ...row, remote, action: 'unchanged', reason: 'same content' }
        : { ...row, remote, action: 'update', reason: 'same content; records its hash' }
    }
    const untouched = remote[HASH_FIELD] === remoteHash
    const pulled = input.base?.[document._id] === remote._rev
    if (untouched) return { ...row, remote, action: 'update', reason: 'changed here' }
    if (pulled) return { ...row, remote, action: 'update', reason: 'changed here since pull' }
    if (input.force)
      return { ...row, remote, action: 'update', reason: "overwrites an editor's change (--force)" }
    return {
      ...row,
      remote,
      action: 'conflict',
      reason: `changed in the CMS (rev ${remote._rev}) since this repo published it; pull first`,
    }
  })
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
 */
export function mutationFor(row: PlannedDocument): Mutation | null {
  if (row.action === 'create') return { create: row.document }
  if (row.action !== 'update' || !row.remote) return null
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
      ifRevisionID: row.remote._rev,
      set,
      ...(unset.length > 0 ? { unset } : {}),
    },
  }
}
