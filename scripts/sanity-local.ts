import { parseCommandLine, UsageError } from '../src/cli/command-line.js'
import { reportBug } from '../src/cli/run-script.js'
import { readSeed, SeedError } from '../tools/sanity-api/seed.js'
import { type SanityApi, startSanityApi } from '../tools/sanity-api/server.js'

const USAGE = `Usage: us-russia-g20-story sanity-local [--port 3333] [--seed data.ndjson]

Serves a local, in-memory stand-in for Sanity's HTTP API (mutate, query, doc, image upload) on
127.0.0.1, and prints the environment that points the publish and pull scripts at it.
Environment: SANITY_API_TOKEN, when set, is the token writes need (the variable publish and pull
send; it is read from the environment because the process list shows arguments). Without it, any
program on this machine may write, and publish and pull need no token for this host. Pages of
other origins may never write, and requests for other host names are refused.
Stop it with Ctrl-C; nothing is kept.
Exit codes: 0 stopped with Ctrl-C, 1 invalid seed file, 2 usage, unreadable seed, port in use.`

interface Command {
  port: number
  token?: string
  seed?: string
}

function parseCommand(args: string[], env: NodeJS.ProcessEnv): Command | 'help' {
  const { values, path } = parseCommandLine({
    script: 'sanity:local',
    args,
    options: {
      port: { type: 'string', default: '3333' },
      // Only to say where the token goes now: a value given here would show in the process list.
      token: { type: 'string' },
      seed: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) return 'help'
  if (values.token !== undefined)
    throw new UsageError(
      '--token is not taken (the process list would show it): set SANITY_API_TOKEN in the environment instead.',
    )
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port ${values.port} is not a port: give a number from 0 to 65535.`)
  }
  const token = env.SANITY_API_TOKEN?.trim()
  return {
    port,
    token: token ? token : undefined,
    seed: values.seed === undefined ? undefined : path(values.seed),
  }
}

/** The export lines; the token is never printed, only where to set it. */
function exportLines(api: SanityApi, withToken: boolean): string {
  const env = api.env()
  const lines = ['SANITY_PROJECT_ID', 'SANITY_DATASET', 'SANITY_API_HOST'].map(
    (name) => `export ${name}=${env[name]}`,
  )
  if (withToken) lines.push('# and export SANITY_API_TOKEN with the same value as here')
  return lines.join('\n')
}

/** `sanity-local`: serves the local Sanity API until Ctrl-C. */
export async function main(args: string[]): Promise<number> {
  let command: Command | 'help'
  try {
    command = parseCommand(args, process.env)
  } catch (error) {
    process.stderr.write(`sanity-local: ${(error as Error).message}\n${USAGE}\n`)
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
        process.stderr.write(`sanity-local: ${error.message}\n`)
        return 1
      }
      const code = (error as NodeJS.ErrnoException).code ?? 'EIO'
      process.stderr.write(
        `sanity-local: cannot read --seed ${command.seed} (${code}): check the path.\n`,
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
      `sanity-local: cannot listen on 127.0.0.1:${command.port} (${code ?? 'error'})${hint}.\n`,
    )
    return 2
  }
  process.stdout.write(
    `Local Sanity API at ${api.url} (${documents.length} documents, in memory only). Ctrl-C stops it.\n` +
      `${
        command.token
          ? 'Writes need SANITY_API_TOKEN, as set in this environment.'
          : 'No SANITY_API_TOKEN in this environment: any program on this machine may write, and publish and pull need no token for it.'
      }\n\n` +
      `${exportLines(api, command.token !== undefined)}\n`,
  )
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await api.close()
  process.stderr.write('sanity-local: stopped; the data is gone.\n')
  return 0
}

/** An error that escaped the local API can only be a bug. */
export const explain = reportBug
