/**
 * schema.org structured data for the pages, as plain objects (the page layout serialises them
 * safely into a script element).
 *
 * Choices, from what the content can honestly support:
 * - `about`: the people the headline, standfirst or lead-photo caption names (by name, another
 *   spelling, or surname as a whole word); `mentions`: everyone the article names.
 * - `mentions` holds the organizations it names too (their `organizationMention`s, and the
 *   speakers and channels of its quotes).
 * - Quotes are `Quotation`s in `hasPart`. A named speaker is the `creator`: a Person, or an
 *   Organization ("The Pentagon"), whose quote keeps the story's words in `creditText` ("A State
 *   Department spokesperson"). An unnamed source ("a senior US official") gets no `creator`: the
 *   story does not say who it is, and calling it a Person or an Organization would add a fact.
 *   Its words stand in `creditText`, schema.org's free-text credit.
 * - A paraphrase is the story's wording, not quoted words: it is not a `Quotation` at all.
 * - No author, publisher or image URL is invented: only what the documents hold.
 * - `@id`s and URLs are absolute, made from site.config.json's `url`, when the site has one (a
 *   receiver can resolve them); without it they are relative to the page, like every link of the
 *   site. The article's own `@id` and `url` (its canonical URL) exist only then.
 * - `inLanguage` is the article's language (its own, else the site's default).
 * - `dateModified` is the latest date of the article's corrections and updates (none: left out);
 *   each correction is a `CorrectionComment` in `correction`, as schema.org's example has it.
 *   An update that corrects nothing changes only `dateModified`.
 */
import type { Article, Organization, Person, Photo, Quote } from '../generated/types.js'
import type { SiteConfig } from '../site-config.js'
import {
  type ContentIndex,
  organizationsIn,
  peopleIn,
  quoteAnchor,
  quotesIn,
  speakerOf,
} from './content-index.js'
import { machineDate } from './dates.js'
import { articleLanguage } from './language.js'
import { organizationPage, personPage } from './paths.js'
import { type ImageUrlBuilder, imageAsset, imageSource } from './photo.js'
import { updateText } from './text.js'
import { lastModified } from './updates.js'
import { hrefFrom, type LinkOrigin, pageOf } from './url.js'

type JsonLd = Record<string, unknown>

/** What the structured data of a page depends on besides the documents. */
export interface JsonLdOptions {
  imageUrl?: ImageUrlBuilder | undefined
  /** The site's settings: with them every IRI is absolute. */
  site?: SiteConfig | undefined
}

/** The `NewsArticle` of an article page. */
export function articleJsonLd(
  article: Article,
  index: ContentIndex,
  page: string,
  options: JsonLdOptions = {},
): JsonLd {
  const { site, imageUrl } = options
  const from: LinkOrigin = { page, base: site?.url }
  const photo = article.photo === undefined ? undefined : index.photos.get(article.photo._ref)
  const people = peopleIn(article, index)
  const quotations = quotesIn(article, index).filter((quote) => quote.kind !== 'paraphrase')
  const url = site === undefined ? undefined : hrefFrom(from, page)
  const modified = lastModified(article)
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': url,
    url,
    headline: article.headline,
    description: article.standfirst,
    datePublished: machineDate(article.datePublished),
    dateModified: modified === undefined ? undefined : machineDate(modified),
    dateline: article.dateline,
    inLanguage: articleLanguage(article, site),
    isPartOf:
      site === undefined ? undefined : { '@type': 'WebSite', name: site.name, url: site.url },
    image: photo === undefined ? undefined : imageObject(photo, from, imageUrl),
    about: nonEmpty(subjectsOf(article, photo, people).map((person) => personLd(person, from))),
    mentions: nonEmpty([
      ...people.map((person) => personLd(person, from)),
      ...organizationsIn(article, index).map((organization) => organizationLd(organization, from)),
    ]),
    hasPart: nonEmpty(quotations.map((quote) => quotationLd(quote, index, from))),
    correction: nonEmpty(corrections(article)),
  })
}

/** The article's corrections, as schema.org `CorrectionComment`s, each dated as written. */
function corrections(article: Article): JsonLd[] {
  return (article.updates ?? [])
    .filter((update) => update.kind === 'correction')
    .map((update) => ({
      '@type': 'CorrectionComment',
      text: updateText(update),
      datePublished: machineDate(update.date),
    }))
}

/** The `ProfilePage` of a person page. */
export function personJsonLd(person: Person, page: string, site?: SiteConfig): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    mainEntity: personLd(person, { page, base: site?.url }),
  }
}

/** The `ProfilePage` of an organization page. */
export function organizationJsonLd(
  organization: Organization,
  page: string,
  site?: SiteConfig,
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    mainEntity: organizationLd(organization, { page, base: site?.url }),
  }
}

function organizationLd(organization: Organization, from: LinkOrigin): JsonLd {
  const url = hrefFrom(from, organizationPage(organization))
  return compact({
    '@type': 'Organization',
    '@id': `${url}#organization`,
    name: organization.name,
    alternateName: nonEmpty(organization.alternateNames ?? []),
    url,
  })
}

function personLd(person: Person, from: LinkOrigin): JsonLd {
  const url = hrefFrom(from, personPage(person))
  return compact({
    '@type': 'Person',
    '@id': `${url}#person`,
    name: person.name,
    alternateName: nonEmpty(person.alternateNames ?? []),
    jobTitle: person.role,
    url,
  })
}

function imageObject(photo: Photo, from: LinkOrigin, imageUrl?: ImageUrlBuilder): JsonLd {
  const asset = imageAsset(photo)
  return compact({
    '@type': 'ImageObject',
    caption: photo.caption,
    description: photo.alt,
    creditText: photo.credit,
    contentUrl: asset === undefined ? undefined : imageSource(asset, photo, from, imageUrl),
  })
}

function quotationLd(quote: Quote, index: ContentIndex, from: LinkOrigin): JsonLd {
  const speaker = speakerOf(quote, index)
  return compact({
    '@type': 'Quotation',
    '@id': hrefFrom(from, pageOf(from), quoteAnchor(quote._id)),
    text: quote.text,
    creator:
      speaker.kind === 'person'
        ? personLd(speaker.person, from)
        : speaker.kind === 'organization'
          ? organizationLd(speaker.organization, from)
          : undefined,
    creditText: speaker.kind === 'person' ? undefined : speaker.text,
  })
}

/** People named in the headline, standfirst or lead-photo caption: what the article is about. */
function subjectsOf(article: Article, photo: Photo | undefined, people: Person[]): Person[] {
  const framing = [article.headline, article.standfirst ?? '', photo?.caption ?? ''].join('\n')
  return people.filter((person) => namesOf(person).some((name) => containsWord(framing, name)))
}

/** Every way the story names a person: full names, other spellings, and their surnames. */
function namesOf(person: Person): string[] {
  const full = [person.name, ...(person.alternateNames ?? [])]
  return [...full, ...full.map((name) => name.trim().split(/\s+/).at(-1) ?? name)]
}

function containsWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text)
}

function nonEmpty<T>(values: T[]): T[] | undefined {
  return values.length === 0 ? undefined : values
}

/** The object without its `undefined` members, so the JSON has no empty fields. */
function compact(value: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined))
}
