/**
 * The exit code of a CI gate is the content's, even when the reader of its output goes away
 * early (`validate … | head -n 1` under `pipefail`, GitHub Actions' default shell): 1 for invalid
 * content, 0 for valid, never a stack trace. Each test pipes the compiled script into
 * `head -c 1`, which closes the pipe after its first chunk, with far more output than a pipe buffer
 * holds (64 KiB on Linux), so the script is still writing when the pipe closes.
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compiledCommand, PACKAGE_ROOT, tempDir } from './build-helpers.js'

const INVALID_DOCUMENTS = 3000
const PIPE_BUFFER = 64 * 1024

let work = ''
beforeAll(() => {
  work = tempDir('closed-pipe-')
})
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

interface Outcome {
  code: number | null
  /** What the script wrote on the stream that stayed open. */
  other: string
}

/**
 * Run a compiled script with `stream` going into a real pipe (not Node's socketpair, whose
 * buffer is larger) that `head -c 1` closes once it has read its first chunk, and return the
 * script's own exit code, as `pipefail` would see it.
 */
function closeEarly(
  script: string,
  args: string[],
  stream: 'stdout' | 'stderr' = 'stdout',
): Outcome {
  const redirect = stream === 'stdout' ? '' : '2>&1 >/dev/null'
  const pipeline = `"$@" ${redirect} | head -c 1 >/dev/null; exit "\${PIPESTATUS[0]}"`
  const run = spawnSync(
    'bash',
    ['-c', pipeline, 'bash', process.execPath, ...compiledCommand(script), ...args],
    { cwd: PACKAGE_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  )
  return { code: run.status, other: stream === 'stdout' ? run.stderr : run.stdout }
}

function expectNoStackTrace(output: string): void {
  expect(output).not.toMatch(/^\s+at .+[:(]/m)
  expect(output).not.toContain('EPIPE')
}

/** `count` person documents without the required `name`, one NDJSON line each. */
function invalidPeople(count: number): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    const slug = { _type: 'slug', current: `person-${i}` }
    lines.push(JSON.stringify({ _id: `person-${i}`, _type: 'person', role: 'Minister', slug }))
  }
  return `${lines.join('\n')}\n`
}

describe('validate into a pipe closed early', () => {
  it.each(['github', 'json', 'pretty'])(
    'exits 1 for 3,000 invalid documents (--format %s)',
    (format) => {
      const file = join(work, `invalid-${format}.ndjson`)
      writeFileSync(file, invalidPeople(INVALID_DOCUMENTS))
      const run = closeEarly('validate', [file, '--format', format])
      expectNoStackTrace(run.other)
      expect(run.code).toBe(1)
    },
  )

  it('exits 1 under pipefail with `| head -n 1`, as a CI step runs it', () => {
    const file = join(work, 'invalid-head.ndjson')
    writeFileSync(file, invalidPeople(INVALID_DOCUMENTS))
    const [bin] = compiledCommand('validate')
    const command = `"${process.execPath}" "${bin}" validate "${file}" --format github | head -n 1`
    const run = spawnSync('bash', ['-o', 'pipefail', '-c', command], {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    })
    expect(run.stdout).toMatch(/^::error file=.*schema\/required/)
    expect(run.stdout.split('\n')).toHaveLength(2)
    expectNoStackTrace(run.stderr)
    expect(run.status).toBe(1)
  })
})

describe('query into a pipe closed early', () => {
  it('exits 0 for a result larger than the pipe holds', () => {
    // Every document with every document inside: 29 × the content, megabytes of JSON.
    const run = closeEarly('query', ['*{"all": *}'])
    expect(run.other).toBe('')
    expect(run.code).toBe(0)
  })

  it('exits 1 for invalid content when stderr closes early', () => {
    const content = join(work, 'invalid-content')
    mkdirSync(join(content, 'people'), { recursive: true })
    invalidPeople(INVALID_DOCUMENTS)
      .trimEnd()
      .split('\n')
      .forEach((line, i) => {
        writeFileSync(join(content, 'people', `person-${i}.json`), line)
      })
    const run = closeEarly('query', ['*', '--content', content], 'stderr')
    expect(run.other).toBe('')
    expect(run.code).toBe(1)
  })
})

describe('render into a pipe closed early', () => {
  it('prints no stack trace and exits 0: the content rendered', () => {
    // The story's article with its body a hundred times over: far more text than a pipe holds.
    const content = join(work, 'long-article')
    cpSync(join(PACKAGE_ROOT, 'content'), content, { recursive: true })
    const [name] = readdirSync(join(content, 'articles'))
    const file = join(content, 'articles', name ?? '')
    const article = JSON.parse(readFileSync(file, 'utf8')) as {
      _id: string
      body: { _key: string }[]
    }
    article.body = Array.from({ length: 100 }, (_, round) =>
      article.body.map((block) => ({ ...block, _key: `${block._key}r${round}` })),
    ).flat()
    writeFileSync(file, JSON.stringify(article, null, 2))
    const args = ['--content', content, '--id', article._id, '--format', 'text']
    const whole = spawnSync(process.execPath, [...compiledCommand('render'), ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
    expect(whole.status).toBe(0)
    expect(whole.stdout.length).toBeGreaterThan(4 * PIPE_BUFFER)

    const run = closeEarly('render', args)
    expectNoStackTrace(run.other)
    expect(run.other).toBe('')
    expect(run.code).toBe(0)
  })
})

describe('output lost for another reason', () => {
  it.runIf(existsSync('/dev/full'))(
    'is exit 2 with a one-line message (stdout on a full disk)',
    () => {
      for (const [script, args] of [
        ['validate', ['content']],
        ['query', ['*']],
      ] as const) {
        const run = spawnSync(
          'bash',
          ['-c', '"$@" > /dev/full', 'bash', process.execPath, ...compiledCommand(script), ...args],
          { cwd: PACKAGE_ROOT, encoding: 'utf8' },
        )
        expect(run.stderr).toBe(
          `${script}: could not write to stdout: ENOSPC: no space left on device, write\n`,
        )
        expect(run.status).toBe(2)
      }
    },
  )
})
