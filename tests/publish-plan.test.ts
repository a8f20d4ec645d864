import type { ContentDocument } from 'us-russia-g20-story'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../src/sanity/canonical.js'
import {
  type FetchedDocument,
  mutationFor,
  type PlanInput,
  type PlannedDocument,
  planPublish,
} from '../src/sanity/plan.js'
import { formatPlanTable, planSummary } from '../src/sanity/plan-table.js'
import { referencedIds, toSanityDocument } from '../src/sanity/to-sanity.js'

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

/** The exact wording of the plan's reasons: the plan table shows them, so they are its output. */
const EDITED = (rev: string) =>
  `changed in the CMS (rev ${rev}) since this repo published it; run npm run sanity:pull, or publish with --force`
const DELETED =
  'deleted in the CMS since this repo last published or pulled it; run npm run sanity:pull -- --prune to delete it here too, or publish with --force to create it again'
const NO_REV =
  'the dataset returned it without a revision (_rev), and an update without ifRevisionID is never sent (not even with --force); check that SANITY_API_HOST is a Sanity API'

describe('planPublish: every row, field by field', () => {
  const old = { ...person, name: 'Old' }
  const hash = local.contentHash as string

  it('a create carries the document, its hash, id and type, and no remote', () => {
    expect(planOne()).toStrictEqual({
      id: 'person-a',
      type: 'person',
      action: 'create',
      reason: 'not in the dataset yet',
      document: local,
      hash,
    })
  })

  it('the other rows carry the remote version they were planned against', () => {
    const cases: [FetchedDocument, Record<string, unknown>, string, string][] = [
      [stored({ ...person, contentHash: hash }), {}, 'unchanged', 'same content'],
      [stored({ ...person, contentHash: 'x' }), {}, 'update', 'same content; records its hash'],
      [stored({ ...person }), {}, 'update', 'same content; records its hash'],
      [stored({ ...old, contentHash: contentHash(old) }), {}, 'update', 'changed here'],
      [
        stored({ ...old, contentHash: 'x' }, 'rev3'),
        { base: { 'person-a': 'rev3' } },
        'update',
        'changed here since pull',
      ],
      [
        stored({ ...old, contentHash: 'x' }, 'rev3'),
        { force: true },
        'update',
        "overwrites an editor's change (--force)",
      ],
      [stored({ ...old, contentHash: 'x' }, 'rev3'), {}, 'conflict', EDITED('rev3')],
      [stored({ ...old, contentHash: 'x' }, 'rev3'), { base: {} }, 'conflict', EDITED('rev3')],
      [
        stored({ ...old, contentHash: 'x' }, 'rev3'),
        { base: { 'person-a': 'rev2', 'drafts.person-a': 'rev3' } },
        'conflict',
        EDITED('rev3'),
      ],
    ]
    for (const [remote, extra, action, reason] of cases) {
      expect(planOne(remote, extra), `${action}: ${reason}`).toStrictEqual({
        id: 'person-a',
        type: 'person',
        action,
        reason,
        document: local,
        hash,
        remote,
      })
    }
  })

  it('the lock says "changed here since pull" before force is asked', () => {
    const remote = stored({ ...old, contentHash: 'x' }, 'rev3')
    const row = planOne(remote, { base: { 'person-a': 'rev3' }, force: true })
    expect(row?.reason).toBe('changed here since pull')
    // Untouched since published: "changed here", whatever the lock and force say.
    const untouched = stored({ ...old, contentHash: contentHash(old) }, 'rev3')
    expect(planOne(untouched, { base: { 'person-a': 'rev3' }, force: true })?.reason).toBe(
      'changed here',
    )
  })

  it('a remote document is compared by content: system fields, key order and the hash do not count', () => {
    const reordered = stored({
      contentHash: hash,
      slug: { current: 'a', _type: 'slug' },
      name: 'A',
      _type: 'person',
      _id: 'person-a',
    })
    expect(planOne(reordered)?.action).toBe('unchanged')
    // A nested field differs: that is content.
    const nested = stored({ ...person, slug: { _type: 'slug', current: 'b' }, contentHash: hash })
    expect(planOne(nested)).toMatchObject({ action: 'conflict', reason: EDITED('rev1') })
  })

  it('a revision that is empty or not a string is no revision', () => {
    for (const rev of ['', 7, null]) {
      const remote = { ...stored({ ...person, contentHash: hash }), _rev: rev } as never
      expect(planOne(remote), String(rev)).toMatchObject({ action: 'conflict', reason: NO_REV })
    }
  })

  it('a lock entry for the document, its draft or its published id marks it deleted in the CMS', () => {
    const draft = toSanityDocument(person as ContentDocument, { drafts: true })
    for (const document of [local, draft]) {
      for (const known of ['person-a', 'drafts.person-a']) {
        const [row] = planPublish({
          documents: [document],
          remote: new Map(),
          base: { [known]: 'r' },
        })
        expect(row, `${document._id} / ${known}`).toStrictEqual({
          id: document._id,
          type: 'person',
          action: 'conflict',
          reason: DELETED,
          document,
          hash,
        })
      }
      const bases: (Record<string, string> | undefined)[] = [
        undefined,
        {},
        { 'drafts.drafts.person-a': 'r', 'person-ab': 'r' },
      ]
      for (const base of bases) {
        const [row] = planPublish({ documents: [document], remote: new Map(), base })
        expect(row?.action, JSON.stringify(base)).toBe('create')
      }
    }
    // An entry inherited from Object.prototype is no entry.
    const [row] = planPublish({
      documents: [{ ...local, _id: 'constructor' }],
      remote: new Map(),
      base: {},
    })
    expect(row?.action).toBe('create')
  })

  it('plans every document, in the order given', () => {
    const b = toSanityDocument({ ...person, _id: 'person-b' } as ContentDocument)
    const rows = planPublish({
      documents: [b, local],
      remote: new Map([['person-a', stored({ ...person, contentHash: hash })]]),
    })
    expect(rows.map((row) => [row.id, row.action])).toEqual([
      ['person-b', 'create'],
      ['person-a', 'unchanged'],
    ])
  })
})

describe('planPublish with --drafts: every reason, exactly', () => {
  const draft = toSanityDocument(person as ContentDocument, { drafts: true })
  const old = { ...person, name: 'Old' }
  const plan = (live: FetchedDocument | undefined, extra: Partial<PlanInput> = {}) =>
    planPublish({
      documents: [draft],
      remote: new Map(),
      published: new Map(live ? [[live._id, live]] : []),
      ...extra,
    })[0]

  it('no draft yet: unchanged, create or conflict against the published version', () => {
    const cases: [FetchedDocument, Partial<PlanInput>, string, string][] = [
      [stored({ ...person }), {}, 'unchanged', 'the published version is the same'],
      [
        stored({ ...old, contentHash: contentHash(old) }),
        {},
        'create',
        'no draft yet; changed here',
      ],
      [
        stored({ ...old, contentHash: 'x' }, 'rev4'),
        { base: { 'person-a': 'rev4' } },
        'create',
        'no draft yet; changed here since pull',
      ],
      [
        stored({ ...old, contentHash: 'x' }, 'rev4'),
        { force: true },
        'create',
        "no draft yet; overwrites an editor's change (--force)",
      ],
      [
        stored({ ...old, contentHash: 'x' }, 'rev4'),
        {},
        'conflict',
        `the published version ${EDITED('rev4')}`,
      ],
    ]
    for (const [live, extra, action, reason] of cases) {
      expect(plan(live, extra), reason).toStrictEqual({
        id: 'drafts.person-a',
        type: 'person',
        action,
        reason,
        document: draft,
        hash: draft.contentHash,
      })
    }
  })

  it('a published version without a revision is never taken as pulled', () => {
    const { _rev, ...live } = stored({ ...old, contentHash: 'x' })
    const row = plan(live as FetchedDocument, { base: {} })
    expect(row).toMatchObject({
      action: 'conflict',
      reason: `the published version ${EDITED('unknown')}`,
    })
  })

  it('a draft that exists is planned against the draft, not the published version', () => {
    const remoteDraft = stored({ ...draft, name: 'Draft edit', contentHash: 'x' }, 'rev8')
    const [row] = planPublish({
      documents: [draft],
      remote: new Map([['drafts.person-a', remoteDraft]]),
      published: new Map([['person-a', stored({ ...person })]]),
    })
    expect(row).toMatchObject({ action: 'conflict', reason: EDITED('rev8'), remote: remoteDraft })
  })
})

describe('mutationFor: the exact mutation', () => {
  it('sets every field but _id and the system fields, and unsets nothing when nothing is gone', () => {
    const withSystem = { ...local, _rev: 'local', _createdAt: 'c', _updatedAt: 'u' }
    const remote = stored(
      { ...person, name: 'Old', contentHash: contentHash({ ...person, name: 'Old' }) },
      'r2',
    )
    const row: PlannedDocument = {
      id: 'person-a',
      type: 'person',
      action: 'update',
      reason: 'changed here',
      document: withSystem,
      hash: local.contentHash as string,
      remote,
    }
    expect(mutationFor(row)).toStrictEqual({
      patch: {
        id: 'person-a',
        ifRevisionID: 'r2',
        set: { name: 'A', slug: person.slug, contentHash: local.contentHash },
      },
    })
  })

  it('sets _type only when it changed, and unsets every field the document no longer has', () => {
    const remote = stored({ _id: 'person-a', _type: 'quote', text: 'T', kind: 'direct' }, 'r3')
    const row = planOne(remote, { force: true }) as PlannedDocument
    expect(mutationFor(row)).toStrictEqual({
      patch: {
        id: 'person-a',
        ifRevisionID: 'r3',
        set: { _type: 'person', name: 'A', slug: person.slug, contentHash: local.contentHash },
        unset: ['text', 'kind'],
      },
    })
  })

  it('writes nothing for an unchanged row, or an update without its remote version', () => {
    const unchanged = planOne(
      stored({ ...person, contentHash: local.contentHash }),
    ) as PlannedDocument
    expect(mutationFor(unchanged)).toBeNull()
    const { remote: _, ...orphan } = planOne(stored({ ...person }), {}) as PlannedDocument
    expect(orphan.action).toBe('update')
    expect(mutationFor(orphan)).toBeNull()
  })

  it('names the document it refuses to patch without ifRevisionID', () => {
    const row = planOne(stored({ ...person })) as PlannedDocument
    const { _rev, ...remote } = row.remote as FetchedDocument
    expect(() => mutationFor({ ...row, remote: remote as FetchedDocument })).toThrow(
      new Error('Refusing to patch person-a without ifRevisionID: its remote _rev is missing.'),
    )
  })
})

describe('formatPlanTable and planSummary: the exact text', () => {
  const row = (action: PlannedDocument['action'], id: string, reason: string, type = 'person') =>
    ({ id, type, action, reason, document: local, hash: 'h' }) as PlannedDocument

  it('pads every column but the last to its widest cell, sorts by action then id', () => {
    const text = formatPlanTable([
      row('unchanged', 'b', 'same content'),
      row('update', 'person-long-id', 'changed here', 'quote'),
      row('create', 'z', 'not in the dataset yet'),
      row('create', 'a', 'not in the dataset yet', 'article'),
      row('conflict', 'c', 'changed in the CMS'),
    ])
    expect(text).toBe(
      [
        'action     type     id              reason',
        '---------  -------  --------------  ----------------------',
        'conflict   person   c               changed in the CMS',
        'create     article  a               not in the dataset yet',
        'create     person   z               not in the dataset yet',
        'update     quote    person-long-id  changed here',
        'unchanged  person   b               same content',
        '2 to create, 1 to update, 1 unchanged, 1 conflict',
        '',
      ].join('\n'),
    )
  })

  it('an empty plan is the header and zero counts', () => {
    expect(formatPlanTable([])).toBe(
      'action  type  id  reason\n------  ----  --  ------\n0 to create, 0 to update, 0 unchanged, 0 conflicts\n',
    )
  })

  it('counts conflicts in the plural but one', () => {
    const conflicts = (n: number) =>
      Array.from({ length: n }, (_, i) => row('conflict', `c${i}`, 'r'))
    expect(planSummary(conflicts(2))).toBe('0 to create, 0 to update, 0 unchanged, 2 conflicts')
    expect(planSummary(conflicts(1))).toBe('0 to create, 0 to update, 0 unchanged, 1 conflict')
  })

  it('shows control characters from the dataset as ?, in every column', () => {
    const text = formatPlanTable([row('create', 'id\u001b[2J', 'a\nb\u0007', 'ty\rpe')])
    expect(text.split('\n')[2]).toBe('create  ty?pe  id?[2J  a?b?')
  })
})

describe('toSanityDocument and referencedIds, exactly', () => {
  const quote = {
    _id: 'quote-q',
    _type: 'quote',
    text: 'T',
    speaker: { _type: 'reference', _ref: 'person-a' },
    list: [
      { _type: 'reference', _ref: 'person-b' },
      { _type: 'notReference', _ref: 'person-a' },
      { _type: 'reference', _ref: 7 },
    ],
  } as unknown as ContentDocument
  const typeOf = new Map([
    ['person-a', 'person'],
    ['person-b', 'person'],
  ])

  it('without drafts: the document as it is, with its hash last', () => {
    const remote = toSanityDocument(quote)
    expect(remote).toStrictEqual({ ...quote, contentHash: contentHash(quote as never) })
    expect(Object.keys(remote).at(-1)).toBe('contentHash')
    expect(toSanityDocument(quote, { typeOf, published: new Set() })).toStrictEqual(remote)
  })

  it('with drafts: only references of a known type to unpublished documents get the markers, after their keys', () => {
    const draft = toSanityDocument(quote, {
      drafts: true,
      typeOf,
      published: new Set(['person-b']),
    })
    expect(JSON.stringify(draft)).toBe(
      JSON.stringify({
        _id: 'drafts.quote-q',
        _type: 'quote',
        text: 'T',
        speaker: {
          _type: 'reference',
          _ref: 'person-a',
          _weak: true,
          _strengthenOnPublish: { type: 'person' },
        },
        list: [
          { _type: 'reference', _ref: 'person-b' },
          { _type: 'notReference', _ref: 'person-a' },
          { _type: 'reference', _ref: 7 },
        ],
        contentHash: contentHash(quote as never),
      }),
    )
    // Without the types of the targets, nothing is weakened: Studio could not strengthen it.
    const untyped = toSanityDocument(quote, { drafts: true })
    expect(untyped).toStrictEqual({
      ...quote,
      _id: 'drafts.quote-q',
      contentHash: contentHash(quote as never),
    })
    // Without the published set, every typed reference counts as unpublished.
    const unknownPublished = toSanityDocument(quote, { drafts: true, typeOf }) as unknown as {
      list: Record<string, unknown>[]
    }
    expect(unknownPublished.list[0]).toEqual({
      _type: 'reference',
      _ref: 'person-b',
      _weak: true,
      _strengthenOnPublish: { type: 'person' },
    })
    // The input is not changed.
    expect(quote).not.toHaveProperty('contentHash')
    expect((quote as unknown as { speaker: object }).speaker).toEqual({
      _type: 'reference',
      _ref: 'person-a',
    })
  })

  it('referencedIds: the string _refs of this package’s documents, at any depth', () => {
    expect(referencedIds(quote, new Set(['person-a', 'person-b', 'quote-q']))).toEqual(
      new Set(['person-a', 'person-b']),
    )
    expect(referencedIds(quote, new Set(['person-b']))).toEqual(new Set(['person-b']))
    expect(referencedIds('text', new Set(['person-a']))).toEqual(new Set())
  })
})
