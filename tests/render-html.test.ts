/**
 * The HTML site, read with parse5 the way a browser reads it: page structure, the story's parts,
 * and every link and anchor between pages. Runs on the real content and on the fixture story,
 * which uses every part of the model.
 */
import type { ContentDocument } from 'us-russia-g20-story'
import { renderSite, type SiteFile } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
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
  text,
} from './fixtures/render/html.js'
import { storyDocuments } from './fixtures/render/story.js'

const sites: [string, () => ContentDocument[]][] = [
  ['content/', () => contentDocuments()],
  ['the fixture story', storyDocuments],
]

describe.each(sites)('the site of %s', (_name, documents) => {
  const docs = documents()
  const files: SiteFile[] = renderSite(docs)
  const pages = pagesOf(files)
  const articles = docs.filter((doc) => doc._type === 'article')
  const people = docs.filter((doc) => doc._type === 'person')
  const organizations = docs.filter((doc) => doc._type === 'organization')
  const quotes = docs.filter((doc) => doc._type === 'quote')

  it('has a home page, a page per article, person and organization, their indexes, a who-said-what page per article and their index', () => {
    const expected = [
      'index.html',
      'people/index.html',
      'organizations/index.html',
      'quotes/index.html',
      ...articles.map((article) => `articles/${article.slug.current}/index.html`),
      ...articles.map((article) => `quotes/${article.slug.current}/index.html`),
      ...people.map((person) => `people/${person.slug.current}/index.html`),
      ...organizations.map((org) => `organizations/${org.slug.current}/index.html`),
    ].sort()
    expect(files.map((file) => file.path)).toEqual(expected)
  })

  it.each([...pages.keys()])('%s: lang, charset, viewport, title and one h1', (path) => {
    const page = pages.get(path) as Page
    expect(attr(page.one('html'), 'lang')).toBe('en')
    const metas = page.all('meta')
    expect(metas.some((meta) => attr(meta, 'charset')?.toLowerCase() === 'utf-8')).toBe(true)
    expect(metas.some((meta) => attr(meta, 'name') === 'viewport')).toBe(true)
    expect(text(page.one('title')).trim()).not.toBe('')
    expect(text(page.one('h1')).trim()).not.toBe('')
  })

  it.each([...pages.keys()])('%s: headings never skip a level', (path) => {
    const levels = (pages.get(path) as Page).elements
      .filter((element) => /^h[1-6]$/.test(element.tagName))
      .map((element) => Number(element.tagName[1]))
    expect(levels[0]).toBe(1)
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual((levels[i - 1] as number) + 1)
    })
  })

  it.each([...pages.keys()])(
    '%s: every link within the site leads to a page and id that exist',
    (path) => {
      const page = pages.get(path) as Page
      const links = page.elements.flatMap((element) =>
        ['href', 'cite', 'data-cite'].flatMap((name) => attr(element, name) ?? []),
      )
      expect(links.length).toBeGreaterThan(0)
      for (const href of links) {
        const target = resolveHref(path, href)
        if (target === undefined) continue
        const targetPage = pages.get(target.path)
        expect(targetPage, `${href} on ${path}`).toBeDefined()
        if (target.fragment !== undefined) {
          expect(targetPage?.ids(), `${href} on ${path}`).toContain(target.fragment)
        }
      }
    },
  )

  it.each([...pages.keys()])('%s: loads nothing from elsewhere and runs no script', (path) => {
    const page = pages.get(path) as Page
    for (const element of page.elements) {
      const src = attr(element, 'src')
      if (src !== undefined) expect(resolveHref(path, src), src).toBeDefined()
    }
    expect(page.all('link').filter((link) => attr(link, 'rel') === 'stylesheet')).toEqual([])
    for (const script of page.all('script'))
      expect(attr(script, 'type')).toBe('application/ld+json')
    const ids = page.ids()
    expect(new Set(ids).size).toBe(ids.length)
  })

  it.each(articles.map((article) => [article._id, article] as const))(
    '%s: headline, date, dateline, highlights and photo, in the reading order',
    (_id, article) => {
      const page = pages.get(`articles/${article.slug.current}/index.html`) as Page
      const time = page.one('time')
      expect(attr(time, 'datetime')).toBe(article.datePublished)
      expect(text(time)).toMatch(/^[A-Z][a-z]+ \d{1,2}, \d{4}$/)
      expect(text(page.one('h1'))).toBe(article.headline)
      const figure = page.all('figure')[0]
      expect(figure).toBeDefined()
      const caption = text(page.all('figcaption')[0] as never)
      const photo = docs.find((doc) => doc._id === article.photo?._ref)
      expect(photo?._type === 'photo' && caption.startsWith(photo.caption)).toBe(true)
      const highlights = page.elements.find((element) => hasClass(element, 'highlights'))
      expect(highlights).toBeDefined()
      const items = page.all('li').filter((li) => ancestors(li).includes(highlights as never))
      expect(items).toHaveLength(article.highlights?.length ?? 0)
      // The first paragraph (opened by the dateline) before the highlights box and the photo.
      const order = ['h1', 'time', 'p', 'li', 'figure'].map((tag) => {
        const first =
          tag === 'li'
            ? items[0]
            : tag === 'p'
              ? page.elements.find((element) => hasClass(element, 'dateline'))
              : page.all(tag)[0]
        return page.elements.indexOf(first as never)
      })
      expect(order).toEqual([...order].sort((a, b) => a - b))
      const dateline = page.elements.find((element) => hasClass(element, 'dateline'))
      expect(text(dateline as never)).toBe(article.dateline)
      expect(ancestors(dateline as never)[0]?.tagName).toBe('p')
    },
  )

  it('links every person mention to the page of that person', () => {
    for (const article of articles) {
      const path = `articles/${article.slug.current}/index.html`
      const page = pages.get(path) as Page
      const mentions = page.all('a').filter((a) => hasClass(a, 'person'))
      expect(mentions.length).toBeGreaterThan(0)
      for (const a of mentions) {
        const target = resolveHref(path, attr(a, 'href') ?? '')
        expect(target?.path).toMatch(/^people\/[a-z0-9-]+\/index\.html$/)
        expect(pages.has(target?.path ?? '')).toBe(true)
      }
    }
  })

  it('marks each placed quote with its id: <q> for quoted words, <span> for a paraphrase', () => {
    for (const article of articles) {
      const path = `articles/${article.slug.current}/index.html`
      const page = pages.get(path) as Page
      const placed = quotes.filter((quote) => JSON.stringify(article).includes(`"${quote._id}"`))
      expect(placed.length).toBeGreaterThan(0)
      for (const quote of placed) {
        const element = page.byId(quote._id)
        expect(element, quote._id).toBeDefined()
        if (quote.kind === 'paraphrase') {
          expect(element?.tagName).toBe('span')
          expect(hasClass(element as never, 'paraphrase')).toBe(true)
        } else {
          expect(['q', 'blockquote']).toContain(element?.tagName)
          const cite = resolveHref(path, attr(element as never, 'cite') ?? '')
          const quotesPage = `quotes/${article.slug.current}/index.html`
          expect(cite).toEqual({ path: quotesPage, fragment: quote._id })
        }
        expect(attr(element as never, 'title')).toBeTruthy()
      }
    }
  })

  it('links each quote on a person page to its id in the article page', () => {
    let followed = 0
    for (const person of people) {
      const path = `people/${person.slug.current}/index.html`
      for (const a of (pages.get(path) as Page).all('a')) {
        const target = resolveHref(path, attr(a, 'href') ?? '')
        if (!target?.path.startsWith('articles/') || target.fragment === undefined) continue
        const element = pages.get(target.path)?.byId(target.fragment)
        expect(['q', 'span', 'blockquote']).toContain(element?.tagName)
        followed++
      }
    }
    expect(followed).toBeGreaterThan(0)
  })

  it("lists every quote on its article's who-said-what page, or the index when in none, once, under its speaker", () => {
    const index = pages.get('quotes/index.html') as Page
    for (const quote of quotes) {
      const article = articles.find((a) => JSON.stringify(a).includes(`"${quote._id}"`))
      const page =
        article === undefined
          ? index
          : (pages.get(`quotes/${article.slug.current}/index.html`) as Page)
      const entry = page.byId(quote._id)
      expect(entry?.tagName, quote._id).toBe('li')
      const group = ancestors(entry as never).find((element) => element.tagName === 'section')
      const heading = text(group?.childNodes.find((node) => /^h[23]$/.test(node.nodeName)) as never)
      // The story's words for an unnamed source, starting with a capital as a heading does.
      const said = quote.attribution
      if (said !== undefined) expect(heading).toBe(said.charAt(0).toUpperCase() + said.slice(1))
      else expect(heading).toBe(people.find((person) => person._id === quote.speaker?._ref)?.name)
    }
  })

  it('embeds NewsArticle JSON-LD with the headline, date, dateline, image, people and quotes', () => {
    for (const article of articles) {
      const page = pages.get(`articles/${article.slug.current}/index.html`) as Page
      const [data] = jsonLdOf(page)
      expect(data).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: article.headline,
        datePublished: article.datePublished,
        dateline: article.dateline,
        image: { '@type': 'ImageObject', caption: expect.any(String) },
      })
      expect(data?.image).not.toHaveProperty('contentUrl')
      const mentions = data?.mentions as { '@type': string; name: string }[]
      expect(mentions.map((entity) => entity['@type']).sort()).toEqual(
        [...people.map(() => 'Person'), ...organizations.map(() => 'Organization')].sort(),
      )
      const parts = data?.hasPart as Record<string, unknown>[]
      expect(parts.length).toBeGreaterThan(0)
      for (const part of parts) {
        expect(part['@type']).toBe('Quotation')
        const quote = quotes.find((candidate) => `#${candidate._id}` === part['@id'])
        expect(quote?.kind).not.toBe('paraphrase')
        expect(part.text).toBe(quote?.text)
        const speaker = docs.find((doc) => doc._id === quote?.speaker?._ref)
        if (speaker?._type === 'organization') {
          // An institution: the Organization is the creator, the story's words the credit.
          expect(part.creator).toMatchObject({ '@type': 'Organization', name: speaker.name })
          expect(part.creditText).toBe(quote?.attribution)
        } else if (quote?.attribution !== undefined) {
          expect(part).not.toHaveProperty('creator')
          expect(part.creditText).toBe(quote.attribution)
        } else {
          expect(part.creator).toMatchObject({ '@type': 'Person' })
        }
      }
    }
  })
})

/** The `tag` elements inside the page's `<main>`: the page's own content, not its navigation. */
function inMain(page: Page, tag: string) {
  return page.all(tag).filter((element) => ancestors(element).some((a) => a.tagName === 'main'))
}

describe('the site of content/, for this story', () => {
  const pages = pagesOf(renderSite(contentDocuments()))
  const article = [...pages.values()].find((page) => page.path.startsWith('articles/')) as Page

  it('is about Blinken and Lavrov (named in the standfirst and caption) and mentions all seven people and ten organizations', () => {
    const [data] = jsonLdOf(article)
    const names = (list: unknown) => (list as { name: string }[]).map((person) => person.name)
    expect(names(data?.about)).toEqual(['Antony Blinken', 'Sergei Lavrov'])
    const mentions = data?.mentions as { '@type': string; name: string }[]
    expect(mentions.filter((entity) => entity['@type'] === 'Person')).toHaveLength(7)
    expect(
      mentions.filter((entity) => entity['@type'] === 'Organization').map((o) => o.name),
    ).toEqual([
      'G20',
      'Russian foreign ministry',
      'Russian news agencies',
      'State Department',
      'German delegation',
      'Kremlin',
      'U.N.',
      'Pentagon',
      'RIA Novosti',
      'G7',
    ])
  })

  it('gives the Pentagon a page that lists its words, and links it from the article and the organizations index', () => {
    const page = pages.get('organizations/pentagon/index.html') as Page
    expect(text(page.one('h1'))).toBe('Pentagon')
    expect(inMain(page, 'li').map((item) => text(item))).toEqual([
      expect.stringMatching(
        /^The Pentagon later said it was “nonsense” to suggest .*\s+In the story$/,
      ),
      'First top-level US-Russia meeting after Ukraine war',
    ])
    const [data] = jsonLdOf(page)
    expect(data).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Organization', name: 'Pentagon' },
    })
    const mention = article
      .all('a')
      .find((a) => hasClass(a, 'organization') && text(a) === 'Pentagon')
    expect(resolveHref(article.path, attr(mention as never, 'href') ?? '')?.path).toBe(
      'organizations/pentagon/index.html',
    )
    const organizations = pages.get('organizations/index.html') as Page
    expect(organizations.all('a').map((a) => text(a))).toContain('RIA Novosti')
  })

  it('lists what reached the story through an organization on its page', () => {
    const page = pages.get('organizations/russian-news-agencies/index.html') as Page
    const headings = page.all('h2').map((h2) => text(h2))
    expect(headings).toEqual(['Quotes', 'Reported through Russian news agencies', 'Articles'])
    // Each quote shows its sentence from the story, its own words marked, a paraphrase labelled.
    const marked = (item: Element) => {
      const mark = inMain(page, 'mark').find((element) => ancestors(element).includes(item))
      if (mark === undefined) return text(item)
      return `${text(item).startsWith('Reported ') ? 'Reported: ' : ''}${text(mark)}`
    }
    expect(inMain(page, 'li').map(marked)).toEqual([
      'on the move',
      'Reported: did not engage in any negotiations',
      'First top-level US-Russia meeting after Ukraine war',
    ])
  })

  it('dates the story March 3, 2023', () => {
    expect(text(article.one('time'))).toBe('March 3, 2023')
  })

  it('has the photo caption and no <img>, as there is no image asset', () => {
    expect(article.all('img')).toEqual([])
    expect(text(article.one('figcaption'))).toMatch(/^US Secretary of State Antony Blinken/)
  })

  it('shows unnamed sources on the who-said-what page as the story attributes them', () => {
    const path = article.path.replace(/^articles\//, 'quotes/')
    const headings = (pages.get(path) as Page).all('h2').map((h2) => text(h2))
    expect(headings).toContain('A senior US official')
    expect(headings).toContain('A State Department spokesperson')
  })
})

describe('the fixture story', () => {
  const pages = pagesOf(renderSite(storyDocuments()))
  const path = 'articles/test-ministers-meet/index.html'
  const page = pages.get(path) as Page

  it('renders a photo with an asset as <img> with alt, size and a local source', () => {
    const img = page.one('img')
    expect(attr(img, 'alt')).toBe('Bo Sample and Ada Example shake hands')
    expect([attr(img, 'width'), attr(img, 'height')]).toEqual(['1200', '800'])
    expect(resolveHref(path, attr(img, 'src') ?? '')?.path).toBe('images/abc123def456-1200x800.jpg')
    expect(text(page.all('figcaption')[1] as never)).toBe('Bo Sample meets Ada Example Test Agency')
  })

  it('renders a block made of one quote as a <blockquote> with the quote id', () => {
    const element = page.byId('quote-ada-block')
    expect(element?.tagName).toBe('blockquote')
    expect(page.all('q').some((q) => ancestors(q).includes(element as never))).toBe(false)
  })

  it('renders both list types, nesting, decorators, a safe link and a hard break', () => {
    expect(page.all('ol')).toHaveLength(1) // the numbered list (the quotes aside is a <ul>)
    const nested = page.all('ul').find((ul) => ancestors(ul).some((a) => a.tagName === 'li'))
    expect(text(nested as never).trim()).toBe('A nested point')
    expect(text(page.one('strong'))).toBe('strongly')
    expect(text(page.one('em'))).toBe('on the record')
    const link = page.all('a').find((a) => text(a) === 'test report')
    expect(attr(link as never, 'href')).toBe('https://example.org/report?a=1&b=2')
    expect(page.all('br')).toHaveLength(1)
  })

  it('turns the plain highlight block into a list item too', () => {
    const highlights = page.elements.find((element) => hasClass(element, 'highlights'))
    expect(page.all('li').filter((li) => ancestors(li).includes(highlights as never))).toHaveLength(
      2,
    )
  })

  it('keeps the person mention inside a quote, and no <a> inside another', () => {
    const paraphrase = page.byId('quote-bo-paraphrase')
    expect(text(paraphrase as never)).toBe('Ada Example had asked for more tests')
    expect(page.all('a').some((a) => ancestors(a).some((up) => up.tagName === 'a'))).toBe(false)
  })

  it('lists the quote that stands in no article under that heading, and links it nowhere', () => {
    const index = pages.get('quotes/index.html') as Page
    const entry = index.byId('quote-unplaced') as Element
    const sections = ancestors(entry).map((element) => attr(element, 'aria-labelledby'))
    expect(sections).toContain('unplaced')
    expect(text(index.byId('unplaced') as Element)).toBe('Quotes in no article')
    expect(index.all('a').filter((a) => ancestors(a).includes(entry))).toEqual([])
  })
})
