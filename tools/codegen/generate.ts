import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { packageRoot } from '../../src/package-root.js'
import { SchemaGraph } from '../../src/schema-graph.js'
import { readSchemas, SCHEMA_DIR } from '../../src/schemas.js'
import type { GeneratedFile } from './generated-file.js'
import { generateStudio } from './studio.js'
import { generateTypes } from './types.js'
import { generateValidators } from './validators.js'

/**
 * Everything generated from `schemas/`: the TypeScript types, the precompiled validators and the
 * Sanity Studio schema in `studio/`.
 */
export async function generateAll(schemaDir: string = SCHEMA_DIR): Promise<GeneratedFile[]> {
  const graph = new SchemaGraph(readSchemas(schemaDir))
  return [
    { path: 'src/generated/types.ts', content: await generateTypes(graph) },
    { path: 'src/generated/validators.ts', content: generateValidators(graph) },
    ...(await generateStudio(graph, packageRoot())),
  ]
}

/** The generated files whose committed content differs from what the schemas produce now. */
export async function staleFiles(root: string, files: GeneratedFile[]): Promise<string[]> {
  const stale: string[] = []
  for (const file of files) {
    const current = await readFile(join(root, file.path), 'utf8').catch(() => null)
    if (current !== file.content) stale.push(file.path)
  }
  return stale
}
