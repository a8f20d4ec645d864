// The feeds, sitemaps and robots.txt (issue 12, distribution): each parsed back with a real
// parser (feedsmith for Atom and JSON Feed, fast-xml-parser for the sitemaps), its structure
// checked against what its specification requires, and every link checked against the files the
// build wrote.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { parseAtomFeed, parseJsonFeed } from 'feedsmith'
import { afterEach, describe, expect, it } from 'vitest'
import { build } from '../src/outputs/build.js'
import { DISTRIBUTION_NEEDS_SITE_URL } from '../src/render/distribution.js'
import { openGraphLocale } from '../src/render/pages/share-tags.js'
import { renderSite } from '../src/render/site.js'
import { newsLanguage } from '../src/render/sitemaps.js'
import { parseSiteConfig } from '../src/site-config.js'
import { copyPackage, PACKAGE_ROOT } from './build-helpers.js'
import { hostileDocuments, PAYLOAD } from './fixtures/render/hostile.js'
import { storyDocuments } from './fixtures/render/story.js'
import { storyWithUpdates } from './fixtures/render/updates.js'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

const SITE = parseSiteConfig(readFileSync(join(PACKAGE_ROOT, 'site.config.json'), 'utf8'))
/** A day after the seed story (2023-03-03): inside the news sitemap's two-day window. */
const DAY_AFTER = new Date('2023-03-04T12:00:00Z')
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['url', 'entry', 'link'].includes(name),
})

async function builtSite(options: { config?: boolean; now?: Date } = {}): Promise<string> {
  const root = copyPackage('distribution-')
  roots.push(root)
  if (options.config !== false)
    copyFileSync(join(PACKAGE_ROOT, 'site.config.json'), join(root, 'site.config.json'))
  const result = await build({ root, ...(options.now === undefined ? {} : { now: options.now }) })
  expect(result.ok).toBe(true)
  return join(root, 'dist/site')
}

/** The file a URL of the site is served from: a folder's index.html. */
function fileOf(siteDir: string, url: string): string {
  expect(url.startsWith(SITE.url), url).toBe(true)
  const path = url.slice(SITE.url.length).split('#')[0] ?? ''
  return join(siteDir, path === '' || path.endsWith('/') ? `${path}index.html` : path)
}

function expectBuilt(siteDir: string, url: string): void {
  expect(existsSync(fileOf(siteDir, url)), `${url} is a page the build wrote`).toBe(true)
}

// biome-ignore lint/suspicious/noExplicitAny: parsed XML, its shape checked by the assertions
function parsedXml(text: string): Record<string, any> {
  expect(XMLValidator.validate(text)).toBe(true)
  return xml.parse(text)
}

describe('feeds', () => {
  it('writes an Atom 1.0 feed of the articles with every element RFC 4287 requires', async () => {
    const dir = await builtSite()
    const text = readFileSync(join(dir, 'feed.atom'), 'utf8')
    const feed = parseAtomFeed(text)
    expect(feed.id).toBe(SITE.url)
    expect(feed.title).toMatchObject({ value: SITE.name })
    expect(feed.updated).toMatch(RFC3339)
    // Atom needs an author on the feed when its entries have none: the publication.
    expect(feed.authors?.[0]?.name).toBe(SITE.name)
    const self = feed.links?.find((link) => link.rel === 'self')
    expect(self?.href).toBe(`${SITE.url}feed.atom`)
    expect(feed.entries).toHaveLength(1)
    const entry = feed.entries?.[0]
    expect(entry?.id).toMatch(/^tag:news\.example\.org,2023-03-03:article-/)
    expect(entry?.title?.value).toBe('First top-level US-Russia meeting after Ukraine war')
    expect(entry?.updated).toBe('2023-03-03T12:00:00Z')
    expect(entry?.published).toBe('2023-03-03T12:00:00Z')
    expect(entry?.summary?.value).toMatch(/^Blinken asked his Russian counterpart/)
    expect(entry?.content?.type).toBe('html')
    const alternate = entry?.links?.find((link) => link.rel === 'alternate')
    expect(alternate?.href).toBe(
      `${SITE.url}articles/first-top-level-us-russia-meeting-after-ukraine-war/`,
    )
    for (const link of feed.links ?? []) expectBuilt(dir, link.href ?? '')
    expectBuilt(dir, alternate?.href ?? '')
    // The content is the page's body with absolute links, each to a page the build wrote.
    const hrefs = [...(entry?.content?.value ?? '').matchAll(/href="([^"]+)"/g)].map(
      (m) => m[1] ?? '',
    )
    const own = hrefs.filter((href) => href.startsWith(SITE.url))
    expect(own.length).toBeGreaterThan(5)
    expect(hrefs.filter((href) => !/^(https?|mailto):/.test(href))).toEqual([])
    for (const href of own) expectBuilt(dir, href)
  })

  it('writes a JSON Feed 1.1 with the same entries, dates in RFC 3339', async () => {
    const dir = await builtSite()
    const raw = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8'))
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1')
    const feed = parseJsonFeed(raw)
    expect(feed.title).toBe(SITE.name)
    expect(feed.feed_url).toBe(`${SITE.url}feed.json`)
    expect(feed.home_page_url).toBe(SITE.url)
    const atom = parseAtomFeed(readFileSync(join(dir, 'feed.atom'), 'utf8'))
    expect((feed.items ?? []).map((item) => item.id)).toEqual(
      atom.entries?.map((entry) => entry.id),
    )
    for (const item of feed.items ?? []) {
      expect(item.date_published).toMatch(RFC3339)
      expect(item.content_html).toBe(atom.entries?.[0]?.content?.value)
      expect(item.summary).toBe(atom.entries?.[0]?.summary?.value)
      expectBuilt(dir, item.url ?? '')
    }
    for (const url of [feed.feed_url, feed.home_page_url]) expectBuilt(dir, url ?? '')
  })

  it("takes an article's latest correction or update as its updated date in the feeds and its lastmod", () => {
    const files = renderSite(storyWithUpdates(), { site: SITE, now: DAY_AFTER })
    const text = (path: string) => String(files.find((file) => file.path === path)?.content)
    const atom = parseAtomFeed(text('feed.atom'))
    // The latest update has a time (09:30 at +01:00): it is the entry's and the feed's updated.
    expect(atom.entries?.[0]?.updated).toBe('2023-03-05T09:30:00+01:00')
    expect(atom.entries?.[0]?.published).toBe('2023-03-03T12:00:00Z')
    expect(atom.updated).toBe('2023-03-05T09:30:00+01:00')
    const json = JSON.parse(text('feed.json'))
    expect(json.items[0].date_modified).toBe('2023-03-05T09:30:00+01:00')
    const sitemap = parsedXml(text('sitemap.xml'))
    const urls = [sitemap.urlset.url].flat() as { loc: string; lastmod?: string }[]
    const article = urls.find((url) => url.loc.includes('/articles/'))
    expect(article?.lastmod).toBe('2023-03-05T09:30:00+01:00')
  })

  it('escapes a hostile headline: the parsed title is the text, never markup', () => {
    const files = renderSite(hostileDocuments(), { site: SITE, now: DAY_AFTER })
    const text = (path: string) => String(files.find((file) => file.path === path)?.content)
    for (const path of ['feed.atom', 'sitemap.xml', 'news-sitemap.xml']) {
      expect(XMLValidator.validate(text(path)), path).toBe(true)
      // XML 1.0 cannot hold NUL or ESC in any form: they become U+FFFD.
      expect(text(path)).not.toContain('\u0000')
      expect(text(path)).not.toContain('\u001b')
      expect(text(path)).not.toContain('<script')
    }
    const title = parseAtomFeed(text('feed.atom')).entries?.[0]?.title?.value
    expect(title).toBe(
      `Headline ${PAYLOAD}`.replaceAll('\u0000', '\uFFFD').replaceAll('\u001b', '\uFFFD'),
    )
    const news = parsedXml(text('news-sitemap.xml'))
    expect(news.urlset.url[0]['news:news']['news:title']).toBe(title)
    const json = JSON.parse(text('feed.json'))
    expect(json.items[0].title).toBe(`Headline ${PAYLOAD}`)
    expect(text('feed.json')).not.toMatch(/[\u2028]/)
  })
})

describe('sitemaps and robots.txt', () => {
  it('lists every page in sitemap.xml, absolute, with lastmod only from a date the content gives', async () => {
    const dir = await builtSite()
    const urlset = parsedXml(readFileSync(join(dir, 'sitemap.xml'), 'utf8')).urlset
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const urls: { loc: string; lastmod?: string }[] = urlset.url
    const html = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.html'))
    expect(urls).toHaveLength(html.length)
    for (const { loc } of urls) {
      expect(loc.length).toBeLessThanOrEqual(2048)
      expect(new URL(loc).href).toBe(loc)
      expectBuilt(dir, loc)
    }
    const dated = urls.filter((url) => url.lastmod !== undefined)
    expect(dated).toEqual([
      {
        loc: `${SITE.url}articles/first-top-level-us-russia-meeting-after-ukraine-war/`,
        lastmod: '2023-03-03',
      },
    ])
  })

  it('puts in the news sitemap only articles of the two days before now', async () => {
    const dir = await builtSite({ now: DAY_AFTER })
    const urlset = parsedXml(readFileSync(join(dir, 'news-sitemap.xml'), 'utf8')).urlset
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    expect(urlset.url).toHaveLength(1)
    const [url] = urlset.url
    expectBuilt(dir, url.loc)
    expect(url['news:news']).toEqual({
      'news:publication': { 'news:name': SITE.name, 'news:language': 'en' },
      'news:publication_date': '2023-03-03',
      'news:title': 'First top-level US-Russia meeting after Ukraine war',
    })
  })

  it('ends the window two days after publication, and lists nothing published after now', () => {
    const documents = storyDocuments()
    const article = documents.find((d) => d._type === 'article') as { datePublished: string }
    article.datePublished = '2023-03-03T10:15:00+01:00'
    const listed = (now: string) => {
      const files = renderSite(documents, { site: SITE, now: new Date(now) })
      const text = String(files.find((file) => file.path === 'news-sitemap.xml')?.content)
      return (parsedXml(text).urlset.url ?? []).map((url: { loc: string }) => url.loc)
    }
    expect(listed('2023-03-05T09:15:00Z')).toHaveLength(1)
    expect(listed('2023-03-03T09:15:00Z')).toHaveLength(1)
    expect(listed('2023-03-05T09:15:01Z')).toEqual([])
    expect(listed('2023-03-03T09:14:59Z')).toEqual([])
    const news = parsedXml(
      String(
        renderSite(documents, { site: SITE, now: new Date('2023-03-04T00:00:00Z') }).find(
          (f) => f.path === 'news-sitemap.xml',
        )?.content,
      ),
    )
    expect(news.urlset.url[0]['news:news']['news:publication_date']).toBe(
      '2023-03-03T10:15:00+01:00',
    )
  })

  it('counts a date alone from the start of its day for the window, though the feeds print noon', () => {
    const listed = (now: string) => {
      const files = renderSite(storyDocuments(), { site: SITE, now: new Date(now) })
      const text = String(files.find((file) => file.path === 'news-sitemap.xml')?.content)
      return (parsedXml(text).urlset.url ?? []).length
    }
    // 06:00 UTC on the story's date: it may already be out, so it is listed.
    expect(listed('2023-03-03T06:00:00Z')).toBe(1)
    expect(listed('2023-03-05T00:00:00Z')).toBe(1)
    expect(listed('2023-03-05T00:00:01Z')).toBe(0)
    expect(listed('2023-03-02T23:59:59Z')).toBe(0)
  })

  it('writes an empty but valid news sitemap at build time (the story is from 2023)', async () => {
    const dir = await builtSite()
    const urlset = parsedXml(readFileSync(join(dir, 'news-sitemap.xml'), 'utf8')).urlset
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9')
    expect(urlset.url).toBeUndefined()
  })

  it('writes robots.txt that allows everything and names both sitemaps by absolute URL', async () => {
    const dir = await builtSite()
    const robots = readFileSync(join(dir, 'robots.txt'), 'utf8')
    expect(robots).toMatch(/^User-agent: \*\nAllow: \/\n/)
    const sitemaps = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((m) => m[1] ?? '')
    expect(sitemaps).toEqual([`${SITE.url}sitemap.xml`, `${SITE.url}news-sitemap.xml`])
    for (const url of sitemaps) expectBuilt(dir, url)
  })

  it('maps BCP 47 tags to Google News language codes', () => {
    expect(
      ['en', 'en-GB', 'sr-Latn-RS', 'zh-Hant', 'zh-TW', 'zh', 'zh-Hans-CN'].map(newsLanguage),
    ).toEqual(['en', 'en', 'sr', 'zh-tw', 'zh-tw', 'zh-cn', 'zh-cn'])
  })
})

describe('without site.config.json', () => {
  it('writes no feeds, sitemaps or robots.txt, and the build says why', async () => {
    const root = copyPackage('distribution-')
    roots.push(root)
    const result = await build({ root })
    expect(result.ok && result.notices).toContain(DISTRIBUTION_NEEDS_SITE_URL)
    for (const file of ['feed.atom', 'feed.json', 'sitemap.xml', 'news-sitemap.xml', 'robots.txt'])
      expect(existsSync(join(root, 'dist/site', file)), file).toBe(false)
  })
})

describe('share tags in every page head', () => {
  it('gives each page its canonical URL, the feeds, Open Graph and a Twitter card, never an invented image or locale', async () => {
    const dir = await builtSite()
    const pages = readdirSync(dir, { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(5)
    for (const path of pages) {
      const html = readFileSync(join(dir, path), 'utf8')
      const meta = (key: string) =>
        new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1]
      const canonical = /<link rel="canonical" href="([^"]+)">/.exec(html)?.[1] ?? ''
      expect(fileOf(dir, canonical)).toBe(join(dir, path))
      expect(meta('og:url')).toBe(canonical)
      expect(meta('og:site_name')).toBe(SITE.name)
      expect(meta('og:type')).toBe(path.startsWith('articles/') ? 'article' : 'website')
      expect(meta('og:title')).toBeDefined()
      expect(meta('twitter:card')).toBe('summary')
      // The seed's photo has no image file, and `en` names no region.
      expect(meta('og:image')).toBeUndefined()
      expect(meta('og:locale')).toBeUndefined()
      for (const type of ['application/atom+xml', 'application/feed+json']) {
        const href = new RegExp(
          `<link rel="alternate" type="${type.replace('+', '\\+')}" title="[^"]*" href="([^"]+)">`,
        ).exec(html)?.[1]
        expectBuilt(dir, href ?? '')
      }
    }
  })

  it('maps a BCP 47 tag with a region to og:locale, and none without', () => {
    expect(['en-GB', 'sr-Latn-RS', 'en', 'zh-Hant'].map(openGraphLocale)).toEqual([
      'en_GB',
      'sr_RS',
      undefined,
      undefined,
    ])
  })
})
