import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { parseCommandLine, UsageError } from '../src/cli/command-line.js'
import { runScript } from '../src/cli/run-script.js'
import { findInStory } from '../src/importer/find/find-in-story.js'
import { readStory } from '../src/importer/read-story.js'
import { packageRoot } from '../src/package-root.js'
import {
  formatQualityTable,
  loadGoldStories,
  scoreStory,
  totalQuality,
} from '../tools/eval/import-quality.js'

const USAGE = `Usage: npm run eval [-- --json]

The importer's quality: imports each gold story (the seed, whose model is content/, and each
tests/fixtures/import/stories/<name>.txt beside its <name>.gold.json) with the finder and compares
the people, quotes, speakers, kinds, channels and mentions with the hand-checked model.
--json prints the figures as one JSON object instead of the table.
Exit codes: 0 printed, 2 usage or a story that could not be read.`

async function main(): Promise<number> {
  let json = false
  try {
    const { values } = parseCommandLine({
      script: 'eval',
      args: process.argv.slice(2),
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    })
    if (values.help) {
      console.log(USAGE)
      return 0
    }
    json = Boolean(values.json)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    console.error(`eval: ${error.message}\n${USAGE}`)
    return 2
  }
  const root = packageRoot()
  const rows = []
  for (const gold of await loadGoldStories(root)) {
    const story = readStory(await readFile(gold.file), relative(root, gold.file))
    rows.push(scoreStory(gold.name, findInStory(story, []), gold.gold))
  }
  if (json) console.log(JSON.stringify({ stories: rows, total: totalQuality(rows) }, null, 2))
  else process.stdout.write(formatQualityTable(rows))
  return 0
}

runScript('eval', main)
