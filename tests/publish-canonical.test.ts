import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  canonical,
  contentHash,
  DRAFT_PREFIX,
  HASH_FIELD,
  publishedId,
  SYSTEM_FIELDS,
  toContent,
} from '../src/sanity/canonical.js'
import { formatContentFile } from '../src/sanity/content-file.js'
import type { KeyOrder } from '../src/sanity/key-order.js'
import { MAX_DEPTH } from '../src/validator/checks/walk.js'
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

describe('toContent and canonical, exactly', () => {
  it('publishedId takes off one drafts. prefix, only at the start', () => {
    expect(publishedId('drafts.quote-x')).toBe('quote-x')
    expect(publishedId('drafts.drafts.x')).toBe('drafts.x')
    expect(publishedId('quote-x')).toBe('quote-x')
    expect(publishedId('my-drafts.x')).toBe('my-drafts.x')
    expect(publishedId('drafts')).toBe('drafts')
    expect(DRAFT_PREFIX).toBe('drafts.')
    expect(HASH_FIELD).toBe('contentHash')
    expect(SYSTEM_FIELDS).toEqual(['_rev', '_createdAt', '_updatedAt'])
  })

  it('drops system fields and contentHash at the top only, and Studio markers at every depth', () => {
    const doc = {
      _id: 'drafts.x',
      _rev: 'r',
      _createdAt: 'c',
      _updatedAt: 'u',
      contentHash: 'h',
      nested: { _rev: 'kept', contentHash: 'kept', _createdAt: 'kept', _updatedAt: 'kept' },
      list: [
        { _ref: 'a', _weak: true, _strengthenOnPublish: { type: 'person' } },
        { _ref: 'b', _weak: true },
        { _ref: 'c', _strengthenOnPublish: { type: 'person' } },
        { _ref: 'd', _weak: false, _strengthenOnPublish: { type: 'person' } },
      ],
    }
    expect(JSON.stringify(toContent(doc))).toBe(
      JSON.stringify({
        _id: 'x',
        nested: { _rev: 'kept', contentHash: 'kept', _createdAt: 'kept', _updatedAt: 'kept' },
        list: [{ _ref: 'a' }, { _ref: 'b', _weak: true }, { _ref: 'c' }, { _ref: 'd' }],
      }),
    )
    // The input is not changed.
    expect(doc._id).toBe('drafts.x')
    expect(doc.list[0]).toHaveProperty('_strengthenOnPublish')
  })

  it('a top-level _strengthenOnPublish marks the top-level _weak too', () => {
    expect(toContent({ _weak: true, _strengthenOnPublish: {}, a: 1 })).toStrictEqual({ a: 1 })
    expect(toContent({ _weak: true, a: 1 })).toStrictEqual({ _weak: true, a: 1 })
  })

  it('keeps an _id that is not a string as it is, and copies scalars and arrays', () => {
    expect(toContent({ _id: 7, a: [1, 'x', null] })).toStrictEqual({ _id: 7, a: [1, 'x', null] })
    expect(toContent({ a: 1 })).toStrictEqual({ a: 1 })
  })

  it('canonical: keys sorted at every depth, undefined left out, array order kept', () => {
    expect(
      canonical({ z: [{ b: 1, a: undefined, c: [3, 1] }], _id: 'drafts.x', y: undefined, m: null }),
    ).toBe('{"_id":"x","m":null,"z":[{"b":1,"c":[3,1]}]}')
  })

  it('contentHash is the sha-256, in hex, of the canonical text', () => {
    const doc = { text: 'é', _id: 'drafts.q', _rev: 'r' }
    const text = '{"_id":"q","text":"é"}'
    expect(canonical(doc)).toBe(text)
    expect(contentHash(doc)).toBe(createHash('sha256').update(text).digest('hex'))
  })
})

describe('formatContentFile: indented up to the validator depth limit, one line past it', () => {
  /** An object whose objects nest `depth` levels (the top is level 0). */
  function nestedTo(depth: number): Record<string, unknown> {
    let value: Record<string, unknown> = { leaf: 1 }
    for (let i = 0; i < depth; i++) value = { n: value }
    return { _id: 'x', _type: 'unknown', ...value }
  }

  it('objects at level MAX_DEPTH - 1 (the deepest the validator accepts) are indented; one deeper, one line', () => {
    const at = nestedTo(MAX_DEPTH - 1)
    expect(formatContentFile(at)).toBe(`${JSON.stringify(at, null, 2)}\n`)
    const past = nestedTo(MAX_DEPTH)
    expect(formatContentFile(past)).toBe(`${JSON.stringify(past)}\n`)
  })

  it('orders with the KeyOrder it is given', () => {
    const order = { apply: <T>(doc: T) => ({ b: 1, a: 2, doc }) as T } as unknown as KeyOrder
    expect(formatContentFile({ c: 3 }, order)).toBe(
      '{\n  "b": 1,\n  "a": 2,\n  "doc": {\n    "c": 3\n  }\n}\n',
    )
  })
})
