/**
 * A syntax error in a schema file is the user's to fix, not a bug: every command that reads the
 * schemas names the file, its line and column, and exits 2.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSchemas, SchemaFileError } from '../src/schemas.js'
import { PACKAGE_ROOT, tempDir } from './build-helpers.js'

/** Breaks article.schema.json with a trailing comma after its first property; returns its line. */
function breakSchema(dir: string): number {
  const file = join(dir, 'article.schema.json')
  const lines = readFileSync(file, 'utf8').split('\n')
  const at = lines.findIndex((line, i) => i > 0 && line.trimEnd().endsWith(','))
  lines[at] = `${lines[at]},`
  writeFileSync(file, lines.join('\n'))
  return at + 1
}

describe('readSchemas', () => {
  it('throws a SchemaFileError with the file, line and column of a syntax error', () => {
    const dir = tempDir('schema-error-')
    cpSync(join(PACKAGE_ROOT, 'schemas'), dir, { recursive: true })
    const line = breakSchema(dir)
    const error = (() => {
      try {
        readSchemas(dir)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(SchemaFileError)
    const { file, line: at, message } = error as SchemaFileError
    expect(file).toBe(join(dir, 'article.schema.json'))
    expect(at).toBe(line)
    expect(message).toMatch(new RegExp(`article\\.schema\\.json:${line}:\\d+: Invalid JSON`))
  })
})

describe('the commands, with a broken schema in their package', () => {
  it('name the schema file, line and column, exit 2, and call it no bug', () => {
    // A copy of the package: its compiled scripts read the schemas beside them.
    const root = tempDir('schema-error-package-')
    for (const entry of ['package.json', 'schemas', 'content', 'dist/lib'])
      cpSync(join(PACKAGE_ROOT, entry), join(root, entry), { recursive: true })
    symlinkSync(join(PACKAGE_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
    const line = breakSchema(join(root, 'schemas'))
    for (const [script, args] of [
      ['validate', []],
      ['query', ['*']],
      ['build', []],
    ] as const) {
      const run = spawnSync(
        process.execPath,
        [join(root, 'dist/lib/src/cli/bin.js'), script, ...args],
        {
          cwd: root,
          encoding: 'utf8',
        },
      )
      expect(run.stderr, script).not.toContain('bug')
      expect(run.stderr, script).toMatch(
        new RegExp(`schemas/article\\.schema\\.json:${line}:\\d+: Invalid JSON`),
      )
      expect(run.status, script).toBe(2)
    }
  })
})
