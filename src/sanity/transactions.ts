import type { Mutation } from './plan.js'

/** Sanity's limit on one transaction's body, which every batch stays under. */
export const MAX_TRANSACTION_BYTES = 256 * 1024

/** Room for `{"mutations":[…]}` and the commas between mutations. */
const ENVELOPE_BYTES = 64

/** One document to write. */
export interface Write {
  id: string
  mutation: Mutation
  /** Ids (written in this run or not) that the document references. */
  references: ReadonlySet<string>
}

/** The writes of one transaction, and the batches that must have committed before it starts. */
export interface Batch {
  index: number
  writes: Write[]
  bytes: number
  dependsOn: Set<number>
}

/**
 * Groups of writes in dependency order: a document comes after (or in the same group as) every
 * document it references. Documents that reference each other in a cycle form one group, since
 * only one transaction can write them all at once. Tarjan's algorithm emits a component after
 * every component it reaches, which is exactly "referenced first".
 */
export function dependencyGroups(writes: readonly Write[]): Write[][] {
  const byId = new Map(writes.map((write) => [write.id, write]))
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const groups: Write[][] = []
  let counter = 0
  const connect = (id: string): void => {
    index.set(id, counter)
    low.set(id, counter)
    counter += 1
    stack.push(id)
    onStack.add(id)
    for (const next of [...(byId.get(id)?.references ?? [])].sort()) {
      if (!byId.has(next)) continue
      if (!index.has(next)) {
        connect(next)
        low.set(id, Math.min(low.get(id) as number, low.get(next) as number))
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id) as number, index.get(next) as number))
      }
    }
    if (low.get(id) !== index.get(id)) return
    const group: Write[] = []
    for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
      onStack.delete(member)
      group.push(byId.get(member) as Write)
      if (member === id) break
    }
    groups.push(group.reverse())
  }
  for (const write of writes) if (!index.has(write.id)) connect(write.id)
  return groups
}

function sizeOf(write: Write): number {
  return Buffer.byteLength(JSON.stringify(write.mutation)) + 1
}

/**
 * Pack writes into transactions of at most `maxBytes`, in dependency order. A group of documents
 * that reference each other is never split; one larger than `maxBytes` goes alone (the server
 * then says whether it takes it).
 */
export function batchWrites(writes: readonly Write[], maxBytes = MAX_TRANSACTION_BYTES): Batch[] {
  const batches: Batch[] = []
  let current: Batch | null = null
  for (const group of dependencyGroups(writes)) {
    const bytes = group.reduce((sum, write) => sum + sizeOf(write), 0)
    if (!current || current.bytes + bytes > maxBytes) {
      current = { index: batches.length, writes: [], bytes: ENVELOPE_BYTES, dependsOn: new Set() }
      batches.push(current)
    }
    current.writes.push(...group)
    current.bytes += bytes
  }
  const batchOf = new Map<string, number>()
  for (const batch of batches) for (const write of batch.writes) batchOf.set(write.id, batch.index)
  for (const batch of batches)
    for (const write of batch.writes)
      for (const ref of write.references) {
        const other = batchOf.get(ref)
        if (other !== undefined && other !== batch.index) batch.dependsOn.add(other)
      }
  return batches
}

/** How one batch ended. */
export type BatchOutcome =
  | { batch: Batch; status: 'committed' }
  | { batch: Batch; status: 'failed'; error: unknown }
  | { batch: Batch; status: 'skipped'; because: number[] }

/**
 * Commit batches, at most `concurrency` at a time, each only after the batches it depends on
 * have committed. A batch whose dependency failed is skipped, not sent: its references could
 * point at documents that do not exist.
 */
export async function runBatches(
  batches: readonly Batch[],
  commit: (batch: Batch) => Promise<void>,
  concurrency = 3,
): Promise<BatchOutcome[]> {
  const outcomes = new Map<number, BatchOutcome>()
  const running = new Map<number, Promise<void>>()
  const waiting = [...batches]
  while (waiting.length > 0 || running.size > 0) {
    for (let i = 0; i < waiting.length && running.size < concurrency; ) {
      const batch = waiting[i] as Batch
      const deps = [...batch.dependsOn]
      const failed = deps.filter((d) => {
        const status = outcomes.get(d)?.status
        return status === 'failed' || status === 'skipped'
      })
      if (failed.length > 0) {
        outcomes.set(batch.index, { batch, status: 'skipped', because: failed })
        waiting.splice(i, 1)
      } else if (deps.every((d) => outcomes.get(d)?.status === 'committed')) {
        waiting.splice(i, 1)
        const task = commit(batch).then(
          () => void outcomes.set(batch.index, { batch, status: 'committed' }),
          (error: unknown) => void outcomes.set(batch.index, { batch, status: 'failed', error }),
        )
        running.set(
          batch.index,
          task.finally(() => running.delete(batch.index)),
        )
      } else i += 1
    }
    if (running.size > 0) await Promise.race(running.values())
    else {
      // Nothing runs, so some batch waits (the loop's condition): only if a batch depends on a
      // later one, which batchWrites never produces.
      for (const batch of waiting.splice(0))
        outcomes.set(batch.index, { batch, status: 'skipped', because: [...batch.dependsOn] })
    }
  }
  return batches.map((batch) => outcomes.get(batch.index) as BatchOutcome)
}
