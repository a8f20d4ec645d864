/**
 * Dates for the feeds and sitemaps. Atom and JSON Feed need an RFC 3339 date-time; the content
 * may give a calendar date alone (the seed does).
 */

/**
 * `datePublished` as an RFC 3339 date-time: a date-time as written (`T` and `Z` upper case); a
 * calendar date as the start of that day in UTC (`2023-03-03T00:00:00Z`). Atom requires a
 * date-time in every entry, so a date alone has to be given some time of day; midnight UTC is the
 * one that keeps the calendar date the story prints, and the README says so.
 */
export function feedDateTime(datePublished: string): string {
  return /[Tt]/.test(datePublished) ? datePublished.toUpperCase() : `${datePublished}T00:00:00Z`
}

/** The instant of `datePublished` (a date alone: the start of its day in UTC), in ms. */
export function publishedAt(datePublished: string): number {
  return Date.parse(feedDateTime(datePublished))
}
