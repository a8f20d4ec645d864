import { decodeUtf8 } from '../../json/decode.js'
import {
  bytePosition,
  type DepthProblem,
  depthExceeded,
  type Position,
  replacementCharacters,
  syntaxProblem,
} from '../../json/locate.js'
import { messages } from '../../messages.js'
import type { Finding } from './finding.js'
import { MAX_DEPTH } from './walk.js'

/** One document's bytes and where they are. */
export interface DocumentSource {
  bytes: Uint8Array
  /** `json`: a whole .json file; `ndjson`: one line of NDJSON. */
  kind: 'json' | 'ndjson'
  /** The file as the user named it (or `<stdin>`). */
  file: string
  /** The line the document starts on. */
  line: number
  /** The byte offset of the document in its file (to read it again). */
  offset: number
}

/** A document's text and its parsed value. */
export interface ParsedDocument {
  text: string
  value: unknown
}

const START: Position = { line: 1, column: 1 }

/**
 * Decode and parse one document, pushing what is wrong with its bytes or syntax to `findings`.
 * Returns undefined when there is no value to check further.
 */
export function parseDocument(
  source: DocumentSource,
  findings: Finding[],
): ParsedDocument | undefined {
  const text = decode(source, findings)
  if (text === undefined) return undefined
  try {
    return { text, value: JSON.parse(text) }
  } catch (error) {
    findings.push(unparsable(text, error))
    return undefined
  }
}

function decode(source: DocumentSource, findings: Finding[]): string | undefined {
  const decoded = decodeUtf8(source.bytes)
  if (!decoded.ok) {
    findings.push({
      rule: 'json/encoding',
      message: messages.encoding(source.bytes[decoded.offset] ?? 0),
      pointer: '',
      position: bytePosition(source.bytes, decoded.offset),
    })
    return undefined
  }
  // A BOM is fine at the start of a .json file (editors add it; JSON readers here strip it),
  // but `sanity dataset import` fails on an NDJSON line that starts with one.
  if (decoded.bom && source.kind === 'ndjson') {
    findings.push({
      rule: 'ndjson/bom',
      message: messages.ndjsonBom(),
      pointer: '',
      position: START,
    })
  }
  const text = decoded.text
  if (text.trim() !== '') {
    findings.push(...replacementFindings(text))
    return text
  }
  findings.push(
    source.kind === 'json'
      ? {
          rule: 'json/empty',
          message: messages.emptyJson(text !== ''),
          pointer: '',
          position: START,
        }
      : {
          rule: 'ndjson/whitespace-line',
          message: messages.whitespaceLine(),
          pointer: '',
          position: START,
        },
  )
  return undefined
}

/** A cheap test that lets almost every text skip the scan: U+FFFD as itself or escaped. */
const MAYBE_REPLACEMENT = /\uFFFD|\\u[fF]{3}[dD]/

/**
 * U+FFFD in a string: valid UTF-8, but the mark of an earlier decoding that lost a character.
 * `sanity dataset import` refuses a line that holds it; a .json document is checked too, because
 * the build writes every document to NDJSON, where the escape becomes the character itself.
 */
function replacementFindings(text: string): Finding[] {
  if (!MAYBE_REPLACEMENT.test(text)) return []
  return replacementCharacters(text).map(({ pointer, anchor, position }) => ({
    rule: 'json/replacement-character',
    message: messages.replacementCharacter(),
    pointer,
    anchor,
    position,
  }))
}

function unparsable(text: string, error: unknown): Finding {
  // Too deep for momoa's recursive parser: report the depth, which is the real problem anyway.
  const deep = depthExceeded(text, MAX_DEPTH)
  if (deep) return depthFinding(deep)
  const problem = syntaxProblem(text, error)
  return {
    rule: 'json/syntax',
    message: messages.syntax(problem.reason),
    pointer: '',
    position: problem.position,
  }
}

/** The json/max-depth finding for a parsed text the walk found too deep. */
export function tooDeep(text: string): Finding {
  return depthFinding(depthExceeded(text, MAX_DEPTH))
}

function depthFinding(deep: DepthProblem | null): Finding {
  return {
    rule: 'json/max-depth',
    message: messages.maxDepth(MAX_DEPTH),
    pointer: deep?.pointer ?? '',
    position: deep?.position ?? START,
  }
}
