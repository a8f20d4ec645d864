import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DOCUMENT_TYPE_REGISTRY } from '../../src/document-types.js'
import { packageRoot } from '../../src/package-root.js'
import { SchemaGraph } from '../../src/schema-graph.js'
import { readSchemas, SCHEMA_DIR } from '../../src/schemas.js'
import { generateDocuments, generateGuards, type Registry } from './documents.js'
import type { GeneratedFile } from './generated-file.js'
import { generateStudio } from './studio.js'
import { generateTypes } from './types.js'
import { generateValidators } from './validators.js'

/**
 * Everything generated from `schemas/` and the document-type registry: the TypeScript types, the
 * precompiled validators, the per-type tables and type guards, and the Sanity Studio schema in
 * `studio/`. A test passes its own schema folder and registry to see a new type come through.
 */
export async function generateAll(
  schemaDir: string = SCHEMA_DIR,
  registry: Registry = DOCUMENT_TYPE_REGISTRY,
): Promise<GeneratedFile[]> {
  const graph = new SchemaGraph(readSchemas(schemaDir))
  return [
    { path: 'src/generated/documents.ts', content: generateDocuments(graph, registry) },
    { path: 'src/generated/guards.ts', content: generateGuards(graph, registry) },
    { path: 'src/generated/types.ts', content: await generateTypes(graph, registry) },
    { path: 'src/generated/validators.ts', content: generateValidators(graph, registry) },
    ...(await generateStudio(graph, packageRoot(), registry)),
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
