import type { Diagnostic } from '../diagnostics.js'
import { DOCUMENT_TYPE_REGISTRY, DOCUMENT_TYPES } from '../document-types.js'
import type { ContentGroups, ContentReference } from '../generated/documents.js'
import type { ContentDocument, internalGroqTypeReferenceTo } from '../generated/types.js'
import { defaultContentDir, validateContent } from '../validator/validate.js'
import { ContentError } from './read-documents.js'

export type { ContentReference } from '../generated/documents.js'

/**
 * The document types a reference type is marked with (`'person'` for a PersonReference). An
 * unmarked reference infers `undefined` here, hence `never`.
 */
type TargetOf<R> = R extends { readonly [internalGroqTypeReferenceTo]?: infer T }
  ? Exclude<T, undefined>
  : never

/**
 * The document a reference resolves to: Person for a PersonReference, Quote for a
 * QuoteReference, Photo for a PhotoReference, and any ContentDocument for an unmarked one
 * (a reference written by hand as `{ _type: 'reference', _ref: '…' }`).
 */
export type ReferencedDocument<R extends ContentReference> = [TargetOf<R>] extends [never]
  ? ContentDocument
  : Extract<ContentDocument, { _type: TargetOf<R> }>

/**
 * Validated content, grouped by type, each group in file path order. The groups are generated
 * from the document-type registry and named by each type's content folder: `articles`, `people`,
 * `quotes`, `photos` (Sanity reserves `image`, so the images are `photo` documents).
 */
export interface Content extends ContentGroups {
  /** Every document, in file path order: what `renderArticle` and `renderSite` take. */
  documents: ContentDocument[]
  /** Warnings from validation (for example a weak reference to a missing document); they pass. */
  warnings: Diagnostic[]
  /**
   * The document `reference` points to, typed by the reference: `resolve(quote.speaker)` is a
   * Person.
   *
   * @throws {DanglingReferenceError} when no loaded document has the reference's `_ref`.
   */
  resolve<R extends ContentReference>(reference: R): ReferencedDocument<R>
}

/** `resolve` was given a reference to a document that is not in the loaded content. */
export class DanglingReferenceError extends Error {
  override readonly name = 'DanglingReferenceError'
  /**
   * The problem, as every stage reports one (`reference/dangling`, whether the reference is weak
   * or not: it cannot be resolved). The reference is held in memory: there is no file or pointer.
   */
  readonly diagnostics: readonly Diagnostic[]

  constructor(readonly reference: ContentReference) {
    const weak = reference._weak
      ? ' It is a weak reference (`_weak: true`), so the document may have been deleted: check `_ref` before resolving.'
      : ' Check the `_ref`, or load the folder that holds that document.'
    const message = `No loaded document has _id "${reference._ref}".${weak}`
    super(message)
    this.diagnostics = [
      {
        severity: 'error',
        rule: 'reference/dangling',
        message,
        file: '',
        line: 1,
        column: 1,
        pointer: '',
        documentId: null,
        actual: reference._ref,
      },
    ]
  }
}

/**
 * Load the content as typed data, validated first: every schema, Portable Text, reference and
 * quote rule that `npm run validate` applies.
 *
 * @example
 * ```ts
 * const content = await loadContent()
 * for (const quote of content.quotes) {
 *   const who = quote.speaker ? content.resolve(quote.speaker).name : quote.attribution
 *   console.log(`${who}: ${quote.text}`)
 * }
 * ```
 *
 * @param dir Folder of `.json` documents, one per file, and `.ndjson` files, one per line (read
 *   recursively, each file once). Default: the package's own `content/`.
 * @throws {ContentError} when the content is not valid, or a path cannot be read; `diagnostics`
 *   holds every problem with its file, line, column, JSON pointer and rule. Invalid content is
 *   never returned.
 */
export async function loadContent(dir: string = defaultContentDir()): Promise<Content> {
  // One read: the documents are the values that were validated, never a later copy of the files.
  const { report, documents } = await validateContent(dir)
  if (!report.valid) throw new ContentError(report.problems)
  return group(documents, report.problems)
}

function group(documents: ContentDocument[], warnings: Diagnostic[]): Content {
  const byId = new Map(documents.map((d) => [d._id, d]))
  const groups = Object.fromEntries(
    DOCUMENT_TYPES.map((type) => [
      DOCUMENT_TYPE_REGISTRY[type].folder,
      documents.filter((d) => d._type === type),
    ]),
  ) as unknown as ContentGroups
  return {
    ...groups,
    documents,
    warnings,
    resolve<R extends ContentReference>(reference: R): ReferencedDocument<R> {
      assertReference(reference)
      const document = byId.get(reference._ref)
      if (!document) throw new DanglingReferenceError(reference)
      return document as ReferencedDocument<R>
    },
  }
}

/** A plain-JavaScript caller can pass anything; say what `resolve` expects. */
function assertReference(value: unknown): asserts value is ContentReference {
  const ref = (value as { _ref?: unknown } | null)?._ref
  if (typeof ref === 'string') return
  throw new TypeError(
    `resolve expects a reference such as quote.speaker ({ _type: 'reference', _ref: '<_id>' }), ` +
      `got ${value === null ? 'null' : typeof value === 'object' ? 'an object without a string _ref' : typeof value}.`,
  )
}
