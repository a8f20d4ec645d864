/**
 * The local Sanity API as the publish bench sees it, whether it runs in the bench's process or in
 * a child (api-process.ts): the requests it answered, and how to start and stop it.
 */

/** One request as the local server recorded it (the fields this bench reads). */
export interface ServerRequest {
  method: string
  path: string
  status: number
  bytesIn: number
  bytesOut: number
  mutations: number
}

/** The part of the local Sanity API (tools/sanity-api/server.ts) the bench uses. */
export interface LocalApi {
  env(): Record<string, string>
  readonly requests: readonly ServerRequest[]
  /**
   * For a server in another process: resolves once every answered request is in `requests`,
   * with the server's CPU time so far.
   */
  sync?(): Promise<{ cpuSeconds: number }>
  close(): Promise<void>
}

/** Starts a local API with an empty dataset that takes writes carrying `token`. */
export type StartLocalApi = (options: { token: string }) => Promise<LocalApi>
