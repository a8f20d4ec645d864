import { readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { runBuild } from '../src/outputs/pipeline.js'
import { type PreviewEvent, startPreview } from '../tools/preview/preview.js'
import { standInSteps, tempDir, writeTree } from './build-helpers.js'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

async function page(url: string): Promise<string> {
  const response = await fetch(url)
  return `${response.status} ${await response.text()}`
}

/** A temp package with stand-in content; the build machinery under test is the real one. */
async function preview() {
  const root = tempDir('preview-test-')
  cleanup.push(() => rmSync(root, { recursive: true, force: true }))
  writeTree(root, {
    'content/people/person-a.json': '{"_id":"person-a","_type":"person","name":"Antony"}\n',
    'schemas/person.schema.json': '{}\n',
    'dist/lib/keep.js': '// compiled library\n',
  })
  const events: PreviewEvent[] = []
  const steps = standInSteps()
  const running = await startPreview({
    root,
    port: 0,
    debounceMs: 50,
    build: () => runBuild(steps, { root }),
    onEvent: (event) => events.push(event),
  })
  cleanup.push(() => running.close())
  const count = (kind: PreviewEvent['kind']) => events.filter((e) => e.kind === kind).length
  return { root, events, running, count }
}

describe('startPreview', () => {
  it('builds first, then serves dist/site on 127.0.0.1', async () => {
    const { running, events } = await preview()
    expect(events.map((e) => e.kind)).toEqual(['built', 'listening'])
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(await page(`${running.url}person-a/`)).toBe('200 <h1>Antony</h1>')
  })

  it('rebuilds when a content file changes', async () => {
    const { root, running, count, events } = await preview()
    writeFileSync(join(root, 'content/people/person-a.json'), '{"_id":"person-a","name":"Tony"}')
    await until(() => count('built') === 2, 'the rebuild')
    expect(await page(`${running.url}person-a/`)).toBe('200 <h1>Tony</h1>')
    const rebuilt = events.at(-1)
    expect(rebuilt).toMatchObject({
      kind: 'built',
      trigger: { kind: 'change', paths: ['content/people/person-a.json'] },
    })
  })

  it('keeps the last good site when a change fails validation, and reports the problems', async () => {
    const { root, running, count, events } = await preview()
    writeFileSync(join(root, 'content/people/person-a.json'), '{"_id": "person-a", oops}')
    await until(() => count('rejected') === 1, 'the rejected build')
    const rejected = events.find((e) => e.kind === 'rejected')
    expect(rejected?.kind === 'rejected' && rejected.result.problems[0]?.rule).toBe('json/syntax')
    expect(await page(`${running.url}person-a/`)).toBe('200 <h1>Antony</h1>')
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['lib', 'site'])
    // Fixing the file brings the preview back.
    writeFileSync(join(root, 'content/people/person-a.json'), '{"_id":"person-a","name":"Fixed"}')
    await until(() => count('built') === 2, 'the rebuild after the fix')
    expect(await page(`${running.url}person-a/`)).toBe('200 <h1>Fixed</h1>')
  })

  it('rebuilds when a schema changes', async () => {
    const { root, count, events } = await preview()
    writeFileSync(join(root, 'schemas/person.schema.json'), '{"title":"Person"}\n')
    await until(() => count('built') === 2, 'the rebuild')
    expect(events.at(-1)).toMatchObject({
      trigger: { kind: 'change', paths: ['schemas/person.schema.json'] },
    })
  })

  it('stops serving after close()', async () => {
    const { running } = await preview()
    await running.close()
    await expect(fetch(running.url)).rejects.toThrow()
  })
})
