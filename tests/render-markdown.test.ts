/**
 * --format markdown: person mentions and quotes stay links (to the person page, to the quote on
 * the who-said-what page), and text that looks like Markdown stays text. Checked by reading the
 * output back with @portabletext/markdown's CommonMark parser.
 */
import { markdownToPortableText } from '@portabletext/markdown'
import { type Block, renderArticle } from 'us-russia-g20-story'
import { describe, expect, it } from 'vitest'
import { contentDocuments } from './fixtures/render/html.js'
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

  it('links person mentions to person pages and quotes to the who-said-what page', () => {
    expect(back.links).toContain('../../people/antony-blinken/index.html')
    expect(back.links).toContain('../../quotes/index.html#quote-blinken-arms-control')
    for (const href of back.links) {
      expect(href).toMatch(
        /^\.\.\/\.\.\/(people\/[a-z0-9-]+\/index\.html|quotes\/index\.html#quote-[a-z0-9-]+)$/,
      )
    }
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
      '[Ada Example had asked for more tests](../../quotes/index.html#quote-bo-paraphrase "Reported speech: Bo Sample")',
    )
  })
})
