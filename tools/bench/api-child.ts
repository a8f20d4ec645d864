/**
 * The local Sanity API in a child process for the publish bench, so the server's work does not
 * share the event loop (or the CPU-time count) of the clients being measured. It reports every
 * answered request over IPC; on "sync" it answers with its CPU time, and since IPC keeps order,
 * every earlier request's record has arrived by then. Started by api-process.ts.
 */
// Test infrastructure, not part of the package: loaded at run time from its compiled place, so
// nothing in src/ depends on tests/ when installed (the bench only runs from a checkout).
const server = (await import(new URL('../sanity-api/server.js', import.meta.url).href)) as {
  startSanityApi(options: {
    token?: string
    onRequest?: (request: unknown) => void
  }): Promise<{ env(): Record<string, string>; close(): Promise<void> }>
}

const send = (message: unknown): void => void process.send?.(message)

const api = await server.startSanityApi({
  token: process.env.BENCH_SANITY_API_TOKEN,
  onRequest: (request) => send({ request }),
})
const { SANITY_API_TOKEN: _secret, ...env } = api.env()
send({ ready: env })

process.on('message', (message) => {
  if (message === 'sync') {
    const cpu = process.cpuUsage()
    send({ synced: (cpu.user + cpu.system) / 1e6 })
  } else if (message === 'close') {
    api.close().then(
      () => process.disconnect(),
      () => process.exit(1),
    )
  }
})
