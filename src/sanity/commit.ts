import type { SanityClient } from '@sanity/client'
import { contentHash, HASH_FIELD } from './canonical.js'
import { fetchByIds, type ReadOptions } from './remote.js'
import { withRetry } from './retry.js'
import type { Batch } from './transactions.js'

/** How one transaction went through. */
export type CommitResult = 'committed' | 'recovered'

/**
 * Whether every document of the batch already holds exactly what it would write: content hash
 * and `contentHash` field both equal to the planned hash.
 */
async function alreadyApplied(
  client: SanityClient,
  batch: Batch,
  hashes: ReadonlyMap<string, string>,
  options: ReadOptions,
): Promise<boolean> {
  const ids = batch.writes.map((write) => write.id)
  const remote = await fetchByIds(client, ids, options)
  return ids.every((id) => {
    const doc = remote.get(id)
    const hash = hashes.get(id)
    return doc !== undefined && doc[HASH_FIELD] === hash && contentHash(doc) === hash
  })
}

/**
 * Commit one batch as one transaction, retrying transient failures. A request whose response
 * never came may still have been applied (a lost acknowledgement): before each retry, and after a
 * failure (a retried create answers 409, a retried patch fails its `ifRevisionID`), the remote is
 * checked, and a batch found applied counts as done instead of failing or being written twice.
 */
export async function commitBatch(
  client: SanityClient,
  batch: Batch,
  hashes: ReadonlyMap<string, string>,
  options: ReadOptions = {},
): Promise<CommitResult> {
  let recovered = false
  const check = async (): Promise<boolean> =>
    alreadyApplied(client, batch, hashes, options).catch(() => false)
  try {
    await withRetry(
      () =>
        client.mutate(
          batch.writes.map((write) => write.mutation),
          { visibility: 'sync', returnDocuments: false },
        ),
      {
        policy: options.retry,
        onRetry: options.onRetry,
        beforeRetry: async () => {
          recovered = await check()
          return recovered ? { done: undefined } : undefined
        },
      },
    )
    return recovered ? 'recovered' : 'committed'
  } catch (error) {
    if (await check()) return 'recovered'
    throw error
  }
}
