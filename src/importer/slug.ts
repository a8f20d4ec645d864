/** Slugs and ids of imported documents, made from the story's words. */

/** The longest slug the schemas accept (`common.schema.json#/$defs/slug`). */
const MAX_SLUG = 96

/**
 * `text` as a slug: lower-case ASCII letters and digits in words joined by single hyphens
 * ("First top-level US-Russia meeting" → `first-top-level-us-russia-meeting`). Accents are dropped
 * ("Müller" → `muller`); a slug longer than the schema allows is cut at a word boundary.
 * Returns '' when the text has no letter or digit.
 */
export function slugOf(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
  let slug = ''
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`
    if (next.length > MAX_SLUG) return slug === '' ? word.slice(0, MAX_SLUG) : slug
    slug = next
  }
  return slug
}
