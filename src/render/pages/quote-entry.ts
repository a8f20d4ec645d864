/**
 * One quote as the who-said-what lists show it, the way a newsroom prints one: the words (a direct
 * quote whole, in quotation marks; a partial quote or a paraphrase within its sentence from the
 * story, the speaker's words marked, a paraphrase labelled "Reported"), then one line saying, in
 * the story's words, how the story got them ("Told a news conference."), and a link to their
 * place in the story.
 */
import type { Quote } from '../../generated/types.js'
import type { ContentIndex, Speaker } from '../content-index.js'
import { quoteAnchor, speakerName } from '../content-index.js'
import { escapeText } from '../escape.js'
import { element } from '../html.js'
import { articlePage, organizationPage, personPage } from '../paths.js'
import { quoteInSentence } from '../quote-sentence.js'
import { typographicQuotes } from '../typography.js'
import { relativeHref } from '../url.js'

/** How an entry is shown. */
export interface QuoteEntryOptions {
  /** The element id of the entry, if any. */
  id?: string | undefined
  /** Name the speaker in the source line: for a list that is not already under their name. */
  speaker?: Speaker | undefined
}

/** The quote's entry (`<li>`), for the page at `page`. */
export function quoteEntryHtml(
  quote: Quote,
  index: ContentIndex,
  page: string,
  options: QuoteEntryOptions = {},
): string {
  const place = placeOf(quote, index, page)
  const words =
    quote.kind === 'direct'
      ? element('blockquote', { cite: place }, `<p>${quoteWordsHtml(quote, index)}</p>`)
      : `<p class="quote-text">${reportedLabel(quote)}${quoteWordsHtml(quote, index)}</p>`
  const source = sourceHtml(quote, index, page, options.speaker)
  const link = place === undefined ? '' : element('a', { href: place }, 'In the story')
  const line = [source, link].filter((part) => part !== '').join(' ')
  return element(
    'li',
    { id: options.id },
    line === '' ? words : `${words}\n<p class="quote-source">${line}</p>`,
  )
}

/**
 * The quote's words as HTML: a direct quote whole, in typographic quotation marks; a partial
 * quote or a paraphrase within its sentence, its own words in `<mark>` (when it stands in no
 * article, its words alone).
 */
export function quoteWordsHtml(quote: Quote, index: ContentIndex): string {
  if (quote.kind === 'direct') return escapeText(typographicQuotes(`“${quote.text}”`))
  const sentence = quoteInSentence(quote, index)
  if (sentence === undefined) {
    const words = escapeText(typographicQuotes(quote.text, quote.kind === 'partial' ? '“' : ''))
    return quote.kind === 'partial' ? `“${words}”` : words
  }
  const { before, words, after } = sentence
  return `${escapeText(before)}<mark>${escapeText(words)}</mark>${escapeText(after)}`
}

/** "Reported", before a paraphrase's words (outside any link), else nothing. */
export function reportedLabel(quote: Quote): string {
  return quote.kind === 'paraphrase' ? '<span class="label">Reported</span> ' : ''
}

/**
 * Who said it, for the page at `page`, starting with a capital as a heading or a line does ("a
 * senior US official" shows as "A senior US official"; the content keeps the story's words): a
 * person or an organization links to their page, an unnamed source is text.
 */
export function speakerHtml(speaker: Speaker, page: string): string {
  const name = escapeText(capitalised(speakerName(speaker)))
  if (speaker.kind === 'attribution') return name
  const target =
    speaker.kind === 'person' ? personPage(speaker.person) : organizationPage(speaker.organization)
  return element('a', { href: relativeHref(page, target) }, name)
}

/** `text` with its first letter a capital, for the start of a heading or a line. */
export function capitalised(text: string): string {
  const [first = '', ...rest] = text
  return first.toUpperCase() + rest.join('')
}

/**
 * The line saying how the quote reached the story, in its words: "Told a news conference.",
 * "According to the German delegation, at the meeting.", "— The Russian foreign ministry,
 * Russian news agencies reported." (with the speaker, for lists not under their name). The
 * occasion is left out when the way it reached the story already names it; an occasion that is a
 * place or event alone ("a news conference") reads "at a news conference". `''` when the story
 * says neither.
 */
function sourceHtml(
  quote: Quote,
  index: ContentIndex,
  page: string,
  speaker: Speaker | undefined,
): string {
  const { via, occasion } = quote
  const said =
    occasion === undefined || via?.toLowerCase().includes(occasion.toLowerCase())
      ? undefined
      : /^(at|in|on|during|after|before|while|when|from|to|by|outside|ahead of)\s/i.test(occasion)
        ? occasion
        : `at ${occasion}`
  const parts = [
    ...(speaker === undefined ? [] : [speakerHtml(speaker, page)]),
    ...(via === undefined ? [] : [viaHtml(quote, index, page, speaker === undefined)]),
    ...(said === undefined
      ? []
      : [escapeText(speaker === undefined && via === undefined ? capitalised(said) : said)]),
  ]
  if (parts.length === 0) return ''
  const line = parts.join(', ')
  const last = [via, said].filter((part) => part !== undefined).at(-1) ?? ''
  return `${speaker === undefined ? '' : '— '}${line}${/[.!?]$/.test(last) ? '' : '.'}`
}

/** The story's words for how the quote reached it, linked to the channel organization if any. */
function viaHtml(quote: Quote, index: ContentIndex, page: string, first: boolean): string {
  const words = quote.via ?? ''
  const via = escapeText(first ? capitalised(words) : words)
  const channel = index.organizations.get(quote.channel?._ref ?? '')
  if (channel === undefined) return via
  return element('a', { href: relativeHref(page, organizationPage(channel)) }, via)
}

/** The link to where the quote first stands in an article, from `page`; none when it stands in none. */
function placeOf(quote: Quote, index: ContentIndex, page: string): string | undefined {
  const place = index.placements.get(quote._id)?.[0]
  return place === undefined
    ? undefined
    : relativeHref(page, articlePage(place.article), quoteAnchor(quote._id))
}
