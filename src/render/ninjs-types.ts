/**
 * The part of IPTC ninjs 3.1 this package writes, as TypeScript types. Property names are the
 * schema's own (camelCase, `charCount`, `wordCount`); the official JSON Schema is the authority,
 * and the tests validate every export against it.
 */

/** A `headlines`, `descriptions` or `bodies` entry: a value with its role and media type. */
export interface NinjsText {
  role: string
  contentType: 'text/plain' | 'text/html'
  value: string
}

/** A `bodies` entry, with the counts ninjs defines (both exclude figure captions). */
export interface NinjsBody extends NinjsText {
  charCount: number
  wordCount: number
}

/** A `people` entry. */
export interface NinjsPerson {
  name: string
  /** How the story relates to the person: `quoted` (a quote's speaker) or `mentioned`. */
  rel: 'quoted' | 'mentioned'
  /** The person's document URI in this package's namespace. */
  uri: string
  /** The person's document `_id`. */
  literal: string
}

/** An `organisations` entry (ninjs 3.1 `organisationType`). */
export interface NinjsOrganisation {
  name: string
  /** How the story relates to it: `quoted` (a quote's speaker), `source` (a channel) or `mentioned`. */
  rel: 'quoted' | 'source' | 'mentioned'
  /** The organization's document URI in this package's namespace. */
  uri: string
  /** The organization's document `_id`. */
  literal: string
}

/** A `renditions` entry of a picture. */
export interface NinjsRendition {
  name: string
  contentType: string
  width: number
  height: number
  /** Only when the image is served from an absolute http(s) URL. */
  href?: string
}

/** An `associations` entry: a photo of the article. */
export interface NinjsPictureAssociation {
  name: string
  /** The article field the photo comes from: `photo` (the lead photo) or `photoEmbed` (the body). */
  rel: 'photo' | 'photoEmbed'
  uri: string
  type: 'picture'
  /** The photographer or agency, only when the photo has a credit. */
  by?: string
  descriptions: NinjsText[]
  renditions?: NinjsRendition[]
}

/** A ninjs 3.1 news item for one article. */
export interface NinjsDocument {
  uri: string
  standard: { name: 'ninjs'; version: '3.1'; schema: string }
  type: 'text'
  representationType: 'full'
  /** Only when `datePublished` is a date-time: ninjs dates cannot hold a date alone. */
  firstCreated?: string
  /** Only when the latest correction or update has a time (see `lastModified`). */
  versionCreated?: string
  language: string
  slugline: string
  located?: string
  headlines: NinjsText[]
  descriptions?: NinjsText[]
  bodies: NinjsBody[]
  people?: NinjsPerson[]
  organisations?: NinjsOrganisation[]
  associations?: NinjsPictureAssociation[]
}
