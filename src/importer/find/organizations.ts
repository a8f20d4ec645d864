import type { FoundMention, FoundOrganization, KnownEntity, ReviewItem } from '../story.js'
import { matchKnown } from './known.js'
import { uniqueId } from './people.js'
import { escapeRegExp, nameSlug, type PartText, rangeIn } from './story-text.js'
import { INSTITUTIONS, NOT_NAMES, ORGANIZATION_HEADS, ORGANIZATION_NOUNS } from './tables.js'

/** A place where a part names an organization, with the name it stands for there. */
interface Candidate {
  part: PartText
  start: number
  end: number
  name: string
  /** The long form a "Long Name (ABBR)" gives beside its abbreviation. */
  longName?: string
}

const PROPER = "[\\p{Lu}][\\p{L}\\p{N}'’-]*"
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')

/** The rules: each pattern gives a name, as its `name` group or its whole match. */
const RULES: { pattern: RegExp; long?: boolean }[] = [
  // "Group of 20 (G20)": one mention, named by the abbreviation, the long form an alternate name.
  {
    pattern: new RegExp(
      `(?<long>${PROPER}(?: (?:of|for|and|the|${PROPER}|\\d+))+) \\((?<name>[\\p{Lu}\\d.]{2,})\\)`,
      'gu',
    ),
    long: true,
  },
  {
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}.])(?:${alternation(INSTITUTIONS)})(?![\\p{L}\\p{N}])`,
      'gu',
    ),
  },
  // "Kessling District Court", "Harbourton Chamber of Commerce", "World Trade Organization".
  {
    pattern: new RegExp(
      `(?:${PROPER} )+(?:${alternation(ORGANIZATION_HEADS)})(?: of(?: the)? ${PROPER}(?: ${PROPER})*)?(?![\\p{L}])`,
      'gu',
    ),
  },
  // "the Meridian news agency" names Meridian, as the seed's "RIA Novosti news agency" does.
  { pattern: new RegExp(`(?<name>${PROPER}(?: ${PROPER})*) news agency\\b`, 'gu') },
  // "Russian foreign ministry", "German delegation", "Harbourton city council".
  {
    pattern: new RegExp(
      `${PROPER}(?: ${PROPER})* (?:${alternation(ORGANIZATION_NOUNS.filter((n) => n !== 'news agency'))})(?![\\p{L}])`,
      'gu',
    ),
  },
]

/** Drops the capitalized sentence openers a match may start with ("The Pentagon" → "Pentagon"). */
function trimOpeners(text: string): number {
  let cut = 0
  for (const word of text.split(' ')) {
    if (!NOT_NAMES.has(word)) break
    cut += word.length + 1
  }
  return cut
}

/** Organizations, their mentions and what to review about them. */
export interface OrganizationsFound {
  organizations: FoundOrganization[]
  mentions: FoundMention[]
  review: ReviewItem[]
}

/**
 * Finds the organizations a story names: fixed institutions, proper names ending in an
 * organization noun, nationality + ministry/delegation/news agencies, "Long Name (ABBR)", and
 * the target folder's known organizations by name or alternate name. `taken` holds the ranges
 * already given to people, which an organization may not overlap.
 */
export function findOrganizations(
  parts: PartText[],
  known: KnownEntity[],
  takenIds: Set<string>,
  taken: FoundMention[],
): OrganizationsFound {
  const knownNames = known
    .filter((k) => k.kind === 'organization')
    .flatMap((k) => [k.name, ...k.alternateNames])
  const rules = knownNames.length
    ? [
        ...RULES,
        {
          pattern: new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${alternation(knownNames)})(?![\\p{L}\\p{N}])`,
            'gu',
          ),
        },
      ]
    : RULES
  let candidates: Candidate[] = []
  for (const part of parts) {
    for (const rule of rules) {
      for (const match of part.text.matchAll(rule.pattern)) {
        const cut = rule.long ? 0 : trimOpeners(match[0])
        const start = match.index + cut
        const end = match.index + match[0].length
        const name = match.groups?.name ?? part.text.slice(start, end)
        if (!match.groups?.name && cut === match[0].length) continue
        const nameAt = match.groups?.name && !rule.long ? match.index : start
        const candidate: Candidate = {
          part,
          start: nameAt,
          end: rule.long ? end : nameAt + name.length,
          name,
        }
        if (rule.long && match.groups?.long) candidate.longName = match.groups.long
        candidates.push(candidate)
      }
    }
  }
  // Longest first; a candidate inside a longer one, or over a person's name, is dropped.
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start))
  const kept: Candidate[] = []
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    a.start < b.end && b.start < a.end
  for (const c of candidates) {
    const samePart = (r: { part: string; index: number }) =>
      r.part === c.part.part && r.index === c.part.index
    if (kept.some((k) => k.part === c.part && overlaps(k, c))) continue
    if (taken.some((m) => samePart(m.range) && overlaps(m.range, c))) continue
    kept.push(c)
  }
  candidates = kept.sort((a, b) => a.part.order - b.part.order || a.start - b.start)

  // One organization per name; a long form joins its abbreviation's organization.
  const review: ReviewItem[] = []
  const groups = new Map<string, { names: Map<string, number>; candidates: Candidate[] }>()
  const keyOf = new Map<string, string>()
  for (const c of candidates) {
    const key = keyOf.get(c.name.toLowerCase()) ?? c.name.toLowerCase()
    keyOf.set(c.name.toLowerCase(), key)
    if (c.longName) keyOf.set(c.longName.toLowerCase(), key)
    const group = groups.get(key) ?? {
      names: new Map<string, number>(),
      candidates: [] as Candidate[],
    }
    group.names.set(c.name, (group.names.get(c.name) ?? 0) + 1)
    if (c.longName) group.names.set(c.longName, group.names.get(c.longName) ?? 0)
    group.candidates.push(c)
    groups.set(key, group)
  }
  const organizations: FoundOrganization[] = []
  const mentions: FoundMention[] = []
  for (const group of groups.values()) {
    // The most used spelling is the name ("G20", not "Group of 20").
    const spellings = [...group.names.entries()].sort((a, b) => b[1] - a[1]).map(([n]) => n)
    const name = capitalizeFirst(spellings[0] as string)
    const match = matchKnown('organization', spellings, known, takenIds, review)
    const id = match.existing ? match.id : uniqueId(`organization-${nameSlug(name)}`, takenIds)
    takenIds.add(id)
    organizations.push({ id, existing: match.existing, name, alternateNames: spellings.slice(1) })
    for (const c of group.candidates)
      mentions.push({ kind: 'organization', id, range: rangeIn(c.part, c.start, c.end) })
  }
  return { organizations, mentions, review }
}

/** "Russian foreign ministry" stays; "the…" never reaches here; a lower-case start is raised. */
function capitalizeFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1)
}
