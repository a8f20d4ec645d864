import { basename } from 'node:path'
import type { Diagnostic } from '../../diagnostics.js'
import { countKeyColons } from '../../json/keys.js'
import { depthExceeded, duplicateKeys, locatePointers, type Position } from '../../json/locate.js'
import { jsonType, messages, preview } from '../../messages.js'
import { RULES } from '../../rules.js'
import { DOCUMENT_TYPES } from '../../schemas.js'
import { isDocumentType } from '../compiled.js'
import type { Finding } from './finding.js'
import { type DocumentSource, parseDocument, tooDeep } from './parse.js'
import { PortableTextChecker } from './portable-text.js'
import { normalizeQuoteText, type Quotation, type QuoteFacts } from './quotes.js'
import { ReferenceCollector, type ReferenceSink } from './references.js'
import { type Salvage, salvage } from './salvage.js'
import { schemaFindings } from './schema.js'
import { slugOf } from './slugs.js'
import { updateDateFindings } from './updates.js'
import { decoratorNames } from './vocabulary.js'
import { MAX_DEPTH, type Visitor, walk, walkWithPaths } from './walk.js'

export type { DocumentSource }

/**
 * One document after its own checks: its problems, placed in the file, and where it is (to read
 * it again). The text is not kept; the parsed value only when asked (`validateContent`).
 */
export interface DocumentSummary {
  /** The document's first line, byte offset and byte length. */
  line: number
  offset: number
  length: number
  id: string | null
  type: string | null
  /** `slug.current`, for the cross-document check that slugs are unique per type. */
  slug: string | null
  problems: Diagnostic[]
  /** Set for a Quote document with a string kind and text. */
  quote: QuoteFacts | null
  /** Set for a document that cannot be read: the ids and references it may hold. */
  salvage: Salvage | null
  /**
   * The parsed value, when the caller keeps documents: the very value that was checked, so what
   * is used is what was validated (no second read).
   */
  value?: unknown
}

/** Receives what the cross-document checks need from a document as it is checked. */
export interface FactSink {
  reference: ReferenceSink
  quotation: (quotation: Quotation) => void
}

/**
 * Check one document on its own: encoding, syntax, shape, identity, schema, Portable Text.
 * Its references and quotations go to `facts`. With `keep`, the parsed value is kept on the summary.
 */
export function checkDocument(
  source: DocumentSource,
  facts: FactSink,
  keep = false,
): DocumentSummary {
  const findings: Finding[] = []
  const summary: DocumentSummary = {
    line: source.line,
    offset: source.offset,
    length: source.bytes.length,
    id: null,
    type: null,
    slug: null,
    problems: [],
    quote: null,
    salvage: null,
  }
  const parsed = parseDocument(source, findings)
  if (keep && parsed) summary.value = parsed.value
  if (parsed) inspect(parsed.text, parsed.value, source, findings, summary, facts)
  if (findings.some((f) => UNREADABLE.has(f.rule))) summary.salvage = salvaged(source, parsed?.text)
  summary.problems = place(findings, parsed?.text ?? '', source, summary.id)
  return summary
}

/** The rules after which a document's content is not checked: there is a document, but no value to check. */
const UNREADABLE = new Set<string>(['json/syntax', 'json/encoding', 'json/max-depth'])

/** What an unreadable document may hold, from its text (decoded leniently) and file name. */
function salvaged(source: DocumentSource, text: string | undefined): Salvage {
  const name = source.kind === 'json' ? basename(source.file).replace(/\.json$/i, '') : undefined
  return salvage(text ?? new TextDecoder().decode(source.bytes), name)
}

function inspect(
  text: string,
  value: unknown,
  source: DocumentSource,
  findings: Finding[],
  summary: DocumentSummary,
  facts: FactSink,
): void {
  const references = new ReferenceCollector(facts.reference)
  const portableText = new PortableTextChecker(decoratorNames(), facts.quotation)
  const shape = walk(value, documentVisitor(references, portableText))
  portableText.finish()
  if (shape.tooDeep) {
    // Nothing else is checked, but the problem is named by the document's id, if it has one.
    const id = (value as { _id?: unknown })._id
    if (typeof id === 'string') summary.id = id
    findings.push(tooDeep(text))
    return
  }
  if (countKeyColons(source.bytes) !== shape.keys) findings.push(...duplicateKeyFindings(text))
  // Problems found: walk again, with paths, to say where they are.
  const own: Finding[] = []
  if (portableText.failed || shape.protoKeys.length > 0) {
    const checker = new PortableTextChecker(decoratorNames(), () => undefined, own)
    const located = walkWithPaths(value, documentVisitor(undefined, checker))
    for (const pointer of located.protoKeys) {
      findings.push({
        rule: 'json/proto-key',
        message: messages.protoKey(),
        pointer,
        anchor: 'key',
      })
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    findings.push({
      rule: 'document/not-object',
      message: messages.notObject(jsonType(value), source.kind),
      pointer: '',
    })
    return
  }
  const document = value as Record<string, unknown>
  const identityReported = identify(document, findings, summary)
  const schema =
    summary.type !== null && isDocumentType(summary.type)
      ? schemaFindings(summary.type, document, { identityReported })
      : []
  findings.push(...schema)
  if (summary.type === 'article') findings.push(...updateDateFindings(document))
  // The dot warning is for ids Sanity takes; a malformed id is already an error of the schema.
  if (summary.id?.includes('.') && !schema.some((finding) => finding.pointer === '/_id')) {
    findings.push({
      rule: 'document/dotted-id',
      message: messages.dottedId(summary.id),
      pointer: '/_id',
    })
  }
  findings.push(...own)
  summary.slug = slugOf(document)
  summary.quote = quoteFacts(document)
}

/** The visitor of the per-document checks: references (if collected) and Portable Text. */
export function documentVisitor(
  references: ReferenceCollector | undefined,
  portableText: PortableTextChecker,
): Visitor {
  return {
    object(object, path) {
      const type = object._type
      if (typeof type !== 'string') return
      references?.object(object, type, path)
      if (type === 'block') portableText.block(object, path)
    },
    array(array, path) {
      portableText.array(array, path)
    },
  }
}

function duplicateKeyFindings(text: string): Finding[] {
  return duplicateKeys(text).map((duplicate) => ({
    rule: 'json/duplicate-key',
    message: messages.duplicateKey(duplicate.key, duplicate.first),
    pointer: duplicate.pointer,
    position: duplicate.position,
  }))
}

/**
 * The `_id` and `_type` checks. Returns whether one was missing or not a string (the schema
 * would repeat it).
 */
function identify(
  document: Record<string, unknown>,
  findings: Finding[],
  summary: DocumentSummary,
): boolean {
  const { _id: id, _type: type } = document
  if (typeof id === 'string') summary.id = id
  else findings.push(notAString('_id', id, 'document/missing-id', messages.missingId))
  if (typeof type === 'string') {
    summary.type = type
    if (!isDocumentType(type)) {
      findings.push({
        rule: 'document/unknown-type',
        message: messages.unknownType(type, DOCUMENT_TYPES),
        pointer: '/_type',
      })
    }
  } else {
    findings.push(notAString('_type', type, 'document/missing-type', messages.missingType))
  }
  return typeof id !== 'string' || typeof type !== 'string'
}

/** An `_id` or `_type` that is missing (on the document) or not a string (on the field). */
function notAString(
  field: '_id' | '_type',
  value: unknown,
  rule: 'document/missing-id' | 'document/missing-type',
  message: (found: string | undefined, types: readonly string[]) => string,
): Finding {
  if (value === undefined) return { rule, message: message(undefined, DOCUMENT_TYPES), pointer: '' }
  return {
    rule,
    message: message(jsonType(value), DOCUMENT_TYPES),
    pointer: `/${field}`,
    expected: 'string',
    actual: preview(value),
  }
}

function quoteFacts(document: Record<string, unknown>): QuoteFacts | null {
  const { _type, kind, text } = document
  if (_type !== 'quote' || typeof kind !== 'string' || typeof text !== 'string') return null
  return { kind, text: normalizeQuoteText(text) }
}

/**
 * Turn findings into diagnostics placed in the file. momoa parses the text only when some
 * finding still needs a position (such a text parsed, so it is valid JSON and not too deep).
 */
export function place(
  findings: readonly Finding[],
  text: string,
  source: { file: string; line: number },
  documentId: string | null,
): Diagnostic[] {
  if (findings.length === 0) return []
  const unplaced = findings.filter((f) => !f.position)
  const requests = unplaced.map((f) => ({
    pointer: f.pointer,
    anchor: f.anchor ?? ('value' as const),
  }))
  // momoa's parser recurses: a text nested too deep keeps its problems at the document's start.
  const located =
    requests.length > 0 && !depthExceeded(text, MAX_DEPTH) ? locatePointers(text, requests) : []
  const positions = new Map<Finding, Position | null | undefined>(
    unplaced.map((f, i) => [f, located?.[i]]),
  )
  return findings.map((finding) => {
    const at = finding.position ?? positions.get(finding) ?? { line: 1, column: 1 }
    return diagnostic(finding, source.file, source.line + at.line - 1, at.column, documentId)
  })
}

/** A finding as a Diagnostic, with the severity of its rule. */
export function diagnostic(
  finding: Finding,
  file: string,
  line: number,
  column: number,
  documentId: string | null,
): Diagnostic {
  const out: Diagnostic = {
    severity: RULES[finding.rule].severity,
    rule: finding.rule,
    message: finding.message,
    file,
    line,
    column,
    pointer: finding.pointer,
    documentId,
  }
  if (finding.expected !== undefined) out.expected = finding.expected
  if (finding.actual !== undefined) out.actual = finding.actual
  return out
}
