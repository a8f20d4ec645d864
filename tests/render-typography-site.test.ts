/**
 * Typographic quotation marks on every page of the site, not only the article page: the home
 * page's list, the people and organizations indexes, their pages and the quotes pages show the
 * story's straight marks as “ ” ‘ ’, and so does each page's `<title>`.
 */
import type { Article, ContentDocument, Organization, Person } from 'us-russia-g20-story'
import { renderSite } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { ancestors, type Page, pagesOf, text } from './fixtures/render/html.js'
import { storyDocuments } from './fixtures/render/story.js'

/** The fixture story with straight marks in every text a page can show. */
function storyWithStraightMarks(): ContentDocument[] {
  const docs = storyDocuments()
  const story = docs.find((doc) => doc._type === 'article') as Article
  story.headline = `Minister's "test" day`
  story.standfirst = `She said "yes"`
  const person = docs.find((doc) => doc._type === 'person') as Person
  person.role = `Minister for "Tests"`
  docs.push({
    _id: 'organization-quoted',
    _type: 'organization',
    name: `The "Quoted" Society`,
    slug: { _type: 'slug', current: 'quoted-society' },
  } as Organization)
  return docs
}

/** The text a reader sees in `<body>`, and the page's title. */
function shownText(page: Page): string {
  const body = page.one('body')
  const visible = page.elements
    .filter((e) => e === body || ancestors(e).includes(body))
    .filter((e) => !['script', 'style'].includes(e.tagName))
    .flatMap((e) => e.childNodes.filter((node) => node.nodeName === '#text'))
    .map((node) => text(node))
  return [text(page.one('title')), ...visible].join('\n')
}

describe('quotation marks on every page', () => {
  const pages = [...pagesOf(renderSite(storyWithStraightMarks())).values()]

  it('renders the pages this test reads', () => {
    const paths = pages.map((page) => page.path)
    for (const path of ['index.html', 'people/index.html', 'organizations/index.html'])
      expect(paths).toContain(path)
    expect(pages.length).toBeGreaterThan(6)
  })

  it.each(['index.html', 'people/index.html', 'organizations/index.html'])(
    '%s shows the typographic marks',
    (path) => {
      const page = pages.find((candidate) => candidate.path === path) as Page
      expect(shownText(page)).toMatch(/[“‘’”]/)
    },
  )

  it('no page shows a straight quotation mark or apostrophe, in its body or its title', () => {
    for (const page of pages) expect(shownText(page), page.path).not.toMatch(/["']/)
  })
})
