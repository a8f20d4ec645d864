/**
 * The documents the renderer works from, indexed once: articles in reading order, people, quotes
 * and photos by id, and where each quote stands in the articles. Building the index checks what
 * every page depends on (ids, slugs, the text each page shows, as the document-type registry
 * names them), so pages can be
 * rendered without re-checking. `validate` reports all of these first; the renderer checks them
 * again because it can be given documents nobody validated, and it checks them by the same
 * definitions (the schemas' string rules, src/validator/checks/slugs.ts), so the two cannot disagree.
 */

import { documentTypeSpec } from '../document-types.js'
import type {
  Article,
  Block,
  ContentDocument,
  Organization,
  Person,
  Photo,
  Quote,
} from '../generated/types.js'
import { pointerTo } from '../json/pointer.js'
import { messages } from '../messages.js'
import { SlugOwners, slugOf } from '../validator/checks/slugs.js'
import { stringRule } from '../validator/checks/vocabulary.js'
import { RenderError } from './errors.js'

/** Where a quote stands: an article, the pointer to the block, and the order of reading. */
export interface QuotePlacement {
  article: Article
  /** JSON pointer to the block that holds the quote's words, in the article. */
  pointer: string
  /** Position in reading order across the site (articles newest first, then block order). */
  order: number
}

/**
 * Who said a quote: a Person; an Organization, with the story's words for it (`text`: the
 * attribution, "a State Department spokesperson", or else its name); or an unnamed source in the
 * story's words.
 */
export type Speaker =
  | { kind: 'person'; person: Person }
  | { kind: 'organization'; organization: Organization; text: string }
  | { kind: 'attribution'; text: string }

/** The documents, indexed for rendering. */
export interface ContentIndex {
  /** Articles, newest first, then by `_id`. */
  articles: Article[]
  people: ReadonlyMap<string, Person>
  organizations: ReadonlyMap<string, Organization>
  quotes: ReadonlyMap<string, Quote>
  photos: ReadonlyMap<string, Photo>
  /** For each quote id, the places its words stand, in reading order. */
  placements: ReadonlyMap<string, QuotePlacement[]>
}

const isDocumentId = stringRule('documentId')
const isSlug = stringRule('slug', 'current')
const isText = stringRule('nonBlankText')
const TEXT_FIELDS = ['highlights', 'body'] as const

/**
 * Indexes `documents` for rendering. A document of a type no page renders is checked for its id
 * and left out: a type the renderer does not know is not an error (validation judges types).
 * @throws {RenderError} when a document has an invalid or repeated id, misses the text its pages
 * show, or has an invalid or repeated slug (a slug names a folder of the site).
 */
export function indexContent(documents: readonly ContentDocument[]): ContentIndex {
  const seen = new Set<string>()
  const articles: Article[] = []
  const people = new Map<string, Person>()
  const organizations = new Map<string, Organization>()
  const quotes = new Map<string, Quote>()
  const photos = new Map<string, Photo>()
  for (const document of documents) {
    checkId(document, seen)
    checkTextFields(document)
    if (document._type === 'article') articles.push(document)
    else if (document._type === 'person') people.set(document._id, document)
    else if (document._type === 'organization') organizations.set(document._id, document)
    else if (document._type === 'quote') quotes.set(document._id, document)
    else if (document._type === 'photo') photos.set(document._id, document)
  }
  checkSlugs(documents.filter((document) => documentTypeSpec(document._type)?.page !== undefined))
  articles.sort(byNewest)
  return { articles, people, organizations, quotes, photos, placements: placeQuotes(articles) }
}

function checkId(document: ContentDocument, seen: Set<string>): void {
  const id: unknown = document._id
  if (typeof id !== 'string' || !isDocumentId(id)) {
    throw new RenderError({
      rule: 'render/invalid-id',
      message: `A ${String(document._type)} document has the _id ${JSON.stringify(id)}, which is not a document id: use letters, digits, '.', '_' and '-' (not first), at most 128 characters.`,
      documentId: null,
      pointer: '/_id',
    })
  }
  if (seen.has(id)) {
    throw new RenderError({
      rule: 'render/duplicate-id',
      message: `Two documents have the _id "${id}": give each document its own _id.`,
      documentId: id,
      pointer: '/_id',
    })
  }
  seen.add(id)
}

/** The text fields each page shows and cannot do without: the registry's `requiredText`. */
function checkTextFields(document: ContentDocument): void {
  for (const field of documentTypeSpec(document._type)?.requiredText ?? []) {
    const value: unknown = (document as unknown as Record<string, unknown>)[field]
    if (isText(value)) continue
    throw new RenderError({
      rule: 'render/missing-field',
      message: `The ${document._type}'s ${field} is missing, empty or only whitespace, and its page shows it: give the ${document._type} its ${field}.`,
      documentId: document._id,
      pointer: `/${field}`,
    })
  }
}

/** The slug of every document with a page names its folder: a slug, and one page's only. */
function checkSlugs(documents: readonly ContentDocument[]): void {
  const owners = new SlugOwners<string>()
  for (const document of documents) {
    const type = document._type
    const slug = slugOf(document)
    if (slug === null || !isSlug(slug)) {
      throw new RenderError({
        rule: 'render/invalid-slug',
        message: `${JSON.stringify(slug)} is not a slug, and the slug names the ${type}'s page folder: use lower-case words joined by single hyphens, at most 96 characters.`,
        documentId: document._id,
        pointer: '/slug/current',
      })
    }
    const owner = owners.claim(type, slug, document._id)
    if (owner !== undefined) {
      throw new RenderError({
        rule: 'render/duplicate-slug',
        message: messages.duplicateSlug(type, slug, owner),
        documentId: document._id,
        pointer: '/slug/current',
      })
    }
  }
}

function byNewest(a: Article, b: Article): number {
  if (a.datePublished !== b.datePublished) return a.datePublished < b.datePublished ? 1 : -1
  return a._id < b._id ? -1 : a._id > b._id ? 1 : 0
}

/** Every quotation annotation of every article, in reading order, by quote id. */
function placeQuotes(articles: readonly Article[]): Map<string, QuotePlacement[]> {
  const placements = new Map<string, QuotePlacement[]>()
  let order = 0
  for (const article of articles) {
    for (const { block, pointer } of textBlocksOf(article)) {
      for (const quoteId of quotationsIn(block)) {
        const list = placements.get(quoteId) ?? []
        list.push({ article, pointer, order: order++ })
        placements.set(quoteId, list)
      }
    }
  }
  return placements
}

/**
 * The article's text blocks in reading order, with their pointers: the highlights, the body, then
 * the text of each correction and update, which the page shows after the story. A quote or a name
 * in an update counts as the article's like any other.
 */
export function textBlocksOf(article: Article): { block: Block; pointer: string }[] {
  const blocks: { block: Block; pointer: string }[] = []
  const add = (value: unknown, ...path: (string | number)[]) => {
    if (!Array.isArray(value)) return
    value.forEach((block: unknown, i) => {
      if (isTextBlock(block)) blocks.push({ block, pointer: pointerTo('', ...path, i) })
    })
  }
  for (const field of TEXT_FIELDS) add(article[field], field)
  for (const [i, update] of (article.updates ?? []).entries())
    add(update.text, 'updates', i, 'text')
  return blocks
}

function isTextBlock(value: unknown): value is Block {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { _type?: unknown })._type === 'block' &&
    Array.isArray((value as { children?: unknown }).children) &&
    Array.isArray((value as { markDefs?: unknown }).markDefs)
  )
}

/** The ids of the quotes a block's spans actually mark, in the order they first appear. */
function quotationsIn(block: Block): string[] {
  const used = new Set(block.children.flatMap((span) => span?.marks ?? []))
  const ids: string[] = []
  for (const def of block.markDefs) {
    const id: unknown = def?._type === 'quotation' ? def.quote?._ref : undefined
    if (typeof id === 'string' && used.has(def._key) && !ids.includes(id)) ids.push(id)
  }
  return ids
}

/** Who said `quote`. */
export function speakerOf(quote: Quote, index: ContentIndex): Speaker {
  const id = quote.speaker?._ref
  if (id !== undefined) {
    const organization = index.organizations.get(id)
    if (organization === undefined)
      return { kind: 'person', person: resolvePerson(index, id, quote._id, '/speaker') }
    return { kind: 'organization', organization, text: quote.attribution ?? organization.name }
  }
  return { kind: 'attribution', text: quote.attribution ?? 'an unnamed source' }
}

/**
 * The speaker's name as a reader sees it: the person's name, or the story's words (for an
 * organization, its attribution: "A State Department spokesperson").
 */
export function speakerName(speaker: Speaker): string {
  return speaker.kind === 'person' ? speaker.person.name : speaker.text
}

/**
 * The Person `id` names.
 * @throws {RenderError} naming `documentId` and `pointer` when there is none.
 */
export function resolvePerson(
  index: ContentIndex,
  id: string,
  documentId: string,
  pointer: string,
): Person {
  return resolve(index.people, id, 'person', documentId, pointer)
}

/** The Organization `id` names; throws like {@link resolvePerson}. */
export function resolveOrganization(
  index: ContentIndex,
  id: string,
  documentId: string,
  pointer: string,
): Organization {
  return resolve(index.organizations, id, 'organization', documentId, pointer)
}

/** The Quote `id` names; throws like {@link resolvePerson}. */
export function resolveQuote(
  index: ContentIndex,
  id: string,
  documentId: string,
  pointer: string,
): Quote {
  return resolve(index.quotes, id, 'quote', documentId, pointer)
}

/** The Photo `id` names; throws like {@link resolvePerson}. */
export function resolvePhoto(
  index: ContentIndex,
  id: string,
  documentId: string,
  pointer: string,
): Photo {
  return resolve(index.photos, id, 'photo', documentId, pointer)
}

function resolve<T>(
  documents: ReadonlyMap<string, T>,
  id: string,
  type: string,
  documentId: string,
  pointer: string,
): T {
  const found = documents.get(id)
  if (found !== undefined) return found
  throw new RenderError({
    rule: 'render/dangling-reference',
    message: `The reference "${id}" names no ${type}: add the ${type} document, or point the reference at an existing one.`,
    documentId,
    pointer,
  })
}

/**
 * The HTML id of a quote's words in an article page and of its entry on the who-said-what page:
 * the quote's `_id` (which begins `quote-` by convention), prefixed with `quote-` when it does not.
 */
export function quoteAnchor(quoteId: string): string {
  return quoteId.startsWith('quote-') ? quoteId : `quote-${quoteId}`
}

/**
 * The people an article names, in reading order: those its words mention (`personMention`) and
 * the speakers of the quotes it carries.
 */
export function peopleIn(article: Article, index: ContentIndex): Person[] {
  const found = new Map<string, Person>()
  const add = (id: string | undefined) => {
    const person = id === undefined ? undefined : index.people.get(id)
    if (person !== undefined && !found.has(person._id)) found.set(person._id, person)
  }
  for (const { block } of textBlocksOf(article)) {
    const defs = new Map(block.markDefs.map((def) => [def._key, def]))
    for (const mark of block.children.flatMap((span) => span.marks ?? [])) {
      const def = defs.get(mark)
      if (def?._type === 'personMention') add(def.person._ref)
      if (def?._type === 'quotation') add(index.quotes.get(def.quote._ref)?.speaker?._ref)
    }
  }
  return [...found.values()]
}

/**
 * The organizations an article names, in reading order: those its words mention
 * (`organizationMention`), and the speakers and channels of the quotes it carries.
 */
export function organizationsIn(article: Article, index: ContentIndex): Organization[] {
  const found = new Map<string, Organization>()
  const add = (id: string | undefined) => {
    const organization = id === undefined ? undefined : index.organizations.get(id)
    if (organization !== undefined) found.set(organization._id, organization)
  }
  for (const { block } of textBlocksOf(article)) {
    const defs = new Map(block.markDefs.map((def) => [def._key, def]))
    for (const mark of block.children.flatMap((span) => span.marks ?? [])) {
      const def = defs.get(mark)
      if (def?._type === 'organizationMention') add(def.organization._ref)
      if (def?._type === 'quotation') {
        const quote = index.quotes.get(def.quote._ref)
        add(quote?.speaker?._ref)
        add(quote?.channel?._ref)
      }
    }
  }
  return [...found.values()]
}

/** The quotes an article carries, in the order they first appear. */
export function quotesIn(article: Article, index: ContentIndex): Quote[] {
  const quotes: Quote[] = []
  for (const [id, places] of index.placements) {
    const first = places.find((place) => place.article === article)
    const quote = index.quotes.get(id)
    if (first !== undefined && quote !== undefined) quotes.push(quote)
  }
  const order = (quote: Quote) =>
    index.placements.get(quote._id)?.find((place) => place.article === article)?.order ?? 0
  return quotes.sort((a, b) => order(a) - order(b))
}
