import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canonical, contentHash, toContent } from '../src/publish/canonical.js'
import { formatContentFile } from '../src/publish/content-file.js'
import { PACKAGE_ROOT } from './build-helpers.js'

const quote = {
  _id: 'quote-x',
  _type: 'quote',
  text: 'Words',
  kind: 'direct',
  speaker: { _type: 'reference', _ref: 'person-y' },
}

describe('contentHash', () => {
  it('ignores key order, system fields, contentHash, the draft prefix and weak markers', () => {
    const remote = {
      speaker: {
        _ref: 'person-y',
        _type: 'reference',
        _weak: true,
        _strengthenOnPublish: { type: 'person' },
      },
      kind: 'direct',
      text: 'Words',
      _type: 'quote',
      _id: 'drafts.quote-x',
      _rev: 'abc',
      _createdAt: '2024-01-01T00:00:00Z',
      _updatedAt: '2024-01-02T00:00:00Z',
      contentHash: 'stale',
    }
    expect(contentHash(remote)).toBe(contentHash(quote))
    expect(contentHash(quote)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('changes when the content changes, including array order', () => {
    expect(contentHash({ ...quote, text: 'Words!' })).not.toBe(contentHash(quote))
    expect(contentHash({ a: [1, 2], _id: 'x' })).not.toBe(contentHash({ a: [2, 1], _id: 'x' }))
  })

  it('keeps a deliberate weak reference (no _strengthenOnPublish)', () => {
    const weak = { ...quote, speaker: { ...quote.speaker, _weak: true } }
    expect(contentHash(weak)).not.toBe(contentHash(quote))
    expect(toContent(weak).speaker).toEqual({ _type: 'reference', _ref: 'person-y', _weak: true })
  })

  it('sorts keys at every depth in the canonical text', () => {
    expect(canonical({ b: { d: 1, c: 2 }, a: 0, _id: 'x' })).toBe(
      '{"_id":"x","a":0,"b":{"c":2,"d":1}}',
    )
  })
})

describe('formatContentFile', () => {
  it('orders keys as the schema lists them, whatever order they arrive in', () => {
    const shuffled = {
      speaker: { _ref: 'person-y', _type: 'reference' },
      kind: 'direct',
      text: 'Words',
      _type: 'quote',
      _id: 'quote-x',
    }
    expect(formatContentFile(shuffled)).toBe(
      `${JSON.stringify({ _id: 'quote-x', _type: 'quote', text: 'Words', kind: 'direct', speaker: { _type: 'reference', _ref: 'person-y' } }, null, 2)}\n`,
    )
  })

  it('orders Portable Text blocks, spans and markDefs by their own schemas', () => {
    const article = {
      body: [
        {
          markDefs: [{ href: 'https://example.com/', _key: 'm1', _type: 'link' }],
          level: 1,
          listItem: 'bullet',
          children: [{ marks: ['m1'], text: 'Hi', _key: 's1', _type: 'span' }],
          style: 'normal',
          _key: 'b1',
          _type: 'block',
        },
        { photo: { _ref: 'photo-z', _type: 'reference' }, _key: 'b2', _type: 'photoEmbed' },
      ],
      _type: 'article',
      _id: 'article-a',
    }
    const text = formatContentFile(article)
    const block = text.slice(text.indexOf('"b1"') - 40)
    const order = (keys: string[], within: string) => keys.map((k) => within.indexOf(`"${k}"`))
    const isAscending = (positions: number[]) =>
      positions.every((p, i) => p >= 0 && (i === 0 || p > (positions[i - 1] as number)))
    expect(
      isAscending(
        order(['_type', '_key', 'style', 'children', 'markDefs', 'listItem', 'level'], block),
      ),
    ).toBe(true)
    const span = text.slice(text.indexOf('"children"'))
    expect(isAscending(order(['_type', '_key', 'text', 'marks'], span))).toBe(true)
    const markDef = text.slice(text.indexOf('"markDefs"'))
    expect(isAscending(order(['_type', '_key', 'href'], markDef))).toBe(true)
    const embed = text.slice(text.indexOf('"photoEmbed"') - 20)
    expect(isAscending(order(['_type', '_key', 'photo'], embed))).toBe(true)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "_type": "article"')
  })

  it('puts keys the schema does not list last, sorted', () => {
    const text = formatContentFile({ zeta: 1, alpha: 2, _type: 'person', _id: 'p', name: 'N' })
    expect(Object.keys(JSON.parse(text))).toEqual(['_id', '_type', 'name', 'alpha', 'zeta'])
  })

  it('every file in content/ is already in the canonical format', () => {
    const dir = join(PACKAGE_ROOT, 'content')
    const files = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8')
      expect(formatContentFile(JSON.parse(text)), file).toBe(text)
    }
  })
})

describe('writeFilesAtomic', () => {
  it('changes no file when one of them cannot be written, and leaves no temporary file', async () => {
    const {
      mkdtempSync,
      readdirSync: list,
      readFileSync: read,
      writeFileSync,
    } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { writeFilesAtomic } = await import('../src/write-atomic.js')
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'))
    writeFileSync(join(dir, 'a.json'), 'old\n')
    writeFileSync(join(dir, 'blocker'), 'a file where a folder is needed')
    const writes = [
      { path: join(dir, 'a.json'), text: 'new\n' },
      { path: join(dir, 'blocker', 'b.json'), text: 'new\n' },
    ]
    await expect(writeFilesAtomic(writes)).rejects.toThrow()
    expect(read(join(dir, 'a.json'), 'utf8')).toBe('old\n')
    expect(list(dir).sort()).toEqual(['a.json', 'blocker'])
    await writeFilesAtomic(writes.slice(0, 1))
    expect(read(join(dir, 'a.json'), 'utf8')).toBe('new\n')
    expect(list(dir).sort()).toEqual(['a.json', 'blocker'])
  })
})
