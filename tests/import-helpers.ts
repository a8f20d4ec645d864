/**
 * Helpers of the importer's tests: the numbered fixtures of the `import/*` rules
 * (tests/fixtures/import/). A fixture too big to commit is generated here; its expected.json says
 * how (`generated`).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Diagnostic } from '../src/diagnostics.js'

/** The folder of the numbered fixtures. */
export const IMPORT_FIXTURES = fileURLToPath(new URL('./fixtures/import/', import.meta.url))

/** The inputs of the fixtures that are not committed, by fixture name. */
export const GENERATED: Record<string, () => Uint8Array> = {
  '207-line-too-long': () =>
    Buffer.from(
      `Friday, March 03, 2023\n\nFirst top-level US-Russia meeting after Ukraine war\n\nNEW DELHI: ${'x'.repeat(10 * 1024 * 1024)}\n`,
    ),
}

/** Every numbered fixture: its name, its input's bytes, and the problems it must get. */
export function importFixtures(): {
  name: string
  input: () => Uint8Array
  problems: Diagnostic[]
}[] {
  return readdirSync(IMPORT_FIXTURES)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.expected\.json$/, '')
      const expected = JSON.parse(readFileSync(join(IMPORT_FIXTURES, file), 'utf8')) as {
        generated?: string
        problems: Diagnostic[]
      }
      const generate = GENERATED[name]
      const input =
        expected.generated !== undefined && generate !== undefined
          ? generate
          : () => readFileSync(join(IMPORT_FIXTURES, `${name}.txt`))
      return { name, input, problems: expected.problems }
    })
}
