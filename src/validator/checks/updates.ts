import { messages } from '../../messages.js'
import type { Finding } from './finding.js'

/**
 * An article's corrections and updates cannot come before the story they change: a date earlier
 * than `datePublished` is a typo in one of the two. Dates compare as the calendar dates written
 * when either is date-only (a date-time on the publication day is not "before" it), and as
 * instants when both have a time. Values the schema refuses are left to the schema's findings.
 */
export function updateDateFindings(document: Record<string, unknown>): Finding[] {
  const { datePublished, updates } = document
  if (typeof datePublished !== 'string' || !Array.isArray(updates)) return []
  return updates.flatMap((update, index) => {
    const date = (update as { date?: unknown } | null)?.date
    if (typeof date !== 'string' || !isBefore(date, datePublished)) return []
    return [
      {
        rule: 'article/update-before-publication',
        message: messages.updateBeforePublication(date, datePublished),
        pointer: `/updates/${index}/date`,
      },
    ]
  })
}

const CALENDAR = /^\d{4}-\d{2}-\d{2}$/

function isBefore(date: string, published: string): boolean {
  if (CALENDAR.test(date) || CALENDAR.test(published))
    return date.slice(0, 10) < published.slice(0, 10)
  const [a, b] = [Date.parse(date), Date.parse(published)]
  return !Number.isNaN(a) && !Number.isNaN(b) && a < b
}
