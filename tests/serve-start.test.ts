// `npm start` as a user runs it: the compiled script on a temp copy of the package, on a free port.
// npm test compiles first (pretest).
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { compiledCommand, copyPackage, runScript } from './build-helpers.js'

const cleanup: (() => Promise<unknown> | unknown)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

interface Running {
  child: ChildProcess
  url: string
  output: () => string
  /** Resolves once the output (after `from` characters) matches `pattern`. */
  waitFor: (pattern: RegExp, from?: number) => Promise<string>
}

async function start(root: string, env: NodeJS.ProcessEnv = {}): Promise<Running> {
  const child = spawn(process.execPath, [...compiledCommand('serve'), '--root', root], {
    env: { ...process.env, NO_COLOR: '1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  cleanup.push(() => (child.exitCode === null ? stop(child) : undefined))
  const waitFor = async (pattern: RegExp, from = 0) => {
    const deadline = Date.now() + 20_000
    while (!pattern.test(output.slice(from))) {
      if (child.exitCode !== null)
        throw new Error(`npm start exited with ${child.exitCode}:\n${output}`)
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${output}`)
      await sleep(25)
    }
    return output.slice(from)
  }
  const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(await waitFor(/Serving dist\/site at http/))?.[0]
  if (!url) throw new Error(output)
  return { child, url, output: () => output, waitFor }
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code))
    child.kill(signal)
  })
}

function packageCopy(): string {
  const root = copyPackage('start-test-')
  cleanup.push(() => rmSync(root, { recursive: true, force: true }))
  return root
}

const personFile = (root: string) => join(root, 'content/people/person-antony-blinken.json')

function editPerson(root: string, from: string, to: string): void {
  const text = readFileSync(personFile(root), 'utf8')
  expect(text).toContain(from)
  writeFileSync(personFile(root), text.replace(from, to))
}

async function text(url: string): Promise<string> {
  const response = await fetch(url)
  return `${response.status} ${await response.text()}`
}

describe('npm start (compiled script, temp copy)', () => {
  it('builds, serves on 127.0.0.1, rebuilds on change, keeps the last good site on errors', async () => {
    const root = packageCopy()
    const server = await start(root)
    expect(server.output()).toMatch(/^Built dist\/site: \d+ pages/m)
    const personUrl = `${server.url}people/antony-blinken/`
    expect(await text(personUrl)).toContain('US Secretary of State')

    // A good change is rebuilt and served.
    let mark = server.output().length
    editPerson(root, '"role": "US Secretary of State"', '"role": "Edited role for the test"')
    await server.waitFor(/person-antony-blinken\.json changed\. Built dist\/site/, mark)
    expect(await text(personUrl)).toContain('Edited role for the test')

    // A bad change prints the problems and keeps serving the last good site.
    mark = server.output().length
    editPerson(root, '"name": "Antony Blinken"', '"name": 5')
    const printed = await server.waitFor(/Not rebuilt: fix the problems above/, mark)
    expect(printed).toMatch(
      /content\/people\/person-antony-blinken\.json:\d+:\d+ {2}error .*\[schema\/type\]/,
    )
    const kept = await text(personUrl)
    expect(kept).toMatch(/^200 /)
    expect(kept).toContain('Edited role for the test')

    // Fixing it brings the preview back.
    mark = server.output().length
    editPerson(root, '"name": 5', '"name": "Antony Blinken"')
    await server.waitFor(/changed\. Built dist\/site/, mark)

    expect(await stop(server.child)).toBe(0)
    expect(server.output()).toMatch(/SIGTERM: stopping…\nStopped\.\n$/)
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['ninjs', 'sanity', 'site'])
  })

  it('rebuilds when a schema changes and says how to apply the schema', async () => {
    const root = packageCopy()
    const server = await start(root)
    const mark = server.output().length
    const schema = join(root, 'schemas/person.schema.json')
    writeFileSync(schema, `${readFileSync(schema, 'utf8')}\n`)
    const printed = await server.waitFor(/A schema changed: run `npm run types`/, mark)
    expect(printed).toMatch(/schemas\/person\.schema\.json changed\. Built dist\/site/)
  })

  it('stops cleanly on Ctrl-C (SIGINT)', async () => {
    const server = await start(packageCopy())
    expect(await stop(server.child, 'SIGINT')).toBe(0)
    await expect(fetch(server.url)).rejects.toThrow()
  })

  it('prints the problems and keeps watching when the first build fails', async () => {
    const root = packageCopy()
    editPerson(root, '"name": "Antony Blinken"', '"name": 5')
    const server = await start(root)
    expect(server.output()).toContain('Not built: fix the problems above')
    expect(await text(server.url)).toMatch(/^404 /)
    const mark = server.output().length
    editPerson(root, '"name": 5', '"name": "Antony Blinken"')
    await server.waitFor(/changed\. Built dist\/site/, mark)
    expect(await text(server.url)).toMatch(/^200 /)
  })

  it('exits 2, serving nothing and changing nothing, when dist/site holds a file of yours', () => {
    const root = packageCopy()
    mkdirSync(join(root, 'dist/site'), { recursive: true })
    writeFileSync(join(root, 'dist/site/notes.txt'), 'mine')
    const run = runScript('serve', ['--root', root], { env: { PORT: '0' } })
    expect(run.stderr).toMatch(
      /^serve: Refusing to write .*dist\/site: .*notes\.txt.*Nothing was changed/m,
    )
    expect(run.stdout).not.toContain('Serving')
    expect(run.status).toBe(2)
    expect(readdirSync(join(root, 'dist/site'))).toEqual(['notes.txt'])
    expect(readdirSync(join(root, 'dist'))).toEqual(['site'])
  })

  it('exits 2, serving nothing and changing nothing, when site.config.json is not valid', () => {
    const root = packageCopy()
    writeFileSync(join(root, 'site.config.json'), '{ "url": "news.example.org" }\n')
    const run = runScript('serve', ['--root', root], { env: { PORT: '0' } })
    expect(run.stderr).toMatch(/^serve: .*site\.config\.json:1:\d+: .*`url`/m)
    expect(run.stderr).not.toMatch(/\n\s+at /)
    expect(run.stdout).not.toContain('Serving')
    expect(run.status).toBe(2)
    expect(existsSync(join(root, 'dist'))).toBe(false)
  })

  it('exits 2 with a message for a bad PORT or a port in use', async () => {
    const bad = runScript('serve', ['--root', packageCopy()], { env: { PORT: 'http' } })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('PORT=http is not a port: give a number from 0 to 65535')

    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    cleanup.push(() => new Promise((resolve) => taken.close(resolve)))
    const port = (taken.address() as { port: number }).port
    const busy = runScript('serve', ['--root', packageCopy()], { env: { PORT: String(port) } })
    expect(busy.status).toBe(2)
    expect(busy.stderr).toContain(`port ${port} is in use`)
  })
})
