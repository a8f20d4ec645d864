import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import {
  type ContentDocument,
  ContentError,
  DanglingReferenceError,
  loadContent,
  type SpeakerReference,
  validate,
} from 'us-russia-g20-story'
import { afterAll, describe, expect, it } from 'vitest'

const CONTENT = join(import.meta.dirname, '..', 'content')

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** The documents of content/<folder>, read straight from the files. */
function filesOf(folder: string): ContentDocument[] {
  return readdirSync(join(CONTENT, folder))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(CONTENT, folder, file), 'utf8')))
}

/** A temporary copy of content/, changed by `edit` (folder-relative path → new document or null to delete). */
function contentCopy(edit: Record<string, (doc: Record<string, unknown>) => unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'content-api-'))
  dirs.push(dir)
  cpSync(CONTENT, dir, { recursive: true })
  for (const [path, change] of Object.entries(edit)) {
    const file = join(dir, path)
    const next = change(JSON.parse(readFileSync(file, 'utf8')))
    if (next === null) rmSync(file)
    else writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`)
  }
  return dir
}

describe('loadContent', () => {
  it('returns the documents of content/, grouped by type, each group in file order', async () => {
    const content = await loadContent()
    expect(content.articles).toEqual(filesOf('articles'))
    expect(content.people).toEqual(filesOf('people'))
    expect(content.quotes).toEqual(filesOf('quotes'))
    expect(content.photos).toEqual(filesOf('photos'))
    expect(content.organizations).toEqual(filesOf('organizations'))
    const all = [
      ...content.articles,
      ...content.organizations,
      ...content.people,
      ...content.photos,
      ...content.quotes,
    ]
    expect(content.documents).toEqual(all)
    expect(content.warnings).toEqual([])
  })

  it("resolves every quote's speaker to its Person or Organization, and the article's photo to its Photo", async () => {
    const content = await loadContent()
    const spoken = content.quotes.filter((q) => q.speaker)
    expect(spoken.length).toBeGreaterThan(0)
    for (const quote of spoken) {
      const speaker = quote.speaker as SpeakerReference
      const who = content.resolve(speaker)
      expect(who._id).toBe(speaker._ref)
      if (who._type === 'person') expect(content.people).toContain(who)
      else expect(content.organizations).toContain(who)
    }
    const institutions = spoken.filter(
      (q) => content.resolve(q.speaker as SpeakerReference)._type === 'organization',
    )
    expect(institutions.map((q) => q._id).sort()).toEqual([
      'quote-pentagon-nonsense',
      'quote-russian-foreign-ministry-no-negotiations',
      'quote-russian-foreign-ministry-on-the-move',
      'quote-state-department-brief-encounter',
      'quote-state-department-no-further-dialogue',
    ])
    const [article] = content.articles
    if (!article?.photo) throw new Error('content/ article has no photo: this test needs one')
    expect(content.resolve(article.photo)).toBe(content.photos[0])
  })

  it('throws a DanglingReferenceError naming the id of a document that is not loaded', async () => {
    const content = await loadContent()
    const reference = { _type: 'reference', _ref: 'person-nobody' } as const
    const error = (() => {
      try {
        content.resolve(reference)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(DanglingReferenceError)
    expect((error as DanglingReferenceError).reference).toBe(reference)
    expect((error as Error).message).toBe(
      'No loaded document has _id "person-nobody". Check the `_ref`, or load the folder that holds that document.',
    )
    expect((error as DanglingReferenceError).diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'reference/dangling',
        message: (error as Error).message,
        file: '',
        line: 1,
        column: 1,
        pointer: '',
        documentId: null,
        actual: 'person-nobody',
      },
    ])
  })

  it('says what resolve expects when it is given something that is not a reference', async () => {
    const content = await loadContent()
    const resolve = content.resolve as (value: unknown) => unknown
    expect(() => resolve('person-antony-blinken')).toThrow(
      /^resolve expects a reference such as quote\.speaker .*got string\.$/,
    )
    expect(() => resolve(null)).toThrow(/got null\.$/)
    expect(() => resolve({ _ref: 7 })).toThrow(/got an object without a string _ref\.$/)
  })

  it('loads valid content with warnings, and a weak reference to a missing photo does not resolve', async () => {
    const dir = contentCopy({
      'photos/photo-blinken-lavrov-phnom-penh.json': () => null,
      'articles/article-first-top-level-us-russia-meeting-after-ukraine-war.json': (doc) => ({
        ...doc,
        photo: { ...(doc.photo as object), _weak: true },
      }),
    })
    const content = await loadContent(dir)
    expect(content.photos).toEqual([])
    expect(content.warnings.map((w) => [w.rule, w.severity, w.pointer])).toEqual([
      ['reference/weak-dangling', 'warning', '/photo/_ref'],
    ])
    const photo = content.articles[0]?.photo as NonNullable<(typeof content.articles)[0]['photo']>
    expect(() => content.resolve(photo)).toThrow(
      /^No loaded document has _id "photo-blinken-lavrov-phnom-penh"\. It is a weak reference/,
    )
  })

  it("throws a ContentError carrying validate()'s diagnostics, and returns nothing, for invalid content", async () => {
    const dir = contentCopy({
      'people/person-antony-blinken.json': () => null,
      'quotes/quote-lavrov-farce.json': (doc) => ({ ...doc, text: 'Not what he said' }),
    })
    const error = (await loadContent(dir).catch((e: unknown) => e)) as ContentError
    expect(error).toBeInstanceOf(ContentError)
    const report = await validate([dir])
    expect(report.valid).toBe(false)
    expect(error.diagnostics).toEqual(report.problems)
    const rules = new Set(error.diagnostics.map((d) => d.rule))
    expect(rules).toContain('reference/dangling')
    expect(rules).toContain('quote/not-verbatim')
    const first = error.diagnostics.find((d) => d.severity === 'error')
    expect(error.message.startsWith(`${first?.file}:${first?.line}:${first?.column} `)).toBe(true)
    expect(relative(dir, first?.file ?? '')).not.toMatch(/^\.\./)
  })

  it('throws a ContentError for a folder that does not exist', async () => {
    const error = (await loadContent(join(tmpdir(), 'no-such-content-folder')).catch(
      (e: unknown) => e,
    )) as ContentError
    expect(error).toBeInstanceOf(ContentError)
    expect(error.diagnostics.map((d) => d.rule)).toEqual(['input/unreadable'])
  })
})
