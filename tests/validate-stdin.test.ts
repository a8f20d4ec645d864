import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { validate } from 'us-russia-g20-story'
import { afterAll, describe, expect, it } from 'vitest'
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
          'Reference to `person-nobody`, which is not among the documents validated: add a person document with `_id` `person-nobody`, or point the reference at an existing one.',
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
