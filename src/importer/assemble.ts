/**
 * The importer's third step: a `WireStory` and its `Findings` become the documents of content/,
 * modelled as the hand-made story there is: the article (its highlights and body as Portable Text,
 * with a personMention, organizationMention or quotation over exactly each found range), its
 * photo, and the new people, organizations and quotes. Nothing the story does not say is added:
 * no role, date or credit of its own; where something had to be derived (the photo's alt text),
 * a review item says so.
 */
import type {
  Article,
  Block,
  ContentDocument,
  Organization,
  Person,
  Photo,
  Quote,
} from '../generated/types.js'
import { type Annotation, annotatedBlock } from './annotated-block.js'
import { slugOf } from './slug.js'
import type { Findings, FoundQuote, ReviewItem, TextRange, WireStory } from './story.js'

/** The documents an import writes, and what editors should check in them. */
export interface AssembledStory {
  article: Article
  photo?: Photo | undefined
  /** New people only: the ones the target folder already has are referenced, not written. */
  people: Person[]
  organizations: Organization[]
  quotes: Quote[]
  /** The assembler's review items (the finder's are in `Findings.review`). */
  review: ReviewItem[]
}

/** How to assemble: the article's language, as a BCP 47 tag (wire copy here is English). */
export interface AssembleOptions {
  language?: string
}

/** The longest alt text the schema accepts. */
const MAX_ALT = 300

/** The documents of `story` with `findings` as annotations and documents. */
export function assembleStory(
  story: WireStory,
  findings: Findings,
  options: AssembleOptions = {},
): AssembledStory {
  const slug = slugOf(story.headline.text) || 'story'
  const review: ReviewItem[] = []
  const quotes = quoteDocuments(findings.quotes, review)
  const annotations = annotationsByPart(findings, quotes.ranges)
  const photo = story.caption === undefined ? undefined : photoDocument(slug, story.caption.text)
  if (photo !== undefined) {
    review.push({
      code: 'import/alt-from-caption',
      message: `The photo's alt text was taken from its caption ("${photo.alt}"): check that it says what the picture shows.`,
      documentId: photo._id,
    })
  }
  const highlights = story.highlights.map((line, index) =>
    annotatedBlock(blockKey('h', index), line.text, annotations.get(`highlight:${index}`) ?? [], {
      listItem: 'bullet',
      level: 1,
    }),
  )
  const body: Block[] = story.paragraphs.map((line, index) =>
    annotatedBlock(blockKey('b', index), line.text, annotations.get(`paragraph:${index}`) ?? []),
  )
  const article: Article = {
    _id: `article-${slug}`,
    _type: 'article',
    headline: story.headline.text,
    slug: { _type: 'slug', current: slug },
    ...(story.standfirst === undefined ? {} : { standfirst: story.standfirst.text }),
    datePublished: story.date.iso,
    language: options.language ?? 'en',
    ...(story.dateline === undefined ? {} : { dateline: story.dateline }),
    ...(highlights.length === 0 ? {} : { highlights }),
    ...(photo === undefined ? {} : { photo: { _type: 'reference', _ref: photo._id } }),
    body,
  }
  return {
    article,
    photo,
    people: findings.people
      .filter((person) => !person.existing)
      .map((person) => ({
        _id: person.id,
        _type: 'person',
        name: person.name,
        ...(person.alternateNames.length === 0 ? {} : { alternateNames: person.alternateNames }),
        ...(person.role === undefined ? {} : { role: person.role }),
        slug: { _type: 'slug', current: slugFromId(person.id, 'person-', person.name) },
      })),
    organizations: findings.organizations
      .filter((organization) => !organization.existing)
      .map((organization) => ({
        _id: organization.id,
        _type: 'organization',
        name: organization.name,
        ...(organization.alternateNames.length === 0
          ? {}
          : { alternateNames: organization.alternateNames }),
        slug: {
          _type: 'slug',
          current: slugFromId(organization.id, 'organization-', organization.name),
        },
      })),
    quotes: quotes.documents,
    review,
  }
}

/** The documents of an assembled story, in the order an import lists and writes them. */
export function assembledDocuments(story: AssembledStory): ContentDocument[] {
  return [
    story.article,
    ...(story.photo === undefined ? [] : [story.photo]),
    ...story.people,
    ...story.organizations,
    ...story.quotes,
  ]
}

/** `b01`, `h03`: a block's key, numbered from 1 and padded as in content/. */
function blockKey(prefix: string, index: number): string {
  return `${prefix}${String(index + 1).padStart(2, '0')}`
}

/** A person's or organization's slug: its id without the type's prefix, or its name's slug. */
function slugFromId(id: string, prefix: string, name: string): string {
  const rest = id.startsWith(prefix) ? id.slice(prefix.length) : ''
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rest) && rest.length <= 96 ? rest : slugOf(name)
}

/**
 * The photo of the caption. Its alt text is the caption's first clause (up to the first comma,
 * semicolon or dash): the caption names who is shown before it says when and where, and alt text
 * must say only what the picture shows.
 */
function photoDocument(articleSlug: string, caption: string): Photo {
  return {
    _id: `photo-${articleSlug}`,
    _type: 'photo',
    alt: altFromCaption(caption),
    caption,
  }
}

/** The first clause of `caption`, at most MAX_ALT characters, cut at a word. */
export function altFromCaption(caption: string): string {
  const clause = (caption.split(/[,;:]\s|\s[-–—]\s/)[0] ?? caption).trim()
  if (clause.length <= MAX_ALT) return clause
  const cut = clause.slice(0, MAX_ALT + 1)
  const space = cut.lastIndexOf(' ')
  return (space > 0 ? cut.slice(0, space) : clause.slice(0, MAX_ALT)).trimEnd()
}

/** A quote document to annotate `range` with. */
interface QuoteRange {
  id: string
  range: TextRange
}

/**
 * The Quote documents of the found quotes, and the ranges to annotate with each. A quote that
 * runs across paragraphs is one Quote, its words joined by a space, annotated in each paragraph
 * (the validator reads a quote's annotations in consecutive blocks as pieces of it). A quote
 * with neither a speaker nor the story's words for its source cannot be a valid Quote: it is not
 * written, and a review item says so.
 */
function quoteDocuments(
  found: readonly FoundQuote[],
  review: ReviewItem[],
): { documents: Quote[]; ranges: QuoteRange[] } {
  const documents: Quote[] = []
  const ranges: QuoteRange[] = []
  for (const quote of found) {
    if (quote.speaker === undefined && quote.attribution === undefined) {
      review.push({
        code: 'import/quote-not-written',
        message: `"${quote.text}" has no speaker and no source in the story's words, so no Quote was written for it: add the quote and its speaker by hand if it is one.`,
        range: quote.ranges[0],
      })
      continue
    }
    documents.push({
      _id: quote.id,
      _type: 'quote',
      text: quote.text,
      kind: quote.kind,
      ...(quote.speaker === undefined ? {} : { speaker: reference(quote.speaker) }),
      ...(quote.attribution === undefined ? {} : { attribution: quote.attribution }),
      ...(quote.via === undefined ? {} : { via: quote.via }),
      ...(quote.channel === undefined ? {} : { channel: reference(quote.channel) }),
      ...(quote.occasion === undefined ? {} : { occasion: quote.occasion }),
    })
    for (const range of quote.ranges) ranges.push({ id: quote.id, range })
  }
  return { documents, ranges }
}

function reference(id: string): { _type: 'reference'; _ref: string } {
  return { _type: 'reference', _ref: id }
}

/**
 * The annotations of each highlight and paragraph (`paragraph:3`), from the mentions and the
 * quotes' ranges. The headline, standfirst and caption are plain strings in the model: what is
 * found there is not annotated.
 */
function annotationsByPart(
  findings: Findings,
  quotes: readonly QuoteRange[],
): Map<string, Annotation[]> {
  const byPart = new Map<string, Annotation[]>()
  const add = (range: TextRange, markDef: Annotation['markDef']) => {
    if (range.part !== 'highlight' && range.part !== 'paragraph') return
    const key = `${range.part}:${range.index}`
    const list = byPart.get(key) ?? []
    list.push({ start: range.start, end: range.end, markDef })
    byPart.set(key, list)
  }
  for (const { id, range } of quotes) {
    add(range, { _type: 'quotation', quote: { _type: 'reference', _ref: id } })
  }
  for (const mention of findings.mentions) {
    add(
      mention.range,
      mention.kind === 'person'
        ? { _type: 'personMention', person: reference(mention.id) }
        : { _type: 'organizationMention', organization: reference(mention.id) },
    )
  }
  return byPart
}
