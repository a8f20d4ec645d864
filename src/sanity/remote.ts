import type { SanityClient } from '@sanity/client'
import { DRAFT_PREFIX } from './canonical.js'
import type { FetchedDocument } from './plan.js'
import { type RetryEvent, type RetryPolicy, withRetry } from './retry.js'

/** Ids per query: small enough for any request body, few enough requests for 50,000 documents. */
export const IDS_PER_QUERY = 1000

/** How reads are retried. */
export interface ReadOptions {
  retry?: Partial<RetryPolicy>
  onRetry?: (event: RetryEvent) => void
}

/** The stored versions of `ids` that exist, drafts included (raw perspective), in a few queries. */
export async function fetchByIds(
  client: SanityClient,
  ids: readonly string[],
  options: ReadOptions = {},
): Promise<Map<string, FetchedDocument>> {
  const found = new Map<string, FetchedDocument>()
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const chunk = ids.slice(start, start + IDS_PER_QUERY)
    const docs = await withRetry(
      () =>
        client.fetch<FetchedDocument[]>('*[_id in $ids]', { ids: chunk }, { perspective: 'raw' }),
      { policy: options.retry, onRetry: options.onRetry },
    )
    for (const doc of docs) found.set(doc._id, doc)
  }
  return found
}

/**
 * Every document of `types`, one per published id: the published version, or with `drafts` the
 * draft where there is one (as Studio shows it). Release versions are left out.
 */
export async function fetchByType(
  client: SanityClient,
  types: readonly string[],
  drafts: boolean,
  options: ReadOptions = {},
): Promise<FetchedDocument[]> {
  const docs = await withRetry(
    () =>
      client.fetch<FetchedDocument[]>(
        drafts
          ? '*[_type in $types] | order(_id asc)'
          : '*[_type in $types && !(_id in path("drafts.**"))] | order(_id asc)',
        { types: [...types] },
        { perspective: drafts ? 'raw' : 'published' },
      ),
    { policy: options.retry, onRetry: options.onRetry },
  )
  const chosen = new Map<string, FetchedDocument>()
  for (const doc of docs) {
    if (doc._id.startsWith('versions.')) continue
    const isDraft = doc._id.startsWith(DRAFT_PREFIX)
    if (isDraft && !drafts) continue
    const id = isDraft ? doc._id.slice(DRAFT_PREFIX.length) : doc._id
    if (isDraft || !chosen.has(id)) chosen.set(id, doc)
  }
  return [...chosen.values()]
}
