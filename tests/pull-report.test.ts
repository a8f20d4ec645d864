// `pull`'s report and side files: what it reads as content, the notes, the lock, and its errors.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PullError, publish, pull, readSanityConfig } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import type { SanityApi } from '../tools/sanity-api/server.js'
import {
  FAST_RETRY,
  gitChanges,
  gitCommitAll,
  gitInit,
  publishedRepo as publishedRepoFor,
  readJson,
  startApi,
  tempRepo,
  testPng,
} from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

async function publishedRepo() {
  const published = await publishedRepoFor('pull-report-')
  api = published.api
  return published
}

const PUTIN = 'person-vladimir-putin'
const PHOTO = 'photo-blinken-lavrov-phnom-penh'
const DAMAGED =
  'sanity.lock.json is damaged (it must be an object of datasets, each an object of ids and revisions): ' +
  'restore it from git, or delete it and pull again.'

describe('pull: what it reads, reports and records', () => {
  it('reads as content only .json files outside dot-folders and node_modules', async () => {
    const { options, total } = await publishedRepo()
    const stray = (path: string, id: string) => {
      mkdirSync(join(options.contentDir, path, '..'), { recursive: true })
      writeFileSync(
        join(options.contentDir, path),
        JSON.stringify({
          _id: id,
          _type: 'person',
          name: 'S',
          slug: { _type: 'slug', current: id },
        }),
      )
    }
    stray('.backup/person-hidden.json', 'person-hidden')
    stray('people/.old/person-old.json', 'person-old')
    stray('node_modules/pkg/person-module.json', 'person-module')
    stray('people/person-text.json.txt', 'person-text')
    const report = await pull({ ...options, prune: true })
    expect(report).toStrictEqual({
      status: 'ok',
      created: [],
      updated: [],
      unchanged: total,
      deleted: [],
      refused: [],
      problems: [],
      invalid: [],
      notes: [],
    })
  })

  it('records the revisions it writes, and forgets the documents it removes, drafts included', async () => {
    const { api, options } = await publishedRepo()
    const lockFile = join(options.root, 'sanity.lock.json')
    const extra = {
      _id: 'person-extra',
      _type: 'person',
      name: 'E',
      slug: { _type: 'slug', current: 'extra' },
    }
    writeFileSync(join(options.contentDir, 'people', 'person-extra.json'), JSON.stringify(extra))
    const lock = readJson(lockFile) as Record<string, Record<string, string>>
    const dataset = lock['test/production'] as Record<string, string>
    dataset['person-extra'] = 'rev-x'
    dataset['drafts.person-extra'] = 'rev-dx'
    writeFileSync(lockFile, JSON.stringify(lock))
    gitCommitAll(options.root)
    const edited = api.editorEdit(PUTIN, (doc) => ({ ...doc, role: 'Edited' }))
    const report = await pull({ ...options, prune: true })
    expect(report.updated).toEqual([{ id: PUTIN, file: `content/people/${PUTIN}.json` }])
    expect(report.deleted).toEqual([
      { id: 'person-extra', file: 'content/people/person-extra.json', removed: true },
    ])
    const after = readJson(lockFile)['test/production'] as Record<string, string>
    expect(after[PUTIN]).toBe(edited._rev)
    expect(Object.keys(after)).not.toContain('person-extra')
    expect(Object.keys(after)).not.toContain('drafts.person-extra')
    expect(Object.keys(after)).toEqual(Object.keys(dataset).filter((id) => !id.includes('extra')))
  })

  it('an invalid result writes nothing and lists the documents --prune would have removed, as not removed', async () => {
    const { api, options } = await publishedRepo()
    const extra = {
      _id: 'person-extra',
      _type: 'person',
      name: 'E',
      slug: { _type: 'slug', current: 'extra' },
    }
    writeFileSync(join(options.contentDir, 'people', 'person-extra.json'), JSON.stringify(extra))
    gitCommitAll(options.root)
    api.editorEdit(PUTIN, (doc) => ({ ...doc, name: 42 }))
    const report = await pull({ ...options, prune: true })
    expect(report.status).toBe('invalid')
    expect([report.created, report.updated, report.invalid]).toEqual([[], [], [PUTIN]])
    expect(report.deleted).toEqual([
      { id: 'person-extra', file: 'content/people/person-extra.json', removed: false },
    ])
    expect(gitChanges(options.root)).toBe('')
  })

  it('outside git, and for drafts without a token, says so in its notes', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo('pull-notes-')
    const options = { ...repo, config: started.config, retry: FAST_RETRY }
    await publish(options)
    const outside = await pull(options)
    expect(outside.notes).toEqual([
      `${repo.contentDir} is not in a git repository: every file is treated as having no local changes.`,
    ])
    gitInit(repo.root)
    const config = readSanityConfig({ ...api.env(), SANITY_API_TOKEN: undefined })
    const drafts = await pull({ ...options, config, drafts: true })
    expect(drafts.notes).toEqual([
      'SANITY_API_TOKEN is not set, and datasets show drafts only to a token: set it to pull drafts.',
    ])
    expect((await pull({ ...options, config })).notes).toEqual([])
  })

  it('a photo whose image is the one its binary gives pulls back without it: no change', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo('pull-photo-')
    writeFileSync(join(repo.contentDir, 'photos', `${PHOTO}.png`), testPng(4, 3))
    gitInit(repo.root)
    const options = { ...repo, config: started.config, retry: FAST_RETRY }
    expect((await publish(options)).status).toBe('published')
    gitCommitAll(repo.root)
    expect(api.get(PHOTO)?.image).toMatchObject({ _type: 'image' })
    const report = await pull(options)
    expect([report.status, report.updated]).toEqual(['ok', []])
    expect(gitChanges(repo.root)).toBe('')
  })

  it('fails with a PullError, writing nothing, when the lock is damaged or the dataset cannot be read', async () => {
    const published = await publishedRepo()
    const { options } = published
    const lockFile = join(options.root, 'sanity.lock.json')
    const lockText = readFileSync(lockFile, 'utf8')
    writeFileSync(lockFile, '[]')
    const damaged = pull(options)
    await expect(damaged).rejects.toThrow(DAMAGED)
    await expect(damaged).rejects.toBeInstanceOf(PullError)
    await expect(damaged).rejects.toMatchObject({
      name: 'PullError',
      diagnostics: [{ rule: 'sanity/lock-damaged', message: DAMAGED }],
    })
    // A lock that cannot be read at all is no damaged lock: that error, as it is.
    rmSync(lockFile)
    mkdirSync(lockFile)
    const unreadable = pull(options)
    await expect(unreadable).rejects.toMatchObject({ code: 'EISDIR' })
    await expect(unreadable).rejects.not.toBeInstanceOf(PullError)
    rmSync(lockFile, { recursive: true })
    writeFileSync(lockFile, lockText)
    await published.api.close()
    api = undefined
    const unreachable = pull(options)
    await expect(unreachable).rejects.toBeInstanceOf(PullError)
    await expect(unreachable).rejects.toThrow(/^Could not read the dataset: /)
    await expect(unreachable).rejects.toMatchObject({
      diagnostics: [{ rule: 'sanity/read-failed' }],
    })
    expect(gitChanges(options.root)).toBe('')
  })
})
