import { parseCommandLine } from '../src/cli/command-line.js'
import { ensureChromium } from '../tools/chromium.js'

const USAGE = `Usage: node dist/lib/scripts/ensure-chromium.js
Makes sure Chromium is at /usr/bin/chromium (or $CHROMIUM_PATH) for the end-to-end test,
installing Debian's chromium with apt-get when run as root. npm test runs it first (pretest).`

function main(): number {
  try {
    const { values } = parseCommandLine({
      script: 'pretest',
      options: { help: { type: 'boolean' } },
    })
    if (values.help) {
      console.log(USAGE)
      return 0
    }
  } catch (error) {
    console.error(`ensure-chromium: ${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const result = ensureChromium()
  if (result.status === 'missing') {
    console.error(result.message)
    return 2
  }
  console.log(
    result.status === 'installed'
      ? `Installed Chromium at ${result.path}.`
      : `Chromium found at ${result.path}.`,
  )
  return 0
}

try {
  process.exitCode = main()
} catch (error) {
  console.error(`ensure-chromium: ${(error as Error).message}`)
  process.exitCode = 2
}
