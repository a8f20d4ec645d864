/**
 * The order of two content dates, each a calendar date (YYYY-MM-DD) or an RFC 3339 date-time.
 * When either is date-only they compare as the calendar dates written: a time cannot be invented
 * for the other, so a date-time on the same day is neither before nor after it. Two date-times
 * compare as instants, whatever their offsets.
 *
 * @returns a negative number when `a` is earlier, positive when later, 0 when neither.
 */
export function compareDates(a: string, b: string): number {
  if (CALENDAR.test(a) || CALENDAR.test(b)) {
    const [dayA, dayB] = [a.slice(0, 10), b.slice(0, 10)]
    return dayA < dayB ? -1 : dayA > dayB ? 1 : 0
  }
  const difference = Date.parse(a) - Date.parse(b)
  return Number.isNaN(difference) ? 0 : difference
}

const CALENDAR = /^\d{4}-\d{2}-\d{2}$/
