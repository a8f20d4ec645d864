import { invalidRequest, MutationFailure } from './errors.js'
import { getAt, insertAt, parsePath, setAt, unsetAt } from './path.js'
import { copy, randomId } from './store.js'
import type { SanityDocument } from './types.js'

export type Operation = 'create' | 'update' | 'delete' | 'none'

export interface MutationResult {
  id: string
  operation: Operation
  document?: SanityDocument
}

/** What one transaction needs from its surroundings. */
export interface TransactionContext {
  /** The working copy of the dataset; changed in place, committed (or not) by the caller. */
  working: Map<string, SanityDocument>
  transactionId: string
  time: string
  autoGenerateArrayKeys: boolean
  /** Ids of the documents a GROQ query returns, for delete and patch by query. */
  selectIds(query: string, params: Record<string, unknown>): Promise<string[]>
}

/**
 * Sanity's rule for document ids (sanity.io/docs/ids): at most 128 characters, path segments of
 * letters, digits, `_` and `-` joined by single dots, no segment empty or starting with `-`.
 */
const VALID_ID = /^(?=.{1,128}$)[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_][A-Za-z0-9_-]*)*$/

/** A random id that is a valid path segment (base64url may start with `-`). */
function generatedId(): string {
  return randomId().replace(/^-/, '_')
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Apply every mutation to `context.working`, in order. The first failure throws a
 * `MutationFailure` carrying the mutation's index; the caller then discards the working copy.
 */
export async function applyMutations(
  mutations: unknown[],
  context: TransactionContext,
): Promise<MutationResult[]> {
  const results = new Map<string, MutationResult>()
  for (const [index, mutation] of mutations.entries()) {
    try {
      for (const result of await applyOne(mutation, context)) merge(results, result)
    } catch (error) {
      if (error instanceof MutationFailure) error.index = index
      throw error
    }
  }
  for (const result of results.values()) {
    result.document = copy(context.working.get(result.id) ?? result.document)
  }
  return [...results.values()]
}

/** One result per document: its first operation, unless it ends deleted or a no-op became a change. */
function merge(results: Map<string, MutationResult>, next: MutationResult): void {
  const previous = results.get(next.id)
  if (!previous || next.operation === 'delete' || previous.operation === 'none') {
    results.set(next.id, { ...next, document: next.document ?? previous?.document })
  }
}

async function applyOne(mutation: unknown, context: TransactionContext): Promise<MutationResult[]> {
  if (!isObject(mutation)) throw invalidRequest('Each mutation must be an object')
  const [kind, ...extra] = Object.keys(mutation)
  if (kind === undefined || extra.length > 0) {
    throw invalidRequest(
      'Each mutation must have exactly one of create, createOrReplace, createIfNotExists, delete, patch',
    )
  }
  const body = mutation[kind]
  if (!isObject(body)) throw invalidRequest(`The ${kind} mutation must be an object`)
  switch (kind) {
    case 'create':
    case 'createOrReplace':
    case 'createIfNotExists':
      return [createDocument(kind, body, context)]
    case 'delete':
      return deleteDocuments(body, context)
    case 'patch':
      return patchDocuments(body, context)
    default:
      throw invalidRequest(`Unknown mutation type "${kind}"`)
  }
}

/** An id for `create`: as given, or random, or random after a prefix that ends in `.`. */
function documentId(kind: string, given: unknown): string {
  if (given === undefined && kind === 'create') return generatedId()
  if (typeof given !== 'string') {
    throw new MutationFailure(400, {
      description: `${kind} requires a document _id`,
      type: 'validationError',
    })
  }
  const id = kind === 'create' && given.endsWith('.') ? `${given}${generatedId()}` : given
  if (!VALID_ID.test(id)) {
    throw new MutationFailure(400, {
      description: `Malformed document ID: "${id}"`,
      type: 'invalidDocumentIdError',
      id,
    })
  }
  return id
}

function createDocument(
  kind: 'create' | 'createOrReplace' | 'createIfNotExists',
  body: Record<string, unknown>,
  context: TransactionContext,
): MutationResult {
  const id = documentId(kind, body._id)
  if (typeof body._type !== 'string' || body._type === '') {
    throw new MutationFailure(400, {
      description: `Document "${id}" has no _type`,
      type: 'validationError',
      id,
    })
  }
  const existing = context.working.get(id)
  if (existing && kind === 'create') {
    throw new MutationFailure(409, {
      description: `Document by ID "${id}" already exists`,
      type: 'documentAlreadyExistsError',
      id,
    })
  }
  if (existing && kind === 'createIfNotExists') return { id, operation: 'none' }
  const content = copy(body)
  if (context.autoGenerateArrayKeys) addArrayKeys(content)
  context.working.set(id, {
    ...content,
    _id: id,
    _type: body._type,
    _rev: context.transactionId,
    // A replaced document keeps the time it was first created.
    _createdAt:
      existing?._createdAt ??
      (typeof body._createdAt === 'string' ? body._createdAt : context.time),
    _updatedAt: context.time,
  })
  return { id, operation: existing ? 'update' : 'create' }
}

/** The ids a delete or patch names: `id`, a list of ids, or a GROQ `query` with `params`. */
async function targetIds(
  body: Record<string, unknown>,
  context: TransactionContext,
): Promise<string[]> {
  if (typeof body.id === 'string') return [body.id]
  if (Array.isArray(body.id) && body.id.every((id) => typeof id === 'string')) return body.id
  if (typeof body.query === 'string') {
    const params = isObject(body.params) ? body.params : {}
    return context.selectIds(body.query, params)
  }
  throw invalidRequest('A delete or patch needs an "id" or a "query"')
}

async function deleteDocuments(
  body: Record<string, unknown>,
  context: TransactionContext,
): Promise<MutationResult[]> {
  const results: MutationResult[] = []
  for (const id of await targetIds(body, context)) {
    const existing = context.working.get(id)
    // Deleting what is not there succeeds and reports nothing, as Sanity does.
    if (!existing) continue
    context.working.delete(id)
    results.push({ id, operation: 'delete', document: existing })
  }
  return results
}

async function patchDocuments(
  body: Record<string, unknown>,
  context: TransactionContext,
): Promise<MutationResult[]> {
  const byQuery = typeof body.id !== 'string' && !Array.isArray(body.id)
  const results: MutationResult[] = []
  for (const id of await targetIds(body, context)) {
    const existing = context.working.get(id)
    if (!existing) {
      if (byQuery) continue
      throw new MutationFailure(404, {
        description: `Document "${id}" not found`,
        type: 'documentNotFoundError',
        id,
      })
    }
    if (typeof body.ifRevisionID === 'string' && body.ifRevisionID !== existing._rev) {
      throw new MutationFailure(409, {
        description: `Document "${id}" has unexpected revision ID ("${existing._rev}"), expected "${body.ifRevisionID}"`,
        type: 'documentRevisionIDDoesNotMatchError',
        id,
        currentRevisionID: existing._rev,
        expectedRevisionID: body.ifRevisionID,
      })
    }
    const patched = applyPatch(copy(existing), body, context.autoGenerateArrayKeys)
    context.working.set(id, {
      ...patched,
      _id: id,
      _rev: context.transactionId,
      _updatedAt: context.time,
    })
    results.push({ id, operation: 'update' })
  }
  return results
}

const SYSTEM_FIELDS = new Set(['_id', '_rev', '_createdAt', '_updatedAt'])

function pathsOf(body: Record<string, unknown>, op: string): Array<[string, unknown]> {
  const value = body[op]
  if (value === undefined) return []
  if (op === 'unset') {
    if (!Array.isArray(value)) throw invalidRequest('unset must be a list of paths')
    return value.map((path) => [String(path), undefined])
  }
  if (!isObject(value)) throw invalidRequest(`${op} must be an object of path → value`)
  return Object.entries(value)
}

function checkPath(path: string): ReturnType<typeof parsePath> {
  const segments = parsePath(path)
  if (typeof segments[0] === 'string' && SYSTEM_FIELDS.has(segments[0])) {
    throw new MutationFailure(400, {
      description: `Cannot patch system field "${segments[0]}"`,
      type: 'validationError',
    })
  }
  return segments
}

/**
 * Apply one patch's operations in a fixed order: setIfMissing, set, unset, inc, dec, insert
 * (setIfMissing first, so `setIfMissing({body: []})` can prepare what `set` or `insert` writes into).
 */
function applyPatch(
  doc: SanityDocument,
  body: Record<string, unknown>,
  keys: boolean,
): SanityDocument {
  const value = (v: unknown) => {
    const c = copy(v)
    if (keys) addArrayKeys(c)
    return c
  }
  for (const [path, v] of pathsOf(body, 'setIfMissing')) {
    const segments = checkPath(path)
    if (getAt(doc, segments) === undefined) setAt(doc, segments, value(v))
  }
  for (const [path, v] of pathsOf(body, 'set')) setAt(doc, checkPath(path), value(v))
  for (const [path] of pathsOf(body, 'unset')) unsetAt(doc, checkPath(path))
  for (const [op, sign] of [
    ['inc', 1],
    ['dec', -1],
  ] as const) {
    for (const [path, amount] of pathsOf(body, op)) {
      const segments = checkPath(path)
      const current = getAt(doc, segments)
      if (typeof amount !== 'number')
        throw invalidRequest(`${op} needs numbers, got ${JSON.stringify(amount)} for "${path}"`)
      // Sanity leaves a missing or non-numeric field alone.
      if (typeof current === 'number') setAt(doc, segments, current + sign * amount)
    }
  }
  if (body.insert !== undefined) applyInsert(doc, body.insert, value)
  return doc
}

function applyInsert(doc: SanityDocument, insert: unknown, value: (v: unknown) => unknown): void {
  if (!isObject(insert) || !Array.isArray(insert.items))
    throw invalidRequest('insert needs items and one of before, after, replace')
  const position = (['before', 'after', 'replace'] as const).find(
    (p) => typeof insert[p] === 'string',
  )
  if (!position) throw invalidRequest('insert needs one of before, after, replace')
  insertAt(doc, checkPath(insert[position] as string), position, value(insert.items) as unknown[])
}

/** Give every object in an array a `_key` if it has none (the `autoGenerateArrayKeys` option). */
function addArrayKeys(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isObject(item) && typeof item._key !== 'string') item._key = randomId().slice(0, 12)
      addArrayKeys(item)
    }
  } else if (isObject(value)) {
    for (const field of Object.values(value)) addArrayKeys(field)
  }
}
