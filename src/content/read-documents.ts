import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Diagnostic } from '../diagnostics.js'
import type { ContentDocument } from '../generated/types.js'
import { messages } from '../messages.js'
import { packageRoot } from '../package-root.js'
import { place } from '../validator/checks/document.js'
import type { Finding } from '../validator/checks/finding.js'
import { parseDocument, tooDeep } from '../validator/checks/parse.js'
import { walk } from '../validator/checks/walk.js'
import { expandInputs, inputProblem } from '../validator/input/sources.js'

/**
 * Content that cannot be used: paths that cannot be read, files that cannot be parsed, or (from
 * `loadContent`) documents that fail validation. `diagnostics` holds every problem, each with its
 * file, line, column, JSON pointer, rule and what to do; the message names the first error.
 */
export class ContentError extends Error {
  override readonly name = 'ContentError'

  constructor(readonly diagnostics: readonly Diagnostic[]) {
    const first = diagnostics.find((d) => d.severity === 'error') ?? diagnostics[0]
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : ''
    super(
      first
        ? `${first.file}:${first.line}:${first.column} ${first.message} [${first.rule}]${more}`
        : 'The content cannot be loaded.',
    )
  }
}

/**
 * Read every .json document under `dir` (default: the package's `content/`), in path order.
 * It parses but does not validate: it is for tooling (the benches) that reads content known to
 * be valid. Everything that uses content (loadContent, the build, render, publish, pull) calls
 * `validateContent`, which returns the documents it validated from one read.
 *
 * @throws ContentError when a path cannot be read, or a file is not UTF-8 JSON or is nested
 *   deeper than any document can be; it carries one diagnostic per problem.
 */
export async function readDocuments(
  dir: string = join(packageRoot(), 'content'),
): Promise<ContentDocument[]> {
  const { sources, problems } = await expandInputs([dir])
  const diagnostics = [...problems]
  const documents: ContentDocument[] = []
  for (const source of sources) {
    if (source.kind !== 'json') continue
    const bytes = await readFile(source.path).catch((error: NodeJS.ErrnoException) => error)
    if (bytes instanceof Error) {
      const message = messages.unreadable(source.file, bytes.code ?? 'EIO')
      diagnostics.push(inputProblem('input/unreadable', source.file, message))
      continue
    }
    const findings: Finding[] = []
    const file = { file: source.file, line: 1 }
    const parsed = parseDocument(
      { ...file, offset: 0, bytes: new Uint8Array(bytes), kind: 'json' },
      findings,
    )
    if (parsed && walk(parsed.value, {}).tooDeep) findings.push(tooDeep(parsed.text))
    if (findings.length > 0) diagnostics.push(...place(findings, parsed?.text ?? '', file, null))
    else if (parsed) documents.push(parsed.value as ContentDocument)
  }
  if (diagnostics.length > 0) throw new ContentError(diagnostics)
  return documents
}
