/**
 * What the CMS holds after a publish passes this package's own validator: the documents read
 * back from the local Sanity API over HTTP (raw perspective, as `sanity dataset export` reads
 * them), with the Content Lake's system fields, `contentHash`, drafts' weak-reference markers and
 * image asset references, and the same documents in the form `sanity dataset export` writes,
 * where each image asset reference becomes `_sanityAsset`.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { validate } from 'us-russia-g20-story'
import { publish } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import { createSanityClient } from '../src/sanity/client.js'
import type { SanityApi } from '../tools/sanity-api/server.js'
import { countFiles, FAST_RETRY, startApi, tempRepo, testPng } from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

const PHOTO = 'photo-blinken-lavrov-phnom-penh'

type Doc = Record<string, unknown> & { _id: string; _type: string }

/** Publish a copy of content/ (with a photo binary) to a fresh local API; read everything back. */
async function publishAndReadBack(drafts: boolean): Promise<{ documents: Doc[]; count: number }> {
  const started = await startApi()
  api = started.api
  const repo = tempRepo('publish-export-')
  writeFileSync(join(repo.contentDir, 'photos', `${PHOTO}.png`), testPng(12, 8))
  const report = await publish({ ...repo, config: started.config, drafts, retry: FAST_RETRY })
  expect(report.status).toBe('published')
  const client = createSanityClient(started.config)
  const all = await client.fetch<Doc[]>('*')
  // An export carries asset documents too; their types are Sanity's, not this model's.
  const documents = all.filter((doc) => !doc._type.startsWith('sanity.'))
  return { documents, count: countFiles(repo.contentDir) }
}

/** `sanity dataset export`'s form: an image's asset reference becomes `_sanityAsset`. */
function asExported(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asExported)
  if (typeof value !== 'object' || value === null) return value
  const object = value as Record<string, unknown>
  const ref = (object.asset as { _ref?: unknown } | undefined)?._ref
  const match = typeof ref === 'string' ? /^image-([0-9a-f]+)-\d+x\d+-([a-z]+)$/.exec(ref) : null
  const out: Record<string, unknown> = {}
  if (match) out._sanityAsset = `image@file://./images/${match[1]}.${match[2]}`
  for (const [key, field] of Object.entries(object)) {
    if (!(match && key === 'asset')) out[key] = asExported(field)
  }
  return out
}

async function validateNdjson(documents: readonly unknown[]) {
  const ndjson = `${documents.map((doc) => JSON.stringify(doc)).join('\n')}\n`
  return validate(['-'], { stdin: Readable.from([ndjson]) })
}

describe('an export read back from the CMS after publish', () => {
  it('passes validate: system fields, contentHash and the image asset reference', async () => {
    const { documents, count } = await publishAndReadBack(false)
    expect(documents).toHaveLength(count)
    const photo = documents.find((doc) => doc._id === PHOTO)
    expect(photo?.image).toMatchObject({ asset: { _type: 'reference' } })
    for (const doc of documents) {
      expect(doc).toHaveProperty('contentHash')
      expect(doc).toHaveProperty('_rev')
      expect(doc).toHaveProperty('_createdAt')
    }
    const report = await validateNdjson(documents)
    expect(report.problems).toEqual([])
    expect(report.valid).toBe(true)
  })

  it('passes validate in the form `sanity dataset export` writes, with _sanityAsset', async () => {
    const { documents } = await publishAndReadBack(false)
    const exported = documents.map(asExported) as Doc[]
    const photo = exported.find((doc) => doc._id === PHOTO)
    expect(photo?.image).toEqual({
      _type: 'image',
      _sanityAsset: expect.stringMatching(/^image@file:\/\/\.\/images\/[0-9a-f]{40}\.png$/),
    })
    const report = await validateNdjson(exported)
    expect(report.problems).toEqual([])
  })

  it('passes validate for drafts, whose references to unpublished documents are weak', async () => {
    const { documents, count } = await publishAndReadBack(true)
    expect(documents).toHaveLength(count)
    expect(documents.every((doc) => doc._id.startsWith('drafts.'))).toBe(true)
    expect(JSON.stringify(documents)).toContain('"_strengthenOnPublish"')
    const report = await validateNdjson(documents)
    // Warnings only: a draft's id has a dot (Sanity keeps such documents private), and its
    // references name the published ids, which a drafts-only dataset does not hold yet.
    const errors = report.problems.filter((p) => p.severity === 'error')
    expect(errors.map((p) => `${p.rule} ${p.documentId} ${p.pointer}: ${p.message}`)).toEqual([])
    expect(report.problems.map((p) => p.rule)).toContain('document/dotted-id')
    expect(report.valid).toBe(true)
  })
})
