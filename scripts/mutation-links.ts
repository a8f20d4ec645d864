/**
 * The build step of a mutation-testing sandbox (see `symbolicLinks` in mutation-config.ts): makes
 * again, in the sandbox it runs in, the symbolic links that Stryker left out of its copy.
 */
import { mkdirSync, symlinkSync } from 'node:fs'
import { dirname } from 'node:path'
import { LINKS_ENV, type SymbolicLink } from './mutation-config.js'

const links = JSON.parse(process.env[LINKS_ENV] ?? '[]') as SymbolicLink[]
for (const { path, target } of links) {
  mkdirSync(dirname(path), { recursive: true })
  symlinkSync(target, path)
}
