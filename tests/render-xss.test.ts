/**
 * Safety: content written by someone careless or hostile renders as text, in every context: HTML
 * text, attributes, JSON-LD, links, Markdown and the terminal.
 */
import { markdownToPortableText } from '@portabletext/markdown'
import type { ContentDocument, Person } from 'us-russia-g20-story'
import {
  escapeAttribute,
  escapeText,
  RenderError,
  renderArticle,
  renderSite,
  safeHref,
  serializeJsonForScript,
} from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { typographicQuotes } from '../src/render/typography.js'
import {
  hostileDocuments,
  PAYLOAD,
  SHOWN_PAYLOAD,
  UNSAFE_HREFS,
} from './fixtures/render/hostile.js'
import { attr, jsonLdOf, type Page, pagesOf, text } from './fixtures/render/html.js'
import { ARTICLE_ID, articleOf, storyDocuments } from './fixtures/render/story.js'

const ARTICLE_PAGE = 'articles/test-ministers-meet/index.html'
const files = renderSite(hostileDocuments())
const pages = pagesOf(files)
const article = pages.get(ARTICLE_PAGE) as Page

describe('the hostile story as HTML', () => {
  it.each([...pages.keys()])(
    '%s: no script but the JSON-LD, no comment, no event handler',
    (path) => {
      const page = pages.get(path) as Page
      for (const script of page.all('script'))
        expect(attr(script, 'type')).toBe('application/ld+json')
      expect(page.comments()).toBe(0)
      const handlers = page.elements.flatMap((element) =>
        element.attrs.filter((attribute) => attribute.name.startsWith('on')),
      )
      expect(handlers).toEqual([])
      expect(page.all('img').filter((img) => attr(img, 'src') === 'x')).toEqual([])
    },
  )

  it('shows <script> in span text as text', () => {
    const paragraphs = article.all('p').map(text)
    expect(paragraphs.some((p) => p.includes('<script>alert(1)</script>'))).toBe(true)
  })

  it('shows the headline and a person name with </script> and <!-- as text in h1 and title', () => {
    expect(text(article.one('h1'))).toBe(`Headline ${typographicQuotes(SHOWN_PAYLOAD)}`)
    const person = pages.get('people/ada-example/index.html') as Page
    expect(text(person.one('h1'))).toBe(`Ada Example ${typographicQuotes(SHOWN_PAYLOAD)}`)
  })

  it.each([...pages.keys()])(
    '%s: JSON-LD cannot end its script element, and parses to the content',
    (path) => {
      const page = pages.get(path) as Page
      const start = page.html.indexOf('<script type="application/ld+json">')
      if (start === -1) return
      const raw = page.html.slice(start + 35, page.html.indexOf('</script>', start))
      expect(raw).not.toMatch(/<\/script|<!--|<script|[<>&\u2028\u2029]/i)
      expect(page.all('script')).toHaveLength(1)
      const data = jsonLdOf(page)[0] as Record<string, unknown>
      const json = JSON.stringify(data)
      expect(json).toContain(JSON.stringify(PAYLOAD).slice(1, -1))
    },
  )

  it('keeps the name with </script> whole in the JSON-LD mentions', () => {
    const [data] = jsonLdOf(article)
    const names = ((data?.mentions ?? []) as Person[]).map((person) => person.name)
    expect(names).toContain(`Ada Example ${PAYLOAD}`)
  })

  it('keeps " and < inside a quote as text, and in its title attribute as the value', () => {
    const q = article.byId('quote-official-partial')
    expect(q?.tagName).toBe('q')
    // The text shows typographic quotation marks; the title attribute keeps the source's.
    expect(text(q as never)).toContain(typographicQuotes(SHOWN_PAYLOAD))
    expect(attr(q as never, 'title')).toBe(`Someone ${SHOWN_PAYLOAD}, via ${SHOWN_PAYLOAD}`)
    expect((q?.attrs ?? []).map((attribute) => attribute.name).sort()).toEqual([
      'cite',
      'id',
      'title',
    ])
  })

  it('renders every unsafe link as its text without an <a>', () => {
    UNSAFE_HREFS.forEach((_href, i) => {
      const paragraph = article.all('p').find((p) => text(p) === `unsafe link ${i}`)
      expect(paragraph, `unsafe link ${i}`).toBeDefined()
      expect(paragraph?.childNodes.map((node) => node.nodeName)).toEqual(['#text'])
    })
  })

  it.each([...pages.keys()])(
    '%s: every href is non-empty and http(s), mailto or relative',
    (path) => {
      const page = pages.get(path) as Page
      for (const element of page.elements) {
        for (const name of ['href', 'src', 'cite', 'data-cite']) {
          const value = attr(element, name)
          if (value === undefined) continue
          expect(value, `${name} on ${path}`).not.toBe('')
          const bare = value.replace(/[\s\p{Cc}]/gu, '').toLowerCase()
          expect(bare).not.toMatch(/^(javascript|data|vbscript|file):/)
          expect(safeHref(value)).toBe(value)
        }
      }
    },
  )

  it('never writes href="" even for an empty or blank href', () => {
    expect(files.some((file) => String(file.content).includes('href=""'))).toBe(false)
  })
})

describe('safeHref', () => {
  it.each([
    'https://example.org/a?b=1&c=2#d',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG/',
    'mailto:desk@example.org',
    '../../people/x/index.html#quote-y',
    '#quote-y',
    '/absolute/path',
    '?query=1',
    'page.html',
  ])('allows %j', (href) => {
    expect(safeHref(href)).toBe(href)
  })

  it.each(UNSAFE_HREFS.map((href) => [JSON.stringify(href), href]))(
    'refuses %s',
    (_shown, href) => {
      expect(safeHref(href)).toBeUndefined()
    },
  )

  it.each([null, undefined, 42, {}])('refuses the non-string %j', (href) => {
    expect(safeHref(href)).toBeUndefined()
  })
})

describe('escapers', () => {
  it('escapes text for HTML content: & < >, and leaves spaces alone', () => {
    expect(escapeText(`a  <b> & "c" 'd'`)).toBe(`a  &lt;b&gt; &amp; "c" 'd'`)
  })

  it('escapes attribute values with their own escaper, quotes included', () => {
    expect(escapeAttribute(`"><script>'&`)).toBe('&quot;&gt;&lt;script&gt;&#39;&amp;')
  })

  it('replaces characters HTML does not allow', () => {
    expect(escapeText('a\u0000b\u0007c\uFFFEd\uD800e\tf\ng')).toBe(
      'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\tf\ng',
    )
  })

  it('serialises JSON for a script element with < > & U+2028 U+2029 escaped', () => {
    const value = { name: '</script><!--&\u2028\u2029' }
    const json = serializeJsonForScript(value)
    expect(json).not.toMatch(/[<>&\u2028\u2029]/)
    expect(json).toContain('\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029')
    expect(JSON.parse(json)).toEqual(value)
  })
})

describe('the image URL option', () => {
  it.each(['javascript:alert(1)', 'data:image/png;base64,AAAA', 'mailto:x@example.org', ''])(
    'refuses %j from the builder',
    (url) => {
      expect(() => renderSite(storyDocuments(), { imageUrl: () => url })).toThrow(RenderError)
    },
  )

  it('uses an https URL from the builder, and lets the page load images from that origin only', () => {
    const html = renderArticle(storyDocuments(), ARTICLE_ID, 'html', {
      imageUrl: (asset) => `https://cdn.example.org/images/${asset.hash}.${asset.format}?w=800`,
    })
    expect(html).toContain('src="https://cdn.example.org/images/abc123def456.jpg?w=800"')
    expect(html).toContain('img-src &#39;self&#39; https://cdn.example.org;')
  })
})

describe('the hostile story as Markdown and text', () => {
  const documents: ContentDocument[] = hostileDocuments()
  const markdown = renderArticle(documents, ARTICLE_ID, 'markdown')

  it('has no raw HTML: every < is escaped', () => {
    expect(markdown).not.toMatch(/(^|[^\\])</m)
    const types = markdownToPortableText(markdown).map((block) => block._type)
    expect(new Set(types)).toEqual(new Set(['block', 'image']))
  })

  it('has no link but to the site and the one safe link', () => {
    const hrefs = [...markdown.matchAll(/\]\(([^)\s]*)/g)].map((match) => match[1])
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) {
      expect(href).toMatch(/^(\.\.\/\.\.\/|https:\/\/example\.org\/report)/)
    }
  })

  it('reads back, through a Markdown parser, as the text of the content', () => {
    const blocks = markdownToPortableText(markdown)
    const plain = blocks
      .filter((block) => Array.isArray(block.children))
      .map((block) => (block.children as { text: string }[]).map((child) => child.text).join(''))
      .join('\n')
    const story = articleOf(documents)
    const shown = (text = '') => text.replace(/\p{Cc}/gu, '\uFFFD')
    // A heading is one line: the U+2028 in the payload becomes a space there.
    expect(plain).toContain(shown(story.headline).replace('\u2028', ' '))
    expect(plain).toContain(shown(story.standfirst))
  })

  it('prints no control character to the terminal', () => {
    const text = renderArticle(documents, ARTICLE_ID, 'text')
    expect(text).not.toMatch(/(?![\t\n])\p{Cc}/u)
    expect(markdown).not.toMatch(/(?![\t\n])\p{Cc}/u)
  })
})
