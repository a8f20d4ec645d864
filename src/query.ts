import { type ExprNode, evaluate, type GroqSyntaxError, parse } from 'groq-js'
import type { ContentDocument } from './generated/types.js'

/**
 * Run a GROQ query over content documents, the way Sanity would over the published dataset,
 * so a front-end query can be tried on the local content before anything is published.
 *
 * @param query - GROQ, e.g. `*[_type == "quote"]{text, "speaker": speaker->name}`.
 * @param params - Values for `$name` parameters in the query.
 * @param documents - The dataset, usually `await loadContent()`.
 * @returns The query's result as plain JSON values.
 * @throws GroqSyntaxError (from groq-js) when the query does not parse; it carries `position`,
 *   `line` and `column`. {@link describeQueryError} turns it into a message with a caret.
 * @throws MissingParameterError when the query uses a `$param` that `params` lacks: Sanity
 *   refuses such a query, where groq-js would quietly take it as null and answer wrongly.
 */
export async function queryContent(
  query: string,
  params: Record<string, unknown>,
  documents: readonly ContentDocument[],
): Promise<unknown> {
  const tree = parse(query, { params })
  const missing = [...parameterNames(tree)].filter((name) => !Object.hasOwn(params, name))
  if (missing.length > 0) throw new MissingParameterError(query, missing)
  const value = await evaluate(tree, { dataset: documents, params })
  return value.get()
}

/**
 * A GROQ syntax error as a reader wants it: where, what, the query line, and a caret under the
 * place groq-js stopped.
 */
export function describeQueryError(query: string, error: GroqSyntaxError): string {
  const line = query.split(/\r\n|\r|\n/)[error.line - 1] ?? ''
  const detail = error.message.replace(/^Syntax error in GROQ query at position \d+: /, '')
  return [
    `GROQ syntax error at line ${error.line}, column ${error.column} (position ${error.position}): ${detail}`,
    `  ${line}`,
    `  ${' '.repeat(Math.max(error.column - 1, 0))}^`,
    'Fix the query at the caret; GROQ reference: https://www.sanity.io/docs/groq',
  ].join('\n')
}

/**
 * A query uses `$name` parameters it was not given. The message is Sanity's own
 * ("param $id referenced, but not provided"); `line` and `column` point at the first use.
 */
export class MissingParameterError extends Error {
  override readonly name = 'MissingParameterError'
  /** Line and column (from 1) of the first missing parameter in the query. */
  readonly line: number
  readonly column: number

  constructor(
    query: string,
    /** The names, without `$`, in order of first use. */
    readonly names: readonly string[],
  ) {
    super(names.map((name) => `param $${name} referenced, but not provided`).join('; '))
    const at = firstUse(query, names[0] ?? '')
    this.line = at.line
    this.column = at.column
  }
}

/** A MissingParameterError as a reader wants it: the query line, a caret, and the --param to add. */
export function describeMissingParameter(query: string, error: MissingParameterError): string {
  const line = query.split(/\r\n|\r|\n/)[error.line - 1] ?? ''
  const example = error.names.map((name) => `--param ${name}=<json>`).join(' ')
  return [
    `GROQ query error at line ${error.line}, column ${error.column}: ${error.message}`,
    `  ${line}`,
    `  ${' '.repeat(Math.max(error.column - 1, 0))}^`,
    `Give a value for each, e.g. ${example} (strings in JSON quotes: --param id='"person-antony-blinken"').`,
  ].join('\n')
}

/** Every `$name` a parsed query uses, walked without recursion. */
function parameterNames(tree: ExprNode): Set<string> {
  const names = new Set<string>()
  const pending: unknown[] = [tree]
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node === null || typeof node !== 'object') continue
    const { type, name } = node as { type?: unknown; name?: unknown }
    if (type === 'Parameter' && typeof name === 'string') names.add(name)
    pending.push(...Object.values(node))
  }
  return names
}

/** Where `$name` is first used in the query text, outside string literals (line 1, column 1 if not found). */
function firstUse(query: string, name: string): { line: number; column: number } {
  const pattern = new RegExp(`^\\$${name}(?![A-Za-z0-9_])`)
  let quote: string | undefined
  for (let i = 0; i < query.length; i++) {
    const c = query[i]
    if (quote) {
      if (c === '\\') i++
      else if (c === quote) quote = undefined
    } else if (c === '"' || c === "'") quote = c
    else if (c === '$' && pattern.test(query.slice(i, i + name.length + 2))) {
      const before = query.slice(0, i).split(/\r\n|\r|\n/)
      return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
    }
  }
  return { line: 1, column: 1 }
}
