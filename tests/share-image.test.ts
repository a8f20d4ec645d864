/**
 * `og:image` and `twitter:image` when the article's photo has an image file: absolute, from the
 * site's URL, or the URL an `imageUrl` builder gives. The repo's story has no image file, so
 * these tests give its photo one.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'parse5'
import { describe, expect, it } from 'vitest'
import { renderSite } from '../src/render/site.js'
import { parseSiteConfig } from '../src/site-config.js'
import { PACKAGE_ROOT } from './build-helpers.js'
import { storyDocuments } from './fixtures/render/story.js'

const SITE = parseSiteConfig(readFileSync(join(PACKAGE_ROOT, 'site.config.json'), 'utf8'))
const HASH = 'a1b2c3d4e5f6'
const ASSET = `image-${HASH}-1200x800-jpg`

/** The story, its photo given an image file. */
function storyWithImage() {
  return storyDocuments().map((doc) =>
    doc._type === 'photo'
      ? {
          ...doc,
          image: { _type: 'image' as const, asset: { _type: 'reference' as const, _ref: ASSET } },
        }
      : doc,
  )
}

interface Node {
  nodeName: string
  attrs?: { name: string; value: string }[]
  childNodes?: Node[]
}

/** The `content` of every `<meta>` in the page, by its `property` or `name`. */
function metaOf(html: string): Map<string, string> {
  const found = new Map<string, string>()
  const visit = (node: Node) => {
    if (node.nodeName === 'meta') {
      const attrs = new Map((node.attrs ?? []).map((a) => [a.name, a.value]))
      const key = attrs.get('property') ?? attrs.get('name')
      const content = attrs.get('content')
      if (key !== undefined && content !== undefined) found.set(key, content)
    }
    for (const child of node.childNodes ?? []) visit(child)
  }
  visit(parse(html) as unknown as Node)
  return found
}

function articleHtml(options: Parameters<typeof renderSite>[1]): string {
  const file = renderSite(storyWithImage(), options).find((f) =>
    /^articles\/[^/]+\/index\.html$/.test(f.path),
  )
  expect(file, 'the article page').toBeDefined()
  return String(file?.content)
}

describe('the share image of an article whose photo has an image file', () => {
  it('is the local image, absolute from the site URL, and the card is a large image', () => {
    const meta = metaOf(articleHtml({ site: SITE }))
    const expected = `${SITE.url}images/${HASH}-1200x800.jpg`
    expect(meta.get('og:image')).toBe(expected)
    expect(meta.get('twitter:image')).toBe(expected)
    expect(meta.get('twitter:card')).toBe('summary_large_image')
  })

  it("is the imageUrl builder's URL when the images live elsewhere", () => {
    const imageUrl = () => `https://cdn.example.com/${HASH}.jpg?w=1200`
    const meta = metaOf(articleHtml({ site: SITE, imageUrl }))
    expect(meta.get('og:image')).toBe(`https://cdn.example.com/${HASH}.jpg?w=1200`)
  })

  it('is left out without site settings: no share tags need a relative URL', () => {
    const meta = metaOf(articleHtml({}))
    expect(meta.has('og:image')).toBe(false)
    expect(meta.has('twitter:card')).toBe(false)
  })
})
