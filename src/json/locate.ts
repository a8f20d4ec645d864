import { type Momoa, momoa } from './momoa.js'
import { pointerSegments, type Segment, toPointer } from './pointer.js'

/** A 1-based line and column in a text. */
export interface Position {
  line: number
  column: number
}

/** Whether a problem is about a member's name (an unknown or repeated key) or about a value. */
export type Anchor = 'key' | 'value'

/** The line and column of a UTF-16 offset in `text`. */
export function positionAt(text: string, offset: number): Position {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

/** Line and column (in characters) of a byte offset, for bytes that may not decode. */
export function bytePosition(bytes: Uint8Array, offset: number): Position {
  let line = 1
  let lineStart = 0
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) {
    line++
    lineStart = i + 1
  }
  const before = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    bytes.subarray(lineStart, offset),
  )
  return { line, column: before.length + 1 }
}

/**
 * Positions for pointers into a JSON text that `JSON.parse` accepted and that is not too deep
 * (momoa's parser recurses). A pointer that goes past the last node, as for a missing property,
 * gets the position of the deepest node on its way. Returns null when momoa rejects the text.
 */
export function locatePointers(
  text: string,
  requests: readonly { pointer: string; anchor: Anchor }[],
): (Position | null)[] | null {
  const document = tree(text)
  return (
    document && requests.map(({ pointer, anchor }) => locateNode(document.body, pointer, anchor))
  )
}

/** momoa's tree of a JSON text (its default mode, `json`, takes no comments), or null when it rejects the text. */
function tree(text: string): Momoa.DocumentNode | null {
  try {
    return momoa().parse(text)
  } catch {
    return null
  }
}

function locateNode(root: Momoa.ValueNode, pointer: string, anchor: Anchor): Position {
  let node: Momoa.ValueNode = root
  let keyNode: Momoa.Node | undefined
  for (const segment of pointerSegments(pointer)) {
    const child = childNode(node, segment)
    if (!child) return start(node)
    node = child.value
    keyNode = child.key
  }
  return start(anchor === 'key' && keyNode ? keyNode : node)
}

function childNode(
  node: Momoa.ValueNode,
  segment: string,
): { value: Momoa.ValueNode; key?: Momoa.Node } | undefined {
  if (node.type === 'Array') {
    const element = /^(0|[1-9][0-9]*)$/.test(segment) ? node.elements[Number(segment)] : undefined
    return element && { value: element.value }
  }
  if (node.type !== 'Object') return undefined
  // JSON.parse keeps the last of duplicate keys, so the last member is the one validated.
  const member = node.members.findLast((m) => memberName(m) === segment)
  return member && { value: member.value, key: member.name }
}

function memberName(member: Momoa.MemberNode): string {
  // Stryker disable next-line ConditionalExpression: in JSON mode every name is a String node (identifiers are JSON5's).
  return member.name.type === 'String' ? member.name.value : member.name.name
}

function start(node: Momoa.Node): Position {
  return { line: node.loc.start.line, column: node.loc.start.column }
}

/** A key repeated within one object: the pointer and position of the repetition. */
export interface DuplicateKey {
  key: string
  pointer: string
  position: Position
  first: Position
}

/** Every repeated key in a JSON text, found with momoa (only called when a cheap count differs). */
export function duplicateKeys(text: string): DuplicateKey[] {
  const document = tree(text)
  if (!document) return []
  const found: DuplicateKey[] = []
  const stack: { node: Momoa.ValueNode; path: Segment[] }[] = [{ node: document.body, path: [] }]
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, path } = item
    if (node.type === 'Array') {
      node.elements.forEach((element, i) => {
        stack.push({ node: element.value, path: [...path, i] })
      })
    } else if (node.type === 'Object') {
      const seen = new Map<string, Momoa.MemberNode>()
      for (const member of node.members) {
        const name = memberName(member)
        const first = seen.get(name)
        if (first) {
          found.push({
            key: name,
            pointer: toPointer([...path, name]),
            position: start(member.name),
            first: start(first.name),
          })
        } else seen.set(name, member)
        stack.push({ node: member.value, path: [...path, name] })
      }
    }
  }
  return found.sort(
    (a, b) => a.position.line - b.position.line || a.position.column - b.position.column,
  )
}

/** Where a JSON text stops being valid, and what was found there. */
export interface SyntaxProblem {
  position: Position
  /** The parser's account, without position or source excerpt. */
  reason: string
}

/**
 * Locate the syntax error that made `JSON.parse` throw `error`. V8 names an offset for most
 * errors; for the rest momoa finds the token. The reason is V8's, since JSON.parse is what
 * Sanity's importer and every consumer run.
 */
export function syntaxProblem(text: string, error: unknown): SyntaxProblem {
  const message = error instanceof Error ? error.message : String(error)
  const reason = v8Reason(message)
  const at = /at position (\d+)/.exec(message)
  if (at) return { position: positionAt(text, Number(at[1])), reason }
  // The input ends too soon: the place to look is where it ends.
  if (/end of JSON input/.test(message))
    return { position: positionAt(text, text.trimEnd().length), reason }
  try {
    momoa().parse(text)
  } catch (momoaError) {
    // momoa's own errors carry both a line and a column; any other (a RangeError) carries neither.
    const { line, column } = momoaError as { line?: number; column?: number }
    if (line !== undefined) return { position: { line, column: Number(column) }, reason }
  }
  return { position: { line: 1, column: 1 }, reason }
}

/**
 * V8's message without the position and the excerpt of the source it quotes. The excerpt of a
 * long text is cut, with `...` before and/or after its quotes; the position may be followed by
 * `(line N column M)` in newer V8.
 */
function v8Reason(message: string): string {
  return message
    .replace(/, (\.\.\.)?".*"(\.\.\.)? is not valid JSON/s, '')
    .replace(/ in JSON at position \d.*/s, '')
}

/** Where nesting first goes deeper than allowed: the pointer and position of that value. */
export interface DepthProblem {
  pointer: string
  position: Position
}

/**
 * Scan a JSON text, without recursion and without parsing it, for the first object or array
 * nested deeper than `limit`. Works on invalid JSON too, so it can run before momoa (whose
 * parser is recursive) is given a text. Returns null when nothing is too deep.
 */
export function depthExceeded(text: string, limit: number): DepthProblem | null {
  const containers: { array: boolean; index: number; key: string }[] = []
  let lastString = ''
  // Stryker disable next-line EqualityOperator: charCodeAt(text.length) is NaN, which is no character.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i)
      lastString = text.slice(i, end + 1)
      i = end
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (containers.length === limit) {
        return { pointer: toPointer(pathOf(containers)), position: positionAt(text, i) }
      }
      containers.push({ array: c === 0x5b, index: 0, key: '' })
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      containers.pop()
    } else if (c === 0x3a /* : */) {
      const top = containers.at(-1)
      if (top) top.key = unquote(lastString)
    } else if (c === 0x2c /* , */) {
      const top = containers.at(-1)
      if (top?.array) top.index++
    }
  }
  return null
}

function stringEnd(text: string, open: number): number {
  // Stryker disable next-line EqualityOperator: charCodeAt(text.length) is NaN, and text.length is returned below anyway.
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x5c /* \ */) i++
    else if (c === 0x22) return i
  }
  return text.length
}

function unquote(literal: string): string {
  try {
    return String(JSON.parse(literal))
  } catch {
    return literal.slice(1, -1)
  }
}

function pathOf(containers: readonly { array: boolean; index: number; key: string }[]): Segment[] {
  return containers.map((c) => (c.array ? c.index : c.key))
}

/** A string or key of a JSON text that holds U+FFFD: where the first one stands, and whose it is. */
export interface ReplacementCharacter {
  /** The value that holds it; with anchor `key`, the member whose name holds it. */
  pointer: string
  anchor: Anchor
  position: Position
}

/**
 * Every string and key of a JSON text that holds U+FFFD, written as itself or as the escape
 * `\ufffd`, with the position of its first one. Scans the text without parsing or recursion,
 * so it works on any text, valid JSON or not.
 */
export function replacementCharacters(text: string): ReplacementCharacter[] {
  const found: ReplacementCharacter[] = []
  const containers: { array: boolean; index: number; key: string; expectKey: boolean }[] = []
  // Stryker disable next-line EqualityOperator: charCodeAt(text.length) is NaN, which is no character.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const top = containers.at(-1)
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i)
      // Only an object expects a key: an array's `expectKey` is false from the start and stays so.
      const isKey = top?.expectKey === true
      if (top && isKey) top.key = unquote(text.slice(i, end + 1))
      const at = replacementIn(text, i + 1, end)
      if (at !== -1) {
        const anchor = isKey ? 'key' : 'value'
        found.push({
          pointer: toPointer(pathOf(containers)),
          anchor,
          position: positionAt(text, at),
        })
      }
      i = end
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      containers.push({ array: c === 0x5b, index: 0, key: '', expectKey: c === 0x7b })
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      containers.pop()
    } else if (c === 0x3a /* : */) {
      if (top) top.expectKey = false
    } else if (c === 0x2c /* , */) {
      if (top?.array) top.index++
      else if (top) top.expectKey = true
    }
  }
  return found
}

const REPLACEMENT = 0xfffd

/** The offset of the first U+FFFD (itself or `\ufffd`) in the string body `text[from, to)`, or -1. */
function replacementIn(text: string, from: number, to: number): number {
  // Stryker disable next-line EqualityOperator: text[to] is the closing quote or past the end, neither U+FFFD nor a backslash.
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c === REPLACEMENT) return i
    if (c !== 0x5c /* \ */) continue
    if (text[i + 1] === 'u' && text.slice(i + 2, i + 6).toLowerCase() === 'fffd') return i
    // Skip the escaped character, so `\\ufffd` (a backslash, then "ufffd") is not taken for one.
    i++
  }
  return -1
}
