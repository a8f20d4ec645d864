/**
 * The site's index pages: the home page lists the articles newest first, twenty to a page, and
 * people/ and organizations/ have pages listing everyone the stories name, so no folder URL of
 * the site is a dead end.
 */
import type { Article, ContentDocument } from 'us-russia-g20-story'
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
  SITE,
  text,
} from './fixtures/render/html.js'
import { block, span } from './fixtures/render/story.js'

/** `count` articles, dated one a day from 2023-01-01, given in a shuffled order. */
function generatedArticles(count: number): Article[] {
  const articles = Array.from({ length: count }, (_, i): Article => {
    const day = new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10)
    const n = String(i + 1).padStart(2, '0')
    return {
      _id: `article-generated-${n}`,
      _type: 'article',
      headline: `Generated story ${n}`,
      slug: { _type: 'slug', current: `generated-story-${n}` },
      standfirst: `What happened on ${day}`,
      datePublished: day,
      body: [block([span(`Story ${n} happened.`)])],
    }
  })
  // Odd positions first: the home page's order must come from the dates, not the input.
  return [...articles.filter((_, i) => i % 2 === 1), ...articles.filter((_, i) => i % 2 === 0)]
}

/** The headlines of generated stories `from` down to `to`. */
function storiesFrom(from: number, to: number): string[] {
  return Array.from(
    { length: from - to + 1 },
    (_, i) => `Generated story ${String(from - i).padStart(2, '0')}`,
  )
}

function itemsOf(page: Page): Element[] {
  const list = page.all('ol').find((ol) => attr(ol, 'class') === 'articles')
  if (list === undefined) throw new Error(`${page.path} has no list of articles`)
  return page.all('li').filter((li) => ancestors(li)[0] === list)
}

function headlines(page: Page): string[] {
  return itemsOf(page).map((li) => text(li.childNodes.find((n) => n.nodeName === 'h2') as never))
}

function relLink(page: Page, rel: string): string | undefined {
  const link = page.all('a').find((a) => attr(a, 'rel') === rel)
  return link === undefined ? undefined : resolveHref(page.path, attr(link, 'href') ?? '')?.path
}

describe('the home page with 45 articles', () => {
  const files = renderSite(generatedArticles(45), { site: SITE, now: new Date('2023-03-01') })
  const pages = pagesOf(files)
  const first = pages.get('index.html') as Page
  const second = pages.get('page/2/index.html') as Page
  const third = pages.get('page/3/index.html') as Page

  it('lists the newest twenty first, each with its date and standfirst', () => {
    expect(headlines(first)).toEqual(storiesFrom(45, 26))
    const top = itemsOf(first)[0] as Element
    const time = top.childNodes.flatMap((node) =>
      'tagName' in node ? [node, ...(node as Element).childNodes] : [],
    )
    expect(time.some((node) => 'tagName' in node && node.tagName === 'time')).toBe(true)
    expect(text(top)).toContain('What happened on 2023-02-14')
    expect(text(top)).toContain('February 14, 2023')
  })

  it('continues on page/2/ and page/3/, the oldest last', () => {
    expect(headlines(second)).toEqual(storiesFrom(25, 6))
    expect(headlines(third)).toEqual(storiesFrom(5, 1))
    expect(pages.has('page/4/index.html')).toBe(false)
    expect(pages.has('page/1/index.html')).toBe(false)
  })

  it('links the pages with rel="prev" and rel="next"', () => {
    expect([relLink(first, 'prev'), relLink(first, 'next')]).toEqual([
      undefined,
      'page/2/index.html',
    ])
    expect([relLink(second, 'prev'), relLink(second, 'next')]).toEqual([
      'index.html',
      'page/3/index.html',
    ])
    expect([relLink(third, 'prev'), relLink(third, 'next')]).toEqual([
      'page/2/index.html',
      undefined,
    ])
    expect(text(second.one('title'))).toContain('page 2')
  })

  it('puts every page of the list in sitemap.xml', () => {
    const sitemap = String(files.find((file) => file.path === 'sitemap.xml')?.content)
    for (const path of ['', 'page/2/', 'page/3/', 'people/', 'organizations/']) {
      expect(sitemap).toContain(`<loc>${SITE?.url}${path}`)
    }
  })
})

describe('a home page with few articles', () => {
  const pages = pagesOf(renderSite(contentDocuments()))

  it('has no page 2 and no links to other pages of the list', () => {
    const home = pages.get('index.html') as Page
    expect(itemsOf(home)).toHaveLength(1)
    expect(home.all('a').filter((a) => attr(a, 'rel') !== undefined)).toEqual([])
    expect([...pages.keys()].filter((path) => path.startsWith('page/'))).toEqual([])
  })
})

describe('the people and organizations index pages', () => {
  const docs: ContentDocument[] = contentDocuments()
  const pages = pagesOf(renderSite(docs))

  it.each([
    ['people/index.html', 'person', 'People'],
    ['organizations/index.html', 'organization', 'Organizations'],
  ] as const)('%s lists every %s, linked to their page', (path, type, heading) => {
    const page = pages.get(path) as Page
    expect(page).toBeDefined()
    expect(text(page.one('h1'))).toBe(heading)
    const listed = page.all('a').flatMap((a) => {
      const target = resolveHref(path, attr(a, 'href') ?? '')
      return target?.path.startsWith(`${path.split('/')[0]}/`) && target.path !== path
        ? [target.path]
        : []
    })
    const expected = docs
      .filter((doc) => doc._type === type)
      .map(
        (doc) =>
          `${path.split('/')[0]}/${(doc as { slug: { current: string } }).slug.current}/index.html`,
      )
    expect([...listed].sort()).toEqual([...expected].sort())
  })

  it('gives each person their role, sorted by name', () => {
    const page = pages.get('people/index.html') as Page
    const items = page.all('li').filter((li) => ancestors(li).some((a) => a.tagName === 'main'))
    const names = items.map((li) => text(li).split(',')[0])
    expect(names).toEqual([...names].sort((a, b) => (a ?? '').localeCompare(b ?? '', 'en')))
    expect(items.map((li) => text(li))).toContain('Antony Blinken, US Secretary of State')
  })
})

describe('dates on the index pages', () => {
  it('are written as the article page writes them, on the home page and the quotes page', () => {
    const pages = pagesOf(renderSite(contentDocuments(), { site: SITE }))
    const timeText = (path: string) => {
      const page = pages.get(path)
      expect(page, path).toBeDefined()
      return (page as Page).all('time').map((time) => text(time))
    }
    const [articleDate] = timeText(
      'articles/first-top-level-us-russia-meeting-after-ukraine-war/index.html',
    )
    expect(articleDate).toBe('March 3, 2023')
    expect(timeText('index.html')).toEqual([articleDate])
    expect(timeText('quotes/index.html')).toContain(articleDate)
  })
})
