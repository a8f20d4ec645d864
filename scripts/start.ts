import { parseCommandLine, requirePackageFolder } from '../src/cli/command-line.js'
import { build } from '../src/outputs/build.js'
import { builtLine, problemsReport } from '../src/outputs/summary.js'
import { packageRoot } from '../src/package-root.js'
import { type PreviewEvent, startPreview } from '../tools/preview/preview.js'
import { DEFAULT_PORT } from '../tools/preview/static-server.js'

const USAGE = `Usage: us-russia-g20-story serve [--root <folder>]

Builds the site, serves dist/site on http://127.0.0.1:${DEFAULT_PORT}/ and rebuilds when content/
or schemas/ change. A change with content errors keeps the last good site and prints the problems.
PORT=<n> npm start serves on another port (PORT=0 picks a free one). Ctrl-C stops it.`

/** The port from `PORT`, or a message saying what is wrong with it. */
function portFrom(env: string | undefined): number | string {
  if (env === undefined || env === '') return DEFAULT_PORT
  const port = Number(env)
  if (!/^\d+$/.test(env) || port > 65535)
    return `PORT=${env} is not a port: give a number from 0 to 65535 (0 picks a free port).`
  return port
}

/** The changed documents, by name: editors' temporary files (sed, vim) are left out. */
function describeChange(paths: string[]): string {
  const documents = paths.filter((path) => path.endsWith('.json'))
  if (documents.length === 0) return paths[0]?.split('/')[0] ?? 'content'
  const more = documents.length > 3 ? ` and ${documents.length - 3} more` : ''
  return `${documents.slice(0, 3).join(', ')}${more}`
}

function printer(root: string): (event: PreviewEvent) => void {
  const color = process.stderr.isTTY === true && !process.env.NO_COLOR
  return (event) => {
    const paths = 'trigger' in event && event.trigger.kind === 'change' ? event.trigger.paths : []
    const because = paths.length > 0
    const changed = because ? `${describeChange(paths)} changed. ` : ''
    switch (event.kind) {
      case 'built':
        if (event.result.problems.length > 0)
          process.stdout.write(problemsReport(event.result.problems, event.result.documents))
        console.log(`${changed}${builtLine(event.result, root)}`)
        break
      case 'rejected':
        process.stderr.write(problemsReport(event.result.problems, event.result.documents, color))
        console.error(
          because
            ? `${changed}Not rebuilt: fix the problems above; the preview keeps the last good site.`
            : 'Not built: fix the problems above; the site is built as soon as you save.',
        )
        break
      case 'crashed':
        console.error(
          `${changed}Build failed: ${event.error.message.replace(/\.?$/, '.')} The last good site is kept.`,
        )
        break
      case 'watch-error':
        console.error(`Watching stopped: ${event.error.message}. Restart \`npm start\`.`)
        break
      case 'listening':
        console.log(`Serving dist/site at ${event.url}`)
        console.log(`Watching ${event.watching.map((f) => `${f}/`).join(' and ')}. Ctrl-C stops.`)
        break
    }
    if (paths.some((path) => path.startsWith('schemas'))) {
      // Validation runs precompiled validators: an edited schema applies only once regenerated.
      console.log(
        'A schema changed: run `npm run types`, then restart `npm start` to validate with it.',
      )
    }
  }
}

/** `serve`: builds, serves dist/site on 127.0.0.1 and rebuilds on changes until Ctrl-C. */
export async function main(args: string[]): Promise<number> {
  let root: string
  try {
    const { values, path } = parseCommandLine({
      script: 'start',
      args,
      options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    })
    if (values.help) {
      console.log(USAGE)
      return 0
    }
    root = requirePackageFolder(values.root ? path(values.root) : packageRoot())
  } catch (error) {
    console.error(`serve: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const port = portFrom(process.env.PORT)
  if (typeof port === 'string') {
    console.error(`serve: ${port}`)
    return 2
  }
  let preview: Awaited<ReturnType<typeof startPreview>>
  try {
    preview = await startPreview({
      root,
      port,
      build: () => build({ root }),
      onEvent: printer(root),
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    console.error(
      `serve: port ${port} is in use. Stop the other server, or run \`PORT=${port + 1} npm start\`.`,
    )
    return 2
  }
  return new Promise((done) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      // A second Ctrl-C means now.
      if (stopping) process.exit(130)
      stopping = true
      console.log(`\n${signal}: stopping…`)
      preview.close().then(
        () => {
          console.log('Stopped.')
          done(0)
        },
        () => done(1),
      )
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
