import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ContentError } from 'us-russia-g20-story'
import { afterAll, describe, expect, it } from 'vitest'
// Internal: the parse-only reader behind build, render and the bench. Consumers get
// `loadContent`, which validates (tests/content.test.ts).
import { readDocuments } from '../src/content/read-documents.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'load-content-'))
  dirs.push(dir)
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content)
  return dir
}

describe('readDocuments', () => {
  it('returns every document of content/, in path order', async () => {
    const documents = await readDocuments()
    expect(documents.length).toBeGreaterThan(0)
    expect(documents.filter((d) => d._type === 'article')).toHaveLength(1)
    expect(new Set(documents.map((d) => d._id)).size).toBe(documents.length)
  })

  it('parses without schema validation (a document with an unknown field still loads)', async () => {
    const dir = folder({ 'a.json': '{"_id":"person-a","_type":"person","name":"A","extra":1}' })
    expect(await readDocuments(dir)).toEqual([
      { _id: 'person-a', _type: 'person', name: 'A', extra: 1 },
    ])
  })

  it('throws a ContentError listing every file it cannot parse, with positions', async () => {
    const dir = folder({
      'a.json': '{"_id": ',
      'b.json': Buffer.from([0x7b, 0xff, 0x7d]),
      'c.json': '{}',
    })
    const error = await readDocuments(dir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ContentError)
    const { diagnostics, message } = error as ContentError
    expect(diagnostics.map((d) => [d.file.endsWith('a.json'), d.rule, d.line, d.column])).toEqual([
      [true, 'json/syntax', 1, 8],
      [false, 'json/encoding', 1, 2],
    ])
    expect(message).toMatch(/a\.json:1:8 Invalid JSON.*\[json\/syntax\] \(and 1 more\)$/)
  })

  it('throws a ContentError for a folder that does not exist', async () => {
    const error = (await readDocuments(join(tmpdir(), 'no-such-content-folder')).catch(
      (e: unknown) => e,
    )) as ContentError
    expect(error).toBeInstanceOf(ContentError)
    expect(error.diagnostics.map((d) => d.rule)).toEqual(['input/unreadable'])
  })
})
