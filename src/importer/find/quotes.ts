import type { FoundMention, FoundQuote, ReviewItem, TextRange } from '../story.js'
import type { PeopleFound } from './people.js'
import {
  nameSlug,
  type PartText,
  position,
  rangeIn,
  type Sentence,
  sentencesOf,
} from './story-text.js'
import {
  CHANNELS,
  NAMING_BEFORE,
  OCCASIONS,
  PRONOUNS,
  SPEECH_VERBS,
  TITLE_WORDS,
} from './tables.js'

/** A run of quoted words in one part: the offsets of its opening and closing marks. */
interface Segment {
  part: PartText
  /** The opening mark's offset. */
  open: number
  /** The closing mark's offset, or the part's length when the quote goes on in the next paragraph. */
  close: number
}

/** Quoted words: one segment, or one per paragraph for a quote that runs across paragraphs. */
type Quoted = Segment[]

const OPENING = new Set(['"', '“'])
const CLOSING = new Set(['"', '”'])

/**
 * The quoted spans of the story. A paragraph that ends inside a quote, followed by one that opens
 * with a quotation mark, continues the quote (the wire convention: no closing mark between).
 */
function quotedSpans(parts: PartText[]): Quoted[] {
  const spans: Quoted[] = []
  let going: Quoted | undefined
  for (const part of parts) {
    let open: number | undefined
    const marks = [...part.text.matchAll(/["“”]/g)]
    if (going && !(part.part === 'paragraph' && OPENING.has(part.text.charAt(0)))) going = undefined
    for (const mark of marks) {
      const ch = mark[0]
      if (open === undefined && OPENING.has(ch)) open = mark.index
      else if (open !== undefined && CLOSING.has(ch)) {
        const segment = { part, open, close: mark.index }
        if (going && open === 0) {
          going.push(segment)
          going = undefined
        } else spans.push([segment])
        open = undefined
      }
    }
    if (open !== undefined && part.part === 'paragraph') {
      const segment = { part, open, close: part.text.length }
      if (going && open === 0) going.push(segment)
      else {
        going = [segment]
        spans.push(going)
      }
    } else if (open === undefined && going && going.at(-1)?.part !== part) going = undefined
  }
  return spans
}

/** The words of a segment, without the marks, the reporter's trailing comma and spaces. */
function wordsOf(segment: Segment): { start: number; end: number } {
  const start = segment.open + 1
  const inner = segment.part.text.slice(start, segment.close)
  const trimmed = inner.replace(/[\s,]+$/u, '')
  return { start, end: start + trimmed.length }
}

const SPEECH = new RegExp(`\\b(?:${SPEECH_VERBS.join('|')})\\b`, 'u')
/** What may follow a speaker's name after `said`: the end of the clause. */
const INVERTED_END =
  /[,.;:!?]|\s(?:as|in|at|after|before|on|when|while|according|outside|during)\b/u
/** Clause openers that are not the subject ("Speaking to the court, he said"). */
const NOT_SUBJECT = new Set(
  'speaking which who whose however in at on after before earlier later meanwhile asking adding addressing'.split(
    ' ',
  ),
)
const TRAILING_ADVERBS = /(?:\s+(?:later|also|again|then|however|\p{L}+ly))+$/u

/** A text of a part with where it starts, so that matches in it map back to the part. */
interface Clause {
  part: PartText
  start: number
  text: string
}

/** Who said it, as the finder resolves a subject. */
interface Speaker {
  speaker?: string | undefined
  attribution?: string | undefined
  /** Whether the words named a speaker at all (otherwise the quote continues the last one's). */
  named: boolean
}

/** Finds the quotes, their kinds, speakers, channels and occasions; and names in quotation marks. */
export function findQuotes(
  parts: PartText[],
  people: PeopleFound,
  organizationMentions: FoundMention[],
): { quotes: FoundQuote[]; review: ReviewItem[] } {
  const mentions = [...people.mentions, ...organizationMentions]
  const review: ReviewItem[] = []
  const quotes: FoundQuote[] = []
  const sentences = new Map(parts.map((p) => [p, sentencesOf(p.text)]))
  const sentenceAt = (part: PartText, offset: number) =>
    (sentences.get(part) as Sentence[]).find((s) => s.start <= offset && offset < s.end) ??
    ((sentences.get(part) as Sentence[]).at(-1) as Sentence)
  const mentionsIn = (part: PartText, start: number, end: number) =>
    mentions.filter(
      (m) =>
        m.range.part === part.part &&
        m.range.index === part.index &&
        m.range.start >= start &&
        m.range.end <= end,
    )
  const isAmbiguous = (part: PartText, start: number, end: number) =>
    people.ambiguous.some((a) => a.part === part && a.start >= start && a.end <= end)

  let lastPerson: string | undefined
  let lastQuote: { quote: FoundQuote; part: PartText } | undefined

  /** The speaker a subject phrase names: a person or organization in it, a pronoun, or its words. */
  const resolve = (clause: Clause): Speaker => {
    let at = clause.start
    const segments = clause.text.split(',').map((text) => {
      const segment = { text, start: at }
      at += text.length + 1
      return segment
    })
    for (const segment of segments) {
      const found = mentionsIn(
        clause.part,
        segment.start,
        segment.start + segment.text.length,
      ).filter((m) => !/^['’]/u.test(clause.part.text.slice(m.range.end)))
      const named = found.find((m) => m.kind === 'person') ?? found[0]
      if (!named) continue
      if (named.kind === 'person') return { speaker: named.id, named: true }
      return { speaker: named.id, attribution: cleanAttribution(segment.text), named: true }
    }
    const subject = segments.find((s) => {
      const first = s.text.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
      return first !== '' && !NOT_SUBJECT.has(first)
    })
    if (!subject) return { named: false }
    const words = subject.text.trim()
    if (PRONOUNS.has(words.toLowerCase())) return { speaker: lastPerson, named: true }
    if (isAmbiguous(clause.part, subject.start, subject.start + subject.text.length))
      return { named: true }
    return { attribution: cleanAttribution(words), named: true }
  }

  /** The subject of the speech verb in a clause, before it or, inverted ("said X"), after it. */
  const speakerIn = (clause: Clause): Speaker | undefined => {
    const text = clause.text.replace(/^[\s,]+/u, '')
    const lead = clause.text.length - text.length
    const verb = SPEECH.exec(text)
    if (!verb) return undefined
    if (verb.index === 0) {
      const rest = text.slice(verb[0].length)
      const end = INVERTED_END.exec(rest)?.index ?? rest.length
      return resolve({
        part: clause.part,
        start: clause.start + lead + verb[0].length,
        text: rest.slice(0, end),
      })
    }
    return resolve({
      part: clause.part,
      start: clause.start + lead,
      text: text.slice(0, verb.index),
    })
  }

  const subjects = subjectsOf(sentences, mentions)
  for (const quoted of quotedSpans(parts)) {
    const first = quoted[0] as Segment
    const last = quoted.at(-1) as Segment
    const opening = sentenceAt(first.part, first.open)
    // The sentences before this one whose subject is a named person: "she" is the last of them.
    while (
      subjects.length > 0 &&
      (subjects[0] as { at: number }).at < position(first.part, opening.start)
    )
      lastPerson = subjects.shift()?.person
    const closing = sentenceAt(last.part, Math.min(last.close, last.part.text.length - 1))
    const before: Clause = {
      part: first.part,
      start: opening.start,
      text: first.part.text.slice(opening.start, first.open),
    }
    const afterStart = Math.min(last.close + 1, last.part.text.length)
    const after: Clause = {
      part: last.part,
      start: afterStart,
      text: last.part.text.slice(afterStart, closing.end),
    }
    const words = quoted.map(wordsOf)
    const text = quoted
      .map((s, i) =>
        s.part.text.slice((words[i] as { start: number }).start, (words[i] as { end: number }).end),
      )
      .join(' ')
    const ranges: TextRange[] = quoted.map((s, i) =>
      rangeIn(s.part, (words[i] as { start: number }).start, (words[i] as { end: number }).end),
    )
    const lead = before.text.trim()
    const whole =
      quoted.length > 1 ||
      lead === '' ||
      /:$/u.test(lead) ||
      new RegExp(`${SPEECH.source},$`, 'u').test(lead)
    const speechNear = SPEECH.test(before.text) || SPEECH.test(after.text)
    if (!whole && (NAMING_BEFORE.test(before.text) || !speechNear)) {
      review.push({
        code: 'import/name-in-quotes',
        message: `"${text}" is in quotation marks but was taken as a name, not a quote: check that nobody is quoted.`,
        range: ranges[0],
      })
      continue
    }
    const kind: FoundQuote['kind'] = whole ? 'direct' : 'partial'
    // A whole quote's speaker is named after it ("…," X said) or before it (X said: "…");
    // a fragment's by the verb that reports it.
    const order = whole ? [after, before] : [before, after]
    let who: Speaker | undefined
    for (const clause of order) {
      who = speakerIn(clause)
      if (who) break
    }
    const quote: FoundQuote = { id: '', text, kind, ranges }
    if (!who?.named && lastQuote && (lastQuote.part === first.part || first.open === 0)) {
      // No speech verb: the words go on from the quote before them ("…," X said. "…").
      quote.speaker = lastQuote.quote.speaker
      quote.attribution = lastQuote.quote.attribution
    } else {
      quote.speaker = who?.speaker
      quote.attribution = who?.attribution
    }
    Object.assign(quote, channelOf([after, before], mentions), occasionOf([before, after]))
    if (quote.speaker === undefined && quote.attribution === undefined)
      review.push({
        code: 'import/unresolved-speaker',
        message: `Nobody was found to have said "${shorten(text)}": add the speaker by hand.`,
        range: ranges[0],
      })
    else if (quote.speaker === undefined)
      review.push({
        code: 'import/unnamed-source',
        message: `"${shorten(text)}" is attributed to "${quote.attribution}", in the story's words: no person or organization was found for it. Check the attribution, or make it the speaker.`,
        range: ranges[0],
      })
    if (quote.speaker && mentions.find((m) => m.id === quote.speaker)?.kind === 'person')
      lastPerson = quote.speaker
    quotes.push(quote)
    lastQuote = { quote, part: last.part }
  }
  return { quotes: dropUndefined(quotes), review }
}

/**
 * Where each sentence's subject is a named person ("Brandt, who denied all charges, showed…"):
 * the person a later "he" or "she" refers back to. In reading order.
 */
function subjectsOf(
  sentences: Map<PartText, Sentence[]>,
  mentions: FoundMention[],
): { at: number; person: string }[] {
  const subjects: { at: number; person: string }[] = []
  for (const [part, list] of sentences) {
    for (const sentence of list) {
      const first = mentions
        .filter(
          (m) =>
            m.kind === 'person' &&
            m.range.part === part.part &&
            m.range.index === part.index &&
            m.range.start >= sentence.start &&
            m.range.start < sentence.end,
        )
        .sort((a, b) => a.range.start - b.range.start)[0]
      if (!first) continue
      const lead = part.text.slice(sentence.start, first.range.start)
      const words = lead
        .trim()
        .split(/\s+/u)
        .filter((w) => w !== '')
      if (words.every((w) => /^\p{Lu}/u.test(w) || TITLE_WORDS.has(w)))
        subjects.push({ at: position(part, sentence.start), person: first.id })
    }
  }
  return subjects.sort((a, b) => a.at - b.at)
}

/** The way the words came, from the first channel phrase of the clauses (after the quote first). */
function channelOf(
  clauses: Clause[],
  mentions: FoundMention[],
): Pick<FoundQuote, 'via' | 'channel'> {
  for (const pattern of CHANNELS) {
    const indexed = new RegExp(pattern.source, `${pattern.flags}d`)
    for (const clause of clauses) {
      const match = indexed.exec(clause.text)
      if (!match) continue
      const via = match[0].trim()
      const group = match.indices?.groups?.channel
      let channel: string | undefined
      if (group) {
        const [start, end] = [clause.start + group[0], clause.start + group[1]]
        channel = mentions.find(
          (m) =>
            m.kind === 'organization' &&
            m.range.part === clause.part.part &&
            m.range.index === clause.part.index &&
            m.range.start >= start &&
            m.range.end <= end,
        )?.id
      }
      return { via, channel }
    }
  }
  return {}
}

/** Where the words were said, when the sentence states it. */
function occasionOf(clauses: Clause[]): Pick<FoundQuote, 'occasion'> {
  for (const pattern of OCCASIONS)
    for (const clause of clauses) {
      const occasion = pattern.exec(clause.text)?.groups?.occasion
      if (occasion) return { occasion: occasion.trim() }
    }
  return {}
}

/** A subject phrase as an attribution: without a relative clause or trailing adverbs. */
function cleanAttribution(text: string): string {
  return text
    .trim()
    .replace(/\s+(?:who|which|whose|that)\b.*$/u, '')
    .replace(TRAILING_ADVERBS, '')
    .trim()
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/** Quotes without keys whose value is undefined, and with ids. */
function dropUndefined(quotes: FoundQuote[]): FoundQuote[] {
  const used = new Set<string>()
  return quotes.map((q) => {
    const who =
      q.speaker?.replace(/^(?:person|organization)-/, '') ?? nameSlug(q.attribution ?? 'unknown')
    const surname = q.speaker?.startsWith('person-') ? who.split('-').at(-1) : who
    const base = `quote-${surname}-${nameSlug(q.text.split(/\s+/).slice(0, 4).join(' '))}`
      .slice(0, 80)
      .replace(/-+$/, '')
    let id = base
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`
    used.add(id)
    const clean: FoundQuote = { id, text: q.text, kind: q.kind, ranges: q.ranges }
    for (const key of ['speaker', 'attribution', 'via', 'channel', 'occasion'] as const)
      if (q[key] !== undefined) clean[key] = q[key]
    return clean
  })
}
