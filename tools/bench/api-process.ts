import { type ChildProcess, fork } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import type { ServerRequest, StartLocalApi } from './local-api.js'

type ChildMessage =
  | { ready: Record<string, string> }
  | { request: ServerRequest }
  | { synced: number }

/** The child's next message that `pick` accepts (others are handled by the standing listener). */
function next<T>(child: ChildProcess, pick: (m: ChildMessage) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: ChildMessage): void => {
      const value = pick(message)
      if (value === undefined) return
      child.off('message', onMessage)
      child.off('exit', onExit)
      resolve(value)
    }
    const onExit = (code: number | null): void => {
      child.off('message', onMessage)
      reject(new Error(`the local Sanity API process exited (${code}) before answering`))
    }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/**
 * Start the local Sanity API (compiled, tools/sanity-api) in a child process on 127.0.0.1, any
 * free port, taking writes with `token`. The token goes to the child in its environment and is
 * never printed.
 */
export const startApiProcess: StartLocalApi = async ({ token }) => {
  const child = fork(fileURLToPath(new URL('./api-child.js', import.meta.url)), [], {
    env: { ...process.env, BENCH_SANITY_API_TOKEN: token },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  const requests: ServerRequest[] = []
  child.on('message', (message: ChildMessage) => {
    if ('request' in message) requests.push(message.request)
  })
  const env = await next(child, (m) => ('ready' in m ? m.ready : undefined))
  return {
    env: () => ({ ...env, SANITY_API_TOKEN: token }),
    requests,
    async sync() {
      const answer = next(child, (m) => ('synced' in m ? m.synced : undefined))
      child.send('sync')
      return { cpuSeconds: await answer }
    },
    async close() {
      if (child.exitCode !== null) return
      const exited = once(child, 'exit')
      child.send('close')
      await exited
    },
  }
}
