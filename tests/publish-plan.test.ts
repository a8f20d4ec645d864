import type { ContentDocument } from 'us-russia-g20-story'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../src/publish/canonical.js'
import { type FetchedDocument, mutationFor, planPublish } from '../src/publish/plan.js'
import { formatPlanTable } from '../src/publish/plan-table.js'
import { toSanityDocument } from '../src/publish/to-sanity.js'

const person = {
  _id: 'person-a',
  _type: 'person',
  name: 'A',
  slug: { _type: 'slug', current: 'a' },
}
const local = toSanityDocument(person as ContentDocument)

function stored(doc: Record<string, unknown>, rev = 'rev1'): FetchedDocument {
  return {
    ...doc,
    _rev: rev,
    _createdAt: '2024-01-01T00:00:00Z',
    _updatedAt: '2024-01-01T00:00:00Z',
  } as unknown as FetchedDocument
}

function planOne(
  remote?: FetchedDocument,
  extra: { base?: Record<string, string>; force?: boolean } = {},
) {
  const map = new Map(remote ? [[remote._id, remote]] : [])
  const [row] = planPublish({ documents: [local], remote: map, ...extra })
  return row
}

describe('planPublish', () => {
  it('creates a document the dataset does not have', () => {
    expect(planOne()?.action).toBe('create')
  })

  it('does not bring back a document an editor deleted: the lock knew it, the dataset has it no more', () => {
    for (const known of ['person-a', 'drafts.person-a']) {
      const row = planOne(undefined, { base: { [known]: 'rev1' } })
      expect(row?.action).toBe('conflict')
      expect(row?.reason).toMatch(
        /^deleted in the CMS since this repo last published or pulled it; run npm run sanity:pull -- --prune/,
      )
      expect(planOne(undefined, { base: { [known]: 'rev1' }, force: true })?.action).toBe('create')
    }
    // A lock that knows only other documents says nothing about this one.
    expect(planOne(undefined, { base: { 'person-b': 'rev1' } })?.action).toBe('create')
  })

  it('leaves a document alone whose remote content and hash equal the local ones', () => {
    // Different key order and system fields on the remote side.
    const remote = stored({
      slug: person.slug,
      name: 'A',
      _type: 'person',
      _id: 'person-a',
      contentHash: local.contentHash,
    })
    expect(planOne(remote)?.action).toBe('unchanged')
  })

  it('updates a document this repo published and nobody changed since', () => {
    const old = { ...person, name: 'Old' }
    const remote = stored({ ...old, contentHash: contentHash(old) })
    expect(planOne(remote)).toMatchObject({ action: 'update', reason: 'changed here' })
  })

  it('reports an editor change as a conflict', () => {
    const published = { ...person, name: 'Old' }
    const remote = stored(
      { ...published, name: 'Edited in Studio', contentHash: contentHash(published) },
      'rev9',
    )
    const row = planOne(remote)
    expect(row?.action).toBe('conflict')
    expect(row?.reason).toContain('rev9')
  })

  it('is not a conflict when the editor revision was pulled into the repo (the lock)', () => {
    const published = { ...person, name: 'Old' }
    const remote = stored(
      { ...published, name: 'Edited', contentHash: contentHash(published) },
      'rev9',
    )
    expect(planOne(remote, { base: { 'person-a': 'rev9' } })?.action).toBe('update')
    expect(planOne(remote, { base: { 'person-a': 'rev8' } })?.action).toBe('conflict')
  })

  it('overwrites an editor change with force', () => {
    const remote = stored({ ...person, name: 'Edited', contentHash: 'x' })
    expect(planOne(remote, { force: true })?.action).toBe('update')
  })

  it('is never a conflict when the remote content equals the local content', () => {
    const remote = stored({ ...person, contentHash: 'some other hash' })
    expect(planOne(remote)?.action).toBe('update')
  })
})

describe('planPublish with --drafts, where no draft exists yet', () => {
  const draft = toSanityDocument(person as ContentDocument, { drafts: true })
  function planDraft(
    live: FetchedDocument,
    extra: { base?: Record<string, string>; force?: boolean } = {},
  ) {
    const [row] = planPublish({
      documents: [draft],
      remote: new Map(),
      published: new Map([[live._id, live]]),
      ...extra,
    })
    return row
  }

  it('creates the draft when the published version is what this repo published', () => {
    const old = { ...person, name: 'Old' }
    const row = planDraft(stored({ ...old, contentHash: contentHash(old) }))
    expect(row).toMatchObject({ id: 'drafts.person-a', action: 'create' })
  })

  it('is a conflict when an editor changed the published version: the draft would hide it', () => {
    const old = { ...person, name: 'Old' }
    const live = stored({ ...old, name: 'Edited in Studio', contentHash: contentHash(old) }, 'rev7')
    const row = planDraft(live)
    expect(row).toMatchObject({ id: 'drafts.person-a', action: 'conflict' })
    expect(row?.reason).toContain('rev7')
    expect(row && mutationFor(row)).toBeNull()
  })

  it('creates the draft over an editor change that was pulled (the lock), or with force', () => {
    const old = { ...person, name: 'Old' }
    const live = stored({ ...old, name: 'Edited', contentHash: contentHash(old) }, 'rev7')
    expect(planDraft(live, { base: { 'person-a': 'rev7' } })?.action).toBe('create')
    expect(planDraft(live, { base: { 'person-a': 'rev6' } })?.action).toBe('conflict')
    expect(planDraft(live, { force: true })?.action).toBe('create')
  })
})

describe('planPublish without a revision from the dataset', () => {
  /** A query result as a projection or a proxy could return it: no `_rev`. */
  function withoutRev(doc: Record<string, unknown>): FetchedDocument {
    const { _rev, ...rest } = stored(doc)
    return rest as unknown as FetchedDocument
  }

  it('never plans an update it could not guard with ifRevisionID, not even with force', () => {
    const old = { ...person, name: 'Old' }
    const cases = [
      // Untouched since this repo published it: an update, were there a revision.
      withoutRev({ ...old, contentHash: contentHash(old) }),
      // Same content, hash to record: an update too.
      withoutRev({ ...person, contentHash: 'x' }),
      // An editor's change; no base either, so `undefined === undefined` must not mean "pulled".
      withoutRev({ ...old, contentHash: 'x' }),
    ]
    for (const remote of cases) {
      for (const force of [false, true]) {
        const row = planOne(remote, { force })
        expect(row?.action).toBe('conflict')
        expect(row?.reason).toContain('_rev')
        expect(row && mutationFor(row)).toBeNull()
      }
    }
  })

  it('never builds a patch without ifRevisionID, whatever the row says', () => {
    const remote = withoutRev({ ...person, name: 'Old', contentHash: 'x' })
    const row = {
      id: 'person-a',
      type: 'person',
      action: 'update' as const,
      reason: 'forged',
      document: local,
      hash: local.contentHash as string,
      remote,
    }
    expect(() => mutationFor(row)).toThrow(/ifRevisionID/)
  })
})

describe('mutationFor', () => {
  it('patches with ifRevisionID, sets every field and unsets fields gone locally', () => {
    const remote = stored({ ...person, role: 'gone here', contentHash: 'x' }, 'rev5')
    const row = planOne(remote, { force: true })
    expect(row && mutationFor(row)).toEqual({
      patch: {
        id: 'person-a',
        ifRevisionID: 'rev5',
        set: { name: 'A', slug: person.slug, contentHash: local.contentHash },
        unset: ['role'],
      },
    })
  })

  it('creates new documents and writes nothing for unchanged or conflicting ones', () => {
    const created = planOne()
    expect(created && mutationFor(created)).toEqual({ create: local })
    const conflict = planOne(stored({ ...person, name: 'E', contentHash: 'x' }))
    expect(conflict && mutationFor(conflict)).toBeNull()
  })
})

describe('formatPlanTable', () => {
  it('lists conflicts first and ends with the counts', () => {
    const rows = planPublish({
      documents: [local, toSanityDocument({ ...person, _id: 'person-b' } as ContentDocument)],
      remote: new Map([
        ['person-b', stored({ ...person, _id: 'person-b', name: 'E', contentHash: 'x' })],
      ]),
    })
    const text = formatPlanTable(rows)
    const lines = text.trim().split('\n')
    expect(lines[0]).toMatch(/^action\s+type\s+id\s+reason$/)
    expect(lines[2]).toMatch(/^conflict\s+person\s+person-b\s+changed in the CMS/)
    expect(lines[3]).toMatch(/^create\s+person\s+person-a\s+not in the dataset yet$/)
    expect(lines.at(-1)).toBe('1 to create, 0 to update, 0 unchanged, 1 conflict')
  })
})

describe('toSanityDocument with drafts', () => {
  it('writes drafts.<id> and weakens references to documents that are not published', () => {
    const quote = {
      _id: 'quote-q',
      _type: 'quote',
      text: 'T',
      kind: 'direct',
      speaker: { _type: 'reference', _ref: 'person-a' },
    } as ContentDocument
    const typeOf = new Map([['person-a', 'person']])
    const draft = toSanityDocument(quote, { drafts: true, published: new Set(), typeOf })
    expect(draft._id).toBe('drafts.quote-q')
    expect(draft.speaker).toEqual({
      _type: 'reference',
      _ref: 'person-a',
      _weak: true,
      _strengthenOnPublish: { type: 'person' },
    })
    expect(draft.contentHash).toBe(contentHash(quote as never))
    const strong = toSanityDocument(quote, {
      drafts: true,
      published: new Set(['person-a']),
      typeOf,
    })
    expect(strong.speaker).toEqual({ _type: 'reference', _ref: 'person-a' })
  })
})
