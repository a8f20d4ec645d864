/**
 * URIs for the ninjs export. ninjs needs an absolute URI that identifies each news object; the
 * package has no public site, so the default base is the reserved `.example` domain its JSON
 * Schemas already use as their `$id` (RFC 2606: it can never be someone's real address).
 */
import { SCHEMA_BASE } from '../schemas.js'
import { RenderError } from './errors.js'
import { encodeSegment } from './url.js'

/** `https://us-russia-g20-story.example/`: the package's own namespace. */
export const DEFAULT_URI_BASE = new URL('../', SCHEMA_BASE).href

/**
 * The base that document URIs are built on: `base` when it is an absolute http(s) URL ending in
 * `/`, else the default.
 * @throws {RenderError} when `base` is given and is not such a URL.
 */
export function uriBase(base: string | undefined): string {
  if (base === undefined) return DEFAULT_URI_BASE
  if (!isHttpBase(base)) {
    throw new RenderError({
      rule: 'render/invalid-option',
      message: `The uriBase option ${JSON.stringify(base)} is not an absolute http(s) URL ending in "/": use one such as "https://news.example.org/".`,
      documentId: null,
      pointer: '',
    })
  }
  return base
}

function isHttpBase(base: string): boolean {
  try {
    const url = new URL(base)
    return /^https?:$/.test(url.protocol) && url.href === base && base.endsWith('/')
  } catch {
    return false
  }
}

/** The URI of a document: `<base>documents/<_id>`. The `_id` survives a change of slug. */
export function documentUri(base: string, documentId: string): string {
  return `${base}documents/${encodeSegment(documentId)}`
}
