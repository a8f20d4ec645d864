import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { parseCommandLine } from '../src/cli/command-line.js'
import { packageRoot } from '../src/package-root.js'
import { generateAll, staleFiles } from '../tools/codegen/generate.js'
import { orphanStudioFiles } from '../tools/codegen/studio.js'

const USAGE = 'Usage: npm run types [-- --check]'

async function main(): Promise<number> {
  let check = false
  try {
    const { values } = parseCommandLine({
      script: 'types',
      options: { check: { type: 'boolean' } },
    })
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

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`types: ${(error as Error).message}`)
    process.exit(2)
  },
)
