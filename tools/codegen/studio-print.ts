/** Source code to print as is: an identifier, a call, an arrow function or a regex literal. */
export class Code {
  constructor(readonly source: string) {}
}

/** A value the printer can write as a TypeScript expression. */
export type Printable =
  | string
  | number
  | boolean
  | Code
  | readonly Printable[]
  | { readonly [key: string]: Printable | undefined }

const LINE_WIDTH = 100

/**
 * Print a value as a TypeScript expression close to the repo's biome style, which biome then
 * finishes. Objects holding objects or arrays are expanded (biome keeps an expanded object as it
 * is); anything else stays on one line when it fits. Keys whose value is `undefined` are left out.
 */
export function printValue(value: Printable, indent = 0, column = indent): string {
  if (value instanceof Code) return value.source
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const flat = printFlat(value)
  if (flat !== undefined && column + flat.length + 1 <= LINE_WIDTH) return flat
  const pad = ' '.repeat(indent + 2)
  if (isArray(value)) {
    const items = value.map((item) => `${pad}${printValue(item, indent + 2)},`)
    return `[\n${items.join('\n')}\n${' '.repeat(indent)}]`
  }
  const entries = definedEntries(value).map(([key, item]) => {
    const prefix = `${pad}${key}: `
    return `${prefix}${printValue(item, indent + 2, prefix.length)},`
  })
  return `{\n${entries.join('\n')}\n${' '.repeat(indent)}}`
}

/** One-line form, or undefined when the value should be expanded regardless of width. */
function printFlat(value: Printable): string | undefined {
  if (value instanceof Code) return value.source
  if (typeof value !== 'object') return printValue(value)
  if (isArray(value)) {
    const items = value.map(printFlat)
    if (items.some((item) => item === undefined)) return undefined
    return `[${items.join(', ')}]`
  }
  const entries = definedEntries(value)
  const primitive = entries.every(([, item]) => typeof item !== 'object' || item instanceof Code)
  if (entries.length > 1 && !primitive) return undefined
  const parts = entries.map(([key, item]) => {
    const flat = printFlat(item)
    return flat === undefined ? undefined : `${key}: ${flat}`
  })
  if (parts.some((part) => part === undefined)) return undefined
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`
}

function isArray(value: Printable): value is readonly Printable[] {
  return Array.isArray(value)
}

function definedEntries(value: {
  readonly [key: string]: Printable | undefined
}): [string, Printable][] {
  return Object.entries(value).filter(
    (entry): entry is [string, Printable] => entry[1] !== undefined,
  )
}

/** A string literal with the quote that needs fewer escapes, as biome chooses. */
export function quote(text: string): string {
  const singles = text.split("'").length - 1
  const doubles = text.split('"').length - 1
  const mark = singles > doubles ? '"' : "'"
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(new RegExp(mark, 'g'), `\\${mark}`)
  return `${mark}${escaped}${mark}`
}

/** A regex literal for a JSON Schema `pattern` (ECMA-262 syntax, so it carries over as is). */
export function regexLiteral(pattern: string): Code {
  return new Code(`/${new RegExp(pattern, 'u').source}/u`)
}
