import { createRequire } from 'node:module'
import type * as Momoa from '@humanwhocodes/momoa'

let loaded: typeof Momoa | undefined

/**
 * momoa, loaded on first use: only documents with a problem need source positions, so a clean
 * run never pays for it. (The CommonJS build lets a synchronous caller load it.)
 */
export function momoa(): typeof Momoa {
  loaded ??= createRequire(import.meta.url)('@humanwhocodes/momoa') as typeof Momoa
  return loaded
}

export type { Momoa }
