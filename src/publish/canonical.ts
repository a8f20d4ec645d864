import { createHash } from 'node:crypto'

/** Fields the Content Lake sets itself; they say nothing about the content. */
export const SYSTEM_FIELDS = ['_rev', '_createdAt', '_updatedAt'] as const

/** The field on every remote document that holds the hash of the content this repo published. */
export const HASH_FIELD = 'contentHash'

/** The prefix of a draft's id. */
export const DRAFT_PREFIX = 'drafts.'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** The published id of a document id: `drafts.x` and `x` are both `x`. */
export function publishedId(id: string): string {
  return id.startsWith(DRAFT_PREFIX) ? id.slice(DRAFT_PREFIX.length) : id
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Take off what Studio adds to a draft's reference to a document that is not published yet.
 * A lone `_weak: true` (without `_strengthenOnPublish`) is a deliberate weak reference and stays.
 */
function withoutWeakMarkers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutWeakMarkers)
  if (!isObject(value)) return value
  const marked = '_strengthenOnPublish' in value
  const result: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    if (key === '_strengthenOnPublish' || (marked && key === '_weak')) continue
    result[key] = withoutWeakMarkers(field)
  }
  return result
}

/**
 * A remote (or local) document as content: without system fields, `contentHash` and draft
 * weak-reference markers, with its published id. Key order is kept; see {@link canonical}.
 */
export function toContent(doc: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    if ((SYSTEM_FIELDS as readonly string[]).includes(key) || key === HASH_FIELD) continue
    result[key] = key === '_id' && typeof value === 'string' ? publishedId(value) : value
  }
  return withoutWeakMarkers(result) as Record<string, unknown>
}

function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (!isObject(value)) return value as Json
  const result: { [key: string]: Json } = {}
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) result[key] = sortKeys(value[key])
  }
  return result
}

/** The canonical text of a document's content: {@link toContent}, keys sorted, no spaces. */
export function canonical(doc: Record<string, unknown>): string {
  return JSON.stringify(sortKeys(toContent(doc)))
}

/**
 * The sha-256 (hex) of a document's canonical content. Equal hashes mean equal content, whatever
 * the key order, revision, timestamps, draft prefix or weak markers.
 */
export function contentHash(doc: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(doc)).digest('hex')
}
