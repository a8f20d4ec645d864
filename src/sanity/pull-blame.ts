import type { Diagnostic } from '../diagnostics.js'
import { pointerSegments } from '../json/pointer.js'
import { walk } from '../validator/checks/walk.js'
import type { ValidationReport } from '../validator/validate.js'

/** What the dataset did to a document, as a pull would carry it into content/. */
export type Change = 'created' | 'updated' | 'removed'

/** A change of the dataset that a problem is blamed on. */
export interface Cause {
  /** The remote `_id` (`drafts.x` for a draft). */
  id: string
  /** Its file, relative to the repo. */
  file: string
  change: Change
}

/** A document the pull changes: its content `_id`, and its value before and after (undefined: none). */
export interface ChangedDocument {
  id: string
  cause: Cause
  before: unknown
  after: unknown
}

/** Every `_ref` in a value (the walk does not recurse, and stops at the validator's MAX_DEPTH). */
function refsIn(value: unknown, into = new Set<string>()): Set<string> {
  walk(value, {
    object: (object) => {
      // Stryker disable next-line ConditionalExpression: the set is only asked about string ids, which no other value equals
      if (typeof object._ref === 'string') into.add(object._ref)
    },
  })
  return into
}

/**
 * The ids a problem at `pointer` is about: `_ref`s on the way to it (a reference's `_ref` is
 * under the reference object) and inside it (a quotation markDef holds its quote's reference).
 */
function refsAt(document: unknown, pointer: string): Set<string> {
  const found = new Set<string>()
  let value = document
  const take = () => {
    // Only an object has a `_ref` here: no string or number carries one.
    const ref = (value as { _ref?: unknown } | null | undefined)?._ref
    // Stryker disable next-line ConditionalExpression: the set is only asked about string ids, which no other value equals
    if (typeof ref === 'string') found.add(ref)
  }
  take()
  for (const segment of pointerSegments(pointer)) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, segment)) break
    value = (value as Record<string, unknown>)[segment]
    take()
  }
  return refsIn(value, found)
}

const problemKey = (p: Diagnostic) => [p.file, p.rule, p.pointer, p.message].join('\0')

/**
 * For each problem of the content set a pull would leave, the dataset's changes that cause it:
 *
 * - a problem in a document the pull writes is that document's;
 * - a problem content/ has already (in `baseline`, validated only if needed) is nobody's: [];
 * - otherwise the changed documents the problem is about (a reference or quotation at its
 *   pointer: a quote whose text changed, a person deleted), else those linked to its document
 *   by a reference either way, else every change.
 *
 * Warnings are blamed only on the document they are in (they do not stop a pull).
 */
export async function findCauses(
  problems: readonly Diagnostic[],
  changed: readonly ChangedDocument[],
  values: ReadonlyMap<string, unknown>,
  baseline: () => Promise<ValidationReport>,
): Promise<[Diagnostic, Cause[]][]> {
  const written = new Map(
    changed.filter((c) => c.cause.change !== 'removed').map((c) => [c.cause.file, c.cause]),
  )
  let before: Set<string> | undefined
  const out: [Diagnostic, Cause[]][] = []
  for (const problem of problems) {
    const own = written.get(problem.file)
    if (own || problem.severity === 'warning') {
      out.push([problem, own ? [own] : []])
      continue
    }
    before ??= new Set((await baseline()).problems.map(problemKey))
    if (before.has(problemKey(problem))) {
      out.push([problem, []])
      continue
    }
    out.push([problem, blame(problem, changed, values.get(problem.file))])
  }
  return out
}

function blame(problem: Diagnostic, changed: readonly ChangedDocument[], value: unknown): Cause[] {
  const at = refsAt(value, problem.pointer)
  const named = changed.filter((c) => at.has(c.id))
  if (named.length > 0) return named.map((c) => c.cause)
  const id = problem.documentId
  const refs = refsIn(value)
  const linked = changed.filter(
    // Stryker disable next-line ConditionalExpression: sets of `_ref` strings never hold null; the test only saves the walks
    (c) => refs.has(c.id) || (id !== null && (refsIn(c.before).has(id) || refsIn(c.after).has(id))),
  )
  return (linked.length > 0 ? linked : changed).map((c) => c.cause)
}
