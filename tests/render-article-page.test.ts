/**
 * The article page as a reader sees it: the site's identity around it (masthead, navigation,
 * footer), the story's parts in a newsroom's order, one link per person or organization, and
 * typographic quotation marks. Pages are read with parse5, as a browser reads them.
 */
import type { Article, ContentDocument } from 'us-russia-g20-story'
import { renderSite } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { FirstMentions } from '../src/render/first-mentions.js'
import {
  ancestors,
  attr,
  contentDocuments,
  type Element,
  hasClass,
  jsonLdOf,
  type Page,
  pagesOf,
  resolveHref,
  SITE,
  text,
} from './fixtures/render/html.js'
import { block, mention, span, storyDocuments } from './fixtures/render/story.js'

const site = SITE as NonNullable<typeof SITE>
const documents = contentDocuments()
const article = documents.find((doc) => doc._type === 'article') as Article
const articlePath = `articles/${article.slug.current}/index.html`
const pages = pagesOf(renderSite(documents, { site }))
const page = pages.get(articlePath) as Page

/** The elements of `page` inside its `<article>`: the story, not the navigation or the aside. */
function inArticle(page: Page, test: (element: Element) => boolean): Element[] {
  return page.elements.filter(
    (element) => test(element) && ancestors(element).some((up) => up.tagName === 'article'),
  )
}

/** The person and organization mentions of the story's body, in reading order, with their text. */
function contentMentions(story: Article): { ref: string; text: string }[] {
  const found: { ref: string; text: string }[] = []
  for (const block of story.body) {
    if (block._type !== 'block') continue
    let previous: string[] = []
    for (const span of block.children) {
      const marks = span.marks ?? []
      for (const key of marks) {
        const def = block.markDefs.find((candidate) => candidate._key === key)
        if (def?._type !== 'personMention' && def?._type !== 'organizationMention') continue
        const ref = def._type === 'personMention' ? def.person._ref : def.organization._ref
        const last = found[found.length - 1]
        if (previous.includes(key) && last !== undefined) last.text += span.text
        else found.push({ ref, text: span.text })
      }
      previous = marks
    }
  }
  return found
}

/** The mentions on the page, links or plain spans, in the story's text (not the highlights). */
function pageMentions(page: Page): Element[] {
  const body = page.elements.find((e) => hasClass(e, 'body')) as Element
  return page.elements.filter(
    (e) =>
      (hasClass(e, 'person') || hasClass(e, 'organization')) &&
      ancestors(e).includes(body) &&
      !ancestors(e).some((up) => hasClass(up, 'highlights')),
  )
}

describe('links in the story: the first mention of each person or organization', () => {
  const mentions = contentMentions(article)
  const shown = pageMentions(page)
  const firsts = mentions.filter(
    (mention, index) => mentions.findIndex(({ ref }) => ref === mention.ref) === index,
  )

  it('shows every mention of the content, in order, and links the first of each only', () => {
    expect(firsts.length).toBeGreaterThan(10)
    expect(mentions.length).toBeGreaterThan(firsts.length)
    expect(shown.map((e) => text(e))).toEqual(mentions.map((m) => m.text))
    expect(shown.map((e) => e.tagName)).toEqual(
      mentions.map((m) => (firsts.includes(m) ? 'a' : 'span')),
    )
  })

  it('links each person and organization once on the whole story, to its page', () => {
    const links = inArticle(
      page,
      (e) => e.tagName === 'a' && (hasClass(e, 'person') || hasClass(e, 'organization')),
    )
    const targets = links.map((a) => resolveHref(page.path, attr(a, 'href') ?? '')?.path)
    expect(new Set(targets).size).toBe(targets.length)
    expect(links).toHaveLength(firsts.length)
    for (const [i, first] of firsts.entries()) {
      const doc = documents.find((d) => d._id === first.ref) as ContentDocument & {
        slug: { current: string }
      }
      expect(targets[i]).toMatch(new RegExp(`/${doc.slug.current}/index\\.html$`))
    }
  })

  it('leaves later mentions as plain spans: no title, no link', () => {
    const plain = shown.filter((e) => e.tagName === 'span')
    expect(plain.length).toBe(mentions.length - firsts.length)
    for (const span of plain) expect(attr(span, 'title')).toBeUndefined()
  })
})

/** The text a reader sees in `<body>`: no script, style or attribute. */
function visibleText(page: Page): string {
  const body = page.one('body')
  return page.elements
    .filter((e) => e === body || ancestors(e).includes(body))
    .filter((e) => !['script', 'style'].includes(e.tagName))
    .flatMap((e) => e.childNodes.filter((node) => node.nodeName === '#text'))
    .map((node) => text(node))
    .join('\n')
}

describe('quotation marks on the article page', () => {
  it('shows no straight quotation mark or apostrophe in the visible text', () => {
    const shown = visibleText(page)
    expect(shown).toContain('“on the move”')
    expect(shown).toContain('Moscow’s')
    expect(shown).not.toMatch(/["']/)
  })

  it("turns the headline's, standfirst's and caption's marks, but the JSON-LD keeps the source's", () => {
    const docs = storyDocuments()
    const story = docs.find((doc) => doc._type === 'article') as Article
    story.headline = `Minister's "test" day`
    story.standfirst = `She said "yes"`
    const photo = docs.find((doc) => doc._id === story.photo?._ref) as ContentDocument & {
      caption: string
    }
    photo.caption = `The minister's "handshake"`
    const storyPage = pagesOf(renderSite(docs)).get(
      `articles/${story.slug.current}/index.html`,
    ) as Page
    expect(text(storyPage.one('h1'))).toBe('Minister’s “test” day')
    expect(visibleText(storyPage)).toContain('She said “yes”')
    expect(visibleText(storyPage)).toContain('The minister’s “handshake”')
    expect(visibleText(storyPage)).not.toMatch(/["']/)
    const [data] = jsonLdOf(storyPage)
    expect(data?.headline).toBe(story.headline)
    expect(data?.description).toBe(story.standfirst)
    expect(data?.image).toMatchObject({ caption: photo.caption })
  })
})

describe('the article page, in a newsroom order', () => {
  it('puts the headline, standfirst, date, first paragraph (with the dateline), highlights and photo in that order', () => {
    const first = (test: (e: Element) => boolean) => page.elements.findIndex(test)
    const order = [
      first((e) => e.tagName === 'h1'),
      first((e) => hasClass(e, 'standfirst')),
      first((e) => e.tagName === 'time'),
      first((e) => hasClass(e, 'dateline')),
      first((e) => hasClass(e, 'highlights')),
      first((e) => e.tagName === 'figure'),
    ]
    expect(order.every((index) => index >= 0)).toBe(true)
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(text(page.elements[order[2] as number] as Element)).toBe('March 3, 2023')
  })

  it('gives the highlights box a heading', () => {
    const box = page.elements.find((e) => hasClass(e, 'highlights')) as Element
    const heading = page.elements.find((e) => e.tagName === 'h2' && ancestors(e).includes(box))
    expect(text(heading as Element)).toBe('Highlights')
  })

  it('marks a photo without an image file as a photo, its caption as a caption', () => {
    const figure = page.one('figure')
    expect(page.all('img')).toEqual([])
    expect(hasClass(figure, 'no-image')).toBe(true)
    const label = page.elements.find((e) => hasClass(e, 'photo-label'))
    expect(label && ancestors(label).includes(figure)).toBe(true)
    expect(text(label as Element)).toBe('Photo')
  })
})

describe("the site's identity", () => {
  it.each([...pages.keys()])(
    '%s: a masthead with the site name linking home, and the site navigation',
    (path) => {
      const current = pages.get(path) as Page
      const header = current.elements.find((e) => hasClass(e, 'masthead')) as Element
      expect(header?.tagName).toBe('header')
      const name = current.elements.find((e) => hasClass(e, 'site-name')) as Element
      expect(ancestors(name)).toContain(header)
      const home =
        name.tagName === 'a' ? name : (ancestors(name).find((e) => e.tagName === 'a') as Element)
      expect(text(name)).toBe(site.name)
      expect(resolveHref(path, attr(home, 'href') ?? '')?.path).toBe('index.html')
      const nav = current.all('nav').find((e) => attr(e, 'aria-label') === 'Site') as Element
      const items = current.all('a').filter((a) => ancestors(a).includes(nav))
      expect(items.map((a) => text(a))).toEqual([
        'Home',
        'People',
        'Organizations',
        'Who said what',
      ])
      expect(items.map((a) => resolveHref(path, attr(a, 'href') ?? '')?.path)).toEqual([
        'index.html',
        'people/index.html',
        'organizations/index.html',
        'quotes/index.html',
      ])
      const current_ = items.filter((a) => attr(a, 'aria-current') === 'page')
      expect(current_.length).toBeLessThanOrEqual(1)
    },
  )

  it.each([...pages.keys()])('%s: a footer with the site name and its feeds', (path) => {
    const current = pages.get(path) as Page
    const footer = current.one('footer')
    expect(text(footer)).toContain(site.name)
    const feeds = current
      .all('a')
      .filter((a) => ancestors(a).includes(footer))
      .map((a) => resolveHref(path, attr(a, 'href') ?? '')?.path)
    expect(feeds).toEqual(expect.arrayContaining(['feed.atom', 'feed.json']))
  })

  it('names the site without site.config.json too, and links no feed it does not write', () => {
    const plain = pagesOf(renderSite(documents)).get(articlePath) as Page
    const name = plain.elements.find((e) => hasClass(e, 'site-name')) as Element
    expect(text(name).trim()).not.toBe('')
    const footer = plain.one('footer')
    const hrefs = plain
      .all('a')
      .filter((a) => ancestors(a).includes(footer))
      .map((a) => attr(a, 'href') ?? '')
    expect(hrefs.some((href) => href.includes('feed'))).toBe(false)
  })
})

describe('FirstMentions', () => {
  it('links a first mention in a list item with a style, which the renderer renders twice', () => {
    const docs = storyDocuments()
    const story = docs.find((doc) => doc._type === 'article') as Article
    story.body.unshift(
      block([span('Ada', 'first')], [mention('first', 'person-ada-example')], {
        listItem: 'bullet',
        level: 1,
        style: 'blockquote',
      }),
    )
    const storyPage = pagesOf(renderSite(docs)).get(
      `articles/${story.slug.current}/index.html`,
    ) as Page
    const ada = storyPage.all('a').filter((a) => hasClass(a, 'person') && text(a) === 'Ada')
    expect(ada).toHaveLength(1)
  })

  it('gives the link to the first mention of a document, and again to that same mention only', () => {
    const mentions = new FirstMentions()
    const first = { _key: 'a' }
    const later = { _key: 'b' }
    expect(mentions.claim('person-a', first)).toBe(true)
    expect(mentions.claim('person-a', later)).toBe(false)
    // The renderer renders some list items twice and keeps the second: the same answer.
    expect(mentions.claim('person-a', first)).toBe(true)
    expect(mentions.claim('person-b', later)).toBe(true)
  })
})
