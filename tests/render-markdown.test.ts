/**
 * --format markdown: person mentions and quotes stay links (to the person page, to the quote on
 * the who-said-what page), and text that looks like Markdown stays text. Checked by reading the
 * output back with @portabletext/markdown's CommonMark parser.
 */
import { markdownToPortableText } from '@portabletext/markdown'
import MarkdownIt from 'markdown-it'
import { remark } from 'remark'
import remarkGfm from 'remark-gfm'
import type { Block } from 'us-russia-g20-story'
import { renderArticle } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { contentDocuments, SITE } from './fixtures/render/html.js'
import { ARTICLE_ID, articleOf, block, span, storyDocuments } from './fixtures/render/story.js'

interface ReadBack {
  text: string
  links: string[]
  blocks: Block[]
}

/** Parses Markdown and returns its text (a line per block), its link hrefs, and the blocks. */
function readBack(markdown: string): ReadBack {
  const blocks = markdownToPortableText(markdown).filter(
    (candidate): candidate is Block => candidate._type === 'block',
  )
  const links = blocks.flatMap((candidate) =>
    (candidate.markDefs as unknown as { _type: string; href: string }[])
      .filter((def) => def._type === 'link')
      .map((def) => def.href),
  )
  const text = blocks
    .map((candidate) => candidate.children.map((child) => child.text).join(''))
    .join('\n')
  return { text, links, blocks }
}

describe('--format markdown of the story in content/', () => {
  const documents = contentDocuments()
  const article = documents.find((document) => document._type === 'article')
  const markdown = renderArticle(documents, article?._id ?? '', 'markdown')
  const back = readBack(markdown)

  it("links person and organization mentions to their pages and quotes to the article's who-said-what page", () => {
    expect(back.links).toContain('../../people/antony-blinken/index.html')
    expect(back.links).toContain('../../organizations/ria-novosti/index.html')
    expect(back.links).toContain(
      '../../quotes/first-top-level-us-russia-meeting-after-ukraine-war/index.html#quote-blinken-arms-control',
    )
    for (const href of back.links) {
      expect(href).toMatch(
        /^\.\.\/\.\.\/((people|organizations)\/[a-z0-9-]+\/index\.html|quotes\/[a-z0-9-]+\/index\.html#quote-[a-z0-9-]+)$/,
      )
    }
  })

  it('links by absolute URL with the site settings, as a receiver of the export needs', () => {
    const site = SITE as NonNullable<typeof SITE>
    const absolute = readBack(renderArticle(documents, article?._id ?? '', 'markdown', { site }))
    expect(absolute.links).toContain(`${site.url}people/antony-blinken/`)
    expect(absolute.links).toContain(
      `${site.url}quotes/first-top-level-us-russia-meeting-after-ukraine-war/#quote-blinken-arms-control`,
    )
    for (const href of absolute.links) expect(href.startsWith(site.url), href).toBe(true)
  })

  it('reads back as the story text, headline as the one h1', () => {
    expect(back.blocks.filter((candidate) => (candidate.style as string) === 'h1')).toHaveLength(1)
    expect(back.text).toContain('First top-level US-Russia meeting after Ukraine war')
    expect(back.text).toContain(
      "NEW DELHI: Russia and the United States' top diplomats spoke face-to-face on Thursday",
    )
    expect(back.text).toContain(
      '“I told the foreign minister that no matter what else is happening',
    )
  })
})

describe('--format markdown escapes Markdown in the text', () => {
  const tricky = [
    '*not emphasis* and _not either_',
    '# not a heading',
    '- not a list item',
    '+ not one either',
    '1. not a numbered item',
    '> not a quote',
    '[not a link](https://example.org)',
    '<b>not html</b> &amp; not an entity',
    '`not code` ~~not struck~~ | not a cell',
    '    not a code block',
    '===',
    'back\\slash',
  ]

  it.each(tricky)('%j reads back as the same text', (line) => {
    const documents = storyDocuments()
    articleOf(documents).body = [block([span(line)])]
    articleOf(documents).dateline = undefined
    const last = readBack(renderArticle(documents, ARTICLE_ID, 'markdown')).blocks.at(-1)
    expect(last?.children.map((child) => child.text).join('')).toBe(line.trim())
    expect(last?.style).toBe('normal')
    expect(last?.listItem).toBeUndefined()
    // No mark at all, except the parser's own linkify of a bare URL in the text.
    const marked = last?.children.filter((child) => (child.marks ?? []).length > 0) ?? []
    expect(marked.map((child) => child.text).filter((text) => !/^https?:\/\//.test(text))).toEqual(
      [],
    )
  })
})

describe('--format markdown of the fixture story', () => {
  const markdown = renderArticle(storyDocuments(), ARTICLE_ID, 'markdown')
  const back = readBack(markdown)

  it('keeps headings, lists, decorators and the safe link', () => {
    const styles = back.blocks.map((candidate) => candidate.style)
    expect(styles).toContain('h2')
    expect(styles).toContain('h3')
    expect(styles).toContain('blockquote')
    expect(back.blocks.filter((candidate) => candidate.listItem === 'number')).toHaveLength(2)
    expect(back.links).toContain('https://example.org/report?a=1&b=2')
    expect(markdown).toContain('**strongly**')
    expect(markdown).toContain(
      '![Bo Sample and Ada Example shake hands](../../images/abc123def456-1200x800.jpg)',
    )
  })

  it('gives a quote that contains a person mention one link: the quote wins', () => {
    expect(markdown).toContain(
      '[Ada Example had asked for more tests](../../quotes/test-ministers-meet/index.html#quote-bo-paraphrase "Reported speech: Bo Sample")',
    )
  })
})

/** A paragraph's text as CommonMark reads it (markdown-it, strict CommonMark), and its links. */
function commonMark(markdown: string): { text: string; links: string[] }[] {
  const tokens = new MarkdownIt('commonmark').parse(markdown, {})
  return tokens
    .filter((token) => token.type === 'inline')
    .map((inline) => ({
      text: (inline.children ?? [])
        .filter((child) => child.type === 'text' || child.type === 'text_special')
        .map((child) => child.content)
        .join(''),
      links: (inline.children ?? [])
        .filter((child) => child.type === 'link_open')
        .map((child) => child.attrGet('href') ?? ''),
    }))
}

interface MdastNode {
  type: string
  value?: string
  url?: string
  children?: MdastNode[]
}

/** A paragraph's text as GitHub Flavored Markdown reads it (remark with remark-gfm), and its links. */
function gfm(markdown: string): { text: string; links: string[] }[] {
  const tree = remark().use(remarkGfm).parse(markdown) as MdastNode
  const paragraphs: MdastNode[] = []
  const pending = [tree]
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'paragraph') paragraphs.push(node)
    else pending.push(...(node.children ?? []))
  }
  return paragraphs.reverse().map((paragraph) => {
    const links: string[] = []
    let text = ''
    const walk = [paragraph]
    for (let node = walk.pop(); node; node = walk.pop()) {
      if (node.type === 'text') text += node.value
      if (node.type === 'link') links.push(node.url ?? '')
      walk.push(...[...(node.children ?? [])].reverse())
    }
    return { text, links }
  })
}

describe('--format markdown: text that GFM would autolink', () => {
  const lines = [
    'See https://example.org/a_b*c*, then',
    'www.example.com/x_y and http://www.example.org/~user/',
    'Write to press_office@example.org or mailto:a_b@example.org today',
    'HTTPS://EXAMPLE.ORG/A_B and xmpp:foo_bar@example.com/res',
  ]

  it.each(lines)(
    '%j reads back as the same text, in CommonMark and in GFM, with no backslash in a link',
    (line) => {
      const documents = storyDocuments()
      articleOf(documents).body = [block([span(line)])]
      articleOf(documents).dateline = undefined
      const markdown = renderArticle(documents, ARTICLE_ID, 'markdown')
      for (const read of [commonMark, gfm]) {
        const last = read(markdown).at(-1)
        expect(last?.text, read.name).toBe(line)
        for (const href of last?.links ?? []) expect(href, read.name).not.toMatch(/\\|%5C/i)
      }
    },
  )
})
