/**
 * Publication dates. A date is read as the calendar date the story gives, never through the local
 * time zone, so "2023-03-03" is Friday, March 03, 2023 wherever the renderer runs.
 */
import { RenderError } from './errors.js'

/** A calendar date. `month` is 1 to 12. */
export interface CalendarDate {
  year: number
  month: number
  day: number
}

const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/
/** The weekdays' names, Sunday first (as `Date#getUTCDay` counts). */
export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
]
/** The months' names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/**
 * The calendar date of `datePublished` (or of another content date, at `pointer`): the date as
 * written, which for a date-time is the date at the publisher's own offset.
 * @throws {RenderError} when it is neither a date (YYYY-MM-DD) nor an RFC 3339 date-time.
 */
export function calendarDate(
  datePublished: string,
  documentId: string,
  pointer = '/datePublished',
): CalendarDate {
  const match = DATE.exec(datePublished)
  const [year, month, day] = [match?.[1], match?.[2], match?.[3]].map(Number) as [
    number,
    number,
    number,
  ]
  const check = new Date(Date.UTC(year, month - 1, day))
  if (match === null || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RenderError({
      rule: 'render/invalid-date',
      message: `${JSON.stringify(datePublished)} is not a date: write the calendar date as YYYY-MM-DD (for example 2023-03-03).`,
      documentId,
      pointer,
    })
  }
  return { year, month, day }
}

/** The date as the story prints it: "Friday, March 03, 2023". */
export function longDate({ year, month, day }: CalendarDate): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]
  return `${weekday}, ${MONTHS[month - 1]} ${String(day).padStart(2, '0')}, ${year}`
}

/** The date in a notice: "March 4, 2023" (the weekday and the zero of the page's date left out). */
export function shortDate({ year, month, day }: CalendarDate): string {
  return `${MONTHS[month - 1]} ${day}, ${year}`
}

/**
 * The machine-readable value for `<time datetime>` and JSON-LD: the date as written when it is a
 * calendar date; a date-time with `T` and `Z` in upper case, as HTML requires.
 */
export function machineDate(datePublished: string): string {
  return datePublished.toUpperCase()
}
