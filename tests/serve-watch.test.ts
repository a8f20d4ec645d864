import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, describe, expect, it } from 'vitest'
import { watchFolders } from '../tools/preview/watch.js'
import { tempDir } from './build-helpers.js'

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function folder(): string {
  const dir = tempDir('watch-test-')
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  mkdirSync(join(dir, 'content/people'), { recursive: true })
  return dir
}

async function until(condition: () => boolean, what: string, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

describe('watchFolders', () => {
  it('runs once for a burst of changes, with every changed path, nested folders included', async () => {
    const dir = folder()
    const calls: string[][] = []
    const watcher = watchFolders([join(dir, 'content')], async (paths) => void calls.push(paths), {
      debounceMs: 100,
    })
    cleanup.push(() => watcher.close())
    for (const name of ['a', 'b', 'c'])
      writeFileSync(join(dir, 'content/people', `${name}.json`), '{}')
    await until(() => calls.length > 0, 'the first run')
    await sleep(300)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toEqual(
      expect.arrayContaining(['a', 'b', 'c'].map((n) => join(dir, 'content/people', `${n}.json`))),
    )
  })

  it('never overlaps runs: changes during a run are collected into one more run', async () => {
    const dir = folder()
    let active = 0
    let maxActive = 0
    const calls: string[][] = []
    const watcher = watchFolders(
      [join(dir, 'content')],
      async (paths) => {
        active += 1
        maxActive = Math.max(maxActive, active)
        calls.push(paths)
        await sleep(300)
        active -= 1
      },
      { debounceMs: 20 },
    )
    cleanup.push(() => watcher.close())
    writeFileSync(join(dir, 'content/first.json'), '{}')
    await until(() => calls.length === 1, 'the first run')
    writeFileSync(join(dir, 'content/second.json'), '{}')
    await sleep(60)
    writeFileSync(join(dir, 'content/third.json'), '{}')
    await until(() => calls.length === 2, 'the second run')
    await watcher.idle()
    expect(maxActive).toBe(1)
    expect(calls).toHaveLength(2)
    expect(calls[1]).toEqual(
      expect.arrayContaining([join(dir, 'content/second.json'), join(dir, 'content/third.json')]),
    )
  })

  it('skips folders that do not exist instead of throwing', async () => {
    const dir = folder()
    const watcher = watchFolders([join(dir, 'content'), join(dir, 'schemas')], async () => {})
    cleanup.push(() => watcher.close())
    expect(watcher.folders).toEqual([join(dir, 'content')])
  })

  it('close() waits for a running action and stops further runs', async () => {
    const dir = folder()
    let finished = 0
    let started = 0
    const watcher = watchFolders(
      [join(dir, 'content')],
      async () => {
        started += 1
        await sleep(200)
        finished += 1
      },
      { debounceMs: 10 },
    )
    writeFileSync(join(dir, 'content/a.json'), '{}')
    await until(() => started === 1, 'the run to start')
    await watcher.close()
    expect(finished).toBe(1)
    writeFileSync(join(dir, 'content/b.json'), '{}')
    await sleep(200)
    expect(started).toBe(1)
  })

  it('reports an action that throws and keeps watching', async () => {
    const dir = folder()
    const errors: string[] = []
    let runs = 0
    const watcher = watchFolders(
      [join(dir, 'content')],
      async () => {
        runs += 1
        if (runs === 1) throw new Error('boom')
      },
      { debounceMs: 10, onError: (error) => errors.push(error.message) },
    )
    cleanup.push(() => watcher.close())
    writeFileSync(join(dir, 'content/a.json'), '{}')
    await until(() => errors.length === 1, 'the error')
    writeFileSync(join(dir, 'content/b.json'), '{}')
    await until(() => runs === 2, 'the second run')
    expect(errors).toEqual(['boom'])
  })

  it('follows a file replaced by rename (sed -i, git checkout): later saves still run', async () => {
    const dir = folder()
    const file = join(dir, 'content/people/a.json')
    writeFileSync(file, '{"v": 0}')
    const calls: string[][] = []
    const watcher = watchFolders([join(dir, 'content')], async (paths) => void calls.push(paths), {
      debounceMs: 20,
    })
    cleanup.push(() => watcher.close())
    // What sed -i does: write a new file beside, then rename it over the old one.
    writeFileSync(join(dir, 'content/people/sedXYZ'), '{"v": 1}')
    renameSync(join(dir, 'content/people/sedXYZ'), file)
    await until(() => calls.flat().includes(file), 'the run for the rename')
    await watcher.idle()
    const before = calls.length
    for (let save = 2; save <= 3; save++) {
      writeFileSync(file, `{"v": ${save}}`)
      await until(() => calls.length > before + save - 2, `the run for save ${save}`)
      expect(calls.at(-1)).toContain(file)
      await watcher.idle()
    }
  })

  it('picks up a new folder, and the files created in it', async () => {
    const dir = folder()
    const calls: string[][] = []
    const watcher = watchFolders([join(dir, 'content')], async (paths) => void calls.push(paths), {
      debounceMs: 20,
    })
    cleanup.push(() => watcher.close())
    mkdirSync(join(dir, 'content/photos/nested'), { recursive: true })
    await until(() => calls.length > 0, 'the run for the new folder')
    await watcher.idle()
    const before = calls.length
    const file = join(dir, 'content/photos/nested/p.json')
    writeFileSync(file, '{}')
    await until(() => calls.slice(before).flat().includes(file), 'the run for the new file')
    await watcher.idle()
    const after = calls.length
    writeFileSync(file, '{"v": 1}')
    await until(() => calls.length > after, 'the run for its next save')
    expect(calls.at(-1)).toContain(file)
  })
})
