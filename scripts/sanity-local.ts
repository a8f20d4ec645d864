import { parseCommandLine, UsageError } from '../src/command-line.js'
import { reportBug, runScript } from '../src/run-script.js'
import { readSeed, SeedError } from '../tests/sanity-api/seed.js'
import { type SanityApi, startSanityApi } from '../tests/sanity-api/server.js'

const USAGE = `Usage: npm run sanity:local -- [--port 3333] [--token TOKEN] [--seed data.ndjson]

Serves a local, in-memory stand-in for Sanity's HTTP API (mutate, query, doc, image upload) on
127.0.0.1, and prints the environment that points the publish and pull scripts at it.
With --token, writes need that token. Stop it with Ctrl-C; nothing is kept.
Exit codes: 0 stopped with Ctrl-C, 1 invalid seed file, 2 usage, unreadable seed, port in use.`

interface Command {
  port: number
  token?: string
  seed?: string
}

function parseCommand(args: string[]): Command | 'help' {
  const { values, path } = parseCommandLine({
    script: 'sanity:local',
    args,
    options: {
      port: { type: 'string', default: '3333' },
      token: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port ${values.port} is not a port: give a number from 0 to 65535.`)
  }
  if (values.token === '')
    throw new UsageError('--token is empty: give the token writes must carry, or leave it out.')
  return {
    port,
    token: values.token,
    seed: values.seed === undefined ? undefined : path(values.seed),
  }
}

/** The export lines; the token is never printed, only a placeholder for it. */
function exportLines(api: SanityApi, withToken: boolean): string {
  const env = api.env()
  const lines = ['SANITY_PROJECT_ID', 'SANITY_DATASET', 'SANITY_API_HOST'].map(
    (name) => `export ${name}=${env[name]}`,
  )
  if (withToken) lines.push("export SANITY_API_TOKEN='<the token you passed>'")
  return lines.join('\n')
}

async function main(): Promise<number> {
  let command: Command | 'help'
  try {
    command = parseCommand(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`sanity:local: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  let documents: Awaited<ReturnType<typeof readSeed>> = []
  if (command.seed !== undefined) {
    try {
      documents = await readSeed(command.seed)
    } catch (error) {
      if (error instanceof SeedError) {
        process.stderr.write(`sanity:local: ${error.message}\n`)
        return 1
      }
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
      process.stderr.write(
        `sanity:local: cannot read --seed ${command.seed} (${code}): check the path.\n`,
      )
      return 2
    }
  }
  let api: SanityApi
  try {
    api = await startSanityApi({
      port: command.port,
      token: command.token,
      documents,
      onRequest: (r) => {
        const mutations =
          r.mutations > 0 ? `  ${r.mutations} mutation${r.mutations === 1 ? '' : 's'}` : ''
        process.stderr.write(
          `${r.method} ${r.path} ${r.status === 0 ? 'dropped' : r.status}${mutations}\n`,
        )
      },
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const hint = code === 'EADDRINUSE' ? ': it is in use; pick another with --port' : ''
    process.stderr.write(
      `sanity:local: cannot listen on 127.0.0.1:${command.port} (${code ?? 'error'})${hint}.\n`,
    )
    return 2
  }
  process.stdout.write(
    `Local Sanity API at ${api.url} (${documents.length} documents, in memory only). Ctrl-C stops it.\n` +
      `${command.token ? 'Writes need the token you passed.' : 'No token: every request may write.'}\n\n` +
      `${exportLines(api, command.token !== undefined)}\n`,
  )
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await api.close()
  process.stderr.write('sanity:local: stopped; the data is gone.\n')
  return 0
}

runScript('sanity:local', main, reportBug)
