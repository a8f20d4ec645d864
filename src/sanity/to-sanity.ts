import type { ContentDocument } from '../generated/types.js'
import { copyJson } from '../json/copy.js'
import { walk } from '../validator/checks/walk.js'
import { contentHash, DRAFT_PREFIX, HASH_FIELD } from './canonical.js'

/** A document as it is stored in the Content Lake: content plus `contentHash`. */
export type RemoteDocument = Record<string, unknown> & { _id: string; _type: string }

/** How a content document becomes a remote one. */
export interface ToSanityOptions {
  /** Write `drafts.<id>`, with weak references to documents that are not published yet. */
  drafts?: boolean
  /** Ids that have a published version in the dataset (or will, before this one is written). */
  published?: ReadonlySet<string>
  /** `_type` of every document a reference may point to, by id. */
  typeOf?: ReadonlyMap<string, string>
}

/**
 * As Studio writes it in a draft: a reference to a document that is not published is weak, and
 * says which type to strengthen it to once the target is published. Copied without recursion.
 */
function weakenUnpublished(value: unknown, options: ToSanityOptions): unknown {
  return copyJson(value, null, {
    extra: (object) => {
      const ref = object._ref
      const type = typeof ref === 'string' ? options.typeOf?.get(ref) : undefined
      if (object._type !== 'reference' || !type || options.published?.has(ref as string)) return []
      return [
        ['_weak', true],
        ['_strengthenOnPublish', { type }],
      ]
    },
  })
}

/**
 * The remote form of a content document: its `contentHash` added, and for `drafts` the draft id
 * and Studio's weak-reference markers. The hash is of the content itself, so the published and
 * the draft form of one document carry the same hash.
 */
export function toSanityDocument(
  doc: ContentDocument,
  options: ToSanityOptions = {},
): RemoteDocument {
  const hash = contentHash(doc as unknown as Record<string, unknown>)
  const base = { ...(doc as unknown as RemoteDocument), [HASH_FIELD]: hash }
  if (!options.drafts) return base
  const draft = weakenUnpublished(base, options) as RemoteDocument
  return { ...draft, _id: `${DRAFT_PREFIX}${doc._id}` }
}

/**
 * Ids of this package's documents that `doc` references (asset references are left out). The
 * walk does not recurse, and stops at MAX_DEPTH, past which no valid document goes.
 */
export function referencedIds(doc: unknown, ours: ReadonlySet<string>): Set<string> {
  const found = new Set<string>()
  walk(doc, {
    object: (object) => {
      if (typeof object._ref === 'string' && ours.has(object._ref)) found.add(object._ref)
    },
  })
  return found
}
