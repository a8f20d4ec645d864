/**
 * The `us-russia-g20-story` program (package.json's `bin`): its help lists every command, each
 * command has --help, a mistyped command or flag gets the nearest one, and the exit codes are
 * 0, 1 and 2. The compiled program runs, as `npx us-russia-g20-story` runs it (pretest compiles).
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSubcommand, UsageError } from '../src/cli/command-line.js'
import { COMMANDS, PROGRAM } from '../src/cli/program.js'
import { compiledCommand, PACKAGE_ROOT, tempDir } from './build-helpers.js'
import { STACK_TRACE } from './validate-cli.js'

const [BIN] = compiledCommand('validate') as [string]
const NAMES = Object.keys(COMMANDS)

function run(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: PACKAGE_ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the program', () => {
  it("is package.json's bin, named after the package: src/cli/bin.ts bundled into dist/lib/bin, which ships", () => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'))
    expect(manifest.bin).toEqual({ [manifest.name]: `dist/lib/bin/${manifest.name}.js` })
    expect(PROGRAM).toBe(manifest.name)
    expect(manifest.files).toEqual(expect.arrayContaining(['dist/lib/src', 'dist/lib/bin']))
    expect(readFileSync(BIN, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/)
    const bundled = join(PACKAGE_ROOT, manifest.bin[manifest.name])
    expect(readFileSync(bundled, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/)
  })

  it('--help lists every command with what it does, exit 0', () => {
    const { code, stdout, stderr } = run(['--help'])
    expect(stderr).toBe('')
    for (const [name, entry] of Object.entries(COMMANDS))
      expect(stdout).toMatch(new RegExp(`^  ${name} +${entry.summary.slice(0, 20)}`, 'm'))
    expect(stdout).toContain('In the repository only')
    expect(code).toBe(0)
  })

  it('no command at all prints the help on stderr, exit 2', () => {
    const { code, stdout, stderr } = run([])
    expect(stdout).toBe('')
    expect(stderr).toContain(`Usage: ${PROGRAM} <command>`)
    expect(code).toBe(2)
  })

  it('--version prints the package version', () => {
    const manifest = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'))
    const { code, stdout } = run(['--version'])
    expect(stdout).toBe(`${manifest.version}\n`)
    expect(code).toBe(0)
  })

  it.each(NAMES)('%s --help prints its usage on stdout, exit 0', (name) => {
    const { code, stdout, stderr } = run([name, '--help'])
    expect(stderr).toBe('')
    expect(stdout).toContain(`Usage: ${PROGRAM} ${name}`)
    expect(code).toBe(0)
  })

  it('help <command> is <command> --help', () => {
    const { code, stdout } = run(['help', 'query'])
    expect(stdout).toBe(run(['query', '--help']).stdout)
    expect(code).toBe(0)
  })

  it.each([
    ['valdate', 'validate'],
    ['pubish', 'publish'],
    ['sanity-lcal', 'sanity-local'],
    ['serv', 'serve'],
  ])('a mistyped command (%s) gets the nearest one (%s), exit 2', (typo, meant) => {
    const { code, stdout, stderr } = run([typo, 'content'])
    expect(stderr).toContain(`unknown command ${typo}: did you mean ${meant}?`)
    expect(stderr).not.toMatch(STACK_TRACE)
    expect(stdout).toBe('')
    expect(code).toBe(2)
  })

  it('a word far from every command lists them', () => {
    const { code, stderr } = run(['zzzzzz'])
    expect(stderr).toContain(`unknown command zzzzzz: ${PROGRAM} runs ${NAMES.join(', ')}.`)
    expect(code).toBe(2)
  })

  it('a flag before the command: the nearest of the programme’s own, or where flags go', () => {
    expect(run(['--hlep']).stderr).toContain('unknown option --hlep: did you mean --help?')
    const format = run(['--format', 'json'])
    expect(format.stderr).toContain(`give a command first, as in \`${PROGRAM} validate --format\``)
    expect(format.code).toBe(2)
  })

  it('a mistyped flag of a command gets the nearest flag of that command, exit 2', () => {
    const { code, stderr } = run(['publish', '--dry-rn'])
    expect(stderr).toContain('unknown option --dry-rn: did you mean --dry-run?')
    expect(code).toBe(2)
  })

  it('passes the exit code of the command through: 0 valid, 1 invalid', () => {
    expect(run(['validate', 'content']).code).toBe(0)
    const dir = tempDir('program-')
    const invalid = join(dir, 'person.json')
    writeFileSync(invalid, JSON.stringify({ _id: 'person-x', _type: 'person' }))
    const result = run(['validate', invalid, '--format', 'github'])
    rmSync(dir, { recursive: true, force: true })
    expect(result.stdout).toMatch(/^::error file=.*schema\/required/m)
    expect(result.code).toBe(1)
  })
})

describe('parseSubcommand', () => {
  const names = ['validate', 'build'] as const
  it('splits the command from its arguments', () => {
    expect(parseSubcommand('p', names, ['build', '--root', 'x'])).toEqual({
      kind: 'command',
      name: 'build',
      args: ['--root', 'x'],
    })
    expect(parseSubcommand('p', names, ['-h'])).toEqual({ kind: 'help' })
    expect(parseSubcommand('p', names, ['help', 'build'])).toEqual({ kind: 'help', name: 'build' })
    expect(parseSubcommand('p', names, ['-v'])).toEqual({ kind: 'version' })
  })

  it('throws a UsageError for a command it does not know, even after help', () => {
    expect(() => parseSubcommand('p', names, ['help', 'bild'])).toThrow(
      new UsageError('unknown command bild: did you mean build?'),
    )
  })
})
