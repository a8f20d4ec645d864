import { describe, expect, it } from 'vitest'
import {
  type Batch,
  batchWrites,
  dependencyGroups,
  MAX_TRANSACTION_BYTES,
  runBatches,
  type Write,
} from '../src/sanity/transactions.js'

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

describe('dependencyGroups: Tarjan, exactly', () => {
  it('a document listed after the one it references is not lost, nor merged with it', () => {
    expect(dependencyGroups([write('b'), write('a', ['b'])]).map(ids)).toEqual([['b'], ['a']])
    expect(
      dependencyGroups([write('c'), write('b', ['c']), write('a', ['b', 'c'])]).map(ids),
    ).toEqual([['c'], ['b'], ['a']])
  })

  it('follows references in sorted order, and keeps a cycle in the order it was entered', () => {
    expect(dependencyGroups([write('x', ['c', 'b']), write('c'), write('b')]).map(ids)).toEqual([
      ['b'],
      ['c'],
      ['x'],
    ])
    expect(dependencyGroups([write('a', ['b']), write('b', ['a'])]).map(ids)).toEqual([['a', 'b']])
    expect(
      dependencyGroups([write('a', ['c']), write('c', ['b']), write('b', ['a'])]).map(ids),
    ).toEqual([['a', 'c', 'b']])
  })

  it('a cycle reached from another document is a group of its own, before it', () => {
    expect(
      dependencyGroups([write('x', ['a']), write('a', ['b']), write('b', ['a'])]).map(ids),
    ).toEqual([['a', 'b'], ['x']])
  })

  it('two cycles joined by one reference stay two groups; one joined both ways merge', () => {
    const two = [write('a', ['b']), write('b', ['a', 'c']), write('c', ['d']), write('d', ['c'])]
    expect(dependencyGroups(two).map(ids)).toEqual([
      ['c', 'd'],
      ['a', 'b'],
    ])
    const one = [write('a', ['b']), write('b', ['c']), write('c', ['d']), write('d', ['a', 'b'])]
    expect(dependencyGroups(one).map(ids)).toEqual([['a', 'b', 'c', 'd']])
  })

  it('a back edge to a node low in the stack lowers the whole chain to it', () => {
    // a → b → c → d → b: {b, c, d} is one group, a another.
    const writes = [write('a', ['b']), write('b', ['c']), write('c', ['d']), write('d', ['b'])]
    expect(dependencyGroups(writes).map(ids)).toEqual([['b', 'c', 'd'], ['a']])
  })

  it('a document referencing itself is a group of one; no writes, no groups', () => {
    expect(dependencyGroups([write('a', ['a'])]).map(ids)).toEqual([['a']])
    expect(dependencyGroups([])).toEqual([])
  })

  it('returns the writes themselves', () => {
    const a = write('a')
    expect(dependencyGroups([a])[0]?.[0]).toBe(a)
  })
})

describe('batchWrites: sizes and dependencies, exactly', () => {
  /** The bytes one write takes in a batch: its JSON and a comma. */
  const size = (w: Write) => Buffer.byteLength(JSON.stringify(w.mutation)) + 1

  it('is 256 KiB by default: Sanity’s limit on a transaction body', () => {
    expect(MAX_TRANSACTION_BYTES).toBe(262_144)
  })

  it('counts 64 bytes of envelope and each mutation’s JSON bytes plus a comma', () => {
    const writes = [write('a', [], 10), write('b', [], 20), write('é', [], 3)]
    const [batch, ...rest] = batchWrites(writes)
    expect(rest).toEqual([])
    expect(batch?.bytes).toBe(64 + writes.reduce((sum, w) => sum + size(w), 0))
    expect(batch?.index).toBe(0)
    expect(batch?.dependsOn).toEqual(new Set())
  })

  it('fills a batch up to exactly the limit, and starts the next one past it', () => {
    const a = write('a', [], 40)
    const b = write('b', [], 40)
    const exact = 64 + size(a) + size(b)
    expect(batchWrites([a, b], exact).map((batch) => ids(batch.writes))).toEqual([['a', 'b']])
    expect(batchWrites([a, b], exact - 1).map((batch) => ids(batch.writes))).toEqual([['a'], ['b']])
  })

  it('puts a write larger than the limit alone, and never splits a cycle', () => {
    const big = write('big', [], 500)
    const batches = batchWrites([write('s'), big, write('t')], 200)
    expect(batches.map((b) => [b.index, ids(b.writes), b.bytes])).toEqual([
      [0, ['s'], 64 + size(write('s'))],
      [1, ['big'], 64 + size(big)],
      [2, ['t'], 64 + size(write('t'))],
    ])
    const cycle = batchWrites([write('a', ['b'], 100), write('b', ['a'], 100)], 150)
    expect(cycle.map((b) => ids(b.writes))).toEqual([['a', 'b']])
  })

  it('each batch depends on exactly the other batches its writes reference', () => {
    const writes = [
      write('p', [], 100),
      write('q', ['p', 'elsewhere'], 100),
      write('r', ['q', 'p'], 100),
      write('s', ['s'], 100),
    ]
    const batches = batchWrites(writes, 64 + 2 * size(write('p', [], 100)))
    expect(batches.map((b) => [ids(b.writes), [...b.dependsOn].sort()])).toEqual([
      [['p', 'q'], []],
      [['r', 's'], [0]],
    ])
  })
})

describe('runBatches: outcomes, exactly', () => {
  const batch = (index: number, dependsOn: number[] = []): Batch => ({
    index,
    writes: [write(`w${index}`)],
    bytes: 0,
    dependsOn: new Set(dependsOn),
  })

  it('skips a batch whose dependency was skipped, naming it, and reports in batch order', async () => {
    const batches = [batch(0), batch(1, [0]), batch(2, [1]), batch(3, [0, 4])]
    const outcomes = await runBatches(batches, async (b) => {
      if (b.index === 0) throw new Error('boom')
    })
    expect(outcomes).toEqual([
      { batch: batches[0], status: 'failed', error: new Error('boom') },
      { batch: batches[1], status: 'skipped', because: [0] },
      { batch: batches[2], status: 'skipped', because: [1] },
      { batch: batches[3], status: 'skipped', because: [0] },
    ])
  })

  it('waits for a dependency listed after it, and skips one that can never commit', async () => {
    const batches = [batch(0, [1]), batch(1), batch(2, [9])]
    const order: number[] = []
    const outcomes = await runBatches(batches, async (b) => {
      order.push(b.index)
    })
    expect(order).toEqual([1, 0])
    expect(outcomes.map((o) => o.status)).toEqual(['committed', 'committed', 'skipped'])
    expect(outcomes[2]).toEqual({ batch: batches[2], status: 'skipped', because: [9] })
  })

  it('runs three at a time by default, and one at a time when asked', async () => {
    const batches = [batch(0), batch(1), batch(2), batch(3), batch(4)]
    const peak = async (concurrency?: number) => {
      let inFlight = 0
      let most = 0
      await runBatches(
        batches,
        async () => {
          inFlight += 1
          most = Math.max(most, inFlight)
          await new Promise((resolve) => setImmediate(resolve))
          inFlight -= 1
        },
        concurrency,
      )
      return most
    }
    expect(await peak()).toBe(3)
    expect(await peak(1)).toBe(1)
  })

  it('nothing to run: no outcome', async () => {
    expect(await runBatches([], async () => {})).toEqual([])
  })
})
