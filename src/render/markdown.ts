/**
 * An article as Markdown (CommonMark), built with @portabletext/markdown. Person and organization
 * mentions link to their pages and quotes to their entry on the article's who-said-what page, with
 * the speaker as the link title. Links are relative to the article's folder in the site (`articles/<slug>/`), like
 * the HTML page's, or absolute on the site's URL when the site's settings are given. Every character Markdown gives a meaning to is escaped in the text, and raw
 * HTML from the content cannot reach the output.
 */

import {
  type PortableTextMarkRendererOptions,
  type PortableTextRenderers,
  portableTextToMarkdown,
} from '@portabletext/markdown'
import type {
  Article,
  Block,
  BodyBlock,
  Link,
  Organization,
  OrganizationMention,
  Person,
  PersonMention,
  Photo,
  PhotoEmbed,
  Quotation,
  Quote,
} from '../generated/types.js'
import type { SiteConfig } from '../site-config.js'
import { attributionOf } from './components.js'
import { type ContentIndex, quoteAnchor } from './content-index.js'
import { datelineOf } from './dateline.js'
import { calendarDate, longDate } from './dates.js'
import { RenderError } from './errors.js'
import {
  escapeMarkdownDestination,
  escapeMarkdownLineStarts,
  escapeMarkdownText,
  escapeMarkdownTitle,
} from './escape.js'
import { highlightsAsList } from './highlights.js'
import { NestedLinks } from './nested-links.js'
import { articlePage, articleQuotesPage, organizationLink, personLink } from './paths.js'
import { type ImageUrlBuilder, imageAsset, imageSource } from './photo.js'
import { updateLabel } from './updates.js'
import { hrefFrom, type LinkOrigin, safeHref } from './url.js'

/** Options for Markdown output. */
export interface MarkdownOptions {
  imageUrl?: ImageUrlBuilder | undefined
  /**
   * The site's settings: with them every link and image is absolute on the site's URL, as a
   * receiver of the Markdown needs; without them links are relative to the article's folder.
   */
  site?: SiteConfig | undefined
}

interface MarkdownContext {
  index: ContentIndex
  article: Article
  /** The article's page, and the site's URL when links are absolute. */
  origin: LinkOrigin
  links: NestedLinks
  outline: { level: number }
  imageUrl?: ImageUrlBuilder
  dateline?: { block: Block; text: string }
}

/** The Markdown of `article`. */
export function articleToMarkdown(
  article: Article,
  index: ContentIndex,
  options: MarkdownOptions = {},
): string {
  const context: MarkdownContext = {
    index,
    article,
    origin: { page: articlePage(article), base: options.site?.url },
    links: new NestedLinks(),
    outline: { level: 1 },
    imageUrl: options.imageUrl,
    dateline: datelineOf(article),
  }
  const photo = article.photo === undefined ? undefined : index.photos.get(article.photo._ref)
  const highlights = highlightsAsList(article)
  const parts = [
    paragraph(longDate(calendarDate(article.datePublished, article._id))),
    `# ${escapeMarkdownText(oneLine(article.headline))}`,
    article.standfirst === undefined ? '' : paragraph(article.standfirst),
    photo === undefined ? '' : photoMarkdown(photo, context),
    blocksToMarkdown(highlights, context),
    article.dateline !== undefined && context.dateline === undefined
      ? paragraph(article.dateline)
      : '',
    blocksToMarkdown(article.body, context),
    updatesMarkdown(article, context),
  ]
  return `${parts.filter((part) => part.trim() !== '').join('\n\n')}\n`
}

/** The corrections and updates after the story, each led by its bold kind and date. */
function updatesMarkdown(article: Article, context: MarkdownContext): string {
  const updates = article.updates ?? []
  if (updates.length === 0) return ''
  const notices = updates.map(
    (update, position) =>
      `**${paragraph(`${updateLabel(update, article, position)}:`)}**\n\n${blocksToMarkdown(update.text, context)}`,
  )
  return ['## Corrections and updates', ...notices].join('\n\n')
}

/** Plain text as a Markdown paragraph: escaped, line starts included. */
function paragraph(text: string): string {
  return escapeMarkdownLineStarts(escapeMarkdownText(text))
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

function blocksToMarkdown(blocks: readonly BodyBlock[], context: MarkdownContext): string {
  if (blocks.length === 0) return ''
  return portableTextToMarkdown(blocks.map(withEscapedText), renderers(context))
}

/**
 * A copy of the block whose span text is escaped for Markdown (the library writes text as is).
 * The original stays the key for the dateline, and the copy's `_key` is kept for list numbering.
 */
function withEscapedText(block: BodyBlock): BodyBlock {
  if (block._type !== 'block') return { ...block }
  const copy = {
    ...block,
    children: block.children.map((span) => ({ ...span, text: escapeMarkdownText(span.text) })),
  }
  originals.set(copy, block)
  return copy as Block
}

const originals = new WeakMap<object, Block>()

function renderers(context: MarkdownContext): Partial<PortableTextRenderers> {
  const fail = (what: string, type: string): never => {
    throw new RenderError({
      rule: 'render/unknown-type',
      message: `Unknown ${what} "${type}": use a type the schema defines (\`npm run validate\` shows where it is).`,
      documentId: context.article._id,
      pointer: '',
      type,
    })
  }
  return {
    block: {
      normal: ({ children, value }) => normal(children ?? '', value as Block, context),
      h2: ({ children }) => heading(2, children ?? '', context),
      h3: ({ children }) => heading(3, children ?? '', context),
      blockquote: ({ children }) =>
        escapeMarkdownLineStarts(children ?? '')
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n'),
    },
    listItem: ({ children, value, listIndex, listDepth }) => {
      const indent = '   '.repeat(listDepth ?? 0)
      const marker = value.listItem === 'number' ? `${listIndex ?? 1}. ` : '- '
      const text = escapeMarkdownLineStarts(children ?? '').replace(/\n/g, `\n${indent}   `)
      return `${indent}${marker}${text}`
    },
    marks: {
      strong: ({ children }) => delimit(children, '**'),
      em: ({ children }) => delimit(children, '*'),
      link: (options) => link(options as PortableTextMarkRendererOptions<Link>, context),
      personMention: (options) =>
        personMention(options as PortableTextMarkRendererOptions<PersonMention>, context),
      organizationMention: (options) =>
        organizationMention(
          options as PortableTextMarkRendererOptions<OrganizationMention>,
          context,
        ),
      quotation: (options) =>
        quotation(options as PortableTextMarkRendererOptions<Quotation>, context),
    },
    types: {
      photoEmbed: ({ value }) => {
        const photo = context.index.photos.get((value as PhotoEmbed).photo._ref)
        return photo === undefined
          ? fail('photo', (value as PhotoEmbed).photo._ref)
          : photoMarkdown(photo, context)
      },
      // The library's own block objects (html, code, image, ...) are not in our schema: refuse them.
      ...Object.fromEntries(
        ['html', 'code', 'image', 'table', 'callout', 'horizontal-rule'].map((type) => [
          type,
          () => fail('block type', type),
        ]),
      ),
    },
    hardBreak: () => '\\\n',
    unknownType: ({ value }) => fail('block type', value._type),
    unknownMark: ({ markType }) => fail('mark', markType),
    unknownBlockStyle: ({ value }) => fail('block style', String(value.style)),
    unknownListItem: ({ value }) => fail('list type', String(value.listItem)),
  }
}

function normal(children: string, block: Block, context: MarkdownContext): string {
  const original = originals.get(block) ?? block
  const dateline =
    context.dateline?.block === original ? `${escapeMarkdownText(context.dateline.text)}: ` : ''
  return escapeMarkdownLineStarts(`${dateline}${children}`)
}

/** A heading; like the HTML, its level never skips one below the page's last heading. */
function heading(level: 2 | 3, children: string, context: MarkdownContext): string {
  if (children.trim() === '') return ''
  const rendered = Math.min(level, context.outline.level + 1)
  context.outline.level = rendered
  return `${'#'.repeat(rendered)} ${children.replace(/\\\n/g, ' ')}`
}

/** Emphasis around the text, with surrounding spaces moved outside (else it would not parse). */
function delimit(children: string, delimiter: string): string {
  const [, before = '', core = '', after = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(children) ?? []
  return core === '' ? children : `${before}${delimiter}${core}${delimiter}${after}`
}

function markdownLink(text: string, href: string, title?: string): string {
  const titled = title === undefined ? '' : ` "${escapeMarkdownTitle(title)}"`
  return `[${text}](${escapeMarkdownDestination(href)}${titled})`
}

function link(options: PortableTextMarkRendererOptions<Link>, context: MarkdownContext): string {
  const href = safeHref(options.value?.href)
  if (href === undefined) return options.children
  return context.links.link(options.children, (text) => markdownLink(text, href))
}

function personMention(
  options: PortableTextMarkRendererOptions<PersonMention>,
  context: MarkdownContext,
): string {
  const person = context.index.people.get(options.value?.person._ref ?? '') as Person
  const { href, title } = personLink(context.origin, person)
  return context.links.link(options.children, (text) => markdownLink(text, href, title))
}

function organizationMention(
  options: PortableTextMarkRendererOptions<OrganizationMention>,
  context: MarkdownContext,
): string {
  const ref = options.value?.organization._ref ?? ''
  const organization = context.index.organizations.get(ref) as Organization
  const { href, title } = organizationLink(context.origin, organization)
  return context.links.link(options.children, (text) => markdownLink(text, href, title))
}

function quotation(
  options: PortableTextMarkRendererOptions<Quotation>,
  context: MarkdownContext,
): string {
  const quote = context.index.quotes.get(options.value?.quote._ref ?? '') as Quote
  const href = hrefFrom(context.origin, articleQuotesPage(context.article), quoteAnchor(quote._id))
  const title = attributionOf(quote, context.index)
  return context.links.link(options.children, (text) => markdownLink(text, href, title))
}

/** The photo: its image when there is an asset, then the caption (and credit) as a paragraph. */
function photoMarkdown(photo: Photo, context: MarkdownContext): string {
  const asset = imageAsset(photo)
  const caption = paragraph(
    photo.credit === undefined ? photo.caption : `${photo.caption} (${photo.credit})`,
  )
  if (asset === undefined) return caption
  const src = imageSource(asset, photo, context.origin, context.imageUrl)
  return `![${escapeMarkdownText(oneLine(photo.alt))}](${escapeMarkdownDestination(src)})\n\n${caption}`
}
