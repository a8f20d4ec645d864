/**
 * Who said what, as a newsroom shows it: the compact aside after the story, grouped by speaker,
 * and the quotes pages (each article's, the site-wide one, and the person and organization
 * pages), which read as sentences in the story's words rather than as fields.
 */
import type { ContentDocument, Quote } from 'us-russia-g20-story'
import { renderSite } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import {
  ancestors,
  attr,
  contentDocuments,
  type Element,
  type Page,
  pagesOf,
  resolveHref,
  text,
} from './fixtures/render/html.js'
import { storyDocuments } from './fixtures/render/story.js'

const docs = contentDocuments()
const pages = pagesOf(renderSite(docs))
const article = [...pages.values()].find((page) => page.path.startsWith('articles/')) as Page
const quotesPage = pages.get(article.path.replace(/^articles\//, 'quotes/')) as Page
const quotes = docs.filter((doc): doc is Quote => doc._type === 'quote')
const quote = (id: string) => quotes.find((candidate) => candidate._id === id) as Quote
const headline = text(article.one('h1'))

function aside(page: Page): Element {
  const found = page.all('aside').find((element) => attr(element, 'class') === 'quotes-in-story')
  if (found === undefined) throw new Error(`${page.path} has no quotes aside`)
  return found
}

function inside(page: Page, container: Element, tag: string): Element[] {
  return page.all(tag).filter((element) => ancestors(element).includes(container))
}

function mainOf(page: Page): Element {
  return page.one('main')
}

describe('the "who said what" aside after the story', () => {
  const box = aside(article)

  it('groups the quotes by speaker, each speaker once, starting with a capital', () => {
    const names = inside(article, box, 'summary').map((summary) =>
      text(inside(article, summary, 'span')[0] ?? summary).trim(),
    )
    expect(names[0]).toBe('A senior US official')
    expect(names).toContain('Antony Blinken')
    expect(names).toContain('The Pentagon')
    expect(new Set(names).size).toBe(names.length)
    for (const name of names) expect(name).toMatch(/^\p{Lu}/u)
  })

  it('is compact: one closed disclosure per speaker, each holding its quotes', () => {
    const groups = inside(article, box, 'details')
    expect(groups.length).toBeGreaterThan(5)
    for (const group of groups) expect(attr(group, 'open')).toBeUndefined()
    const items = groups.flatMap((group) => inside(article, group, 'li'))
    const placed = quotes.filter((q) => JSON.stringify(docs).includes(`"_ref":"${q._id}"`))
    expect(items).toHaveLength(placed.length)
  })

  it('links each quote to its place in the text, shown whole and never cut with "…"', () => {
    const links = inside(article, box, 'a').filter((a) => attr(a, 'href')?.startsWith('#'))
    expect(links.length).toBe(inside(article, box, 'li').length)
    for (const a of links) {
      const target = resolveHref(article.path, attr(a, 'href') ?? '')
      expect(article.byId(target?.fragment ?? '')).toBeDefined()
      expect(text(a)).not.toMatch(/…$/)
    }
    const arms = quote('quote-blinken-arms-control')
    expect(links.map((a) => text(a))).toContain(`“${arms.text}”`)
  })

  it('marks reported speech outside the link, and never as "(reported speech)"', () => {
    expect(text(box)).not.toContain('reported speech')
    const labels = inside(article, box, 'span').filter((span) => attr(span, 'class') === 'label')
    const paraphrases = quotes.filter((q) => q.kind === 'paraphrase')
    expect(labels).toHaveLength(paraphrases.length)
    for (const label of labels) {
      expect(text(label)).toBe('Reported')
      expect(ancestors(label).some((up) => up.tagName === 'a')).toBe(false)
    }
  })

  it('shows a partial quote within its sentence, the quoted words marked', () => {
    const item = inside(article, box, 'li').find((li) =>
      inside(article, li, 'mark').some((mark) => text(mark) === 'nonsense'),
    )
    expect(text(item as Element)).toContain(
      'The Pentagon later said it was “nonsense” to suggest the US was providing Ukraine',
    )
  })
})

describe("an article's quotes page", () => {
  const main = mainOf(quotesPage)

  it('says how each quote reached the story in a sentence, not "Via:" and "Occasion:"', () => {
    expect(text(main)).not.toMatch(/Via:|Occasion:|Partial quote/)
    const entry = quotesPage.byId('quote-blinken-engage-in-diplomacy') as Element
    expect(text(entry)).toContain('Told a news conference.')
    const baerbock = quotesPage.byId('quote-baerbock-one-g20-member') as Element
    expect(text(baerbock)).toContain('According to the German delegation, at the meeting.')
  })

  it('names the story once, not under every quote', () => {
    const count = text(main).split(headline).length - 1
    expect(count).toBe(1)
  })

  it('shows one-word partial quotes within their sentence from the story', () => {
    for (const [id, sentence] of [
      [
        'quote-russia-farce',
        'Russia, which calls its actions a “special military operation”, hit back, accusing the West of turning work on the G20 agenda into a “farce” and said',
      ],
      ['quote-pentagon-nonsense', 'The Pentagon later said it was “nonsense” to suggest'],
    ] as const) {
      const entry = quotesPage.byId(id) as Element
      const marks = inside(quotesPage, entry, 'mark')
      expect(marks.map((mark) => text(mark))).toEqual([quote(id).text])
      expect(text(entry)).toContain(sentence)
    }
  })

  it('uses typographic quotation marks only', () => {
    expect(text(main)).not.toMatch(/["']/)
  })

  it('gives each group a speaker heading that starts with a capital', () => {
    const headings = quotesPage.all('h2').map((h2) => text(h2))
    expect(headings).toContain('A senior US official')
    for (const heading of headings) expect(heading).toMatch(/^\p{Lu}/u)
  })

  it('never calls a source the story names "unnamed": "Russia" is attributed in the story\'s words', () => {
    expect(text(main)).not.toMatch(/unnamed/i)
    const russia = quotesPage.all('h2').find((h2) => text(h2) === 'Russia')
    expect(russia, 'a group for the words the story attributes to Russia').toBeDefined()
  })

  it('links each quote to its place in the story', () => {
    for (const entry of inside(quotesPage, main, 'li')) {
      const id = attr(entry, 'id')
      const links = inside(quotesPage, entry, 'a').map((a) =>
        resolveHref(quotesPage.path, attr(a, 'href') ?? ''),
      )
      expect(links).toContainEqual({ path: article.path, fragment: id })
    }
  })
})

describe('the person and organization pages', () => {
  it('group the quotes by article and say the source in a sentence', () => {
    const page = pages.get('people/antony-blinken/index.html') as Page
    const main = mainOf(page)
    expect(text(main)).not.toMatch(/Via:|Occasion:/)
    expect(page.all('h3').map((h3) => text(h3))).toEqual([headline])
    expect(text(main).split(headline).length - 1).toBe(2) // the group heading, and Articles
  })

  it('name the speaker of what reached the story through an organization', () => {
    const page = pages.get('organizations/russian-news-agencies/index.html') as Page
    const entry = inside(page, mainOf(page), 'li').find((li) => text(li).includes('on the move'))
    expect(text(entry as Element)).toContain(
      '— The Russian foreign ministry, Russian news agencies reported.',
    )
  })
})

describe('the site-wide quotes page', () => {
  it('lists the articles with their date and how many quotes from how many speakers', () => {
    const page = pages.get('quotes/index.html') as Page
    const item = inside(page, mainOf(page), 'li')[0] as Element
    expect(text(item)).toContain(headline)
    expect(text(item)).toMatch(/20 quotes from 11 speakers/)
    expect(inside(page, item, 'time')).toHaveLength(1)
  })

  it('lists the quotes that stand in no article without a line under each saying so', () => {
    const documents: ContentDocument[] = storyDocuments()
    const page = pagesOf(renderSite(documents)).get('quotes/index.html') as Page
    const entry = page.byId('quote-unplaced') as Element
    expect(text(entry)).toContain('“This quote stands in no article”')
    expect(text(entry)).not.toContain('Not placed')
  })
})
