/**
 * Editor-facing choices the JSON Schemas cannot express: which strings get a multi-line input,
 * where a slug is generated from, which URL schemes a url field allows, how a document previews in
 * lists, and the display titles of Portable Text styles, decorators and lists. None of these change
 * what content is valid; they only shape the Studio form.
 */

/** Long prose fields: a `text` (textarea) input instead of a one-line `string`. `<type>.<field>`. */
export const TEXTAREA_FIELDS: ReadonlySet<string> = new Set([
  'article.standfirst',
  'photo.caption',
  'quote.text',
])

/** The field Studio's "Generate" button builds each document's slug from. */
export const SLUG_SOURCES: Readonly<Record<string, string>> = {
  article: 'headline',
  person: 'name',
}

/**
 * URL schemes a `format: uri` field accepts, beside its JSON Schema `pattern`. Sanity's url type
 * checks http and https only by default, which would reject a valid mailto: link.
 */
export const URL_SCHEMES: Readonly<Record<string, readonly string[]>> = {
  'link.href': ['http', 'https', 'mailto'],
}

/**
 * How a document shows in Studio lists: `select` maps preview keys to field paths; `prepare`,
 * when given, is the source of a function from the selected values to title and subtitle.
 */
export const PREVIEWS: Readonly<
  Record<string, { select: Readonly<Record<string, string>>; prepare?: string }>
> = {
  article: { select: { title: 'headline', subtitle: 'dateline', media: 'photo.image' } },
  person: { select: { title: 'name', subtitle: 'role' } },
  photo: { select: { title: 'caption', subtitle: 'credit', media: 'image' } },
  // A quote has a named speaker or an attribution: show whichever it has.
  quote: {
    select: { title: 'text', speaker: 'speaker.name', attribution: 'attribution' },
    prepare: '({ title, speaker, attribution }) => ({ title, subtitle: speaker ?? attribution })',
  },
}

/** Display titles of field names and Portable Text values; a name not listed is title-cased. */
export const TITLES: Readonly<Record<string, string>> = {
  alt: 'Alt text',
  blockquote: 'Quote',
  bullet: 'Bulleted list',
  em: 'Emphasis',
  h2: 'Heading 2',
  h3: 'Heading 3',
  href: 'URL',
  number: 'Numbered list',
}

/** A display title for a property name or enum value: `datePublished` → `Date published`. */
export function humanize(name: string): string {
  const listed = TITLES[name]
  if (listed) return listed
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}
