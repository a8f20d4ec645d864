/**
 * One syntax error is one error: what a document that does not parse still tells (its `_id`,
 * its references) keeps references to it from being reported as dangling, and the quotes it
 * cites from being reported as unreferenced.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { salvage } from '../src/validator/checks/salvage.js'
import { BOTH_WAYS, ROOT } from './validate-cli.js'

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true })
})

describe('salvage', () => {
  it('reads the top-level _id and every _ref of a document with a trailing comma', () => {
    const text =
      '{"_id": "quote-x", "_type": "quote", "speaker": {"_ref": "person-a", "_id": "nested"},}'
    expect(salvage(text)).toEqual({ ids: ['quote-x'], refs: ['person-a'] })
  })

  it('reads single-quoted and bare keys, and adds the file name of a .json file', () => {
    expect(
      salvage("{'_id': 'person-a', _type: 'person', x: 1, 'ref': {_ref: \"b\"}}", 'f'),
    ).toEqual({ ids: ['person-a', 'f'], refs: ['b'] })
  })

  it('knows nothing when the text stops before any _id, and no references when it stops at all', () => {
    expect(salvage('{"_type": "person", "name": "Serg')).toEqual({ ids: null, refs: null })
    expect(salvage('{"_id": "person-a", "x": [{"_ref": "b"}')).toEqual({
      ids: ['person-a'],
      refs: null,
    })
  })

  it('has no id for a whole document without one, other than its file name', () => {
    expect(salvage('{"_type": "person",}')).toEqual({ ids: [], refs: [] })
    expect(salvage('{"_type": "person",}', 'person-a')).toEqual({ ids: ['person-a'], refs: [] })
  })

  it('takes a string after a colon as the value of the key before it, and nothing else', () => {
    // Outside any bracket, a `_ref` still counts; an `_id` must be at the top of an object.
    expect(salvage('"_ref": "b"')).toEqual({ ids: [], refs: ['b'] })
    expect(salvage('["_id": "x"]')).toEqual({ ids: [], refs: [] })
    expect(salvage('[{"_id": "x"}]')).toEqual({ ids: [], refs: [] })
    // Without commas, each key still starts afresh after the value before it.
    expect(salvage('{"_ref": "a" "_ref": "c"}')).toEqual({ ids: [], refs: ['a', 'c'] })
    expect(salvage('{"x": {} "_ref": "b"}')).toEqual({ ids: [], refs: ['b'] })
    // A bare word after a colon is a value, not a key; a string with no colon before it is a key.
    expect(salvage('{"x": _ref: "b"}')).toEqual({ ids: [], refs: [] })
    expect(salvage('{_ref "b"}')).toEqual({ ids: [], refs: [] })
    expect(salvage('{"_ref" "b"}')).toEqual({ ids: [], refs: [] })
    expect(salvage('{"_ref", : "b"}')).toEqual({ ids: [], refs: [] })
  })

  it('reads escaped quotes in strings, and keeps a string JSON cannot read as written', () => {
    expect(salvage('{"_id": "a\\"b"}')).toEqual({ ids: ['a"b'], refs: [] })
    expect(salvage("{'_id': 'a\\x'}")).toEqual({ ids: ['a\\x'], refs: [] })
  })

  it('stops at a string that does not end, and at a bare value at the very end', () => {
    expect(salvage('"_id')).toEqual({ ids: null, refs: null })
    expect(salvage('{"_id": "a", "n": 12')).toEqual({ ids: ['a'], refs: null })
  })

  it('adds no id for an empty file name', () => {
    expect(salvage('{}', '')).toEqual({ ids: [], refs: [] })
  })

  it('never recurses: 200,000 levels of nesting are scanned', () => {
    const deep = `{"_id": "deep", "a": ${'['.repeat(200_000)}${']'.repeat(200_000)},}`
    expect(salvage(deep)).toEqual({ ids: ['deep'], refs: [] })
  })
})

describe.each(BOTH_WAYS)(
  'validate, with a trailing comma in a person of content/ ($way)',
  ({ run }) => {
    it('reports the one syntax error, and no reference to that person as dangling', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'salvage-'))
      temps.push(dir)
      cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true })
      const file = join(dir, 'content/people/person-antony-blinken.json')
      const text = readFileSync(file, 'utf8')
      writeFileSync(file, text.replace('"person-antony-blinken",', '"person-antony-blinken",,'))
      const { code, report } = await run(['content'], { cwd: dir })
      expect(report.problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual([
        'content/people/person-antony-blinken.json:2 json/syntax',
      ])
      expect(code).toBe(1)
    })
  },
)
