/**
 * A quote that runs across two paragraphs is one Quote annotated in both (see the validator's
 * pieces): the page shows each paragraph's words quoted, the quote's anchor on the first piece
 * only; the who-said-what lists and the JSON-LD name it once; text, Markdown and ninjs print the
 * paragraphs as written.
 */
import type { Article, ContentDocument, Quote } from 'us-russia-g20-story'
import { renderArticle, renderArticleJsonLd, renderSite } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { validateContent } from '../src/validator/validate.js'
import { ancestors, attr, type Page, pagesOf, resolveHref, text } from './fixtures/render/html.js'
import {
  ARTICLE_ID,
  articleOf,
  block,
  mention,
  quotation,
  span,
  storyDocuments,
} from './fixtures/render/story.js'

const FIRST = 'We test at night.'
const SECOND = 'We test at dawn'
const ACROSS: Quote = {
  _id: 'quote-ada-across',
  _type: 'quote',
  text: `${FIRST} ${SECOND}`,
  kind: 'direct',
  speaker: { _type: 'reference', _ref: 'person-ada-example' },
}

/** The fixture story, with the quote in its second and third paragraphs. */
function documents(): ContentDocument[] {
  const docs = [...storyDocuments(), ACROSS]
  const article = articleOf(docs) as Article
  article.body.splice(
    1,
    0,
    block([span('“'), span(FIRST, 'p1')], [quotation('p1', ACROSS._id)]),
    block(
      [span('“'), span(SECOND, 'p2'), span(',” '), span('Ada Example', 'pm'), span(' said.')],
      [quotation('p2', ACROSS._id), mention('pm', 'person-ada-example')],
    ),
  )
  return docs
}

const docs = documents()
const pages = pagesOf(renderSite(docs))
const page = [...pages.values()].find((p) => p.path.startsWith('articles/')) as Page

describe('a quote in two paragraphs', () => {
  it('is valid content', async () => {
    const files = docs.map((d) => ({ file: `${d._id}.json`, content: JSON.stringify(d) }))
    const { report } = await validateContent({ files })
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('is quoted in both paragraphs on the page, its anchor on the first piece only', () => {
    const pieces = page
      .all('q')
      .filter((q) => [FIRST, SECOND].includes(text(q).replace(/[‘’]/g, "'")))
    expect(pieces.map((q) => text(q))).toEqual([FIRST, SECOND])
    expect(pieces.map((q) => attr(q, 'id'))).toEqual(['quote-ada-across', undefined])
    expect(attr(pieces[0] as never, 'cite')).toBe(attr(pieces[1] as never, 'cite'))
    expect(page.ids().filter((id) => id === 'quote-ada-across')).toHaveLength(1)
  })

  it('is listed once in who-said-what, whole, linked to its first piece', () => {
    const aside = page.all('aside').find((a) => attr(a, 'class') === 'quotes-in-story')
    const links = page
      .all('a')
      .filter((a) => aside !== undefined && ancestors(a).includes(aside))
      .filter((a) => text(a).includes(FIRST) || text(a).includes(SECOND))
    expect(links.map((a) => text(a))).toEqual([`“${FIRST} ${SECOND}”`])
    const target = resolveHref(page.path, attr(links[0] as never, 'href') ?? '')
    expect(target?.fragment).toBe('quote-ada-across')
    const quotesPage = pages.get(page.path.replace(/^articles\//, 'quotes/')) as Page
    const entries = quotesPage.all('li').filter((li) => attr(li, 'id') === 'quote-ada-across')
    expect(entries).toHaveLength(1)
  })

  it('is one Quotation in the JSON-LD', () => {
    const ld = renderArticleJsonLd(docs, ARTICLE_ID) as { hasPart?: { text?: string }[] }
    const parts = (ld.hasPart ?? []).filter((part) => part.text?.includes(FIRST))
    expect(parts.map((part) => part.text)).toEqual([`${FIRST} ${SECOND}`])
  })

  it('prints both paragraphs as written in text, Markdown and ninjs', () => {
    const paragraphs = [`“${FIRST}`, `“${SECOND},” Ada Example said.`]
    const plain = renderArticle(docs, ARTICLE_ID, 'text')
    expect(plain).toContain(paragraphs.join('\n\n'))
    // Markdown links each piece to the quote's entry, as it does any quoted words.
    const markdown = renderArticle(docs, ARTICLE_ID, 'markdown')
    const entry = '../../quotes/test-ministers-meet/index.html#quote-ada-across "Ada Example"'
    expect(markdown).toContain(`“[${FIRST}](${entry})\n\n“[${SECOND}](${entry}),”`)
    const ninjs = JSON.parse(renderArticle(docs, ARTICLE_ID, 'ninjs')) as {
      bodies?: { value: string }[]
    }
    const body = JSON.stringify(ninjs.bodies ?? [])
    expect(body).toContain(FIRST)
    expect(body).toContain(SECOND)
  })
})
