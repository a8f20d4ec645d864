import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Diagnostic } from '../diagnostics.js'
import { displayPath } from '../display-path.js'
import type { ContentDocument } from '../generated/types.js'
import type { ValidatedContent } from '../validator/validate.js'
import { checkOutputFolder, OutputFolderError, replaceOutputFolder } from './output-folder.js'
import { packageFolders } from './protected-folders.js'
import type { OutputFile, WriteStats } from './write-files.js'

/** One folder under `dist/` that the build owns and replaces whole, such as `site`. */
export interface BuildOutput {
  /** Folder name under the output folder: `site` is written to `dist/site`. */
  name: string
  /** `source.contentDir` is where the documents were read, for files that sit beside them. */
  render(
    documents: ContentDocument[],
    source: { contentDir: string },
  ): OutputFile[] | Promise<OutputFile[]>
  /** What a reader of the output should know, such as a setting it was made without. */
  notice?: string | undefined
}

/** The steps a build runs, in order: read and validate the content (once), render each output. */
export interface BuildSteps {
  /**
   * Validate the content and return the documents validated (empty when it is invalid), as
   * `validateContent` does: what is rendered is what was validated, from one read.
   */
  read(contentDir: string): Promise<ValidatedContent>
  outputs: readonly BuildOutput[]
}

/** Where a build reads and writes. */
export interface BuildOptions {
  /** Folder holding `content/`; outputs go to `<root>/dist`. Default: this package. */
  root?: string
  /** Where the content is. Default `<root>/content`. */
  contentDir?: string
  /**
   * Where outputs go. Default `<root>/dist`. Only the outputs' own folders are replaced, and only
   * when each is missing, empty or an earlier output (see `replaceOutputFolder`).
   */
  outDir?: string
}

/** An output folder the build wrote. */
export interface BuiltOutput extends WriteStats {
  name: string
  /** Absolute path of the folder. */
  dir: string
}

/** Outcome of a build. When `ok` is false, nothing was written. */
export type BuildResult =
  | {
      ok: true
      documents: number
      problems: Diagnostic[]
      outputs: BuiltOutput[]
      /** The outputs' notices (see {@link BuildOutput.notice}). */
      notices: string[]
      ms: number
    }
  | { ok: false; documents: number; problems: Diagnostic[]; ms: number }

/** A build step failed for a reason other than the content's problems (a renderer bug, a full disk). */
export class BuildError extends Error {
  override name = 'BuildError'
  /**
   * The problems of the step that failed, as every stage reports them: a renderer's
   * `render/*` diagnostics. Empty for a failure that is no content problem (a full disk).
   */
  readonly diagnostics: readonly Diagnostic[]

  constructor(
    readonly stage: 'render' | 'write',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
    const list = (options?.cause as { diagnostics?: unknown } | undefined)?.diagnostics
    this.diagnostics = Array.isArray(list) ? (list as Diagnostic[]) : []
  }
}

/**
 * Validate the content, then render every output and swap each into place under `outDir`.
 * Content errors return `{ ok: false, problems }` and touch nothing on disk. A renderer or disk
 * failure throws {@link BuildError}; each output folder is then either the old one or the new
 * one, never a mix, and no temporary folder is left.
 *
 * @throws {OutputFolderError} before anything is read or written, when an output folder holds
 *   what the build did not write, or would be (or hold) the package folder, `content/` or `schemas/`.
 */
export async function runBuild(
  steps: BuildSteps,
  options: BuildOptions = {},
): Promise<BuildResult> {
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const root = options.root ?? process.cwd()
  const contentDir = options.contentDir ?? join(root, 'content')
  const outDir = options.outDir ?? join(root, 'dist')
  const protect = [
    ...packageFolders(root),
    { path: contentDir, name: 'the content folder', inside: true },
  ]
  const folders = steps.outputs.map(({ name }) => join(outDir, name))
  // Every folder first: a refused one must not come to light after another was replaced.
  for (const dir of folders) await checkOutputFolder(dir, { protect })

  const { report, documents } = await steps.read(displayPath(contentDir))
  if (!report.valid)
    return { ok: false, documents: report.documents, problems: report.problems, ms: elapsed() }

  // Render everything before writing anything: a renderer that throws leaves every output as it was.
  const rendered: { name: string; files: OutputFile[] }[] = []
  for (const output of steps.outputs) {
    try {
      rendered.push({ name: output.name, files: await output.render(documents, { contentDir }) })
    } catch (error) {
      const why = (error as Error).message
      throw new BuildError('render', `Rendering ${output.name} failed: ${why}`, { cause: error })
    }
  }

  const outputs: BuiltOutput[] = []
  for (const { name, files } of rendered) {
    const dir = join(outDir, name)
    try {
      outputs.push({ name, dir, ...(await replaceOutputFolder(dir, files, { protect })) })
    } catch (error) {
      if (error instanceof OutputFolderError) throw error
      const why = (error as Error).message
      throw new BuildError('write', `Writing ${displayPath(dir)} failed: ${why}`, { cause: error })
    }
  }
  return {
    ok: true,
    documents: documents.length,
    problems: report.problems,
    outputs,
    notices: steps.outputs.flatMap(({ notice }) => (notice === undefined ? [] : [notice])),
    ms: elapsed(),
  }
}
