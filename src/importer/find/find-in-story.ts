import type { Findings, KnownEntity, WireStory } from '../story.js'
import { findOrganizations } from './organizations.js'
import { findPeople } from './people.js'
import { findQuotes } from './quotes.js'
import { partsOf } from './story-text.js'

/**
 * What a wire story names and quotes: its people (full names with the titles the story gives,
 * later mentions by surname, other spellings as alternate names), its organizations, its quotes
 * (direct and partial, with speaker or the story's words for an unnamed source, channel and
 * occasion), where each is named, and what an editor should check.
 *
 * People and organizations of the target folder (`known`) are reused when one of their names
 * matches; when two could match, none is chosen and a review item says so. Pure: reads nothing
 * but its arguments, and nothing is downloaded (compromise's lexicon ships in its package).
 */
export function findInStory(story: WireStory, known: KnownEntity[]): Findings {
  const parts = partsOf(story)
  const takenIds = new Set(known.map((k) => k.id))
  const people = findPeople(parts, known, takenIds)
  const organizations = findOrganizations(parts, known, takenIds, people.mentions)
  const quotes = findQuotes(parts, people, organizations.mentions)
  const order = (m: { range: { part: string; index: number; start: number } }) =>
    parts.findIndex((p) => p.part === m.range.part && p.index === m.range.index) * 1_000_000 +
    m.range.start
  return {
    people: people.people.map(({ surname: _s, introduced: _i, ...person }) => person),
    organizations: organizations.organizations,
    quotes: quotes.quotes,
    mentions: [...people.mentions, ...organizations.mentions].sort((a, b) => order(a) - order(b)),
    review: [...people.review, ...organizations.review, ...quotes.review],
  }
}
