/**
 * Content the renderer cannot render faithfully fails the render with a RenderError that names
 * the document, the JSON pointer and the type, and says what to do. Validation should catch all of
 * these first; the renderer refuses rather than dropping or guessing at content.
 */
import { type Article, type ContentDocument, isArticle, isPerson } from 'us-russia-g20-story'
import {
  ARTICLE_FORMATS,
  RenderError,
  renderArticle,
  renderSite,
  UnknownArticleError,
} from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { ARTICLE_ID, articleOf, storyDocuments } from './fixtures/render/story.js'

interface Case {
  name: string
  change: (article: Article, documents: ContentDocument[]) => void
  rule: string
  pointer: string
  documentId?: string
  type?: string
}

/** Sets a property the types do not allow, as careless content would. */
function set(target: object, key: string, value: unknown): void {
  ;(target as Record<string, unknown>)[key] = value
}

const first = (article: Article) => article.body[0] as object
/** The reference object of the first body block's markDef `i`, under `field`. */
const markDef = (article: Article, i: number, field: string) =>
  (first(article) as { markDefs: Record<string, object>[] }).markDefs[i]?.[field] ?? {}
const span0 = (article: Article) =>
  (article.body[0] as { children: object[] }).children[0] as object

const cases: Case[] = [
  {
    name: 'an unknown block type',
    change: (article) => {
      article.body.splice(2, 0, {
        _type: 'html',
        _key: 'raw',
        html: '<script>alert(1)</script>',
      } as never)
    },
    rule: 'render/unknown-type',
    pointer: '/body/2',
    type: 'html',
  },
  {
    name: 'an unknown block style',
    change: (article) => set(first(article), 'style', 'h1'),
    rule: 'render/unknown-type',
    pointer: '/body/0/style',
    type: 'h1',
  },
  {
    name: 'an unknown list type',
    change: (article) => set(first(article), 'listItem', 'check'),
    rule: 'render/unknown-type',
    pointer: '/body/0/listItem',
    type: 'check',
  },
  {
    name: 'an unknown decorator',
    change: (article) => set(span0(article), 'marks', ['underline']),
    rule: 'render/unknown-type',
    pointer: '/body/0/children/0/marks/0',
    type: 'underline',
  },
  {
    name: 'a mark with no markDef',
    change: (article) => set(span0(article), 'marks', ['em', 'missing-key']),
    rule: 'render/unknown-type',
    pointer: '/body/0/children/0/marks/1',
    type: 'missing-key',
  },
  {
    name: 'an unknown annotation type',
    change: (article) => {
      ;(first(article) as { markDefs: object[] }).markDefs.push({ _type: 'footnote', _key: 'f1' })
    },
    rule: 'render/unknown-type',
    pointer: '/body/0/markDefs/2',
    type: 'footnote',
  },
  {
    name: 'an unknown inline type',
    change: (article) => {
      ;(first(article) as { children: object[] }).children.push({ _type: 'image', _key: 'i1' })
    },
    rule: 'render/unknown-type',
    pointer: '/body/0/children/5',
    type: 'image',
  },
  {
    name: 'a photo in the highlights',
    change: (article) => {
      article.highlights?.push({
        _type: 'photoEmbed',
        _key: 'p',
        photo: { _type: 'reference', _ref: 'photo-lead' },
      } as never)
    },
    rule: 'render/unknown-type',
    pointer: '/highlights/2',
    type: 'photoEmbed',
  },
  {
    name: 'a mention of a person who is not there',
    change: (article) => {
      set(markDef(article, 1, 'person'), '_ref', 'person-nobody')
    },
    rule: 'render/dangling-reference',
    pointer: '/body/0/markDefs/1/person',
  },
  {
    name: 'a quotation of a quote that is not there',
    change: (article) => {
      set(markDef(article, 0, 'quote'), '_ref', 'quote-nothing')
    },
    rule: 'render/dangling-reference',
    pointer: '/body/0/markDefs/0/quote',
  },
  {
    name: 'a lead photo that is not there',
    change: (article) => {
      article.photo = { _type: 'reference', _ref: 'photo-missing' }
    },
    rule: 'render/dangling-reference',
    pointer: '/photo',
  },
  {
    name: 'a quote whose speaker is not there',
    change: (_article, documents) => {
      const quote = documents.find((document) => document._id === 'quote-ada-direct')
      if (quote?._type === 'quote') quote.speaker = { _type: 'reference', _ref: 'person-gone' }
    },
    rule: 'render/dangling-reference',
    pointer: '/speaker',
    documentId: 'quote-ada-direct',
  },
  {
    name: 'a slug that is a path',
    change: (article) => {
      article.slug.current = '../../etc'
    },
    rule: 'render/invalid-slug',
    pointer: '/slug/current',
  },
  {
    name: 'a date that is not a date',
    change: (article) => {
      article.datePublished = '2023-02-30'
    },
    rule: 'render/invalid-date',
    pointer: '/datePublished',
  },
]

/** The RenderError `render` throws; fails the test when it throws none or something else. */
function errorOf(render: () => unknown): RenderError {
  try {
    render()
  } catch (error) {
    if (error instanceof RenderError) return error
    throw error
  }
  throw new Error('expected a RenderError, but the render succeeded')
}

describe.each(cases)('$name', ({ change, rule, pointer, documentId = ARTICLE_ID, type }) => {
  const broken = () => {
    const documents = storyDocuments()
    change(articleOf(documents), documents)
    return documents
  }

  it('fails renderSite with an error naming the document, pointer and type', () => {
    const error = errorOf(() => renderSite(broken()))
    expect({ rule: error.rule, documentId: error.documentId, pointer: error.pointer }).toEqual({
      rule,
      documentId,
      pointer,
    })
    expect(error.message).toContain(`"${documentId}"`)
    expect(error.message).toContain(pointer)
    if (type !== undefined) {
      expect(error.type).toBe(type)
      expect(error.message).toContain(`"${type}"`)
    }
    // What is wrong, then what to do, as validation messages say it.
    expect(error.message).toMatch(/[:.] (use|give|write|add|return|point)\b/i)
    expect(error.diagnostics.map((d) => [d.rule, d.documentId, d.pointer])).toEqual([
      [rule, documentId, pointer],
    ])
  })

  it.each(ARTICLE_FORMATS)('fails renderArticle as %s the same way', (format) => {
    if (documentId !== ARTICLE_ID) return
    const error = errorOf(() => renderArticle(broken(), ARTICLE_ID, format))
    expect([error.rule, error.pointer]).toEqual([rule, pointer])
  })
})

describe('documents the site cannot hold', () => {
  it('refuses two people with one slug, as they would share a page', () => {
    const documents = storyDocuments()
    const [ada, bo] = documents.filter((document) => document._type === 'person')
    if (bo?._type === 'person' && ada?._type === 'person') bo.slug.current = ada.slug.current
    const error = errorOf(() => renderSite(documents))
    expect([error.rule, error.documentId]).toEqual(['render/duplicate-slug', 'person-bo-sample'])
  })

  it('refuses two documents with one _id', () => {
    const documents = storyDocuments()
    documents.push(structuredClone(documents[1] as ContentDocument))
    expect(errorOf(() => renderSite(documents)).rule).toBe('render/duplicate-id')
  })

  it('does not refuse a document of a type no page renders: validation judges types', () => {
    const documents = [...storyDocuments(), { _id: 'x', _type: 'author' } as never]
    expect(renderSite(documents).map((file) => file.path)).toEqual(
      renderSite(storyDocuments()).map((file) => file.path),
    )
  })
})

describe('a page without the text it shows', () => {
  it.each([
    ['article', 'headline'],
    ['person', 'name'],
    ['quote', 'text'],
    ['photo', 'caption'],
  ])('refuses a %s without %s', (type, field) => {
    const documents = storyDocuments()
    const document = documents.find((candidate) => candidate._type === type) as ContentDocument
    set(document, field, type === 'photo' ? '   ' : undefined)
    const error = errorOf(() => renderSite(documents))
    expect([error.rule, error.documentId, error.pointer]).toEqual([
      'render/missing-field',
      document._id,
      `/${field}`,
    ])
  })
})

describe('the renderer and the validator hold one definition', () => {
  it.each(['\u00a0', '\t', '\n', ' \u2003 '])('refuses a name of only whitespace (%j)', (name) => {
    const documents = storyDocuments()
    const person = documents.find((candidate) => candidate._type === 'person') as ContentDocument
    set(person, 'name', name)
    expect(isPerson(person)).toBe(false)
    const error = errorOf(() => renderSite(documents))
    expect([error.rule, error.documentId, error.pointer]).toEqual([
      'render/missing-field',
      person._id,
      '/name',
    ])
  })

  it('refuses a slug longer than the schema allows', () => {
    const documents = storyDocuments()
    articleOf(documents).slug.current = 'a'.repeat(97)
    expect(isArticle(articleOf(documents))).toBe(false)
    expect(errorOf(() => renderSite(documents)).rule).toBe('render/invalid-slug')
    articleOf(documents).slug.current = 'a'.repeat(96)
    expect(isArticle(articleOf(documents))).toBe(true)
    expect(() => renderSite(documents)).not.toThrow()
  })

  it('words a duplicate slug as validate does', () => {
    const documents = storyDocuments()
    const [ada, bo] = documents.filter((document) => document._type === 'person')
    if (bo?._type === 'person' && ada?._type === 'person') bo.slug.current = ada.slug.current
    expect(errorOf(() => renderSite(documents)).message).toContain(
      `is already the slug of person \`${ada?._id}\`: both would be written to the same page.`,
    )
  })
})

describe('renderArticle', () => {
  it('names the article ids there are when asked for one that is not there', () => {
    const error = errorOf(() => renderArticle(storyDocuments(), 'article-nope', 'text'))
    expect(error).toBeInstanceOf(UnknownArticleError)
    expect((error as UnknownArticleError).articleIds).toEqual([ARTICLE_ID])
    expect(error.message).toBe(
      `No article has the id "article-nope": use one of the article ids: ${ARTICLE_ID}.`,
    )
  })

  it('refuses a format it does not know', () => {
    const error = errorOf(() => renderArticle(storyDocuments(), ARTICLE_ID, 'pdf' as never))
    expect(error.rule).toBe('render/invalid-option')
  })
})
