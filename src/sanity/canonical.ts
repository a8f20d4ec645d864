import { createHash } from 'node:crypto'
import { copyJson } from '../json/copy.js'
import { stringifyJson } from '../json/stringify.js'

/** Fields the Content Lake sets itself; they say nothing about the content. */
export const SYSTEM_FIELDS = ['_rev', '_createdAt', '_updatedAt'] as const

/** The field on every remote document that holds the hash of the content this repo published. */
export const HASH_FIELD = 'contentHash'

/** The prefix of a draft's id. */
export const DRAFT_PREFIX = 'drafts.'

/** The published id of a document id: `drafts.x` and `x` are both `x`. */
export function publishedId(id: string): string {
  return id.startsWith(DRAFT_PREFIX) ? id.slice(DRAFT_PREFIX.length) : id
}

const DROPPED = new Set<string>([...SYSTEM_FIELDS, HASH_FIELD])

/**
 * The keys of a copied object: at the top, without system fields and `contentHash`; at every
 * depth, without what Studio adds to a draft's reference to a document that is not published yet.
 * A lone `_weak: true` (without `_strengthenOnPublish`) is a deliberate weak reference and stays.
 */
function contentKeys(object: Readonly<Record<string, unknown>>, top: boolean) {
  const marked = Object.hasOwn(object, '_strengthenOnPublish')
  return Object.keys(object)
    .filter(
      (key) =>
        !(top && DROPPED.has(key)) &&
        key !== '_strengthenOnPublish' &&
        !(marked && key === '_weak'),
    )
    .map((key) => [key, false] as const)
}

/**
 * A remote (or local) document as content: without system fields, `contentHash` and draft
 * weak-reference markers, with its published id. Key order is kept; see {@link canonical}.
 * Copied without recursion, so any depth is safe, and `__proto__` keys are kept.
 */
export function toContent(doc: Record<string, unknown>): Record<string, unknown> {
  const content = copyJson(doc, true, { keys: contentKeys }) as Record<string, unknown>
  if (typeof content._id === 'string') content._id = publishedId(content._id)
  return content
}

/** Every key sorted (stringifyJson leaves `undefined` values out, as JSON does). */
function sortedKeys(object: Readonly<Record<string, unknown>>) {
  return Object.keys(object)
    .sort()
    .map((key) => [key, null] as const)
}

/** The canonical text of a document's content: {@link toContent}, keys sorted, no spaces. */
export function canonical(doc: Record<string, unknown>): string {
  return stringifyJson(copyJson(toContent(doc), null, { keys: sortedKeys }))
}

/**
 * The sha-256 (hex) of a document's canonical content. Equal hashes mean equal content, whatever
 * the key order, revision, timestamps, draft prefix or weak markers.
 */
export function contentHash(doc: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(doc)).digest('hex')
}
