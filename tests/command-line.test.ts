/**
 * Every script's command line, as a new user types it: a misspelt flag, a flag written before
 * `npm run`'s `--`, a folder that does not exist, and paths relative to the folder the command
 * was run in (npm starts scripts in the package root and passes the user's folder as INIT_CWD).
 * The compiled scripts run as `npm run` would start them: the same environment variables.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nearest } from '../src/cli/command-line.js'
import { ROOT, STACK_TRACE } from './validate-cli.js'

const PROGRAM = join(ROOT, 'dist/lib/src/cli/bin.js')

/** npm script → what node runs: a command of the compiled program, or a compiled script. */
const SCRIPTS = {
  validate: [PROGRAM, 'validate'],
  render: [PROGRAM, 'render'],
  query: [PROGRAM, 'query'],
  build: [PROGRAM, 'build'],
  start: [PROGRAM, 'serve'],
  types: [PROGRAM, 'types'],
  'sanity:publish': [PROGRAM, 'publish'],
  'sanity:pull': [PROGRAM, 'pull'],
  'sanity:local': [PROGRAM, 'sanity-local'],
  bench: [join(ROOT, 'dist/lib/scripts/bench.js')],
} as const

type Script = keyof typeof SCRIPTS

const empty = mkdtempSync(join(tmpdir(), 'command-line-'))
afterAll(() => rmSync(empty, { recursive: true, force: true }))

/** The environment without what `npm test` set, plus `extra`. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(npm_|INIT_CWD$)/i.test(name)),
  )
  return {
    ...clean,
    SANITY_PROJECT_ID: 'p',
    SANITY_DATASET: 'd',
    // Nothing listens here: a script that got as far as the network would fail, not hang.
    SANITY_API_HOST: 'http://127.0.0.1:9',
    NO_COLOR: '1',
    ...extra,
  }
}

/** Run a script as `npm run <script> -- args` would, from `from` (default: the package root). */
function run(script: Script, args: string[], options: { from?: string; npm?: object } = {}) {
  const from = options.from ?? ROOT
  const result = spawnSync(process.execPath, [...SCRIPTS[script], ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: env({ npm_lifecycle_event: script, INIT_CWD: from, ...options.npm }),
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('an unknown flag', () => {
  const typos: [Script, string, string][] = [
    ['validate', '--formt', '--format'],
    ['render', '--fromat', '--format'],
    ['query', '--parm', '--param'],
    ['build', '--rot', '--root'],
    ['start', '--roots', '--root'],
    ['types', '--chek', '--check'],
    ['sanity:publish', '--dry-rn', '--dry-run'],
    ['sanity:pull', '--prun', '--prune'],
    ['sanity:local', '--prot', '--port'],
    ['bench', '--doc', '--docs'],
  ]

  it.each(typos)('%s %s suggests %s, exit 2, not parseArgs’ own text', (script, typo, meant) => {
    const args = script === 'query' ? ['*', typo, 'x=1'] : [typo]
    const { code, stderr } = run(script, args)
    expect(stderr).toContain(`unknown option ${typo}: did you mean ${meant}?`)
    expect(stderr).not.toContain("Unknown option '")
    expect(stderr).not.toContain('To specify a positional argument')
    expect(stderr).not.toMatch(STACK_TRACE)
    expect(code).toBe(2)
  })

  it('names the flags there are when none is near', () => {
    const { code, stderr } = run('validate', ['--zzzzzzzz'])
    expect(stderr).toContain('unknown option --zzzzzzzz: validate takes --format, --help.')
    expect(code).toBe(2)
  })

  it('finds typos and prefixes, and nothing for words far from every flag', () => {
    expect(nearest('--formt', ['--format', '--help'])).toBe('--format')
    expect(nearest('--form', ['--format', '--help'])).toBe('--format')
    expect(nearest('--fromat', ['--format', '--help'])).toBe('--format')
    expect(nearest('--colour', ['--format', '--help'])).toBeUndefined()
  })
})

describe('a flag npm kept for itself', () => {
  it('npm run validate json: hints at the missing -- (json is not a file)', () => {
    const { code, stdout, stderr } = run('validate', ['json'])
    expect(stderr).toContain('`npm run validate -- --format json`')
    expect(stdout).toBe('')
    expect(code).toBe(2)
  })

  it('npm run render --format markdown: hints at the missing --', () => {
    const { code, stderr } = run('render', ['markdown'])
    expect(stderr).toContain('`npm run render -- --format markdown`')
    expect(code).toBe(2)
  })

  it('npm run sanity:publish --dry-run: refuses, rather than publish for real', () => {
    const { code, stderr } = run('sanity:publish', [], { npm: { npm_config_dry_run: 'true' } })
    expect(stderr).toContain('--dry-run went to npm, not to sanity:publish')
    expect(stderr).toContain('`npm run sanity:publish -- --dry-run`')
    expect(code).toBe(2)
  })

  it('a folder that is named like a format is validated, not refused', () => {
    const from = mkdtempSync(join(empty, 'format-named-'))
    mkdirSync(join(from, 'json'))
    copyFileSync(
      join(ROOT, 'content/people/person-antony-blinken.json'),
      join(from, 'json/person-antony-blinken.json'),
    )
    const { code, stdout, stderr } = run('validate', ['json'], { from })
    expect(stderr).toBe('')
    expect(stdout).toContain('1 document')
    expect(code).toBe(0)
  })
})

describe('a folder that is not there is exit 2, in every command', () => {
  const missing = join(empty, 'no-such-folder')
  const cases: [Script, string[]][] = [
    ['render', ['--content', missing]],
    ['query', ['*', '--content', missing]],
    ['build', ['--root', missing]],
    ['start', ['--root', missing]],
    ['sanity:publish', ['--root', missing, '--dry-run']],
    ['sanity:pull', ['--root', missing]],
    ['validate', [missing]],
  ]

  it.each(cases)('%s %j', (script, args) => {
    const { code, stderr, stdout } = run(script, args, { npm: { PORT: '0' } })
    expect(`${stdout}${stderr}`).toContain(missing)
    expect(stderr).not.toMatch(/retry \d/)
    expect(stderr).not.toMatch(STACK_TRACE)
    expect(code).toBe(2)
  })
})

describe('paths are relative to the folder the command was run in (INIT_CWD)', () => {
  const people = join(ROOT, 'content/people')

  it('cd content/people && npm run validate -- person-antony-blinken.json', () => {
    const { code, stdout, stderr } = run('validate', ['person-antony-blinken.json'], {
      from: people,
    })
    expect(stderr).toBe('')
    expect(stdout).toContain('1 document')
    expect(code).toBe(0)
  })

  it('a quote alone, from its folder: its references resolve against the rest of content/', () => {
    const { code, stdout } = run(
      'validate',
      ['quote-blinken-arms-control.json', '--format', 'json'],
      { from: join(ROOT, 'content/quotes') },
    )
    const report = JSON.parse(stdout)
    expect(report.problems).toEqual([])
    expect(report.documents).toBe(1)
    expect(code).toBe(0)
  })

  it('render --content is relative to the folder the command was run in', () => {
    const { code, stdout } = run(
      'render',
      [
        '--content',
        '.',
        '--id',
        'article-first-top-level-us-russia-meeting-after-ukraine-war',
        '--format',
        'text',
      ],
      { from: join(ROOT, 'content') },
    )
    expect(stdout).toContain('First top-level US-Russia meeting after Ukraine war')
    expect(code).toBe(0)
  })

  it('query --content is relative to the folder the command was run in', () => {
    const { code, stdout } = run('query', ['count(*[_type == "person"])', '--content', '.'], {
      from: join(ROOT, 'content'),
    })
    expect(JSON.parse(stdout)).toBe(readdirSync(join(ROOT, 'content/people')).length)
    expect(code).toBe(0)
  })

  it('a script started by another npm script (npm test) keeps its own folder', () => {
    const result = spawnSync(
      process.execPath,
      [PROGRAM, 'validate', 'content/people/person-antony-blinken.json'],
      { cwd: ROOT, encoding: 'utf8', env: env({ npm_lifecycle_event: 'test', INIT_CWD: people }) },
    )
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
})
