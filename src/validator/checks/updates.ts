import { compareDates } from '../../date-order.js'
import { messages } from '../../messages.js'
import type { Finding } from './finding.js'

/**
 * An article's corrections and updates cannot come before the story they change: a date earlier
 * than `datePublished` is a typo in one of the two. Dates compare as `compareDates` orders them (a
 * date-time on the publication day is not before a date-only `datePublished`). Values that are
 * not strings are left to the schema's findings.
 */
export function updateDateFindings(document: Record<string, unknown>): Finding[] {
  const { datePublished, updates } = document
  if (typeof datePublished !== 'string' || !Array.isArray(updates)) return []
  return updates.flatMap((update, index) => {
    const date = (update as { date?: unknown } | null)?.date
    if (typeof date !== 'string' || compareDates(date, datePublished) >= 0) return []
    return [
      {
        rule: 'article/update-before-publication',
        message: messages.updateBeforePublication(date, datePublished),
        pointer: `/updates/${index}/date`,
      },
    ]
  })
}
