import { type Segment, toPointer } from '../../json/pointer.js'
import { referenceTargets } from '../compiled.js'

/** One `_ref` found in a document, with the document types its field allows. */
export interface Reference {
  target: string
  /** The allowed document types, joined with `|` (cheap to send between threads and to compare). */
  allowed: string
  weak: boolean
  /** Set when collected by a walk with paths (to report a problem). */
  pointer?: string
}

/** Receives each reference a walk finds. */
export type ReferenceSink = (reference: Reference) => void

/** Whether a document of `type` may be the target of a reference whose field allows `allowed`. */
export function allows(allowed: string, type: string): boolean {
  return allowed === type || allowed.split('|').includes(type)
}

/** For each owner `_type`, its reference fields and their allowed types, joined once. */
const FIELDS = new Map(
  Object.entries(referenceTargets).map(([owner, fields]) => [
    owner,
    Object.entries(fields).map(([field, allowed]) => ({ field, allowed: allowed.join('|') })),
  ]),
)

/**
 * Finds the references of a document while it is walked, and hands each to a sink. Which fields
 * hold references comes from `referenceTargets` (generated from the schemas' `x-reference-to`),
 * keyed by the `_type` of the object that owns the field, so a new reference field needs no
 * change here. Image asset references (`image-…`) point at Sanity assets outside the dataset and
 * are not collected. Given a path (a walk with paths), each reference gets its pointer.
 */
export class ReferenceCollector {
  constructor(private readonly sink: ReferenceSink) {}

  /** Every object with a string `_type`. */
  object(value: Record<string, unknown>, type: string, path?: readonly Segment[]): void {
    const fields = FIELDS.get(type)
    if (!fields) return
    for (const { field, allowed } of fields) {
      if (!Object.hasOwn(value, field)) continue
      const held = value[field]
      if (!Array.isArray(held)) this.#add(held, allowed, path, [field])
      else for (let i = 0; i < held.length; i++) this.#add(held[i], allowed, path, [field, i])
    }
  }

  #add(
    held: unknown,
    allowed: string,
    path: readonly Segment[] | undefined,
    rest: Segment[],
  ): void {
    if (held === null || typeof held !== 'object') return
    const { _ref: target, _weak: weak } = held as { _ref?: unknown; _weak?: unknown }
    if (typeof target !== 'string' || target.startsWith('image-')) return
    const reference: Reference = { target, allowed, weak: weak === true }
    if (path) reference.pointer = toPointer([...path, ...rest, '_ref'])
    this.sink(reference)
  }
}
