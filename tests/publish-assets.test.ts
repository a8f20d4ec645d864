import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { publish, pull } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import { imageInfo } from '../src/sanity/image-size.js'
import type { SanityApi } from '../tools/sanity-api/server.js'
import {
  FAST_RETRY,
  gitChanges,
  gitInit,
  mutateRequests,
  startApi,
  tempRepo,
  testPng,
} from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

const PHOTO = 'photo-blinken-lavrov-phnom-penh'

describe('photo binaries', () => {
  it('reads the size of PNG, JPEG and WebP headers', () => {
    expect(imageInfo(testPng(7, 3))).toEqual({ width: 7, height: 3, format: 'png' })
    const jpeg = Buffer.from(
      'ffd8ffe000104a46494600010100000100010000ffc0000b080020004001011100',
      'hex',
    )
    expect(imageInfo(jpeg)).toEqual({ width: 64, height: 32, format: 'jpg' })
    const webp = Buffer.alloc(30)
    webp.write('RIFF', 0, 'ascii')
    webp.write('WEBPVP8X', 8, 'ascii')
    webp.writeUIntLE(99, 24, 3)
    webp.writeUIntLE(49, 27, 3)
    expect(imageInfo(webp)).toEqual({ width: 100, height: 50, format: 'webp' })
    expect(imageInfo(Buffer.from('not an image'))).toBeNull()
  })

  it('uploads the binary once, references its deterministic asset id, and does not upload it again', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo()
    writeFileSync(join(repo.contentDir, 'photos', `${PHOTO}.png`), testPng(12, 8))
    const options = { ...repo, config: started.config, retry: FAST_RETRY }
    const first = await publish(options)
    expect(first.status).toBe('published')
    expect(first.uploaded).toHaveLength(1)
    const assetId = first.uploaded[0] as string
    expect(assetId).toMatch(/^image-[0-9a-f]{40}-12x8-png$/)
    expect(api.get(PHOTO)?.image).toEqual({
      _type: 'image',
      asset: { _type: 'reference', _ref: assetId },
    })
    expect(api.get(assetId)?._type).toBe('sanity.imageAsset')
    const uploads = () => api?.requests.filter((r) => r.path.includes('/assets/images/')) ?? []
    expect(uploads()).toHaveLength(1)

    const before = mutateRequests(api).length
    const second = await publish(options)
    expect(second.uploaded).toEqual([])
    expect(second.mutations).toBe(0)
    expect(uploads()).toHaveLength(1)
    expect(mutateRequests(api)).toHaveLength(before)

    // The image field comes from the binary, so a pull leaves the photo's JSON as it was.
    gitInit(repo.root)
    const pulled = await pull(options)
    expect(pulled).toMatchObject({ status: 'ok', created: [], updated: [] })
    expect(gitChanges(repo.root)).toBe('')
  })

  it('refuses a photo binary that is not an image, before writing anything', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo()
    writeFileSync(join(repo.contentDir, 'photos', `${PHOTO}.jpg`), 'not a jpeg')
    await expect(publish({ ...repo, config: started.config })).rejects.toThrow(
      `content/photos/${PHOTO}.jpg is not a PNG, JPEG or WebP image (or is damaged): replace it.`,
    )
    expect(mutateRequests(api)).toHaveLength(0)
  })
})
