/**
 * What a document that cannot be read still tells: which `_id` it would have, and which
 * documents it refers to. Without it, one syntax error in a person's file turns every reference
 * to that person into a false "dangling reference", and every quote an unreadable article cites
 * into a false "not referenced" warning; the one real error drowns among them.
 */

/**
 * What an unreadable document may hold. `null` means anything: the text stops before an `_id`
 * (ids), or stops at all (refs: the rest could have referred to any document).
 */
export interface Salvage {
  /** The ids the document may have: its top-level `_id`, and for a .json file its name. */
  ids: string[] | null
  /** The `_ref`s it holds. */
  refs: string[] | null
}

const WORD = /[A-Za-z0-9_$]/

/**
 * Scan the text of a document that does not parse, tolerantly: strings in double or single
 * quotes, bare keys, and anything else skipped. A key followed by a string gives `_id` (at the
 * top level) and `_ref` (at any depth). The scan is a loop with a stack of brackets, never
 * recursion, so no nesting is too deep for it.
 *
 * @param text The document's text (NDJSON: its line).
 * @param fileName For a .json file, its name without the extension: documents are named by id.
 */
export function salvage(text: string, fileName?: string): Salvage {
  const ids = new Set<string>()
  const refs = new Set<string>()
  const open: string[] = []
  let key: string | undefined
  let afterColon = false
  let cut = false
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (c === '"' || c === "'") {
      const end = stringEnd(text, i)
      if (end === -1) {
        cut = true
        break
      }
      const value = unquote(text.slice(i, end + 1))
      i = end + 1
      if (afterColon) {
        if (key === '_id' && open.length === 1 && open[0] === '{') ids.add(value)
        if (key === '_ref') refs.add(value)
        afterColon = false
        key = undefined
      } else key = value
      continue
    }
    if (WORD.test(c)) {
      const start = i
      while (i < text.length && WORD.test(text[i] as string)) i++
      // A bare word before a colon is a key (`_id: "x"`); after one, a value (true, 12).
      if (!afterColon) key = text.slice(start, i)
      afterColon = false
      continue
    }
    if (c === ':') afterColon = key !== undefined
    else if (c === '{' || c === '[') {
      open.push(c)
      afterColon = false
      key = undefined
    } else if (c === '}' || c === ']') {
      open.pop()
      afterColon = false
      key = undefined
    } else if (c === ',') {
      afterColon = false
      key = undefined
    }
    i++
  }
  cut ||= open.length > 0
  // No `_id` before the text stops: the rest could have held any.
  if (ids.size === 0 && cut) return { ids: null, refs: null }
  if (fileName !== undefined && fileName !== '') ids.add(fileName)
  return { ids: [...ids], refs: cut ? null : [...refs] }
}

/** The index of the quote that closes the string opened at `start`, or -1 when the text ends first. */
function stringEnd(text: string, start: number): number {
  const quote = text[start]
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which is neither a backslash nor the quote
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i]
    if (c === '\\') i++
    else if (c === quote) return i
  }
  return -1
}

function unquote(quoted: string): string {
  const inner = quoted.slice(1, -1)
  try {
    return JSON.parse(`"${inner.replace(/(?<!\\)"/g, '\\"')}"`) as string
  } catch {
    return inner
  }
}
