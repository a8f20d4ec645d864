// sanity.lock.json: read strictly, written with sorted keys, and never touched through a prototype.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LockError, lockPath, lockWith, readLock, type SanityLock } from '../src/sanity/lock.js'

const DAMAGED =
  'sanity.lock.json is damaged (it must be an object of datasets, each an object of ids and revisions): ' +
  'restore it from git, or delete it and pull again.'

/** A repo folder whose sanity.lock.json holds `text` (none when undefined). */
function repoWithLock(text?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'lock-'))
  if (text !== undefined) writeFileSync(join(root, 'sanity.lock.json'), text)
  return root
}

describe('readLock', () => {
  it('is the file sanity.lock.json of the repo', () => {
    expect(lockPath('/repo')).toBe(join('/repo', 'sanity.lock.json'))
  })

  it('a missing file is an empty lock without a prototype', async () => {
    const lock = await readLock(repoWithLock())
    expect(Object.keys(lock)).toEqual([])
    expect(Object.getPrototypeOf(lock)).toBeNull()
  })

  it('reads datasets and revisions into records without a prototype, __proto__ ids included', async () => {
    const text = '{"p/d": {"__proto__": "r1", "constructor": "r2", "a": "r3"}, "__proto__": {}}'
    const lock = await readLock(repoWithLock(text))
    expect(Object.keys(lock)).toEqual(['p/d', '__proto__'])
    expect(Object.getPrototypeOf(lock)).toBeNull()
    const revisions = lock['p/d'] as Record<string, string>
    expect(Object.getPrototypeOf(revisions)).toBeNull()
    expect(Object.entries(revisions)).toEqual([
      ['__proto__', 'r1'],
      ['constructor', 'r2'],
      ['a', 'r3'],
    ])
    const proto = Object.getOwnPropertyDescriptor(lock, '__proto__')?.value as object
    expect(Object.getPrototypeOf(proto)).toBeNull()
    expect(Object.keys(proto)).toEqual([])
  })

  it('anything but an object of datasets, each an object of revision strings, is damaged', async () => {
    for (const text of [
      '',
      '{',
      'null',
      '[]',
      '"text"',
      '{"p/d": null}',
      '{"p/d": []}',
      '{"p/d": "rev"}',
      '{"p/d": {"a": 1}}',
      '{"p/d": {"a": "r"}, "q/e": {"b": null}}',
    ]) {
      await expect(readLock(repoWithLock(text)), text).rejects.toThrow(new LockError(DAMAGED))
    }
    await expect(readLock(repoWithLock('{}'))).resolves.toEqual({})
    await expect(readLock(repoWithLock('{"p/d": {}}'))).resolves.toEqual({ 'p/d': {} })
  })

  it('a LockError is named so', () => {
    expect(new LockError('x').name).toBe('LockError')
  })

  it('an unreadable lock (a folder) is not taken as missing', async () => {
    const root = repoWithLock()
    mkdirSync(join(root, 'sanity.lock.json'))
    await expect(readLock(root)).rejects.toMatchObject({ code: 'EISDIR' })
  })
})

describe('lockWith', () => {
  const lock = (record: Record<string, Record<string, string>>): SanityLock => record

  it('changes nothing, and writes nothing, when there is nothing to record or remove', () => {
    expect(lockWith(lock({ 'p/d': { a: 'r' } }), 'p/d', new Map())).toBeUndefined()
    expect(lockWith(lock({}), 'p/d', new Map(), [])).toBeUndefined()
  })

  it('records revisions and removes ids, keys sorted, 2-space JSON with a final newline', () => {
    const before = lock({
      'z/d': { y: 'ry' },
      'p/d': { c: 'rc', a: 'old', gone: 'rg', 'drafts.gone': 'rdg' },
    })
    const text = lockWith(
      before,
      'p/d',
      new Map([
        ['b', 'rb'],
        ['a', 'new'],
      ]),
      ['gone', 'drafts.gone', 'never-there'],
    )
    expect(text).toBe(
      '{\n  "p/d": {\n    "a": "new",\n    "b": "rb",\n    "c": "rc"\n  },\n  "z/d": {\n    "y": "ry"\n  }\n}\n',
    )
    // The lock read is not changed.
    expect(before['p/d']).toEqual({ c: 'rc', a: 'old', gone: 'rg', 'drafts.gone': 'rdg' })
  })

  it('adds a dataset the lock does not have yet, and records removals alone', () => {
    expect(lockWith(lock({ 'a/b': { x: '1' } }), 'p/d', new Map([['id', 'r']]))).toBe(
      '{\n  "a/b": {\n    "x": "1"\n  },\n  "p/d": {\n    "id": "r"\n  }\n}\n',
    )
    expect(lockWith(lock({ 'p/d': { x: '1', y: '2' } }), 'p/d', new Map(), ['x'])).toBe(
      '{\n  "p/d": {\n    "y": "2"\n  }\n}\n',
    )
  })

  it('takes __proto__ and constructor as ids and datasets like any other', () => {
    const text = lockWith(
      lock({}),
      '__proto__',
      new Map([
        ['__proto__', 'r1'],
        ['constructor', 'r2'],
      ]),
    )
    expect(text).toBe(
      '{\n  "__proto__": {\n    "__proto__": "r1",\n    "constructor": "r2"\n  }\n}\n',
    )
    // A dataset named like an Object.prototype member is not found there.
    expect(lockWith(lock({}), 'toString', new Map([['a', 'r']]))).toBe(
      '{\n  "toString": {\n    "a": "r"\n  }\n}\n',
    )
  })
})
