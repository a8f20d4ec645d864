import { asBuffer } from '../../json/bytes.js'
import type { QuotationGroup, ReferenceGroup } from '../checks/cross-document.js'
import { checkDocument, type DocumentSummary, type FactSink } from '../checks/document.js'
import type { Quotation } from '../checks/quotes.js'
import type { Reference } from '../checks/references.js'
import type { Batch } from '../input/batches.js'

/**
 * The documents of one batch, in order, and their references and quotations grouped by target:
 * documents of one story refer to the same people, photos and quotes, so the thread that keeps
 * the cross-document state takes in one entry per target rather than one per document.
 * Lines (of documents and problems) count from 1 at the batch's first line; see `rebase`.
 */
export interface BatchResult {
  sourceIndex: number
  /** Line feeds in the batch: where the next batch starts. */
  lines: number
  documents: DocumentSummary[]
  references: ReferenceGroup[]
  quotations: QuotationGroup[]
}

/**
 * Check every document of a batch. An NDJSON batch is split on line feeds; a trailing `\r` is
 * dropped (CRLF files), and empty lines are skipped, as `sanity dataset import` does.
 */
export function checkBatch(batch: Batch): BatchResult {
  const { bytes, kind, file, keep } = batch
  const result = new BatchCollector(batch.sourceIndex)
  if (kind === 'json') {
    result.add((facts) => checkDocument({ bytes, kind, file, line: 1, offset: 0 }, facts, keep))
    return result.done(0)
  }
  const buffer = asBuffer(bytes)
  let line = 1
  // Ends at the last line: the one without a line feed (empty after a final one).
  for (let start = 0; ; line++) {
    const newline = buffer.indexOf(0x0a, start)
    const end = newline === -1 ? bytes.length : newline
    // (Before an empty line is the line feed that ends the previous one, or nothing.)
    const contentEnd = bytes[end - 1] === 0x0d ? end - 1 : end
    if (contentEnd > start) {
      const source = {
        bytes: bytes.subarray(start, contentEnd),
        kind,
        file,
        line,
        offset: batch.offset + start,
      }
      result.add((facts) => checkDocument(source, facts, keep))
    }
    if (newline === -1) break
    start = end + 1
  }
  return result.done(line - 1)
}

/** Gathers a batch's documents, and groups their references and quotations as they are found. */
class BatchCollector implements FactSink {
  readonly #documents: DocumentSummary[] = []
  readonly #references = new Map<string, ReferenceGroup[]>()
  readonly #quotations = new Map<string, QuotationGroup[]>()
  /** The document being checked (set by `add` before its facts come). */
  #index = 0

  constructor(readonly sourceIndex: number) {}

  add(check: (facts: FactSink) => DocumentSummary): void {
    this.#index = this.#documents.length
    this.#documents.push(check(this))
  }

  readonly reference = ({ target, allowed, weak }: Reference): void => {
    const groups = this.#references.get(target)
    const group = groups?.find((g) => g.allowed === allowed && g.weak === weak)
    if (!group) {
      const created = { target, allowed, weak, documents: [this.#index] }
      if (groups) groups.push(created)
      else this.#references.set(target, [created])
    } else if (group.documents.at(-1) !== this.#index) group.documents.push(this.#index)
  }

  // Grouped by quote first, then words compared (not hashed): a quote has one or two wordings.
  readonly quotation = ({ quote, words }: Quotation): void => {
    const groups = this.#quotations.get(quote)
    const group = groups?.find((g) => g.words === words)
    if (!group) {
      const created = { quote, words, documents: [this.#index] }
      if (groups) groups.push(created)
      else this.#quotations.set(quote, [created])
    } else if (group.documents.at(-1) !== this.#index) group.documents.push(this.#index)
  }

  done(lines: number): BatchResult {
    return {
      sourceIndex: this.sourceIndex,
      lines,
      documents: this.#documents,
      references: [...this.#references.values()].flat(),
      quotations: [...this.#quotations.values()].flat(),
    }
  }
}

/** Move a result's line numbers from batch-relative to file lines, given the batch's first line. */
export function rebase(result: BatchResult, firstLine: number): void {
  if (firstLine === 1) return
  const shift = firstLine - 1
  for (const document of result.documents) {
    document.line += shift
    for (const problem of document.problems) problem.line += shift
  }
}
