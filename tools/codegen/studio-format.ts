import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { GeneratedFile } from './generated-file.js'

/**
 * Format generated TypeScript with the repo's own biome (formatter, import order, safe fixes), so
 * the committed studio/ files pass `npm run lint` and `--check` compares like with like.
 * Files are formatted in parallel: each biome start-up costs a few hundred milliseconds.
 */
export async function formatWithBiome(
  files: GeneratedFile[],
  root: string,
): Promise<GeneratedFile[]> {
  const biome = biomeBinary(root)
  return Promise.all(
    files.map(async (file) => ({ path: file.path, content: await format(biome, root, file) })),
  )
}

/**
 * The platform's native biome binary, which starts in a tenth of the time of the node wrapper in
 * node_modules/.bin; the wrapper when the native package cannot be found (musl, BIOME_BINARY).
 */
function biomeBinary(root: string): string {
  try {
    const require = createRequire(join(root, 'package.json'))
    return require.resolve(`@biomejs/cli-${process.platform}-${process.arch}/biome`)
  } catch {
    const wrapper = join(root, 'node_modules', '.bin', 'biome')
    if (existsSync(wrapper)) return wrapper
    throw new Error(
      `biome not found in ${root}: run \`npm ci\` so the Studio schema can be formatted.`,
    )
  }
}

function format(biome: string, root: string, file: GeneratedFile): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(biome, ['check', '--write', `--stdin-file-path=${file.path}`], {
      cwd: root,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', (error) => reject(failure(file, error.message)))
    child.on('close', (code) => {
      if (code === 0 && stdout.length > 0) resolve(stdout)
      else reject(failure(file, stderr.trim() || `biome exited with ${code}`))
    })
    child.stdin.end(file.content)
  })
}

function failure(file: GeneratedFile, reason: string): Error {
  return new Error(`biome could not format generated ${file.path}: ${reason}`)
}
