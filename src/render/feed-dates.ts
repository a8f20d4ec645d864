/**
 * Dates for the feeds and sitemaps. Atom and JSON Feed need an RFC 3339 date-time; the content
 * may give a calendar date alone (the seed does).
 */

/** Whether `date` carries a time of day (an RFC 3339 date-time, not a calendar date alone). */
function hasTime(date: string): boolean {
  return /[Tt]/.test(date)
}

/**
 * `datePublished` as an RFC 3339 date-time: a date-time as written (`T` and `Z` upper case); a
 * calendar date as noon UTC of that day (`2023-03-03T12:00:00Z`). Atom requires a date-time in
 * every entry, so a date alone has to be given some time of day, and the README says which. Noon
 * UTC is the one whose local date is the story's date from UTC−11 to UTC+11, so a feed reader in
 * New York or New Delhi shows the date the story prints; midnight UTC would show the day before
 * anywhere in the Americas.
 */
export function feedDateTime(datePublished: string): string {
  return hasTime(datePublished) ? datePublished.toUpperCase() : `${datePublished}T12:00:00Z`
}

/**
 * The earliest instant `datePublished` allows, in ms: a date-time's own; a date alone, the start
 * of its day in UTC. The news sitemap's window counts from here, so a story dated today is listed
 * from the first hour of the day, whatever time it went out.
 */
export function publishedAt(datePublished: string): number {
  return Date.parse(hasTime(datePublished) ? datePublished : `${datePublished}T00:00:00Z`)
}
