import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { validate } from 'us-russia-g20-story'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BATCH_BYTES, type Batch, readBatches } from '../src/validator/input/batches.js'
import { type BatchResult, checkBatch, rebase } from '../src/validator/threads/check-batch.js'
import {
  BOTH_WAYS,
  essentials,
  placement,
  ROOT,
  UNDER_MUTATION,
  validateJson,
} from './validate-cli.js'

const dir = mkdtempSync(join(tmpdir(), 'validate-stdin-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** content/ as NDJSON lines, in directory order (articles first). */
function contentLines(): string[] {
  const files = readdirSync(join(ROOT, 'content'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .sort()
  return files.map((f) =>
    JSON.stringify(JSON.parse(readFileSync(join(ROOT, 'content', f), 'utf8'))),
  )
}

const person = {
  _id: 'person-a',
  _type: 'person',
  name: 'A',
  slug: { _type: 'slug', current: 'a' },
}

/** NDJSON with blank lines, a broken line, and a reference that resolves nowhere. */
const ndjson = [
  JSON.stringify(person),
  '',
  '{"_id": "person-b", "_type": "person",',
  JSON.stringify({
    _id: 'quote-a',
    _type: 'quote',
    text: 'x',
    kind: 'partial',
    speaker: { _type: 'reference', _ref: 'person-nobody' },
  }),
  '',
].join('\r\n')

describe.each(BOTH_WAYS)('NDJSON ($way)', ({ run }) => {
  it('counts lines from the NDJSON file, blank lines and CRLF included', async () => {
    writeFileSync(join(dir, 'mixed.ndjson'), ndjson)
    const { code, report } = await run(['mixed.ndjson'], { cwd: dir })
    expect(code).toBe(1)
    expect(essentials(report.problems)).toEqual([
      // The line ends (after `,`) where a property name should be: column 39. Cut off there, it
      // could have cited quote-a: no quote/unreferenced warning while it does not parse.
      {
        severity: 'error',
        rule: 'json/syntax',
        file: 'mixed.ndjson',
        line: 3,
        column: 39,
        pointer: '',
        documentId: null,
        message:
          'Invalid JSON: Expected double-quoted property name. Remove the comma before it, or put the property name in double quotes.',
      },
      {
        severity: 'error',
        rule: 'reference/dangling',
        file: 'mixed.ndjson',
        line: 4,
        column: 100,
        pointer: '/speaker/_ref',
        documentId: 'quote-a',
        message:
          'Reference to `person-nobody`, which is not among the documents validated: add a person or organization document with `_id` `person-nobody`, or point the reference at an existing one.',
        actual: 'person-nobody',
      },
    ])
    expect(report.documents).toBe(3)
  })

  it('reads - from stdin, and places problems found at the end (read again from a spool)', async () => {
    const { code, report } = await run(['-'], { input: ndjson })
    expect(code).toBe(1)
    expect(placement(report.problems).map((p) => [p.file, p.line, p.rule])).toEqual([
      ['<stdin>', 3, 'json/syntax'],
      ['<stdin>', 4, 'reference/dangling'],
    ])
    expect(report.problems[1]?.column).toBe(100)
  })

  it('resolves references across stdin and files given together', async () => {
    const nobody = { ...person, _id: 'person-nobody', slug: { _type: 'slug', current: 'nobody' } }
    writeFileSync(join(dir, 'nobody.json'), JSON.stringify(nobody))
    const { report } = await run(['nobody.json', '-'], { cwd: dir, input: ndjson })
    expect(report.problems.map((p) => p.rule)).toEqual(['json/syntax'])
  })

  it('validates content/ as one NDJSON stream, whatever the order of documents', async () => {
    const lines = contentLines()
    expect((await run(['-'], { input: `${lines.join('\n')}\n` })).report.problems).toEqual([])
    expect(
      (await run(['-'], { input: `${lines.reverse().join('\n')}\n` })).report.problems,
    ).toEqual([])
  })
})

// The checker threads and the CLI run dist/, which mutation testing never changes.
describe.skipIf(UNDER_MUTATION)(
  'large inputs (checked in threads) report exactly what a single thread reports',
  () => {
    it('the same problems, lines and columns, from a file and from stdin', async () => {
      const lines = contentLines()
      const article = lines.findIndex((l) => l.includes('"_type":"article"'))
      const body: string[] = []
      // About 6 MB: over the size from which the CLI starts checker threads.
      for (let i = 0; i < 350; i++) {
        let line = (lines[article] as string).replace(/"_id":"([^"]+)"/, `"_id":"$1-${i}"`)
        if (i % 50 === 7) line = line.replace('"_type":"block"', '"_type":"blok"')
        if (i % 70 === 3) line = line.slice(0, 500)
        body.push(line)
      }
      const text = `${[...body, ...lines.filter((_, i) => i !== article)].join('\n')}\n`
      writeFileSync(join(dir, 'large.ndjson'), text)
      const single = await validate([join(dir, 'large.ndjson')], { workers: 0 })
      const cli = validateJson(['large.ndjson'], { cwd: dir })
      const piped = validateJson(['-'], { input: text })
      const simplify = (
        problems: { rule: string; line: number; column: number; pointer: string }[],
      ) => problems.map(({ rule, line, column, pointer }) => ({ rule, line, column, pointer }))
      expect(single.problems.length).toBeGreaterThan(10)
      expect(simplify(cli.report.problems)).toEqual(simplify(single.problems))
      expect(simplify(piped.report.problems)).toEqual(simplify(single.problems))
      expect(cli.report.documents).toBe(single.documents)
    })
  },
)

/** A valid person, numbered (unique id and slug). */
function personLine(i: number): string {
  return JSON.stringify({
    ...person,
    _id: `person-${i}`,
    slug: { _type: 'slug', current: `p-${i}` },
  })
}

/** A quote by `speaker` (a reference that may dangle). */
function quoteLine(id: string, speaker: string, weak?: boolean): string {
  const ref = { _type: 'reference', _ref: speaker, ...(weak ? { _weak: true } : {}) }
  return JSON.stringify({ _id: id, _type: 'quote', text: 'x', kind: 'partial', speaker: ref })
}

/** NDJSON over two batches: 3,000 people, a nameless one on line 2,500, a dangling reference last (3,001). */
function twoBatches(): string {
  const lines = Array.from({ length: 3000 }, (_, i) => personLine(i))
  lines[2499] = (lines[2499] as string).replace('"name":"A"', '"name":5')
  lines.push(quoteLine('quote-late', 'person-nobody'))
  return `${lines.join('\n')}\n`
}

async function* chunksOf(...chunks: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  yield* chunks
}

describe('the run, in-process: lines across batches, empty inputs, the stdin spool', () => {
  const rules = (problems: { file: string; line: number; column: number; rule: string }[]) =>
    problems.map(({ file, line, column, rule }) => [file, line, column, rule])

  it('numbers lines of every batch from the start of its own source', async () => {
    const text = twoBatches()
    expect(text.length).toBeGreaterThan(BATCH_BYTES)
    writeFileSync(join(dir, 'two-batches.ndjson'), text)
    writeFileSync(
      join(dir, 'second.ndjson'),
      `${personLine(5000)}\n${personLine(5001).replace('"name":"A"', '"name":5')}\n`,
    )
    const files = await validate(['two-batches.ndjson', 'second.ndjson'], { cwd: dir, workers: 0 })
    const piped = await validate(['-'], { stdin: Readable.from([text]), workers: 0 })
    const dangling = quoteLine('quote-late', 'person-nobody').indexOf('"person-nobody"') + 1
    // The value 5 of "name", and the value of "_id" (a quote nothing cites).
    const name = personLine(2499).indexOf('"A"') + 1
    const expected = (file: string) => [
      [file, 2500, name, 'schema/type'],
      [file, 3001, 8, 'quote/unreferenced'],
      [file, 3001, dangling, 'reference/dangling'],
    ]
    expect(rules(files.problems)).toEqual([
      ...expected('two-batches.ndjson'),
      ['second.ndjson', 2, name, 'schema/type'],
    ])
    expect(files.documents).toBe(3003)
    expect(rules(piped.problems)).toEqual(expected('<stdin>'))
  })

  it('places a deferred problem in a .json file by its own lines, in NDJSON by the line of the document', async () => {
    const quote = JSON.parse(quoteLine('quote-pretty', 'person-nobody'))
    writeFileSync(join(dir, 'pretty.json'), JSON.stringify(quote, null, 2))
    writeFileSync(join(dir, 'flat.ndjson'), `\n${quoteLine('quote-flat', 'person-nobody')}\n`)
    const report = await validate(['pretty.json', 'flat.ndjson'], { cwd: dir, workers: 0 })
    expect(rules(report.problems)).toEqual([
      ['pretty.json', 2, 10, 'quote/unreferenced'],
      ['pretty.json', 8, 13, 'reference/dangling'],
      ['flat.ndjson', 2, 8, 'quote/unreferenced'],
      [
        'flat.ndjson',
        2,
        quoteLine('quote-flat', 'person-nobody').indexOf('"person-nobody"') + 1,
        'reference/dangling',
      ],
    ])
  })

  it('reports an NDJSON input without a document (a file, stdin), never a .json file', async () => {
    writeFileSync(join(dir, 'one.json'), JSON.stringify(person))
    writeFileSync(join(dir, 'blank-lines.ndjson'), '\n\r\n')
    const report = await validate(['one.json', 'blank-lines.ndjson', '-'], {
      cwd: dir,
      stdin: Readable.from([]),
      workers: 0,
    })
    expect(rules(report.problems)).toEqual([
      ['blank-lines.ndjson', 1, 1, 'json/empty'],
      ['<stdin>', 1, 1, 'json/empty'],
    ])
    expect(report.problems[0]?.message).toBe(
      'The NDJSON input holds no document: put one JSON document on each line.',
    )
    expect(report.documents).toBe(1)
  })

  it('spools stdin in a folder of its own under the temporary folder, removed after; files need none', async () => {
    const temp = mkdtempSync(join(tmpdir(), 'validate-stdin-tmp-'))
    const saved = process.env.TMPDIR
    let during: string[] = []
    try {
      process.env.TMPDIR = temp
      async function* stdin() {
        yield `${personLine(1)}\n`
        during = readdirSync(temp, { recursive: true, encoding: 'utf8' }).sort()
        yield `${quoteLine('quote-s', 'person-nobody')}\n`
      }
      writeFileSync(join(dir, 'alone.ndjson'), `${personLine(2)}\n`)
      // The stdin document's reference is placed from the spool, with a file before it.
      const report = await validate(['alone.ndjson', '-'], {
        cwd: dir,
        stdin: Readable.from(stdin()),
        workers: 0,
      })
      expect(rules(report.problems)).toEqual([
        ['<stdin>', 2, 8, 'quote/unreferenced'],
        [
          '<stdin>',
          2,
          quoteLine('quote-s', 'person-nobody').indexOf('"person-nobody"') + 1,
          'reference/dangling',
        ],
      ])
      expect(during).toHaveLength(2)
      expect(during[0]).toMatch(/^validate-stdin-\w+$/)
      expect(during[1]).toBe(join(during[0] as string, 'stdin.ndjson'))
      expect(readdirSync(temp)).toEqual([])
      // Files alone make no spool: a temporary folder that does not exist is never needed.
      process.env.TMPDIR = join(temp, 'missing')
      expect((await validate(['alone.ndjson'], { cwd: dir, workers: 0 })).valid).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = saved
      rmSync(temp, { recursive: true, force: true })
    }
  })
})

describe('readBatches: whole lines, about BATCH_BYTES each', () => {
  /** 64-byte lines: BATCH_BYTES of them end exactly at a batch. */
  const line64 = `${'x'.repeat(63)}\n`
  const exact = line64.repeat(BATCH_BYTES / 64)
  const concat = (batches: Batch[]) => Buffer.concat(batches.map((b) => b.bytes)).toString()
  async function all(iterable: AsyncIterable<Batch>): Promise<Batch[]> {
    const batches: Batch[] = []
    for await (const batch of iterable)
      batches.push({ ...batch, bytes: new Uint8Array(batch.bytes) })
    return batches
  }
  const shape = (batches: Batch[]) =>
    batches.map((b) => [b.sourceIndex, b.kind, b.file, b.offset, b.bytes.length])

  it('an NDJSON file: cut at the last line end of each read, a longer line carried whole', async () => {
    const long = `${'y'.repeat(300_000)}\n`
    const tail = '{"tail":true}'
    const text = exact + long + tail
    writeFileSync(join(dir, 'batches.ndjson'), text)
    const source = {
      kind: 'ndjson',
      file: 'b.ndjson',
      path: join(dir, 'batches.ndjson'),
      size: text.length,
    } as const
    const batches = await all(readBatches(source, 4))
    expect(shape(batches)).toEqual([
      [4, 'ndjson', 'b.ndjson', 0, BATCH_BYTES],
      [4, 'ndjson', 'b.ndjson', BATCH_BYTES, long.length],
      [4, 'ndjson', 'b.ndjson', BATCH_BYTES + long.length, tail.length],
    ])
    expect(concat(batches)).toBe(text)
    writeFileSync(join(dir, 'nothing.ndjson'), '')
    const empty = { ...source, path: join(dir, 'nothing.ndjson'), size: 0 }
    expect(await all(readBatches(empty, 0))).toEqual([])
  })

  it('stdin: a batch once BATCH_BYTES have come, cut at the last line end; long lines and big chunks grow the buffer', async () => {
    const small = `${'z'.repeat(99)}\n`.repeat(100)
    const long = `é${'w'.repeat(99_999)}`
    const big = `${`${'v'.repeat(1023)}\n`.repeat(2048)}partial`
    const chunks = [
      Buffer.from(exact),
      small,
      ...Array.from({ length: 6 }, () => Buffer.from(long)),
      '\n',
      Buffer.from(big),
    ]
    const tapped: Uint8Array[] = []
    const tap = async (chunk: Uint8Array) => {
      tapped.push(new Uint8Array(chunk))
    }
    const stdinSource = { kind: 'stdin', file: '<stdin>' } as const
    const batches = await all(readBatches(stdinSource, 2, chunksOf(...chunks) as never, tap))
    const longBytes = 6 * Buffer.byteLength(long) + 1
    expect(shape(batches)).toEqual([
      [2, 'ndjson', '<stdin>', 0, BATCH_BYTES],
      [2, 'ndjson', '<stdin>', BATCH_BYTES, small.length],
      [2, 'ndjson', '<stdin>', BATCH_BYTES + small.length, longBytes],
      [2, 'ndjson', '<stdin>', BATCH_BYTES + small.length + longBytes, 2048 * 1024],
      [2, 'ndjson', '<stdin>', BATCH_BYTES + small.length + longBytes + 2048 * 1024, 7],
    ])
    const text = chunks.map((c) => c.toString()).join('')
    expect(concat(batches)).toBe(text)
    expect(Buffer.concat(tapped).toString()).toBe(text)
    // Without a tap, and without a final line end after a whole batch.
    const untapped = await all(readBatches(stdinSource, 0, chunksOf(exact, 'a') as never))
    expect(shape(untapped)).toEqual([
      [0, 'ndjson', '<stdin>', 0, BATCH_BYTES],
      [0, 'ndjson', '<stdin>', BATCH_BYTES, 1],
    ])
  })

  it('stdin named without a stream is a programming error', async () => {
    await expect(all(readBatches({ kind: 'stdin', file: '<stdin>' }, 0))).rejects.toThrow(
      'NDJSON on stdin was requested, but no stdin stream was given',
    )
  })
})

/** What a stand-in for the checker threads saw: its size, the batches handed to it, its closing. */
interface PoolLog {
  size: number
  submitted: number[]
  closed: boolean
}

// Checker threads cannot start in-process (the worker is compiled to dist/), so the pool is
// replaced by one that checks here, in order, and logs when and with what the run used it. It
// holds back the last result until drained, as a pool whose threads are busy does.
describe('the run, in-process: when checker threads start', () => {
  const pools: PoolLog[] = []
  let cores = 2
  let threadsAvailable = true
  let run: typeof validate
  const text = twoBatches()
  const path = join(dir, 'threads.ndjson')

  beforeAll(async () => {
    vi.resetModules()
    vi.doMock('node:os', async (original) => ({
      ...(await original<typeof import('node:os')>()),
      availableParallelism: () => cores,
    }))
    vi.doMock('../src/validator/threads/pool.js', async () => {
      const { checkBatch } = await import('../src/validator/threads/check-batch.js')
      return {
        workersAvailable: () => threadsAvailable,
        WorkerPool: class {
          readonly log: PoolLog
          readonly results: BatchResult[] = []
          constructor(size: number) {
            this.log = { size, submitted: [], closed: false }
            pools.push(this.log)
          }
          submit(batch: Batch): void {
            this.log.submitted.push(batch.offset)
            this.results.push(checkBatch(batch))
          }
          *ready(): Generator<BatchResult> {
            while (this.results.length > 1) yield this.results.shift() as BatchResult
          }
          async *drain(): AsyncGenerator<BatchResult> {
            while (this.results.length > 0) yield this.results.shift() as BatchResult
          }
          async close(): Promise<void> {
            this.log.closed = true
          }
        },
      }
    })
    run = (await import('../src/validator/validate.js')).validate
    writeFileSync(path, text)
  })
  afterAll(() => {
    vi.doUnmock('node:os')
    vi.doUnmock('../src/validator/threads/pool.js')
    vi.resetModules()
  })

  /** The offsets of the file's batches (as readBatches cuts it). */
  const secondBatch = text.lastIndexOf('\n', BATCH_BYTES - 1) + 1

  /** Validate with the stand-in pool, and check the report is the one a single thread makes. */
  async function pooled(inputs: string[], options: Parameters<typeof validate>[1] = {}) {
    pools.length = 0
    // Chunks of 10,000 bytes: the first batch ends at the last line end of the first 27.
    const stdin = () => Readable.from(text.match(/[\s\S]{1,10000}/g) as string[])
    const report = await run(inputs, { ...options, stdin: stdin() })
    const single = await validate(inputs, { ...options, stdin: stdin(), workers: 0 })
    expect(report).toEqual(single)
    return report
  }

  it('files big enough start them before the first batch; the run closes them', async () => {
    await pooled([path], { workers: 2, parallelFrom: text.length - 1 })
    expect(pools).toEqual([{ size: 2, submitted: [0, secondBatch], closed: true }])
    await pooled([path], { workers: 2, parallelFrom: text.length })
    expect(pools).toEqual([])
  })

  it('stdin starts them once the bytes read pass the mark, never again', async () => {
    const report = await pooled(['-'], { workers: 1, parallelFrom: 1000 })
    const stdinSecondBatch = text.lastIndexOf('\n', 270_000 - 1) + 1
    expect(pools).toEqual([{ size: 1, submitted: [stdinSecondBatch], closed: true }])
    expect(report.documents).toBe(3001)
  })

  it('by default: one thread when there is a second core, from 2 MiB of input', async () => {
    cores = 8
    await pooled([path], { parallelFrom: 0 })
    expect(pools).toMatchObject([{ size: 1 }])
    cores = 1
    await pooled([path], { parallelFrom: 0 })
    expect(pools).toEqual([])
    cores = 2
    await pooled([path])
    expect(pools).toEqual([])
    await pooled([path], { workers: 0, parallelFrom: 0 })
    expect(pools).toEqual([])
  })

  it('checks everything here when threads cannot start', async () => {
    threadsAvailable = false
    try {
      await pooled([path], { workers: 1, parallelFrom: 0 })
      expect(pools).toEqual([])
    } finally {
      threadsAvailable = true
    }
  })
})

describe('checkBatch: the documents of a batch, their references and quotations grouped by target', () => {
  const article = readFileSync(
    join(ROOT, 'content/articles/article-first-top-level-us-russia-meeting-after-ukraine-war.json'),
    'utf8',
  )
  const line = JSON.stringify(JSON.parse(article))
  const text = [
    `${line}\r`,
    '',
    quoteLine('quote-1', 'person-antony-blinken'),
    quoteLine('quote-2', 'person-antony-blinken', true),
    quoteLine('quote-3', 'photo-blinken-lavrov-phnom-penh'),
    `${line.replace('"nonsense"', '"rubbish"')}`,
  ].join('\n')
  const batch = (offset: number) => ({
    sourceIndex: 3,
    kind: 'ndjson' as const,
    file: 'x.ndjson',
    offset,
    bytes: new TextEncoder().encode(text),
  })

  it('splits NDJSON on line feeds (CRLF, blank lines, no final line feed) and groups facts per target', () => {
    const result = checkBatch(batch(100))
    expect(result.sourceIndex).toBe(3)
    expect(result.lines).toBe(5)
    expect(result.documents.map((d) => [d.line, d.id])).toEqual([
      [1, JSON.parse(line)._id],
      [3, 'quote-1'],
      [4, 'quote-2'],
      [5, 'quote-3'],
      [6, JSON.parse(line)._id],
    ])
    expect(result.documents[0]?.offset).toBe(100)
    // In bytes: the \r is not the document's; the blank line is skipped.
    expect(result.documents[0]?.length).toBe(Buffer.byteLength(line))
    expect(result.documents[1]?.offset).toBe(100 + Buffer.byteLength(line) + 3)
    const about = (target: string) => result.references.filter((r) => r.target === target)
    expect(about('person-antony-blinken')).toEqual([
      { target: 'person-antony-blinken', allowed: 'person', weak: false, documents: [0, 4] },
      // A quote's speaker may be a person or an organization: another field, another group.
      {
        target: 'person-antony-blinken',
        allowed: 'person|organization',
        weak: false,
        documents: [1],
      },
      {
        target: 'person-antony-blinken',
        allowed: 'person|organization',
        weak: true,
        documents: [2],
      },
    ])
    expect(about('photo-blinken-lavrov-phnom-penh')).toEqual([
      {
        target: 'photo-blinken-lavrov-phnom-penh',
        allowed: 'photo',
        weak: false,
        documents: [0, 4],
      },
      {
        target: 'photo-blinken-lavrov-phnom-penh',
        allowed: 'person|organization',
        weak: false,
        documents: [3],
      },
    ])
    const quoted = (quote: string) => result.quotations.filter((q) => q.quote === quote)
    expect(quoted('quote-pentagon-nonsense')).toEqual([
      { quote: 'quote-pentagon-nonsense', words: 'nonsense', documents: [0] },
      { quote: 'quote-pentagon-nonsense', words: 'rubbish', documents: [4] },
    ])
    expect(quoted('quote-russia-farce')).toEqual([
      { quote: 'quote-russia-farce', words: 'farce', documents: [0, 4] },
    ])
  })

  it('counts the line feeds of a batch that ends with one, and of an empty one', () => {
    const ended = checkBatch({ ...batch(0), bytes: new TextEncoder().encode(`${text}\n`) })
    expect(ended.lines).toBe(6)
    expect(ended.documents).toHaveLength(5)
    expect(checkBatch({ ...batch(0), bytes: new Uint8Array(0) })).toEqual({
      sourceIndex: 3,
      lines: 0,
      documents: [],
      references: [],
      quotations: [],
    })
  })

  it('rebase moves the lines of documents and problems to the lines of the file', () => {
    const broken = new TextEncoder().encode(
      `\n${personLine(1).replace('"name":"A"', '"name":5')}\n`,
    )
    const result = checkBatch({ ...batch(0), bytes: broken })
    rebase(result, 1)
    expect([result.documents[0]?.line, result.documents[0]?.problems[0]?.line]).toEqual([2, 2])
    rebase(result, 10)
    expect([result.documents[0]?.line, result.documents[0]?.problems[0]?.line]).toEqual([11, 11])
  })
})
