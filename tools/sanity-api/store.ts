import { randomBytes } from 'node:crypto'
import type { SanityDocument } from './types.js'

/** A random revision or transaction id, in the shape Sanity uses (22 URL-safe characters). */
export function randomId(): string {
  return randomBytes(17).toString('base64url').slice(0, 22)
}

/** Sanity's timestamps carry seconds, not milliseconds. */
export function now(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** A deep copy, so nothing handed out can change what is stored. */
export function copy<T>(value: T): T {
  return structuredClone(value)
}

/**
 * The dataset. Documents are never changed in place: a transaction works on a copy of the
 * id → document map and `commit` swaps it in, which is what makes transactions all-or-nothing.
 */
export class Store {
  private docs = new Map<string, SanityDocument>()

  constructor(initial: SanityDocument[] = []) {
    const time = now()
    for (const doc of initial) {
      this.docs.set(doc._id, {
        ...copy(doc),
        _rev: doc._rev ?? randomId(),
        _createdAt: doc._createdAt ?? time,
        _updatedAt: doc._updatedAt ?? time,
      })
    }
  }

  get(id: string): SanityDocument | undefined {
    return this.docs.get(id)
  }

  all(): SanityDocument[] {
    return [...this.docs.values()]
  }

  /** A working copy for one transaction. */
  begin(): Map<string, SanityDocument> {
    return new Map(this.docs)
  }

  commit(working: Map<string, SanityDocument>): void {
    this.docs = working
  }

  /** Store one document as it is, system fields included (used by uploads and editor edits). */
  put(doc: SanityDocument): void {
    this.docs.set(doc._id, doc)
  }
}
