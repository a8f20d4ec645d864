/**
 * Quotes grouped by who said them, as the who-said-what lists show them: one group per person or
 * organization, one per distinct attribution of an unnamed source ("a senior US official").
 * Groups follow the order in which their first quote appears in the stories.
 */
import type { Quote } from '../../generated/types.js'
import { type ContentIndex, type Speaker, speakerOf } from '../content-index.js'
import { firstPlace } from './person.js'

/** A speaker and their quotes, in reading order. */
export interface SpeakerGroup {
  speaker: Speaker
  quotes: Quote[]
}

/** `quotes` grouped by speaker (see the file's comment). */
export function groupBySpeaker(quotes: readonly Quote[], index: ContentIndex): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>()
  const sorted = [...quotes].sort(
    (a, b) => firstPlace(a, index) - firstPlace(b, index) || (a._id < b._id ? -1 : 1),
  )
  for (const quote of sorted) {
    const speaker = speakerOf(quote, index)
    const key =
      speaker.kind === 'person'
        ? `person:${speaker.person._id}`
        : speaker.kind === 'organization'
          ? `organization:${speaker.organization._id}`
          : `said:${speaker.text}`
    const group = groups.get(key) ?? { speaker, quotes: [] }
    group.quotes.push(quote)
    groups.set(key, group)
  }
  return [...groups.values()]
}
