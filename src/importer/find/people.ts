import type { FoundMention, FoundPerson, KnownEntity, ReviewItem } from '../story.js'
import { matchKnown } from './known.js'
import { isFirstName, nameSlug, type PartText, position, rangeIn } from './story-text.js'
import { NOT_NAMES, OFFICES, ORGANIZATION_HEADS, SPEECH_VERBS, TITLE_WORDS } from './tables.js'

/** A word of a text and where it is. */
interface Token {
  text: string
  start: number
  end: number
}

/** A place where a story writes a person's full name, with the title it gives there. */
interface FullName {
  part: PartText
  start: number
  end: number
  name: string
  role?: string | undefined
}

/** A place where a story writes a surname after a title ("Councillor Marsh"). */
interface TitledSurname {
  part: PartText
  start: number
  end: number
  surname: string
  title: string
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const POSSESSIVE = /['’]s?$/u
const NAME_WORD = "[\\p{Lu}][\\p{L}'’-]*"
const OFFICE_PATTERN = [...OFFICES]
  .sort((a, b) => b.length - a.length)
  .map((o) => o.replace(/ /g, '\\s+'))
  .join('|')
/** A title that ends with an office, then a name of one to three words. */
const TITLED_NAME = new RegExp(
  `^(.*\\b(?:${OFFICE_PATTERN}))\\s+((?:${NAME_WORD}\\s+){0,2}${NAME_WORD})$`,
  'u',
)
const SPEECH = SPEECH_VERBS.join('|')
/** A speech verb just before a name ("said Declan Moore"). */
const SPEAKER_BEFORE = new RegExp(`\\b(?:${SPEECH}) $`, 'u')
/** A speech verb just after a name ("Aoife Keane told"). */
const SPEAKER_AFTER = new RegExp(`^ (?:${SPEECH})\\b`, 'u')
const ORGANIZATION_WORDS = new Set(ORGANIZATION_HEADS.flatMap((h) => h.split(' ')))

const capitalized = (word: string) => /^\p{Lu}/u.test(word)
const withoutPossessive = (word: string) => word.replace(/['’]s$|['’]$/u, '')

/** Runs of capitalized words (and the lower-case words titles use) with one space between them. */
function runsOf(text: string): Token[][] {
  const runs: Token[][] = []
  let run: Token[] = []
  for (const match of text.matchAll(TOKEN)) {
    const token = { text: match[0], start: match.index, end: match.index + match[0].length }
    const fits = capitalized(token.text) || TITLE_WORDS.has(token.text)
    const joined = run.length > 0 && text.slice((run.at(-1) as Token).end, token.start) === ' '
    if (!fits || (run.length > 0 && !joined)) {
      if (run.length > 0) runs.push(run)
      run = fits ? [token] : []
    } else run.push(token)
    // A possessive ends a name: "Russia's Lavrov" is two runs.
    if (fits && POSSESSIVE.test(token.text) && /['’]/u.test(token.text)) {
      runs.push(run)
      run = []
    }
  }
  if (run.length > 0) runs.push(run)
  return runs
    .map((r) => {
      let from = 0
      let to = r.length
      while (
        from < to &&
        (!capitalized((r[from] as Token).text) || NOT_NAMES.has((r[from] as Token).text))
      )
        from++
      while (to > from && !capitalized((r[to - 1] as Token).text)) to--
      return r.slice(from, to)
    })
    .filter((r) => r.length > 0)
}

/** The full names and titled surnames a part writes. */
function namesIn(part: PartText): { full: FullName[]; titled: TitledSurname[] } {
  const full: FullName[] = []
  const titled: TitledSurname[] = []
  for (const run of runsOf(part.text)) {
    const start = (run[0] as Token).start
    const text = part.text.slice(start, (run.at(-1) as Token).end)
    const match = TITLED_NAME.exec(text)
    if (match) {
      const role = match[1] as string
      const name = withoutPossessive(match[2] as string)
      const at = start + text.length - (match[2] as string).length
      const words = name.split(/\s+/)
      if (words.some((w) => NOT_NAMES.has(w) || ORGANIZATION_WORDS.has(w))) continue
      if (words.length >= 2) full.push({ part, start: at, end: at + name.length, name, role })
      else titled.push({ part, start: at, end: at + name.length, surname: name, title: role })
      continue
    }
    // No title, as a speaker: two or three capitalized words just before or after a speech verb
    // ("said Declan Moore", "union president Aoife Keane told"), whether or not the lexicon knows them.
    const end = (run.at(-1) as Token).end
    const speaking =
      SPEAKER_BEFORE.test(part.text.slice(0, start)) || SPEAKER_AFTER.test(part.text.slice(end))
    if (
      speaking &&
      run.length >= 2 &&
      run.length <= 3 &&
      run.every(
        (w) =>
          capitalized(w.text) && !ORGANIZATION_WORDS.has(w.text) && !/^\p{Lu}{2,}$/u.test(w.text),
      )
    ) {
      const name = withoutPossessive(text)
      full.push({ part, start, end: start + name.length, name })
      continue
    }
    // No title: a first name the lexicon knows, then one or two more capitalized words.
    for (let from = 0; from + 1 < run.length; from++) {
      const words = run.slice(from, Math.min(run.length, from + 3))
      const given = (words[0] as Token).text
      // An acronym is not a first name, whatever the lexicon says ("RIA Novosti").
      if (/^\p{Lu}{2,}$/u.test(given) || !isFirstName(given)) continue
      if (words.some((w) => ORGANIZATION_WORDS.has(w.text) || NOT_NAMES.has(w.text))) break
      const last = words.at(-1) as Token
      const name = withoutPossessive(part.text.slice((words[0] as Token).start, last.end))
      full.push({
        part,
        start: (words[0] as Token).start,
        end: (words[0] as Token).start + name.length,
        name,
      })
      break
    }
  }
  return { full, titled }
}

/** The number of single-character edits between two words. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    previous = row
  }
  return previous[b.length] as number
}

const surnameOf = (name: string) => name.split(/\s+/).at(-1) as string
const givenOf = (name: string) => name.split(/\s+/).slice(0, -1).join(' ')

/** Whether two full names with one surname are spellings of one name ("Sergey"/"Sergei"). */
function sameName(a: string, b: string): boolean {
  const [x, y] = [givenOf(a), givenOf(b)]
  return x === y || (x[0] === y[0] && editDistance(x, y) <= 2)
}

/** A person as the finder builds them, with where the story introduces them. */
export interface PersonFound extends FoundPerson {
  surname: string
  /** Where the story first writes the full name, in reading order. */
  introduced: number
}

/** People, their mentions and what to review about them. */
export interface PeopleFound {
  people: PersonFound[]
  mentions: FoundMention[]
  review: ReviewItem[]
  /** Ranges of bare surnames the finder would not guess between (for the speaker rules). */
  ambiguous: { part: PartText; start: number; end: number }[]
}

/** Finds the people a story names: full names with titles, and later mentions by surname. */
export function findPeople(
  parts: PartText[],
  known: KnownEntity[],
  takenIds: Set<string>,
): PeopleFound {
  const full: FullName[] = []
  const titled: TitledSurname[] = []
  for (const part of parts) {
    const names = namesIn(part)
    full.push(...names.full)
    titled.push(...names.titled)
  }
  const review: ReviewItem[] = []
  // One person per spelling cluster: the body's spelling is the name, the others alternates.
  const clusters: FullName[][] = []
  for (const occurrence of full) {
    const cluster = clusters.find((c) => {
      const first = c[0] as FullName
      return (
        surnameOf(first.name) === surnameOf(occurrence.name) &&
        sameName(first.name, occurrence.name)
      )
    })
    if (cluster) cluster.push(occurrence)
    else clusters.push([occurrence])
  }
  const people: PersonFound[] = []
  const mentions: FoundMention[] = []
  const ambiguous: PeopleFound['ambiguous'] = []
  for (const cluster of clusters) {
    const body = cluster.find((o) => o.part.part === 'paragraph') ?? (cluster[0] as FullName)
    const spellings = [...new Set(cluster.map((o) => o.name))]
    const alternateNames = spellings.filter((s) => s !== body.name)
    const roles = cluster.map((o) => o.role).filter((r): r is string => r !== undefined)
    const role = roles.sort((a, b) => b.length - a.length)[0]
    const match = matchKnown('person', [body.name, ...alternateNames], known, takenIds, review)
    const id = match.existing ? match.id : uniqueId(`person-${nameSlug(body.name)}`, takenIds)
    takenIds.add(id)
    for (const alternate of alternateNames)
      review.push({
        code: 'import/alternate-name',
        message: `"${alternate}" is taken as another spelling of "${body.name}": check that they are one person.`,
        documentId: id,
      })
    const introduced = Math.min(...cluster.map((o) => position(o.part, o.start)))
    people.push({
      id,
      existing: match.existing,
      name: body.name,
      alternateNames,
      role,
      surname: surnameOf(body.name),
      introduced,
    })
    for (const o of cluster)
      mentions.push({ kind: 'person', id, range: rangeIn(o.part, o.start, o.end) })
  }
  // A known person the story names only by surname, when only one known person has it.
  const surnames = new Set(people.map((p) => p.surname))
  for (const entity of known.filter((k) => k.kind === 'person')) {
    const surname = surnameOf(entity.name)
    if (surnames.has(surname)) continue
    const used = parts.find((p) => new RegExp(`\\b${surname}\\b`, 'u').test(p.text))
    if (!used) continue
    const others = known.filter((k) => k.kind === 'person' && surnameOf(k.name) === surname)
    if (others.length > 1) {
      review.push({
        code: 'import/ambiguous-match',
        message: `"${surname}" could be any of ${others.map((o) => o.id).join(', ')}: the importer did not choose; annotate it by hand.`,
      })
      surnames.add(surname)
      continue
    }
    people.push({
      id: entity.id,
      existing: true,
      name: entity.name,
      alternateNames: [],
      surname,
      introduced: Number.POSITIVE_INFINITY,
    })
    surnames.add(surname)
  }
  const covered = (part: PartText, start: number) =>
    mentions.some(
      (m) =>
        m.range.part === part.part &&
        m.range.index === part.index &&
        m.range.start <= start &&
        start < m.range.end,
    )
  // Surnames alone, and after a title: the one person with that surname, or no guess.
  for (const part of parts) {
    for (const match of part.text.matchAll(TOKEN)) {
      const word = withoutPossessive(match[0])
      if (!surnames.has(word) || covered(part, match.index)) continue
      const title = titled.find((t) => t.part === part && t.start === match.index)?.title
      const person = resolveSurname(word, title, position(part, match.index), people)
      const range = rangeIn(part, match.index, match.index + word.length)
      if (person) mentions.push({ kind: 'person', id: person.id, range })
      else if (people.some((p) => p.surname === word)) {
        ambiguous.push({ part, start: range.start, end: range.end })
        review.push({
          code: 'import/ambiguous-match',
          message: `"${word}" could be ${people
            .filter((p) => p.surname === word)
            .map((p) => p.name)
            .join(' or ')}: the importer did not choose; annotate it by hand.`,
          range,
        })
      }
    }
  }
  return { people, mentions, review, ambiguous }
}

/**
 * The person a bare surname refers to: the one whose title it follows, else the one person with
 * that surname introduced before it (or in the whole story); undefined when that is not one.
 */
function resolveSurname(
  surname: string,
  title: string | undefined,
  at: number,
  people: PersonFound[],
): PersonFound | undefined {
  let candidates = people.filter((p) => p.surname === surname)
  if (candidates.length > 1 && title) {
    const word = title.split(/\s+/).at(-1) as string
    const titledAs = candidates.filter((p) => p.role?.split(/\s+/).includes(word))
    if (titledAs.length > 0) candidates = titledAs
  }
  if (candidates.length > 1) {
    const before = candidates.filter((p) => p.introduced < at)
    if (before.length > 0) candidates = before
  }
  return candidates.length === 1 ? candidates[0] : undefined
}

/** `base`, or `base-2`, `base-3`… when a document already has that id. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}
