/**
 * Message builders: every message says what is wrong and what to do. Values from the content are
 * always shortened first, so a 10 MB string never ends up in a report.
 */

/** `message` as a sentence, so another can follow it. */
export function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`
}

/** A type name with its indefinite article: `a person`, `an organization`, `an article`. */
export function withArticle(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`
}

/** The longest piece of content quoted in a message. */
const MAX_QUOTED = 60

/**
 * Control characters, line separators and bidirectional overrides: printed raw they could move
 * the cursor, recolour a terminal or reorder what a reviewer sees.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g

/** `text` cut to `max` characters (the full length named when cut), unsafe characters escaped. */
export function truncate(text: string, max = MAX_QUOTED): string {
  const cut = text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`
  return cut.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A quote's annotated words in pieces, as a misquote message tells of them. */
export interface Pieces {
  count: number
  /** The first piece that is not part of the quote, in order (0-based), and its words. */
  stray?: { index: number; words: string }
}

/** `text` in backticks, shortened. */
export function code(text: string | number): string {
  return `\`${truncate(String(text))}\``
}

/** A short, JSON-like rendering of any value, for `actual` and `expected`. */
export function preview(value: unknown): string {
  if (typeof value === 'string') return `"${truncate(value)}"`
  if (Array.isArray(value))
    return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
    return keys.length === 0 ? 'an empty object' : `an object with ${truncate(keys.join(', '))}`
  }
  return String(value)
}

/** The JSON type of a value as people say it: a string, a number, an array, an object, null. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number'
  // A boolean, a string, a bigint: `typeof` says it.
  return `a ${typeof value}`
}

/** `a`, `b` or `c`, each in backticks. */
export function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((v) => code(String(v)))
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`
}

const ERRNO_WORDS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'too many symbolic links',
  EISDIR: 'it is a directory',
}

export const messages = {
  unreadable(path: string, errno: string): string {
    const words = ERRNO_WORDS[errno] ?? 'it cannot be read'
    const fix = errno === 'EACCES' || errno === 'EPERM' ? 'Give read permission' : 'Check the path'
    return `Cannot read ${code(path)}: ${words} (${errno}). ${fix}.`
  },
  unsupportedFile(path: string): string {
    return `${code(path)} is not a .json or .ndjson file: name a .json file (one document), an .ndjson file (one document per line), a directory, or - to read NDJSON from stdin.`
  },
  noDocuments(path: string): string {
    return `No .json or .ndjson file under ${code(path)}: check the path.`
  },
  encoding(byte: number): string {
    const hex = byte.toString(16).toUpperCase().padStart(2, '0')
    return `The text is not valid UTF-8 (byte 0x${hex}): save the file as UTF-8.`
  },
  emptyJson(whitespace: boolean): string {
    return whitespace
      ? 'The file holds only whitespace: put one JSON document in it, or delete it.'
      : 'The file is empty: put one JSON document in it, or delete it.'
  },
  emptyNdjson(): string {
    return 'The NDJSON input holds no document: put one JSON document on each line.'
  },
  syntax(reason: string): string {
    return `Invalid JSON: ${reason}. ${syntaxHint(reason)}`
  },
  duplicateKey(key: string, first: { line: number; column: number }): string {
    return `Key ${code(key)} appears twice in this object (first at ${first.line}:${first.column}); JSON.parse silently keeps the last one. Remove or rename one of them.`
  },
  protoKey(): string {
    return 'Key `__proto__` is not allowed: code that copies this document could change the prototype of every object (prototype pollution). Remove the key.'
  },
  maxDepth(limit: number): string {
    return `Objects and arrays are nested more than ${limit} levels deep, deeper than any document of this model: remove the extra nesting.`
  },
  replacementCharacter(): string {
    return 'This text holds U+FFFD (�), the replacement character: a tool that could not decode a character put it in its place, so the original character is lost. Type the right character from the source; `sanity dataset import` rejects a line that holds U+FFFD.'
  },
  ndjsonBom(): string {
    return 'This line starts with a byte order mark (U+FEFF): save the file as UTF-8 without BOM. `sanity dataset import` parses every line with JSON.parse, which rejects it.'
  },
  whitespaceLine(): string {
    return 'This line holds only whitespace: delete it. `sanity dataset import` skips empty lines but fails on this one.'
  },
  notObject(actual: string, source: 'json' | 'ndjson'): string {
    const hint =
      source === 'json'
        ? 'a .json file holds one document; put many documents in an .ndjson file, one per line'
        : 'put one document object on each line'
    return `A document must be a JSON object, not ${actual}: ${hint}.`
  },
  /** `found`: the JSON type of the `_id` there is (jsonType), or undefined when there is none. */
  missingId(found: string | undefined, types: readonly string[]): string {
    const [what, fix] =
      found === undefined
        ? ['The document has no `_id`', 'add']
        : [`Its \`_id\` is ${found}, not a string`, 'use']
    return `${what}: ${fix} a unique string id made of letters, digits and hyphens, such as \`${types[0] ?? 'article'}-first-top-level-meeting\`.`
  },
  /** `found`: the JSON type of the `_type` there is (jsonType), or undefined when there is none. */
  missingType(found: string | undefined, types: readonly string[]): string {
    const [what, fix] =
      found === undefined
        ? ['The document has no `_type`', 'add']
        : [`Its \`_type\` is ${found}, not a string`, 'use']
    return `${what}: ${fix} one of ${oneOf(types)}.`
  },
  unknownType(type: string, types: readonly string[]): string {
    return `Unknown document type ${code(type)}: use ${oneOf(types)}, or add its schema to schemas/ and its row to src/document-types.ts, and run \`npm run types\`.`
  },
  duplicateId(id: string, first: string): string {
    return `Another document already has \`_id\` ${code(id)} (${first}): give each document its own \`_id\`; the import would keep only one of them.`
  },
  duplicateSlug(type: string, slug: string, owner: string, where?: string): string {
    const at = where === undefined ? '' : ` (${where})`
    return `Slug ${code(slug)} is already the slug of ${type} ${code(owner)}${at}: both would be written to the same page. Give each ${type} its own slug.`
  },
  dottedId(id: string): string {
    return `\`_id\` ${code(id)} contains a dot: Sanity treats ids with a dot as private (like drafts), so the public API will not return the document. Use hyphens instead.`
  },
  dangling(target: string, allowed: readonly string[], weak: boolean): string {
    const kind = withArticle(allowed.join(' or '))
    const fix = `add ${kind} document with \`_id\` ${code(target)}, or point the reference at an existing one`
    return weak
      ? `Weak reference to ${code(target)}, which is not among the documents validated; the link will render as missing: ${fix}.`
      : `Reference to ${code(target)}, which is not among the documents validated: ${fix}.`
  },
  wrongType(target: string, actual: string, allowed: readonly string[]): string {
    const kind = withArticle(allowed.join(' or '))
    return `Reference to ${code(target)}, ${withArticle(actual)}, where this field takes ${kind}: point it at ${kind} document.`
  },
  arrayDuplicateKey(key: string, firstIndex: number): string {
    return `\`_key\` ${code(key)} is already used by item ${firstIndex} of this array: give every item its own \`_key\` (Sanity and Portable Text renderers tell items apart by it).`
  },
  unknownMark(mark: string, decorators: readonly string[]): string {
    return `Mark ${code(mark)} is neither a decorator (${oneOf(decorators)}) nor the \`_key\` of a markDef of this block: fix the name, or add the markDef to this block's \`markDefs\`.`
  },
  unusedMarkDef(key: string, type: string): string {
    return `markDef ${code(key)} (${truncate(type)}) is not used by any span of this block: add ${code(key)} to the \`marks\` of the words it annotates, or remove it.`
  },
  listStart(level: number): string {
    return `This list starts at level ${level}: the first item of a list must be at level 1. Set \`level\` to 1, or add the items above it.`
  },
  listJump(previous: number, level: number): string {
    return `The list level jumps from ${previous} to ${level}: a level can rise by at most 1 from the item before. Set \`level\` to ${previous + 1} or less.`
  },
  updateBeforePublication(date: string, published: string): string {
    return `This update is dated ${code(date)}, before the article's \`datePublished\` (${code(published)}): a story cannot be corrected or updated before it is published. Fix the update's \`date\`, or \`datePublished\` if that is the wrong one.`
  },
  /**
   * `diff`: from the quote's text to the words, as wordDiff writes it; undefined when the text is
   * not known. `pieces`: set when the words are in pieces (see quotes.ts).
   */
  notVerbatim(
    quoteId: string,
    diff: string | undefined,
    by: { id: string | null; at: string },
    pieces?: Pieces,
  ): string {
    const article = by.id === null ? `the document at ${by.at}` : `${code(by.id)} (${by.at})`
    const inPieces =
      pieces === undefined
        ? ''
        : `, in ${pieces.count} pieces (its annotations in consecutive blocks, read in order and joined by a space; each must be part of the quote)${
            pieces.stray === undefined
              ? ''
              : `: piece ${pieces.stray.index + 1} (${code(pieces.stray.words)}) is not part of it, or is out of order`
          }`
    const words =
      diff === undefined
        ? ''
        : ` Word by word, from the quote to those words: ${truncate(diff, 600)}.`
    return `Quote ${code(quoteId)} is not verbatim in the words ${article} annotates with it${inPieces}.${words} Correct the quote's \`text\` to the words it quotes, or annotate the words the quote holds.`
  },
  unreferenced(quoteId: string): string {
    return `Quote ${code(quoteId)} is not referenced by any document: annotate its words in an article with a \`quotation\` that points to it, or delete it.`
  },
}

/** What to do about a syntax error, from V8's account of it. */
function syntaxHint(reason: string): string {
  if (/end of JSON input|Unterminated string/.test(reason))
    return 'The text stops in the middle of a value (cut off?): complete it, or restore the file.'
  if (/double-quoted property name/.test(reason))
    return 'Remove the comma before it, or put the property name in double quotes.'
  if (/after property value/.test(reason))
    return 'Add the missing comma, or close the object with `}`.'
  if (/after array element/.test(reason))
    return 'Add the missing comma, or close the array with `]`.'
  if (/after property name/.test(reason)) return 'Put a `:` between the name and its value.'
  if (/control character/.test(reason))
    return 'Write tabs and line breaks inside strings as \\t and \\n.'
  if (/escaped character/.test(reason))
    return 'Use a JSON escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX.'
  if (/after JSON/.test(reason))
    return 'A .json file holds one document, and an NDJSON line holds one document: move the rest to its own file or line.'
  return 'JSON has no comments, single quotes, trailing commas, undefined or NaN: fix the text here.'
}
