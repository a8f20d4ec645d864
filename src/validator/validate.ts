import { mkdtemp, open, rm } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { isAbsolute, join, relative } from 'node:path'
import type { Diagnostic } from '../diagnostics.js'
import type { ContentDocument } from '../generated/types.js'
import { messages } from '../messages.js'
import { packageRoot } from '../package-root.js'
import { isInputRule } from '../rules.js'
import type { Deferred } from './checks/cross-document.js'
import { CrossDocumentChecks } from './checks/cross-document.js'
import type { DocumentReader } from './checks/deferred.js'
import type { DocumentPlace } from './checks/document-table.js'
import { schemaGraph } from './checks/vocabulary.js'
import { type Batch, readBatches } from './input/batches.js'
import { expandInputs, type FileSource, inputProblem, type Source } from './input/sources.js'
import { type BatchResult, checkBatch, rebase } from './threads/check-batch.js'
import type { WorkerPool } from './threads/pool.js'

/** The outcome of a validation: valid when there is no error (warnings are allowed). */
export interface ValidationReport {
  valid: boolean
  /** Documents read (parsable or not), not counting those read only as context. */
  documents: number
  /** Every problem, sorted by file (in input order), line and column. */
  problems: Diagnostic[]
}

/** Options of `validate`. */
export interface ValidateOptions {
  /** The stream `-` reads NDJSON from (the CLI passes process.stdin). */
  stdin?: NodeJS.ReadableStream
  /**
   * Checker threads besides this one, which checks a share too: 0 checks everything here. They
   * start once the input passes `parallelFrom` bytes. Default: 1 when there is a second core.
   * Each thread costs about 60 MB, so more would break the memory budget of large imports
   * (< 200 MB for 50,000 documents) on machines with many cores.
   */
  workers?: number
  /** Input size, in bytes, from which checker threads start. Default 2 MiB. */
  parallelFrom?: number
  /** The folder relative `inputs` start from (the CLI passes the user's). Default: the working directory. */
  cwd?: string
}

/** The exit code of `npm run validate` for `report`: 2 when a path could not be used, else 1 on an error, else 0. */
export function exitCode(report: ValidationReport): 0 | 1 | 2 {
  if (report.problems.some((p) => isInputRule(p.rule))) return 2
  return report.valid ? 0 : 1
}

/** The content folder of this package, as a path from `cwd` when it is below it. */
export function defaultContentDir(cwd: string = process.cwd()): string {
  const dir = join(packageRoot(), 'content')
  const fromCwd = relative(cwd, dir)
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? dir : fromCwd || '.'
}

/**
 * Validate documents: JSON, schema of each type, Portable Text integrity, references and quote
 * fidelity across all of them. Reads .json files, .ndjson files (streamed), directories of them,
 * and `-` for NDJSON on `options.stdin`. Never writes anything but a temporary spool of stdin.
 * It keeps no document: this is the path of large imports (`npm run validate`); to use the
 * documents, call {@link validateContent}, which returns the ones it validated.
 *
 * A file inside the package's `content/` folder is checked in the context of the rest of it:
 * its references resolve, its `_id` must be unique there, and only the problems of the files
 * named are reported (see {@link withContext}).
 *
 * @param inputs Paths; empty means the package's `content/` folder.
 * @returns Every problem found. Unreadable paths are reported as `input/*` problems.
 * @throws SchemaFileError when a file of `schemas/` is not valid JSON.
 */
export async function validate(
  inputs: readonly string[],
  options: ValidateOptions = {},
): Promise<ValidationReport> {
  return (await validateInputs(inputs, options, false)).report
}

/** A .json file held in memory: its name, as problems name it, and its bytes or text. */
export interface FileInMemory {
  file: string
  content: Uint8Array | string
}

/**
 * What {@link validateContent} reads: a folder or file, paths (empty: the package's `content/`),
 * or `{ files }`, .json files held in memory (none: nothing to validate).
 */
export type ContentInput = string | readonly string[] | { files: readonly FileInMemory[] }

/** A validation report, and the documents it was made of. */
export interface ValidatedContent {
  report: ValidationReport
  /**
   * The documents validated, in input order (files in path order, NDJSON lines in order): the
   * very values that were checked, parsed from the one read of each file. Empty unless
   * `report.valid`: invalid content is never handed out. Documents read only as context (the
   * rest of `content/` around a file named in it) are not included.
   */
  documents: ContentDocument[]
  /** Where each of `documents` is: its file (as problems name it) and first line. */
  places: DocumentLocation[]
}

/** The file a document was read from, as problems name it, and the line it starts on. */
export interface DocumentLocation {
  file: string
  line: number
}

/**
 * Read and validate content once, and return the documents with the report: what the loaders,
 * the build, render, publish and pull use, so that what they use is exactly what was validated.
 * Each file is read once; a file edited after that read cannot slip in unchecked.
 *
 * @example
 * ```ts
 * const { report, documents } = await validateContent('content')
 * if (!report.valid) throw new ContentError(report.problems)
 * ```
 *
 * @param input A folder or file, several paths (as {@link validate} takes them; empty means the
 *   package's `content/`), or `{ files }`: .json files held in memory, one document each, checked
 *   together (nothing is read from disk then; used to check a set of files before it is written).
 * @throws SchemaFileError when a file of `schemas/` is not valid JSON.
 */
export async function validateContent(
  input: ContentInput = [],
  options: ValidateOptions = {},
): Promise<ValidatedContent> {
  if (typeof input === 'string') return validateInputs([input], options, true)
  if (isPaths(input)) return validateInputs(input, options, true)
  const sources: Source[] = input.files.map(({ file, content }) => {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content
    return { kind: 'json', file, path: file, size: bytes.length, bytes }
  })
  // No checker threads: the set is held in memory already, and its buffers are not theirs to take.
  // Stryker disable next-line ObjectLiteral: threads check exactly what this thread checks (a batch is a copy of the bytes), so no report tells the two apart
  return validateSources(sources, [], { ...options, workers: 0 }, true)
}

function isPaths(input: ContentInput): input is readonly string[] {
  return Array.isArray(input)
}

/** Paths expanded into sources (with the context of `content/`), then validated. */
async function validateInputs(
  inputs: readonly string[],
  options: ValidateOptions,
  keep: boolean,
): Promise<ValidatedContent> {
  // The schemas are read here, before any checker thread: a broken one throws its
  // SchemaFileError (file, line, column) in this thread, as itself.
  schemaGraph()
  const cwd = options.cwd ?? process.cwd()
  const named = await expandInputs(inputs.length > 0 ? inputs : [defaultContentDir(cwd)], cwd)
  return validateSources(await withContext(named.sources), named.problems, options, keep)
}

async function validateSources(
  sources: readonly Source[],
  inputProblems: readonly Diagnostic[],
  options: ValidateOptions,
  keep: boolean,
): Promise<ValidatedContent> {
  const problems = [...inputProblems]
  const spool = sources.some((s) => s.kind === 'stdin') ? await Spool.create() : undefined
  try {
    const run = new Run(sources, options, spool, keep)
    problems.push(...(await run.all()))
    const deferred = run.checks.finish()
    problems.push(...(await placeAll(deferred, (place) => readAgain(place, sources, spool))))
    const context = new Set(sources.filter((s) => s.context).map((s) => s.file))
    const own = problems.filter((p) => !context.has(p.file))
    const valid = !own.some((p) => p.severity === 'error')
    return {
      report: { valid, documents: run.documents, problems: sortProblems(own, sources) },
      documents: valid ? (run.values as ContentDocument[]) : [],
      places: valid ? run.places : [],
    }
  } finally {
    await spool?.remove()
  }
}

/**
 * The deferred problems (found across documents) placed in their documents. Their module (and the
 * word diff of misquotes) loads only when there are some: valid content never pays for it.
 */
async function placeAll(deferred: Deferred[], read: DocumentReader): Promise<Diagnostic[]> {
  if (deferred.length === 0) return []
  return (await import('./checks/deferred.js')).placeDeferred(deferred, read)
}

/**
 * The sources, after the rest of the package's `content/` when one of them is a file in it: a
 * document is checked against the documents it refers to, and that refer to it. The added files
 * are marked `context` (their problems are not the user's question, and are left out of the
 * report) and come first, so a named document that repeats an `_id` is the one reported.
 */
async function withContext(sources: readonly Source[]): Promise<Source[]> {
  const content = join(packageRoot(), 'content')
  const inside = (path: string): boolean => {
    const from = relative(content, path)
    return !from.startsWith('..') && !isAbsolute(from)
  }
  const files = sources.filter(isFile)
  if (!files.some((s) => inside(s.path))) return [...sources]
  const named = new Set(files.map((s) => s.path))
  // Read by their full path, and so named: no name the user wrote can be the same. A whole
  // content/ named already (as a folder) adds none.
  const rest = await expandInputs([content])
  // A folder expands to files only.
  const context = (rest.sources as FileSource[])
    .filter((s) => !named.has(s.path))
    .map((s) => ({ ...s, context: true }))
  return [...context, ...sources]
}

function isFile(source: Source): source is FileSource {
  return source.kind !== 'stdin'
}

/** One pass over the sources: per-document checks (here or in threads), fed to the cross-document checks. */
class Run {
  readonly checks = new CrossDocumentChecks()
  documents = 0
  /** The parsed documents of the sources named (not context), in order, when `keep`. */
  readonly values: unknown[] = []
  /** Where each of `values` is. */
  readonly places: DocumentLocation[] = []

  constructor(
    readonly sources: readonly Source[],
    readonly options: ValidateOptions,
    readonly spool: Spool | undefined,
    readonly keep: boolean,
  ) {}

  async all(): Promise<Diagnostic[]> {
    const problems: Diagnostic[] = []
    const nextLine = new Map<number, number>()
    const withDocuments = new Set<number>()
    for await (const result of this.#results()) {
      const { sourceIndex } = result
      const firstLine = nextLine.get(sourceIndex) ?? 1
      rebase(result, firstLine)
      nextLine.set(sourceIndex, firstLine + result.lines)
      for (const document of result.documents) problems.push(...document.problems)
      this.checks.add(result, this.#where(sourceIndex))
      if (!(this.sources[sourceIndex] as Source).context) {
        this.documents += result.documents.length
        if (this.keep) {
          const { file } = this.sources[sourceIndex] as Source
          for (const document of result.documents) {
            this.values.push(document.value)
            this.places.push({ file, line: document.line })
          }
        }
      }
      if (result.documents.length > 0) withDocuments.add(sourceIndex)
    }
    // An NDJSON input without a single document is almost always the wrong file. (A .json file
    // is always one document, parsable or not.)
    this.sources.forEach((source, i) => {
      if (!withDocuments.has(i)) {
        problems.push(inputProblem('json/empty', source.file, messages.emptyNdjson()))
      }
    })
    return problems
  }

  #where(sourceIndex: number): { sourceIndex: number; kind: 'json' | 'ndjson'; file: string } {
    const source = this.sources[sourceIndex] as Source
    return { sourceIndex, kind: source.kind === 'json' ? 'json' : 'ndjson', file: source.file }
  }

  async *#batches(): AsyncGenerator<Batch> {
    for (const [index, source] of this.sources.entries()) {
      // Only stdin is tapped (readBatches ignores `tap` for files); only stdin has a spool.
      for await (const batch of readBatches(source, index, this.options.stdin, this.spool?.tap)) {
        if (this.keep) batch.keep = true
        yield batch
      }
    }
  }

  /**
   * Batch results in input order. Checker threads start once the input is big enough to pay for
   * them: at once when the files are (their sizes are known), or when stdin has passed the mark.
   */
  async *#results(): AsyncGenerator<BatchResult> {
    const threads = this.options.workers ?? Math.min(availableParallelism() - 1, 1)
    const from = this.options.parallelFrom ?? 2 * 1024 * 1024
    const known = this.sources.reduce((sum, s) => sum + (s.kind === 'stdin' ? 0 : s.size), 0)
    let pool: WorkerPool | undefined
    let tried = threads <= 0
    // File sizes count from the start; stdin counts as it is read.
    let bytes = known
    try {
      for await (const batch of this.#batches()) {
        if (!tried && bytes > from) {
          tried = true
          pool = await startPool(threads)
        }
        // A file's bytes were counted from the start (its size).
        if ((this.sources[batch.sourceIndex] as Source).kind === 'stdin')
          bytes += batch.bytes.length
        if (!pool) {
          yield checkBatch(batch)
          continue
        }
        pool.submit(batch)
        yield* pool.ready()
      }
      if (pool) yield* pool.drain()
    } finally {
      await pool?.close()
    }
  }
}

/** Checker threads, loaded only for inputs big enough to use them (start-up time matters). */
async function startPool(threads: number): Promise<WorkerPool | undefined> {
  const { WorkerPool, workersAvailable } = await import('./threads/pool.js')
  return workersAvailable() ? new WorkerPool(threads) : undefined
}

/** Read a document's bytes again, from its file or from the stdin spool. */
async function readAgain(
  place: DocumentPlace,
  sources: readonly Source[],
  spool: Spool | undefined,
): Promise<Uint8Array | null> {
  const source = sources[place.sourceIndex] as Source
  // Only .json files held in memory (validateContent given files) have their bytes.
  if (source.bytes) return source.bytes.subarray(place.offset, place.offset + place.length)
  // A stdin source means there is a spool (validateSources makes one).
  const path = source.kind === 'stdin' ? (spool as Spool).path : source.path
  try {
    const handle = await open(path, 'r')
    try {
      const bytes = new Uint8Array(place.length)
      const { bytesRead } = await handle.read(bytes, 0, place.length, place.offset)
      return bytesRead === place.length ? bytes : null
    } finally {
      await handle.close()
    }
  } catch {
    return null
  }
}

/**
 * stdin copied to a temporary file as it is read, so documents with problems found only at the
 * end (a dangling reference) can be read again for their positions. The file is removed after.
 */
class Spool {
  private constructor(
    readonly dir: string,
    readonly path: string,
    private readonly handle: Awaited<ReturnType<typeof open>>,
  ) {}

  static async create(): Promise<Spool> {
    const dir = await mkdtemp(join(tmpdir(), 'validate-stdin-'))
    const path = join(dir, 'stdin.ndjson')
    return new Spool(dir, path, await open(path, 'w', 0o600))
  }

  readonly tap = async (chunk: Uint8Array): Promise<void> => {
    await this.handle.write(chunk)
  }

  async remove(): Promise<void> {
    await this.handle.close().catch(() => undefined)
    // Stryker disable next-line BooleanLiteral: the folder is this run's own, made by mkdtemp and removed only here, so it is always there to remove
    await rm(this.dir, { recursive: true, force: true })
  }
}

/**
 * Sort problems in place: by file in the order of `sources` (problems of paths that could not be
 * read, which name no source, first), then by line, column and rule.
 */
export function sortProblems(problems: Diagnostic[], sources: readonly Source[]): Diagnostic[] {
  const order = new Map(sources.map((s, i) => [s.file, i]))
  const rank = (file: string): number => order.get(file) ?? -1
  return problems.sort(
    (a, b) =>
      rank(a.file) - rank(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      // Stryker disable next-line ConditionalExpression,EqualityOperator: V8's sort only asks whether a comparison is below 0, so 1 and 0 order alike (the -1 is tested)
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  )
}
