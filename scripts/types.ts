import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parseCommandLine } from '../src/cli/command-line.js'
import { packageRoot } from '../src/package-root.js'
import { generateAll, staleFiles } from '../tools/codegen/generate.js'
import { orphanStudioFiles } from '../tools/codegen/studio.js'

const USAGE = `Usage: us-russia-g20-story types [--check]

Regenerates src/generated/ and studio/generated/ from schemas/ (in the repository only).
  --check  write nothing; exit 1 when a generated file is stale or no longer generated`

/** `types [--check]`: regenerate the generated files, or check them (exit 0, 1 stale, 2 usage). */
export async function main(args: string[]): Promise<number> {
  let check = false
  try {
    const { values } = parseCommandLine({
      script: 'types',
      args,
      options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    })
    if (values.help) {
      console.log(USAGE)
      return 0
    }
    check = Boolean(values.check)
  } catch (error) {
    console.error(`types: ${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const root = packageRoot()
  const files = await generateAll()
  if (check) {
    const stale = await staleFiles(root, files)
    for (const path of stale)
      console.error(`${path} is stale: run \`npm run types\` and commit it.`)
    const orphans = orphanStudioFiles(root, files)
    for (const path of orphans)
      console.error(`${path} is no longer generated: run \`npm run types\` to delete it.`)
    const problems = stale.length + orphans.length
    if (problems === 0) console.log(`Generated files are up to date (${files.length} checked).`)
    return problems === 0 ? 0 : 1
  }
  for (const path of orphanStudioFiles(root, files)) {
    await rm(join(root, path))
    console.log(`deleted ${path}`)
  }
  for (const file of files) {
    const target = join(root, file.path)
    await mkdir(dirname(target), { recursive: true })
    // Write beside, then rename: a reader never sees half a file.
    await writeFile(`${target}.tmp`, file.content)
    await rename(`${target}.tmp`, target)
    console.log(`wrote ${file.path}`)
  }
  return 0
}
