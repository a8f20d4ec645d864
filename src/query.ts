import { evaluate, type GroqSyntaxError, parse } from 'groq-js'
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
 */
export async function queryContent(
  query: string,
  params: Record<string, unknown>,
  documents: readonly ContentDocument[],
): Promise<unknown> {
  const tree = parse(query, { params })
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
