/**
 * "Who said what", the aside after the story: its quotes grouped by speaker, each speaker a
 * closed disclosure (`<details>`) that names them and counts their quotes, so that on a phone the
 * aside is a short list of names rather than pages of quotes. Opened, a speaker's quotes are
 * shown whole (a partial quote or a paraphrase within its sentence from the story, a paraphrase
 * labelled "Reported" outside the link), each linked to its place in the text. No script: the
 * browser opens and closes them, and finding text in the page opens the one that holds it.
 */
import type { Article } from '../../generated/types.js'
import { type ContentIndex, quoteAnchor, quotesIn, speakerName } from '../content-index.js'
import { element } from '../html.js'
import { articleQuotesPage } from '../paths.js'
import { pageText } from '../typography.js'
import { encodeSegment, relativeHref } from '../url.js'
import { capitalised, quoteWordsHtml, reportedLabel } from './quote-entry.js'
import { groupBySpeaker, type SpeakerGroup } from './speaker-groups.js'

/** The aside for `article`'s page at `page`, or `''` when the story quotes no one. */
export function quotedInStoryHtml(article: Article, index: ContentIndex, page: string): string {
  const groups = groupBySpeaker(quotesIn(article, index), index)
  if (groups.length === 0) return ''
  return [
    '<aside class="quotes-in-story" aria-labelledby="quotes-in-story">',
    '<h2 id="quotes-in-story">Who said what</h2>',
    ...groups.map((group) => speakerHtml(group, index)),
    `<p class="quotes-more"><a href="${relativeHref(page, articleQuotesPage(article))}">All quotes in this story, with their sources</a></p>`,
    '</aside>',
  ].join('\n')
}

/** A speaker's disclosure: their name and count, then their quotes linked to the text. */
function speakerHtml(group: SpeakerGroup, index: ContentIndex): string {
  const count = group.quotes.length
  const items = group.quotes.map((quote) => {
    const link = element(
      'a',
      { href: `#${encodeSegment(quoteAnchor(quote._id))}` },
      quoteWordsHtml(quote, index),
    )
    return `<li>${reportedLabel(quote)}${link}</li>`
  })
  return [
    '<details class="quote-speaker">',
    `<summary><span class="speaker">${pageText(capitalised(speakerName(group.speaker)))}</span> <span class="count">${count} ${count === 1 ? 'quote' : 'quotes'}</span></summary>`,
    `<ul>\n${items.join('\n')}\n</ul>`,
    '</details>',
  ].join('\n')
}
