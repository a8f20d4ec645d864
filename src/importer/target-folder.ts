/**
 * Where an import may write: an empty folder (or one still to be made), or a content folder (only
 * the registry's type folders, `articles/`, `people/`…). Anything else (a package root, a folder
 * of other files) would get content folders mixed into it, so it is refused.
 */
import { readdirSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { DOCUMENT_TYPE_REGISTRY } from '../document-types.js'

const TYPE_FOLDERS = new Set<string>(
  Object.values(DOCUMENT_TYPE_REGISTRY).map((spec) => spec.folder),
)

/** Why `dir` cannot take an import, or undefined when it can. */
export function refusedTarget(dir: string): string | undefined {
  let isFolder: boolean
  try {
    isFolder = statSync(dir).isDirectory()
  } catch {
    try {
      return statSync(dirname(dir)).isDirectory() ? undefined : `${dirname(dir)} does not exist`
    } catch {
      return `${dirname(dir)} does not exist`
    }
  }
  if (!isFolder) return `${dir} is a file, not a folder`
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    if (!entry.isDirectory() || !TYPE_FOLDERS.has(entry.name)) {
      return `${dir} is neither empty nor a content folder (it holds ${entry.name}, and a content folder holds only ${[...TYPE_FOLDERS].join('/, ')}/)`
    }
  }
  return undefined
}
