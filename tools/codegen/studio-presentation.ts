/**
 * Editor-facing choices the JSON Schemas cannot express and that belong to no one document type:
 * which URL schemes a url field allows, and the display titles of Portable Text styles, decorators
 * and lists. The per-type choices (previews, slug sources, text areas) are registry rows
 * (src/document-types.ts). None of these change what content is valid; they only shape the form.
 */

/**
 * URL schemes a `format: uri` field accepts, beside its JSON Schema `pattern`. Sanity's url type
 * checks http and https only by default, which would reject a valid mailto: link.
 */
export const URL_SCHEMES: Readonly<Record<string, readonly string[]>> = {
  'link.href': ['http', 'https', 'mailto'],
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
