import { describe, expect, it } from 'vitest'
import {
  batchWrites,
  dependencyGroups,
  runBatches,
  type Write,
} from '../src/publish/transactions.js'

function write(id: string, refs: string[] = [], padding = 0): Write {
  return {
    id,
    mutation: { create: { _id: id, _type: 'quote', text: 'x'.repeat(padding) } },
    references: new Set(refs),
  }
}

const ids = (writes: Write[]) => writes.map((w) => w.id)

describe('dependencyGroups', () => {
  it('puts referenced documents before the documents that reference them', () => {
    const groups = dependencyGroups([
      write('article', ['quote', 'person']),
      write('quote', ['person']),
      write('person'),
    ])
    expect(groups.map(ids)).toEqual([['person'], ['quote'], ['article']])
  })

  it('keeps documents that reference each other in one group', () => {
    const groups = dependencyGroups([write('a', ['b']), write('b', ['a']), write('c', ['a'])])
    expect(groups.map((g) => ids(g).sort())).toEqual([['a', 'b'], ['c']])
  })

  it('ignores references to documents not written in this run', () => {
    expect(dependencyGroups([write('q', ['elsewhere'])]).map(ids)).toEqual([['q']])
  })
})

describe('batchWrites', () => {
  it('keeps every transaction under the byte limit, in dependency order', () => {
    const writes = [
      write('article', ['q1', 'q2', 'q3'], 100),
      write('q1', ['p'], 400),
      write('q2', ['p'], 400),
      write('q3', ['p'], 400),
      write('p', [], 400),
    ]
    const batches = batchWrites(writes, 1100)
    for (const batch of batches) {
      expect(batch.bytes).toBeLessThanOrEqual(1100)
      expect(
        Buffer.byteLength(JSON.stringify({ mutations: batch.writes.map((w) => w.mutation) })),
      ).toBeLessThanOrEqual(1100)
    }
    const order = batches.flatMap((b) => ids(b.writes))
    expect(order.indexOf('p')).toBeLessThan(order.indexOf('q1'))
    expect(order.at(-1)).toBe('article')
    expect(batches.length).toBeGreaterThan(1)
    const articleBatch = batches.find((b) => ids(b.writes).includes('article'))
    expect(articleBatch?.dependsOn.size).toBeGreaterThan(0)
  })

  it('packs small documents together (256 KB by default)', () => {
    const writes = Array.from({ length: 50 }, (_, i) => write(`q${i}`))
    expect(batchWrites(writes)).toHaveLength(1)
  })
})

describe('runBatches', () => {
  it('never has more than the allowed transactions in flight, and starts a batch only after its dependencies', async () => {
    const writes = [write('p'), ...Array.from({ length: 8 }, (_, i) => write(`q${i}`, ['p'], 300))]
    const batches = batchWrites(writes, 400)
    let inFlight = 0
    let peak = 0
    const done: string[] = []
    const outcomes = await runBatches(
      batches,
      async (batch) => {
        for (const dep of batch.dependsOn)
          expect(done).toContain(ids(batches[dep]?.writes ?? [])[0])
        inFlight += 1
        peak = Math.max(peak, inFlight)
        await new Promise((r) => setTimeout(r, 5))
        inFlight -= 1
        done.push(...ids(batch.writes))
      },
      3,
    )
    expect(outcomes.every((o) => o.status === 'committed')).toBe(true)
    expect(peak).toBe(3)
    expect(done[0]).toBe('p')
  })

  it('skips the batches that depend on a failed one and still runs the others', async () => {
    const batches = batchWrites([write('p'), write('q', ['p']), write('other', [], 0)], 80)
    const outcomes = await runBatches(batches, async (batch) => {
      if (ids(batch.writes).includes('p')) throw new Error('boom')
    })
    const status = Object.fromEntries(outcomes.map((o) => [ids(o.batch.writes).join(), o.status]))
    expect(status).toEqual({ p: 'failed', q: 'skipped', other: 'committed' })
  })
})
