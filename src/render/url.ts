/**
 * The link policy: which hrefs may reach a page, and how the site's own links are built.
 * Only http, https, mailto and relative links pass; everything else renders as plain text.
 */

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/** Whitespace and control characters: browsers strip some of them out of a URL before parsing. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters refused.
const WHITESPACE_OR_CONTROL = /[\s\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\uFEFF]/

/** A character reference (`&colon;`, `&#58;`, `&#x3a;`): an HTML or Markdown reader would decode it. */
const CHARACTER_REFERENCE = /&(?:#\d|#x[0-9a-f]|[a-z][a-z0-9]*;)/i

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * Returns `href` when it is safe to put in a link, otherwise `undefined` (the caller then renders
 * the link's text without the `<a>`).
 *
 * Safe means: not empty; no whitespace or control characters anywhere (browsers drop tabs and
 * newlines, so `java\tscript:` would run); no character references (`javascript&colon;`); and
 * either a scheme of http, https or mailto, or a relative reference with no scheme at all.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string' || href === '' || href.length > 2048) return undefined
  if (WHITESPACE_OR_CONTROL.test(href) || CHARACTER_REFERENCE.test(href)) return undefined
  const scheme = SCHEME.exec(href)?.[1]
  if (scheme === undefined) return isPlainRelative(href) ? href : undefined
  if (!ALLOWED_SCHEMES.has(`${scheme.toLowerCase()}:`)) return undefined
  return parsesWithScheme(href, `${scheme.toLowerCase()}:`) ? href : undefined
}

/** A relative reference whose first segment has no colon (else a browser may read it as a scheme). */
function isPlainRelative(href: string): boolean {
  // Stryker disable next-line StringLiteral: split with a limit of 1 always gives one element
  const firstSegment = href.split(/[/?#]/, 1)[0] ?? ''
  return !firstSegment.includes(':') && !href.startsWith('\\')
}

// Stryker disable BlockStatement: an empty catch gives undefined, which the one caller takes as false
/** WHATWG URL parsing agrees on the scheme, so no parser quirk turns it into another one. */
function parsesWithScheme(href: string, scheme: string): boolean {
  try {
    return new URL(href).protocol === scheme
  } catch {
    return false
  }
}
// Stryker restore BlockStatement

/**
 * Percent-encodes one path segment or fragment. Beyond `encodeURIComponent`, it also encodes
 * `!'()*`, so the result can stand in a Markdown link destination unchanged.
 */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

/**
 * The href from one page of the site to another, both given as paths from the site root
 * (`articles/x/index.html`). Relative, with `index.html` spelled out, so the site works from any
 * base path and from `file://`, where a folder link would open a directory listing.
 */
export function relativeHref(fromPage: string, toPage: string, fragment?: string): string {
  const from = fromPage.split('/').slice(0, -1)
  const to = toPage.split('/')
  let common = 0
  // Past the end of `from`, from[common] is undefined and equals no segment of `to`: the loop stops.
  while (common < to.length - 1 && from[common] === to[common]) common++
  const up = '../'.repeat(from.length - common)
  const path = `${up}${to.slice(common).join('/')}`
  return fragment === undefined ? path : `${path}#${encodeSegment(fragment)}`
}

/**
 * Where a page's links start: the page's path from the site root, and, when links must be
 * absolute (JSON-LD, ninjs), the site's absolute URL ending in `/` (site.config.json's `url`).
 * A bare path is a page whose links are relative.
 */
export type LinkOrigin = string | { page: string; base?: string | undefined }

/**
 * The href from `origin` to the page `toPage` (a path from the site root), and to `fragment` in
 * it: relative, as {@link relativeHref} makes it (`#fragment` alone on the same page), or, with a
 * base, absolute, a folder's `index.html` left out as web servers serve it for the folder.
 */
export function hrefFrom(origin: LinkOrigin, toPage: string, fragment?: string): string {
  const { page, base } = typeof origin === 'string' ? { page: origin, base: undefined } : origin
  const hash = fragment === undefined ? '' : `#${encodeSegment(fragment)}`
  if (base !== undefined) return `${base}${toPage.replace(/(^|\/)index\.html$/, '$1')}${hash}`
  return toPage === page && fragment !== undefined ? hash : relativeHref(page, toPage, fragment)
}

/** The page's own path, whatever the origin. */
export function pageOf(origin: LinkOrigin): string {
  return typeof origin === 'string' ? origin : origin.page
}
