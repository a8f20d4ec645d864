/**
 * Portable Text to HTML with @portabletext/to-html: one component for every block style, list
 * type, decorator, annotation and custom block type of our schema, and failures (not silent
 * fallbacks) for anything else. Text goes through our escaper, which keeps spaces as they are.
 */
import {
  type PortableTextBlockComponent,
  type PortableTextComponents,
  type PortableTextMarkComponentOptions,
  toHTML,
} from '@portabletext/to-html'
import type {
  Block,
  BodyBlock,
  Link,
  Organization,
  OrganizationMention,
  Person,
  PersonMention,
  PhotoEmbed,
  Quotation,
  Quote,
} from '../generated/types.js'
import { type ContentIndex, quoteAnchor, speakerName, speakerOf } from './content-index.js'
import { RenderError } from './errors.js'
import { escapeAttribute, escapeText } from './escape.js'
import type { FirstMentions } from './first-mentions.js'
import { attributes, element } from './html.js'
import type { PageIds } from './ids.js'
import type { NestedLinks } from './nested-links.js'
import { organizationLink, personLink } from './paths.js'
import { figureHtml, type ImageUrlBuilder } from './photo.js'
import { typographicBlock } from './typography.js'
import { encodeSegment, hrefFrom, type LinkOrigin, safeHref } from './url.js'

/** What the components of one page need to know. */
export interface HtmlContext {
  index: ContentIndex
  /** The `_id` of the document being rendered, for error messages. */
  documentId: string
  /** The page's path from the site root, for relative links. */
  page: string
  /** The site's absolute URL: links are absolute with it (ninjs bodies), relative without. */
  base?: string
  /** The article's who-said-what page, which each quotation's `cite` points into. */
  quotesPage: string
  ids: PageIds
  links: NestedLinks
  /** The people and organizations linked on the page so far: only a first mention is a link. */
  mentions: FirstMentions
  /**
   * Typographic quotation marks in the text (see `typographicQuotes`): for the reader's pages;
   * the bodies of ninjs and the feeds keep the source's characters.
   */
  typographic?: boolean
  /** The page's heading outline so far: the level of the last heading (the h1 is 1). */
  outline: { level: number }
  imageUrl?: ImageUrlBuilder
  /** The block whose text the dateline goes in front of, and the dateline. */
  dateline?: { block: Block; text: string }
}

/** Renders `blocks` (a body, or highlights) to HTML for the page `context` describes. */
export function portableTextToHtml(blocks: readonly BodyBlock[], context: HtmlContext): string {
  const wholeBlockQuotes = new WeakSet<object>()
  for (const block of blocks) {
    const def = block._type === 'block' ? wholeBlockQuotation(block) : undefined
    if (def !== undefined) wholeBlockQuotes.add(def)
  }
  const shown = context.typographic
    ? blocks.map((block) => (block._type === 'block' ? typographicBlock(block) : block))
    : blocks
  const dateline = context.dateline
  const datelineBlock = dateline === undefined ? undefined : shown[blocks.indexOf(dateline.block)]
  return toHTML([...shown], {
    components: htmlComponents(context, { wholeBlockQuotes, datelineBlock }),
    onMissingComponent: (message, { type, nodeType }) => {
      throw new RenderError({
        rule: 'render/unknown-type',
        message: `No component for ${nodeType} "${type}" (${message}): use a type the schema defines (\`npm run validate\` shows where it is).`,
        documentId: context.documentId,
        pointer: '',
        type,
      })
    },
  })
}

/**
 * The quotation a `blockquote` block is entirely made of (every span with words carries it; the
 * quotation marks around it may not): such a block renders as one `<blockquote>` with the
 * quote's id, not a `<q>` inside a blockquote.
 */
function wholeBlockQuotation(block: Block): Quotation | undefined {
  if (block.style !== 'blockquote') return undefined
  const spans = block.children.filter((span) => !/^[\s\p{P}]*$/u.test(span.text))
  const quotations = block.markDefs.filter((def): def is Quotation => def._type === 'quotation')
  return quotations.find(
    (def) => spans.length > 0 && spans.every((span) => span.marks?.includes(def._key)),
  )
}

/** What the components of one `portableTextToHtml` call share, besides the page's context. */
interface RenderState {
  /** The quotations that make up a whole `blockquote` block (see {@link wholeBlockQuotation}). */
  wholeBlockQuotes: WeakSet<object>
  /** The block, as rendered, that the dateline goes in front of. */
  datelineBlock: BodyBlock | undefined
}

function htmlComponents(context: HtmlContext, state: RenderState): PortableTextComponents {
  const { wholeBlockQuotes } = state
  const fail = missing(context)
  const links = linkAttributes(context)
  return {
    block: {
      normal: ({ children, value }) =>
        paragraph(children ?? '', value as Block, state.datelineBlock === value, context),
      h2: heading(2, context),
      h3: heading(3, context),
      blockquote: ({ children, value }) =>
        blockquote(children ?? '', value as Block, context, wholeBlockQuotes, links),
    },
    list: {
      bullet: ({ children }) => `<ul>\n${children ?? ''}</ul>\n`,
      number: ({ children }) => `<ol>\n${children ?? ''}</ol>\n`,
    },
    listItem: ({ children }) => `<li>${children ?? ''}</li>\n`,
    marks: {
      strong: ({ children }) => `<strong>${children}</strong>`,
      em: ({ children }) => `<em>${children}</em>`,
      link: (options) => link(options as PortableTextMarkComponentOptions<Link>, context),
      personMention: (options) =>
        personMention(options as PortableTextMarkComponentOptions<PersonMention>, context, links),
      organizationMention: (options) =>
        organizationMention(
          options as PortableTextMarkComponentOptions<OrganizationMention>,
          context,
          links,
        ),
      quotation: (options) =>
        quotation(
          options as PortableTextMarkComponentOptions<Quotation>,
          context,
          wholeBlockQuotes,
          links,
        ),
    },
    types: {
      photoEmbed: ({ value }) => photoEmbed(value as PhotoEmbed, context),
    },
    hardBreak: () => '<br>',
    escapeHTML: escapeText,
    unknownType: ({ value }) => fail('block type', value._type),
    unknownMark: ({ markType }) => fail('mark', markType),
    unknownBlockStyle: ({ value }) => fail('block style', String(value.style)),
    unknownList: ({ value }) => fail('list type', String(value.listItem)),
    unknownListItem: ({ value }) => fail('list type', String(value.listItem)),
  }
}

function missing(context: HtmlContext): (what: string, type: string) => never {
  return (what, type) => {
    throw new RenderError({
      rule: 'render/unknown-type',
      message: `Unknown ${what} "${type}": use a type the schema defines (\`npm run validate\` shows where it is).`,
      documentId: context.documentId,
      pointer: '',
      type,
    })
  }
}

/** Whether a block has no text worth a paragraph (an empty heading or paragraph is an error). */
function isBlank(block: Block): boolean {
  return block.children.every((span) => span.text.trim() === '')
}

function paragraph(
  children: string,
  block: Block,
  opensWithDateline: boolean,
  context: HtmlContext,
): string {
  const dateline =
    opensWithDateline && context.dateline !== undefined ? datelineHtml(context.dateline.text) : ''
  if (dateline === '' && isBlank(block)) return ''
  return `<p>${dateline}${children}</p>\n`
}

/** The dateline before the first paragraph: "NEW DELHI: ". */
export function datelineHtml(dateline: string): string {
  return `<span class="dateline">${escapeText(dateline)}</span>: `
}

/**
 * A heading. Its level never skips one below the last heading of the page (an h3 straight after
 * the h1 renders as an h2), so the page outline stays in order whatever the content does.
 */
function heading(level: 2 | 3, context: HtmlContext): PortableTextBlockComponent {
  return ({ children, value }) => {
    if (isBlank(value as Block)) return ''
    const rendered = Math.min(level, context.outline.level + 1)
    context.outline.level = rendered
    return `<h${rendered}>${children ?? ''}</h${rendered}>\n`
  }
}

function blockquote(
  children: string,
  block: Block,
  context: HtmlContext,
  wholeBlockQuotes: WeakSet<object>,
  links: LinkAttributes,
): string {
  if (isBlank(block)) return ''
  const def = block.markDefs.find((mark) => wholeBlockQuotes.has(mark))
  if (def === undefined || def._type !== 'quotation') {
    return `<blockquote><p>${children}</p></blockquote>\n`
  }
  const quote = context.index.quotes.get(def.quote._ref) as Quote
  return `<blockquote${quoteId(quote, context, links)}${links.quotedWords(quote)}><p>${children}</p></blockquote>\n`
}

function link(options: PortableTextMarkComponentOptions<Link>, context: HtmlContext): string {
  const href = safeHref(options.value?.href)
  if (href === undefined) return options.children
  return context.links.link(options.children, (text) => element('a', { href }, text))
}

function personMention(
  options: PortableTextMarkComponentOptions<PersonMention>,
  context: HtmlContext,
  links: LinkAttributes,
): string {
  const person = context.index.people.get(options.value?.person._ref ?? '') as Person
  if (!firstMention(person._id, options, context)) return laterMention('person', options)
  const values = links.person(person)
  return context.links.link(options.children, (text) => `<a${values}>${text}</a>`)
}

function organizationMention(
  options: PortableTextMarkComponentOptions<OrganizationMention>,
  context: HtmlContext,
  links: LinkAttributes,
): string {
  const ref = options.value?.organization._ref ?? ''
  if (!firstMention(ref, options, context)) return laterMention('organization', options)
  const values = links.organization(context.index.organizations.get(ref) as Organization)
  return context.links.link(options.children, (text) => `<a${values}>${text}</a>`)
}

/** Whether this mention of `documentId` is its first on the page (see `FirstMentions`). */
function firstMention(
  documentId: string,
  options: PortableTextMarkComponentOptions,
  context: HtmlContext,
): boolean {
  return context.mentions.claim(documentId, options.value ?? options)
}

/** A mention after the first: plain text in a span that says what it names, without a link. */
function laterMention(
  type: 'person' | 'organization',
  options: PortableTextMarkComponentOptions,
): string {
  return `<span class="${type}">${options.children}</span>`
}

/**
 * A quotation: `<q>` for quoted words (the content keeps its own quotation marks, and the page's
 * CSS turns off the ones `<q>` would add), a `<span>` for a paraphrase, which is the story's
 * wording and not quoted words. Either carries the quote's id (first place only), its speaker as
 * `title`, and (`<q>`) a `cite` link to the quote on the article's who-said-what page.
 */
function quotation(
  options: PortableTextMarkComponentOptions<Quotation>,
  context: HtmlContext,
  wholeBlockQuotes: WeakSet<object>,
  links: LinkAttributes,
): string {
  if (options.value !== undefined && wholeBlockQuotes.has(options.value)) return options.children
  const quote = context.index.quotes.get(options.value?.quote._ref ?? '') as Quote
  const id = quoteId(quote, context, links)
  if (quote.kind === 'paraphrase') {
    return `<span${id}${links.paraphrase(quote)}>${options.children}</span>`
  }
  return `<q${id}${links.quotedWords(quote)}>${options.children}</q>`
}

/** ` id="…"` for the quote's first place on the page, else nothing (an id appears once a page). */
function quoteId(quote: Quote, context: HtmlContext, links: LinkAttributes): string {
  return context.ids.claim(quoteAnchor(quote._id)) === undefined ? '' : links.id(quote)
}

/** The attributes of the links to people and quotes from one page. */
interface LinkAttributes {
  /** ` id="…"` of a quote (for its first place on the page: see {@link quoteId}). */
  id(quote: Quote): string
  person(person: Person): string
  organization(organization: Organization): string
  /** `cite` and `title`, for `<q>` and `<blockquote>`. */
  quotedWords(quote: Quote): string
  /** `title`, `class` and `data-cite`, for the `<span>` of a paraphrase. */
  paraphrase(quote: Quote): string
}

/** What a quote's attributes are, whatever the page: its id, who said it, its anchor. */
interface QuoteStrings {
  id: string
  title: string
  /** `#…`, the quote's place on a who-said-what page, escaped for an attribute. */
  fragment: string
}

/** The attributes of people and quotes that are the same on every page, escaped. */
interface IndexStrings {
  quotes: Map<Quote, QuoteStrings>
  /** A person's ` title="name, role"`. */
  people: Map<Person, string>
}

/**
 * Page-independent attributes, per content index: a person or quote appears on many pages (each
 * article naming them, their page, the who-said-what page), and a speaker takes a lookup.
 */
const indexStrings = new WeakMap<ContentIndex, IndexStrings>()

function stringsOf(index: ContentIndex): IndexStrings {
  return (
    indexStrings.get(index) ??
    remember(indexStrings, index, { quotes: new Map(), people: new Map() })
  )
}

function quoteStringsOf(quote: Quote, index: ContentIndex): QuoteStrings {
  const quotes = stringsOf(index).quotes
  return (
    quotes.get(quote) ??
    remember(quotes, quote, {
      id: attributes({ id: quoteAnchor(quote._id) }),
      title: attributes({ title: attributionOf(quote, index) }),
      fragment: escapeAttribute(`#${encodeSegment(quoteAnchor(quote._id))}`),
    })
  )
}

/** Stores `value` under `key` and returns it: `map.get(key) ?? remember(map, key, make())`. */
function remember<K extends object, V>(map: Map<K, V> | WeakMap<K, V>, key: K, value: V): V {
  map.set(key, value)
  return value
}

/**
 * Link attributes for the page `context` renders, each built once: a story names the same people
 * and quotes again and again, and each costs a relative path and escaping.
 */
function linkAttributes(context: HtmlContext): LinkAttributes {
  const { index } = context
  const people = new Map<Person, string>()
  const organizations = new Map<Organization, string>()
  const quotedWords = new Map<Quote, string>()
  const paraphrases = new Map<Quote, string>()
  // hrefFrom(context, context.quotesPage, anchor) is this path, `#` and the encoded anchor: the path is
  // worked out once a page, the anchor once a quote. Escaping goes character by character, so
  // the two escaped halves make the escaped whole.
  let quotesPage: string | undefined
  const cite = (quote: Quote) => {
    quotesPage ??= escapeAttribute(hrefFrom(context, context.quotesPage))
    return `${quotesPage}${quoteStringsOf(quote, index).fragment}`
  }
  const personAttributes = (person: Person) => {
    const { href, title } = personLink(context, person)
    const titles = stringsOf(index).people
    const titleAttribute = titles.get(person) ?? remember(titles, person, attributes({ title }))
    return `${attributes({ class: 'person', href })}${titleAttribute}`
  }
  return {
    id: (quote) => quoteStringsOf(quote, index).id,
    person: (person) => people.get(person) ?? remember(people, person, personAttributes(person)),
    organization: (organization) =>
      organizations.get(organization) ??
      remember(organizations, organization, organizationAttributes(context, organization)),
    quotedWords: (quote) =>
      quotedWords.get(quote) ??
      remember(quotedWords, quote, ` cite="${cite(quote)}"${quoteStringsOf(quote, index).title}`),
    paraphrase: (quote) =>
      paraphrases.get(quote) ??
      remember(
        paraphrases,
        quote,
        `${quoteStringsOf(quote, index).title} class="paraphrase" data-cite="${cite(quote)}"`,
      ),
  }
}

/** ` class="organization" href="…" title="…"` of a link to an organization's page. */
function organizationAttributes(from: LinkOrigin, organization: Organization): string {
  const { href, title } = organizationLink(from, organization)
  return attributes({ class: 'organization', href, title })
}

/** Who said it, as a reader should see it: "Annalena Baerbock, according to the German delegation". */
export function attributionOf(quote: Quote, index: ContentIndex): string {
  const name = speakerName(speakerOf(quote, index))
  const said = quote.kind === 'paraphrase' ? `Reported speech: ${name}` : name
  return quote.via === undefined ? said : `${said}, ${quote.via}`
}

function photoEmbed(value: PhotoEmbed, context: HtmlContext): string {
  const photo = context.index.photos.get(value.photo._ref)
  if (photo === undefined) return missing(context)('photo reference', value.photo._ref)
  return `${figureHtml(photo, context, { imageUrl: context.imageUrl, typographic: context.typographic })}\n`
}
