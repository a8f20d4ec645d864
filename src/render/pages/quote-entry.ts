/**
 * One quote as the person pages and the who-said-what page show it: the words (in quotation
 * marks when they are quoted words, labelled when they are reported speech), how the story got
 * them, and a link to each place they stand in an article.
 */
import type { Quote } from '../../generated/types.js'
import type { ContentIndex, Speaker } from '../content-index.js'
import { quoteAnchor, speakerName } from '../content-index.js'
import { escapeText } from '../escape.js'
import { element } from '../html.js'
import { articlePage, personPage } from '../paths.js'
import { relativeHref } from '../url.js'

/** The quote's entry, for the page at `page`. `id` is the element id to give it, if any. */
export function quoteEntryHtml(
  quote: Quote,
  index: ContentIndex,
  page: string,
  id?: string,
): string {
  const places = placesOf(quote, index, page)
  const words =
    quote.kind === 'paraphrase'
      ? `<p class="quote-text"><span class="label">Reported speech:</span> ${escapeText(quote.text)}</p>`
      : element('blockquote', { cite: places[0]?.href }, `<p>“${escapeText(quote.text)}”</p>`)
  const meta = [
    quote.kind === 'partial' ? 'Partial quote' : '',
    quote.via === undefined ? '' : `Via: ${escapeText(quote.via)}`,
    quote.occasion === undefined ? '' : `Occasion: ${escapeText(quote.occasion)}`,
    places.length === 0
      ? 'Not placed in any article'
      : `In ${places.map((place) => element('a', { href: place.href }, escapeText(place.headline))).join(', ')}`,
  ].filter((part) => part !== '')
  return element('li', { id }, `${words}\n<p class="quote-meta">${meta.join(' · ')}</p>`)
}

/** Who said it, for the page at `page`: a named person links to their page; an attribution is text. */
export function speakerHtml(speaker: Speaker, page: string): string {
  const name = escapeText(speakerName(speaker))
  if (speaker.kind === 'attribution') return name
  return element('a', { href: relativeHref(page, personPage(speaker.person)) }, name)
}

/** Each article the quote stands in (once per article), with the link to its first place there. */
function placesOf(quote: Quote, index: ContentIndex, page: string) {
  const seen = new Set<string>()
  return (index.placements.get(quote._id) ?? [])
    .filter((place) => !seen.has(place.article._id) && seen.add(place.article._id))
    .map((place) => ({
      headline: place.article.headline,
      href: relativeHref(page, articlePage(place.article), quoteAnchor(quote._id)),
    }))
}
