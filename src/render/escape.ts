/**
 * Escapers, one per output context. Each takes untrusted text and returns text that cannot leave
 * its context: HTML text, an HTML attribute value, a JSON-LD script element, Markdown, a terminal.
 */

/**
 * Code points an HTML document may not contain (NUL and other controls, lone surrogates,
 * noncharacters): a parser reports each as an error, so they become U+FFFD.
 * Tab, line feed, form feed and carriage return stay.
 */
const NOT_ALLOWED_IN_HTML = /(?![\t\n\f\r])\p{Cc}|\p{Noncharacter_Code_Point}|\p{Cs}/gu

/**
 * A cheap first look for {@link NOT_ALLOWED_IN_HTML}, which is slow (Unicode properties) and
 * runs on every text and attribute of every page: those controls, the BMP noncharacters, and any
 * surrogate (paired ones stand for the other planes' noncharacters too). No match here, no match
 * there.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const MAYBE_NOT_ALLOWED = /[\0-\x08\x0B\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/

/** Replaces every code point that is not allowed in an HTML document with U+FFFD. */
export function replaceDisallowedCharacters(text: string): string {
  // Stryker disable next-line ConditionalExpression: the quick look only saves time; where it finds nothing, the replace below finds nothing either
  if (!MAYBE_NOT_ALLOWED.test(text)) return text
  return text.replace(NOT_ALLOWED_IN_HTML, '\uFFFD')
}

const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** Escapes text for the content of an HTML element: `&`, `<` and `>`. Whitespace is kept as is. */
export function escapeText(text: string): string {
  return replaceDisallowedCharacters(text).replace(/[&<>]/g, (c) => TEXT_ENTITIES[c] ?? c)
}

const ATTRIBUTE_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes a value for a quoted HTML attribute. Both quote characters are escaped, so the value
 * stays inside its attribute whichever quote the markup uses.
 */
export function escapeAttribute(value: string): string {
  return replaceDisallowedCharacters(value).replace(/[&<>"']/g, (c) => ATTRIBUTE_ENTITIES[c] ?? c)
}

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
}

/**
 * Serialises a value as JSON for an inline `<script type="application/ld+json">`. `<`, `>`, `&`,
 * U+2028 and U+2029 become `\uXXXX` escapes, so no string in the data (`</script>`, `<!--`) can end
 * the script element or change how it is parsed; the JSON still parses to the same value.
 */
export function serializeJsonForScript(value: unknown): string {
  return replaceDisallowedCharacters(JSON.stringify(value, null, 2)).replace(
    /[<>&\u2028\u2029]/g,
    (c) => SCRIPT_UNSAFE[c] ?? c,
  )
}

/**
 * What has a meaning anywhere in a Markdown line: CommonMark and GFM inline syntax, and what
 * starts a GFM autolink literal (the `:` of `https://`, the `.` of `www.`, the `@` of an email).
 * GFM links those on the raw text, backslashes included: `https://x.org/a\_b` became a link to
 * `a%5C_b`. With the autolink broken up, a URL in the text stays text, as in CommonMark.
 */
const MARKDOWN_INLINE = /[\\`*_[\]<>&|~!@]|:(?=\/\/)|(?<=\bwww)\./gi

/**
 * Escapes text for Markdown: every character that could start emphasis, a link, an autolink,
 * raw HTML, an entity, a table cell, strikethrough or code gets a backslash (an escape both
 * CommonMark and GFM read back as the character). Line starts are handled by
 * {@link escapeMarkdownLineStarts}, because only the block knows where its lines begin.
 */
export function escapeMarkdownText(text: string): string {
  return toPrintableText(text).replace(MARKDOWN_INLINE, (c) => `\\${c}`)
}

/**
 * Escapes what would make a line of Markdown a heading, list item, block quote, thematic break,
 * setext underline or code block: `#`, `-`, `+`, `=`, `>`, `1.`/`1)` and leading indentation.
 */
export function escapeMarkdownLineStarts(markdown: string): string {
  return markdown
    .split('\n')
    .map((line) =>
      line
        .replace(/^[ \t]+/, '')
        .replace(/^([#+=>-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n')
}

/**
 * Escapes a Markdown link title (the part in double quotes): the quote and backslash that would
 * end it, and `&`, `<`, `>`, so that no entity is decoded and nothing looks like markup.
 */
export function escapeMarkdownTitle(text: string): string {
  return toPrintableText(text)
    .replace(/[\\"&<>]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
}

/**
 * Escapes a Markdown link destination (the part in parentheses): the parentheses, angle brackets,
 * quotes, backslash and whitespace that would end it, or start a title, are percent-encoded, so
 * the URL a reader follows is the same.
 */
export function escapeMarkdownDestination(href: string): string {
  return href.replace(
    /[()<>"'\\\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )
}

/**
 * Replaces control characters (except tab and line feed) with U+FFFD, so that text printed to a
 * terminal cannot carry escape sequences that move the cursor, clear the screen or retitle it.
 */
export function toPrintableText(text: string): string {
  return replaceDisallowedCharacters(text).replace(/(?![\t\n])\p{Cc}/gu, '\uFFFD')
}
