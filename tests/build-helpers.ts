// Helpers shared by the build, serve and preview tests. Not a test file itself.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import type { ContentDocument } from '../src/generated/types.js'
import type { BuildSteps } from '../src/outputs/pipeline.js'

/** A fresh temporary folder. */
export function tempDir(prefix = 'build-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Write `files` (path → text) under `root`. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
}

/** Every file under `dir` with a hash of its bytes and its modification time: equal means untouched. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {}
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      if (entry.isDirectory()) walk(path)
      else {
        const hash = createHash('sha256').update(readFileSync(path)).digest('hex')
        result[relative(dir, path)] = `${hash} ${statSync(path).mtimeMs}`
      }
    }
  }
  walk(dir)
  return result
}

/**
 * Stand-in build steps for tests that exercise the build machinery itself: "valid" means every
 * `.json` file parses, and the render writes one page per document. The real steps are tested
 * against the real content in build.test.ts.
 */
export function standInSteps(): BuildSteps {
  const read = async (dir: string) => {
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.json'))
    return Promise.all(
      files.sort().map(async (file) => ({ file, text: await readFile(join(dir, file), 'utf8') })),
    )
  }
  return {
    read: async (dir) => {
      const problems = []
      const documents: ContentDocument[] = []
      const files = await read(dir)
      for (const { file, text } of files) {
        try {
          documents.push(JSON.parse(text) as ContentDocument)
        } catch (error) {
          problems.push({
            severity: 'error' as const,
            rule: 'json/syntax' as const,
            message: `stand-in: ${(error as Error).message}`,
            file: join(dir, file),
            line: 1,
            column: 1,
            pointer: '',
            documentId: null,
          })
        }
      }
      const valid = problems.length === 0
      return {
        report: { valid, documents: files.length, problems },
        documents: valid ? documents : [],
        places: valid ? files.map(({ file }) => ({ file: join(dir, file), line: 1 })) : [],
      }
    },
    outputs: [
      {
        name: 'site',
        render: (documents) => [
          { path: 'index.html', content: `<h1>${documents.length} documents</h1>` },
          ...documents.map((doc) => ({
            path: `${doc._id}/index.html`,
            content: `<h1>${String((doc as { name?: string }).name ?? doc._id)}</h1>`,
          })),
        ],
      },
    ],
  }
}

/** The package folder of this repository. */
export const PACKAGE_ROOT = join(import.meta.dirname, '..')

/** A temp copy of the package's content/ and schemas/, to build without touching the real dist/. */
export function copyPackage(prefix = 'build-copy-'): string {
  const root = tempDir(prefix)
  for (const folder of ['content', 'schemas'])
    cpSync(join(PACKAGE_ROOT, folder), join(root, folder), { recursive: true })
  return root
}

/** The compiled program (package.json's `bin`) under `root`: `dist/lib/src/cli/bin.js`. */
export function programIn(root: string): string {
  return join(root, 'dist/lib/src/cli/bin.js')
}

/**
 * node's arguments that run `command` of the compiled program, as `npx us-russia-g20-story
 * <command>` does; npm test compiles first (pretest).
 */
export function compiledCommand(command: string): string[] {
  const path = programIn(PACKAGE_ROOT)
  if (!existsSync(path))
    throw new Error(
      `${path} is missing: run \`npm test\` (it compiles first) or \`npm run compile\`.`,
    )
  return [path, command]
}

/** Run a command of the compiled program and collect its exit code and output. */
export function runScript(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [...compiledCommand(command), ...args], {
    cwd: options.cwd ?? PACKAGE_ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}
