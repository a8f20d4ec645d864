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
import { articlePage, organizationPage, personPage } from '../paths.js'
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
    quote.via === undefined ? '' : `Via: ${viaHtml(quote, index, page)}`,
    quote.occasion === undefined ? '' : `Occasion: ${escapeText(quote.occasion)}`,
    places.length === 0
      ? 'Not placed in any article'
      : `In ${places.map((place) => element('a', { href: place.href }, escapeText(place.headline))).join(', ')}`,
  ].filter((part) => part !== '')
  return element('li', { id }, `${words}\n<p class="quote-meta">${meta.join(' · ')}</p>`)
}

/**
 * Who said it, for the page at `page`: a person or an organization links to their page (an
 * organization with the story's words for it); an unnamed source is text.
 */
export function speakerHtml(speaker: Speaker, page: string): string {
  const name = escapeText(speakerName(speaker))
  if (speaker.kind === 'attribution') return name
  const target =
    speaker.kind === 'person' ? personPage(speaker.person) : organizationPage(speaker.organization)
  return element('a', { href: relativeHref(page, target) }, name)
}

/** The story's words for how the quote reached it, linked to the channel organization if any. */
function viaHtml(quote: Quote, index: ContentIndex, page: string): string {
  const via = escapeText(quote.via ?? '')
  const channel = index.organizations.get(quote.channel?._ref ?? '')
  if (channel === undefined) return via
  return element('a', { href: relativeHref(page, organizationPage(channel)) }, via)
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
