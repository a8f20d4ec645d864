import { messages } from '../../messages.js'
import { type DocumentPlace, DocumentTable, OrdinalList } from './document-table.js'
import type { Finding } from './finding.js'
import { isVerbatim, type QuoteFacts } from './quotes.js'
import { allows } from './references.js'
import type { Salvage } from './salvage.js'
import { SlugOwners } from './slugs.js'

/** A problem found across documents, to be placed once its document is read again. */
export type DeferredFinding =
  | { kind: 'finding'; finding: Finding }
  | {
      kind: 'reference'
      target: string
      weak: boolean
      /** The allowed types, joined with `|`. */
      allowed: string
      /** Set for `reference/wrong-type`: the type the target turned out to have. */
      actualType?: string
    }
  | {
      /** On a Quote: the words `from` annotates with it do not hold its text. */
      kind: 'quotation'
      /** The annotated words, as written. */
      words: string
      /** The document that annotates them. */
      from: DocumentPlace
    }

/** A deferred finding while input goes on: the annotating document is known by ordinal. */
type PendingFinding =
  | Exclude<DeferredFinding, { kind: 'quotation' }>
  | { kind: 'quotation'; words: string; from: number }

/** The deferred problems of one document. */
export interface Deferred {
  place: DocumentPlace
  findings: DeferredFinding[]
}

/** Documents referring to one target from fields of one kind. */
export interface ReferenceGroup {
  target: string
  /** The allowed document types, joined with `|`. */
  allowed: string
  weak: boolean
  /** Indexes into the documents they came with. */
  documents: number[]
}

/** Documents whose quotations of one quote cover the same words. */
export interface QuotationGroup {
  quote: string
  /** The covered words, as written. */
  words: string
  documents: number[]
}

/** One document as the cross-document checks see it. */
export interface DocumentFacts {
  id: string | null
  type: string | null
  /** `slug.current`, when the document has a string one. */
  slug: string | null
  quote: QuoteFacts | null
  /** Set for a document that cannot be read: what it may hold. */
  salvage: Salvage | null
  line: number
  offset: number
  length: number
}

/** What the cross-document checks take in at a time: documents, and their references and quotations grouped. */
export interface BatchFacts {
  documents: readonly DocumentFacts[]
  references: readonly ReferenceGroup[]
  quotations: readonly QuotationGroup[]
}

/** References to one not-yet-seen target from fields of one kind: only the documents are kept. */
interface WaitingReferences {
  allowed: string
  weak: boolean
  documents: OrdinalList
}

/**
 * The checks that need every document: unique ids, slugs unique per type, references that
 * resolve to the right type, quotes verbatim in the words annotated with them, and quotes nobody
 * references. A document that cannot be read is not taken as missing: references to the ids it
 * may have are not dangling, and the quotes it may cite are not unreferenced (see salvage.ts).
 *
 * Documents arrive in input order, a batch at a time, and are known by ordinal. A reference or
 * quotation whose target has been seen is checked at once; otherwise it waits under the target's
 * id until the target arrives or input ends. Waiting costs 4 bytes per document and target:
 * references are grouped by field kind, quotations by their words (articles quoting the same
 * words hold them once). Which pointer was at fault is found again by reading the document,
 * only when there is a fault.
 */
export class CrossDocumentChecks {
  readonly #places = new DocumentTable()
  /** First document of each id: ordinal, and type (interned). */
  readonly #known = new Map<string, number>()
  readonly #types = new Map<number, string | null>()
  readonly #quotes = new Map<number, QuoteFacts | null>()
  readonly #referenced = new Set<number>()
  readonly #slugs = new SlugOwners<number>()
  readonly #typeNames = new Map<string, string>()
  readonly #waitingReferences = new Map<string, WaitingReferences[]>()
  readonly #waitingQuotations = new Map<string, Map<string, OrdinalList>>()
  readonly #deferred = new Map<number, PendingFinding[]>()
  /** What documents that cannot be read may hold: no reference to them, or from them, is judged. */
  readonly #unreadable = new UnreadableDocuments()

  /** Take in checked documents of one source, in input order. */
  add(
    batch: BatchFacts,
    source: { sourceIndex: number; kind: 'json' | 'ndjson'; file: string },
  ): void {
    const ordinals = batch.documents.map((document) => {
      const { line, offset, length, id } = document
      const ordinal = this.#places.add({ ...source, line, offset, length, documentId: id })
      if (id !== null) this.#register(id, document, ordinal)
      if (document.salvage) this.#unreadable.add(document.salvage)
      return ordinal
    })
    const ordinalsOf = (indexes: readonly number[]): number[] =>
      indexes.map((i) => ordinals[i] as number)
    for (const group of batch.references) this.#references(group, ordinalsOf(group.documents))
    for (const group of batch.quotations) this.#quotations(group, ordinalsOf(group.documents))
  }

  /** Input has ended: what still waits is dangling, and quotes nobody referenced are reported. */
  finish(): Deferred[] {
    for (const [target, byKind] of this.#waitingReferences) {
      // Not dangling, as far as anyone can tell: the document may be there, in a file that does not parse.
      if (this.#unreadable.mayHold(target)) continue
      for (const { allowed, weak, documents } of byKind) {
        for (const ordinal of documents)
          this.#defer(ordinal, { kind: 'reference', target, weak, allowed })
      }
    }
    this.#waitingReferences.clear()
    this.#waitingQuotations.clear()
    for (const [id, ordinal] of this.#known) {
      if (this.#types.get(ordinal) !== 'quote' || this.#referenced.has(ordinal)) continue
      if (this.#unreadable.mayReferTo(id)) continue
      const finding: Finding = {
        rule: 'quote/unreferenced',
        message: messages.unreferenced(id),
        pointer: '/_id',
      }
      this.#defer(ordinal, { kind: 'finding', finding })
    }
    return [...this.#deferred].map(([ordinal, findings]) => ({
      place: this.#places.place(ordinal),
      findings: findings.map((f) =>
        f.kind === 'quotation' ? { ...f, from: this.#places.place(f.from) } : f,
      ),
    }))
  }

  #register(id: string, document: DocumentFacts, ordinal: number): void {
    const first = this.#known.get(id)
    if (first !== undefined) {
      const place = this.#places.place(first)
      const message = messages.duplicateId(id, `${place.file}:${place.line}`)
      this.#defer(ordinal, {
        kind: 'finding',
        finding: { rule: 'document/duplicate-id', message, pointer: '/_id' },
      })
      return
    }
    this.#known.set(id, ordinal)
    this.#types.set(ordinal, this.#intern(document.type))
    if (document.type !== null && document.slug !== null) this.#claimSlug(document, ordinal)
    if (document.quote) this.#quotes.set(ordinal, document.quote)
    for (const waiting of this.#waitingReferences.get(id) ?? []) {
      for (const from of waiting.documents) this.#resolve(ordinal, id, waiting, from)
    }
    this.#waitingReferences.delete(id)
    const facts = document.quote
    for (const [words, documents] of this.#waitingQuotations.get(id) ?? []) {
      if (!facts || isVerbatim(facts, words)) continue
      for (const from of documents) this.#defer(ordinal, { kind: 'quotation', words, from })
    }
    this.#waitingQuotations.delete(id)
  }

  #claimSlug(document: DocumentFacts, ordinal: number): void {
    const { type, slug } = document as DocumentFacts & { type: string; slug: string }
    const holder = this.#slugs.claim(type, slug, ordinal)
    if (holder === undefined) return
    const place = this.#places.place(holder)
    const message = messages.duplicateSlug(
      type,
      slug,
      place.documentId ?? '',
      `${place.file}:${place.line}`,
    )
    this.#defer(ordinal, {
      kind: 'finding',
      finding: { rule: 'document/duplicate-slug', message, pointer: '/slug/current' },
    })
  }

  #references(group: ReferenceGroup, from: readonly number[]): void {
    const target = this.#known.get(group.target)
    if (target !== undefined) {
      for (const ordinal of from) this.#resolve(target, group.target, group, ordinal)
      return
    }
    const { allowed, weak } = group
    const byKind = getOrSet(this.#waitingReferences, group.target, () => [])
    let waiting = byKind.find((w) => w.allowed === allowed && w.weak === weak)
    if (!waiting) {
      waiting = { allowed, weak, documents: new OrdinalList() }
      byKind.push(waiting)
    }
    for (const ordinal of from)
      if (waiting.documents.last() !== ordinal) waiting.documents.push(ordinal)
  }

  #resolve(
    target: number,
    id: string,
    reference: { allowed: string; weak: boolean },
    from: number,
  ): void {
    this.#referenced.add(target)
    const type = this.#types.get(target)
    if (type === null || type === undefined || allows(reference.allowed, type)) return
    this.#defer(from, {
      kind: 'reference',
      target: id,
      weak: reference.weak,
      allowed: reference.allowed,
      actualType: type,
    })
  }

  #quotations(group: QuotationGroup, from: readonly number[]): void {
    const target = this.#known.get(group.quote)
    if (target === undefined) {
      const byWords = getOrSet(this.#waitingQuotations, group.quote, () => new Map())
      const documents = getOrSet(byWords, group.words, () => new OrdinalList())
      for (const ordinal of from) if (documents.last() !== ordinal) documents.push(ordinal)
      return
    }
    // A target that is not a usable Quote is the reference check's (or the schema's) to report.
    const facts = this.#quotes.get(target)
    if (!facts || isVerbatim(facts, group.words)) return
    // The quote is what to correct (its text was copied from the article, or edited since).
    for (const ordinal of from)
      this.#defer(target, { kind: 'quotation', words: group.words, from: ordinal })
  }

  #defer(ordinal: number, finding: PendingFinding): void {
    getOrSet(this.#deferred, ordinal, () => []).push(finding)
  }

  /** One string per type name, not one per document. */
  #intern(type: string | null): string | null {
    return type === null ? null : getOrSet(this.#typeNames, type, () => type)
  }
}

/** The ids and references of the documents that cannot be read, merged. */
class UnreadableDocuments {
  readonly #ids = new Set<string>()
  readonly #refs = new Set<string>()
  #anyId = false
  #anyRef = false

  add(salvage: Salvage): void {
    if (salvage.ids === null) this.#anyId = true
    else for (const id of salvage.ids) this.#ids.add(id)
    if (salvage.refs === null) this.#anyRef = true
    else for (const ref of salvage.refs) this.#refs.add(ref)
  }

  /** Whether one of them may be the document with `id`. */
  mayHold(id: string): boolean {
    return this.#anyId || this.#ids.has(id)
  }

  /** Whether one of them may refer to the document with `id`. */
  mayReferTo(id: string): boolean {
    return this.#anyRef || this.#refs.has(id)
  }
}

function getOrSet<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = create()
    map.set(key, value)
  }
  return value
}
