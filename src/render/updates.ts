/**
 * An article's corrections and updates, as every rendering shows them: in the order the content
 * lists them, each labelled by its kind and dated as written (a time only when the content has
 * one).
 */
import { compareDates } from '../date-order.js'
import type { Article, ArticleUpdate } from '../generated/types.js'
import { calendarDate, shortDate } from './dates.js'

/**
 * The date the article was last changed: the latest of its updates' dates, as written (a calendar
 * date, or a date-time only when the update has a time), or `undefined` when it has none. Feeds
 * and sitemaps use it as the updated date; a date-only value must not be padded with an invented
 * time.
 */
export function lastModified(article: Article): string | undefined {
  let latest: string | undefined
  for (const { date } of article.updates ?? []) {
    if (latest === undefined || compareDates(date, latest) >= 0) latest = date
  }
  return latest
}

/** "Correction, March 4, 2023" or "Update, March 4, 2023": the label of a notice. */
export function updateLabel(update: ArticleUpdate, article: Article, position: number): string {
  return `${updateKind(update)}, ${updateDate(update, article, position)}`
}

/** "Correction" or "Update". */
export function updateKind(update: ArticleUpdate): string {
  return update.kind === 'correction' ? 'Correction' : 'Update'
}

/** The update's date as a notice prints it ("March 4, 2023"); `position` is its index in `updates`. */
export function updateDate(update: ArticleUpdate, article: Article, position: number): string {
  return shortDate(calendarDate(update.date, article._id, `/updates/${position}/date`))
}
