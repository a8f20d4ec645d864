import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { validate } from 'us-russia-g20-story'
import { build } from 'us-russia-g20-story/render'
import { describe, expect, it } from 'vitest'
import { contentHash } from '../src/sanity/canonical.js'
import { DATASET_FILE, renderDataset } from '../src/sanity/dataset.js'
import { copyPackage } from './build-helpers.js'
import { countFiles, testPng } from './publish-helpers.js'
import { validateJson } from './validate-cli.js'

const PHOTO = 'photo-blinken-lavrov-phnom-penh'

async function buildDataset(root: string) {
  const result = await build({ root })
  expect(result.ok).toBe(true)
  const text = readFileSync(join(root, 'dist', 'sanity', 'dataset.ndjson'), 'utf8')
  expect(text.endsWith('\n')).toBe(true)
  return text.trimEnd().split('\n')
}

describe('dist/sanity/dataset.ndjson', () => {
  it('holds every document, one per line, each parsing, validating and carrying its contentHash', async () => {
    const root = copyPackage('dataset-')
    const lines = await buildDataset(root)
    expect(lines).toHaveLength(countFiles(join(root, 'content')))
    const docs = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    for (const doc of docs) expect(doc.contentHash).toBe(contentHash(doc))
    const report = await validate([join(root, 'dist', 'sanity', 'dataset.ndjson')])
    expect(report.problems).toEqual([])
    expect(report.valid).toBe(true)
    expect(report.documents).toBe(lines.length)
  })

  it('passes `npm run validate -- dist/sanity/dataset.ndjson` as it is, photo binary included', async () => {
    const root = copyPackage('dataset-')
    writeFileSync(join(root, 'content', 'photos', `${PHOTO}.png`), testPng(10, 6))
    await buildDataset(root)
    const { code, report } = validateJson([join('dist', 'sanity', 'dataset.ndjson')], { cwd: root })
    expect(report.problems).toEqual([])
    expect(code).toBe(0)
  })

  it('refers to a photo binary as _sanityAsset and copies the file beside the NDJSON', async () => {
    const root = copyPackage('dataset-')
    const png = testPng(10, 6)
    writeFileSync(join(root, 'content', 'photos', `${PHOTO}.png`), png)
    const lines = await buildDataset(root)
    const photo = lines.map((l) => JSON.parse(l)).find((d) => d._id === PHOTO)
    expect(photo.image).toEqual({
      _type: 'image',
      _sanityAsset: `image@file://./images/${PHOTO}.png`,
    })
    expect(readFileSync(join(root, 'dist', 'sanity', 'images', `${PHOTO}.png`))).toEqual(png)
    // The hash is of the document as publish writes it: with the deterministic asset reference.
    const assetId = `image-${createHash('sha1').update(png).digest('hex')}-10x6-png`
    const published = {
      ...photo,
      image: { _type: 'image', asset: { _type: 'reference', _ref: assetId } },
    }
    expect(photo.contentHash).toBe(contentHash(published))
    const report = await validate(['-'], { stdin: Readable.from([`${JSON.stringify(photo)}\n`]) })
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([])
  })
})

describe('renderDataset', () => {
  it('writes nothing but an empty file for no documents', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dataset-'))
    expect(await renderDataset([], dir)).toEqual([{ path: DATASET_FILE, content: '' }])
    expect(DATASET_FILE).toBe('dataset.ndjson')
  })

  it('one line per document, keys in schema order, contentHash last; the binary beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dataset-'))
    mkdirSync(join(dir, 'photos'))
    const png = testPng(3, 2)
    writeFileSync(join(dir, 'photos', 'photo-p.png'), png)
    const person = { name: 'A', _type: 'person', _id: 'person-a' }
    const photo = { caption: 'C', alt: 'A', _type: 'photo', _id: 'photo-p' }
    const files = await renderDataset([person, photo] as never, dir)
    const assetId = `image-${createHash('sha1').update(png).digest('hex')}-3x2-png`
    const published = {
      ...photo,
      image: { _type: 'image', asset: { _type: 'reference', _ref: assetId } },
    }
    expect(files).toEqual([
      {
        path: DATASET_FILE,
        content:
          `{"_id":"person-a","_type":"person","name":"A","contentHash":"${contentHash(person)}"}\n` +
          `{"_id":"photo-p","_type":"photo","alt":"A","caption":"C","contentHash":"${contentHash(published)}",` +
          `"image":{"_type":"image","_sanityAsset":"image@file://./images/photo-p.png"}}\n`,
      },
      { path: 'images/photo-p.png', content: new Uint8Array(png) },
    ])
  })
})
