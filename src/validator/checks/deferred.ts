import type { Diagnostic } from '../../diagnostics.js'
import { decodeUtf8 } from '../../json/decode.js'
import { locatePointers } from '../../json/locate.js'
import { messages, type Pieces, truncate } from '../../messages.js'
import type { Deferred, DeferredFinding } from './cross-document.js'
import { diagnostic, documentVisitor, place } from './document.js'
import type { DocumentPlace } from './document-table.js'
import type { Finding } from './finding.js'
import { PortableTextChecker } from './portable-text.js'
import { normalizeQuoteText, piecesOf, type Quotation, strayPiece } from './quotes.js'
import { type Reference, ReferenceCollector } from './references.js'
import { decoratorNames } from './vocabulary.js'
import { walkWithPaths } from './walk.js'
import { wordDiff } from './word-diff.js'

/** Reads the bytes of a document again (from its file, or from the spooled stdin). */
export type DocumentReader = (place: DocumentPlace) => Promise<Uint8Array | null>

/**
 * Place the problems found across documents: read each affected document again, find the
 * pointers at fault, and work out positions as for any other problem. Only documents with such
 * a problem are read again.
 */
export async function placeDeferred(
  deferred: readonly Deferred[],
  read: DocumentReader,
): Promise<Diagnostic[]> {
  const out: Diagnostic[] = []
  for (const { place: where, findings } of deferred) {
    const document = await reparse(where, read)
    const resolved: Finding[] = []
    for (const finding of unique(findings)) {
      if (finding.kind === 'quotation')
        resolved.push(await misquote(finding, document?.value, where, read))
      else resolved.push(...resolve(finding, document?.value))
    }
    out.push(
      ...(document
        ? place(resolved, document.text, where, where.documentId)
        : // The file changed since it was read: keep the problems, at the document's first line.
          resolved.map((f) => diagnostic(f, where.file, where.line, 1, where.documentId))),
    )
  }
  return out
}

async function reparse(
  where: DocumentPlace,
  read: DocumentReader,
): Promise<{ text: string; value: unknown } | undefined> {
  const bytes = await read(where)
  const decoded = bytes ? decodeUtf8(bytes) : undefined
  // Stryker disable next-line ConditionalExpression: without it, JSON.parse of the missing text throws and is caught below
  if (!decoded?.ok) return undefined
  try {
    return { text: decoded.text, value: JSON.parse(decoded.text) }
    // Stryker disable next-line BlockStatement: an empty catch returns undefined all the same
  } catch {
    return undefined
  }
}

/** The same reference or quotation problem can be deferred twice for one document; resolve it once. */
function unique(findings: readonly DeferredFinding[]): DeferredFinding[] {
  const seen = new Set<string>()
  return findings.filter((f) => {
    if (f.kind === 'finding') return true
    const key =
      f.kind === 'quotation'
        ? `q ${f.from.sourceIndex} ${f.from.offset} ${f.words}`
        : `r ${f.target} ${f.allowed} ${f.weak} ${f.actualType}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

function resolve(
  deferred: Exclude<DeferredFinding, { kind: 'quotation' }>,
  document: unknown,
): Finding[] {
  if (deferred.kind === 'finding') return [deferred.finding]
  // Stryker disable next-line ArrayDeclaration: a string in the list has no `target` and is filtered out
  const found: Reference[] = []
  const references = new ReferenceCollector((reference) => found.push(reference))
  walkWithPaths(document, {
    object: (object, path) => {
      // Stryker disable next-line ConditionalExpression: no reference fields are known under a `_type` that is not a string
      if (typeof object._type === 'string') references.object(object, object._type, path)
    },
  })
  const { target, actualType, allowed, weak } = deferred
  const pointers = found
    .filter((r) => r.target === target && r.weak === weak && r.allowed === allowed)
    .map((r) => r.pointer ?? '')
  return (pointers.length > 0 ? pointers : ['']).map((pointer) =>
    actualType === undefined
      ? {
          rule: weak ? 'reference/weak-dangling' : 'reference/dangling',
          message: messages.dangling(target, allowed.split('|'), weak),
          pointer,
          actual: truncate(target),
        }
      : {
          rule: 'reference/wrong-type',
          message: messages.wrongType(target, actualType, allowed.split('|')),
          pointer,
          expected: allowed.split('|').join(', '),
          actual: actualType,
        },
  )
}

/** The longest text a misquote's `expected` and `actual` carry: a quote, in full. */
const FULL_TEXT = 2000

/**
 * A Quote whose text is not in the words an article annotates with it: reported on the quote's
 * `text`, which is what to correct, with the words that differ and where the article has them
 * (for pieces, the first one's place, and the pieces joined by a space as the words).
 */
async function misquote(
  deferred: Extract<DeferredFinding, { kind: 'quotation' }>,
  quote: unknown,
  where: DocumentPlace,
  read: DocumentReader,
): Promise<Finding> {
  const held = (quote as { text?: unknown } | undefined)?.text
  // Not a string: the quote changed since it was read, and its text is not known any more.
  const text = typeof held === 'string' ? normalizeQuoteText(held) : undefined
  const words = normalizeQuoteText(deferred.words)
  const id = where.documentId ?? ''
  const by = { id: deferred.from.documentId, at: await annotation(deferred, id, read) }
  const finding: Finding = {
    rule: 'quote/not-verbatim',
    message: messages.notVerbatim(
      id,
      text === undefined ? undefined : wordDiff(text, words),
      by,
      pieces(text, deferred.words),
    ),
    pointer: '/text',
    expected: truncate(words, FULL_TEXT),
  }
  if (text !== undefined) finding.actual = truncate(text, FULL_TEXT)
  return finding
}

/** For words in pieces: how many, and the first that is not part of the quote (when its text is known). */
function pieces(text: string | undefined, words: string): Pieces | undefined {
  const all = piecesOf(words)
  if (all.length === 1) return undefined
  const stray = text === undefined ? undefined : strayPiece(text, words)
  return stray === undefined
    ? { count: all.length }
    : { count: all.length, stray: { index: stray, words: all[stray] as string } }
}

/** `file:line:column` of the quotation in the annotating document (its first line when not found). */
async function annotation(
  deferred: Extract<DeferredFinding, { kind: 'quotation' }>,
  quoteId: string,
  read: DocumentReader,
): Promise<string> {
  const { from } = deferred
  const document = await reparse(from, read)
  // Stryker disable ArrayDeclaration: a string among the quotations has no `quote` to match; the findings list only has to exist (for pointers)
  const quotations: Quotation[] = []
  const checker = new PortableTextChecker(decoratorNames(), (q) => quotations.push(q), [])
  // Stryker restore ArrayDeclaration
  // The whole Portable Text walk, so that pieces are joined as they were when checked.
  walkWithPaths(document?.value, documentVisitor(undefined, checker))
  checker.finish()
  const pointer = quotations.find((q) => q.quote === quoteId && q.words === deferred.words)?.pointer
  const [at] =
    document && pointer !== undefined
      ? // Stryker disable next-line StringLiteral: any anchor but `key` places the value
        (locatePointers(document.text, [{ pointer, anchor: 'value' }]) ?? [])
      : []
  return at ? `${from.file}:${from.line + at.line - 1}:${at.column}` : `${from.file}:${from.line}`
}
