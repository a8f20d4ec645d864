/**
 * The who-said-what page: every quote, grouped by speaker. A person's or organization's group links
 * to their page (an organization under the story's words for it, "A State Department
 * spokesperson"); an unnamed source is shown exactly as the story attributes it ("a senior US
 * official").
 * Groups follow the order in which their first quote appears in the story.
 */
import type { Quote } from '../../generated/types.js'
import { type ContentIndex, quoteAnchor, type Speaker, speakerOf } from '../content-index.js'
import { escapeText } from '../escape.js'
import { element } from '../html.js'
import { QUOTES_PAGE } from '../paths.js'
import { htmlDocument } from './layout.js'
import { firstPlace } from './person.js'
import { quoteEntryHtml, speakerHtml } from './quote-entry.js'

interface Group {
  speaker: Speaker
  quotes: Quote[]
}

/** The HTML document of the who-said-what page. */
export function quotesPageHtml(index: ContentIndex): string {
  const page = QUOTES_PAGE
  const groups = groupBySpeaker(index)
  const main = [
    '<h1>Who said what</h1>',
    '<p>Every quote in the story, grouped by who said it. Unnamed sources are named as the story attributes them.</p>',
    ...groups.map((group, i) => groupHtml(group, i, index, page)),
  ]
  return htmlDocument({ page, title: 'Who said what', main: main.join('\n') })
}

/** Quotes grouped by speaker: one group per person or organization, one per distinct attribution. */
export function groupBySpeaker(index: ContentIndex): Group[] {
  const groups = new Map<string, Group>()
  const quotes = [...index.quotes.values()].sort(
    (a, b) => firstPlace(a, index) - firstPlace(b, index) || (a._id < b._id ? -1 : 1),
  )
  for (const quote of quotes) {
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

function groupHtml(group: Group, position: number, index: ContentIndex, page: string): string {
  const { speaker } = group
  const headingId = `speaker-${position + 1}`
  const name = speakerHtml(speaker, page)
  const about =
    speaker.kind === 'person'
      ? speaker.person.role === undefined
        ? ''
        : `<p class="role">${escapeText(speaker.person.role)}</p>`
      : speaker.kind === 'organization'
        ? ''
        : '<p class="role">Unnamed source, as the story attributes it.</p>'
  const entries = group.quotes.map((quote) =>
    quoteEntryHtml(quote, index, page, quoteAnchor(quote._id)),
  )
  const content = [
    element('h2', { id: headingId }, name),
    about,
    `<ol class="quote-list">\n${entries.join('\n')}\n</ol>`,
  ]
  return element(
    'section',
    { class: 'quote-group', 'aria-labelledby': headingId },
    `\n${content.filter((part) => part !== '').join('\n')}\n`,
  )
}
