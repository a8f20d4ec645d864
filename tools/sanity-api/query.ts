import { evaluate, GroqSyntaxError, parse } from 'groq-js'
import { httpError, queryParseError } from './errors.js'
import type { SanityDocument } from './types.js'

export type Perspective = 'raw' | 'published' | 'drafts' | 'previewDrafts'
const PERSPECTIVES: readonly string[] = ['raw', 'published', 'drafts', 'previewDrafts']

/** The first API version whose default perspective is `published` (before it, `raw`). */
const PUBLISHED_BY_DEFAULT_FROM = '2025-02-19'

/** The perspective a query runs in: the `perspective` parameter, else the API version's default. */
export function choosePerspective(apiVersion: string, requested: string | undefined): Perspective {
  if (requested === undefined || requested === '') {
    const dated = /^\d{4}-\d{2}-\d{2}$/.test(apiVersion)
    const published = apiVersion === 'X' || (dated && apiVersion >= PUBLISHED_BY_DEFAULT_FROM)
    return published ? 'published' : 'raw'
  }
  if (!PERSPECTIVES.includes(requested)) {
    throw httpError(
      400,
      `Unsupported perspective "${requested}": this local API knows ${PERSPECTIVES.join(', ')} (not release perspectives)`,
    )
  }
  return requested as Perspective
}

function isDraft(id: string): boolean {
  return id.startsWith('drafts.')
}

/** Published ids have no path: `drafts.x` and `versions.r.x` are not published documents. */
function isPublished(id: string): boolean {
  return !id.startsWith('drafts.') && !id.startsWith('versions.')
}

/**
 * The documents a query sees. `drafts` puts each draft in place of its published document,
 * with the draft's content under the published `_id` (and the draft's id in `_originalId`).
 */
export function view(documents: SanityDocument[], perspective: Perspective): SanityDocument[] {
  if (perspective === 'raw') return documents
  const published = documents.filter((doc) => isPublished(doc._id))
  if (perspective === 'published') return published
  const drafts = new Map<string, SanityDocument>()
  for (const doc of documents) {
    if (isDraft(doc._id)) drafts.set(doc._id.slice('drafts.'.length), doc)
  }
  const overlaid = published.map((doc) => overlay(drafts.get(doc._id), doc._id) ?? doc)
  const publishedIds = new Set(published.map((doc) => doc._id))
  const draftOnly = [...drafts].filter(([id]) => !publishedIds.has(id))
  return [...overlaid, ...draftOnly.map(([id, draft]) => overlay(draft, id) as SanityDocument)]
}

function overlay(
  draft: SanityDocument | undefined,
  publishedId: string,
): SanityDocument | undefined {
  return draft && { ...draft, _id: publishedId, _originalId: draft._id }
}

/** Parse and evaluate `query` over `documents`; a syntax error becomes a 400 the client formats. */
export async function runQuery(
  query: string,
  params: Record<string, unknown>,
  documents: SanityDocument[],
): Promise<unknown> {
  let tree: ReturnType<typeof parse>
  try {
    tree = parse(query, { params })
  } catch (error) {
    if (error instanceof GroqSyntaxError) throw queryParseError(query, error)
    throw httpError(400, (error as Error).message)
  }
  try {
    const value = await evaluate(tree, { dataset: documents, params })
    return await value.get()
  } catch (error) {
    throw httpError(400, `GROQ query could not be evaluated: ${(error as Error).message}`)
  }
}

/**
 * Query parameters from a GET query string: every `$name` is a JSON value. A value that is not
 * JSON is refused, as Sanity does, rather than passed on as a string.
 */
export function paramsFromSearch(search: URLSearchParams): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, raw] of search) {
    if (!key.startsWith('$')) continue
    try {
      params[key.slice(1)] = JSON.parse(raw)
    } catch {
      throw httpError(400, `Query parameter "${key}" is not valid JSON: ${raw}`)
    }
  }
  return params
}
