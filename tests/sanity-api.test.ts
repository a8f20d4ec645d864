/**
 * The local Sanity API, driven by the real @sanity/client: what a publish run will see from it.
 * Raw `fetch` is used only where the client hides what is being checked (bodies, headers).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ClientConfig, createClient, type SanityClient } from '@sanity/client'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { imageInfo } from '../tools/sanity-api/assets.js'
import { parsePath } from '../tools/sanity-api/path.js'
import { type SanityApi, type SanityDocument, startSanityApi } from '../tools/sanity-api/server.js'
import { testPng } from '../tools/sanity-api/test-image.js'

const TOKEN = 'test-token-not-a-secret'
const API_VERSION = '2025-02-19'

const open: SanityApi[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((api) => api.close()))
})

async function start(options: Parameters<typeof startSanityApi>[0] = {}): Promise<SanityApi> {
  const api = await startSanityApi({ token: TOKEN, ...options })
  open.push(api)
  return api
}

function clientFor(api: SanityApi, config: Partial<ClientConfig> = {}): SanityClient {
  return createClient({
    projectId: 'test',
    dataset: 'production',
    apiHost: api.url,
    useProjectHostname: false,
    apiVersion: API_VERSION,
    useCdn: false,
    token: TOKEN,
    ...config,
  })
}

/** The rejection of `promise`, which must reject. */
async function failure(promise: Promise<unknown>): Promise<Error & { statusCode?: number }> {
  const outcome = await promise.then(
    () => undefined,
    (error: Error) => error,
  )
  if (!outcome) throw new Error('expected the request to fail, but it succeeded')
  return outcome
}

const person = (id: string, name: string): SanityDocument => ({ _id: id, _type: 'person', name })

describe('startSanityApi', () => {
  it('listens on 127.0.0.1 only, on a free port, and describes itself in env()', async () => {
    const api = await start({ projectId: 'p1', dataset: 'staging' })
    expect(api.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(api.env()).toEqual({
      SANITY_PROJECT_ID: 'p1',
      SANITY_DATASET: 'staging',
      SANITY_API_HOST: api.url,
      SANITY_API_TOKEN: TOKEN,
    })
    const withoutToken = await start({ token: undefined })
    expect(withoutToken.env()).not.toHaveProperty('SANITY_API_TOKEN')
    expect(withoutToken.url).not.toBe(api.url)
  })

  it('fills in system fields for initial documents and hands out copies', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const stored = api.get('person-a')
    expect(stored).toMatchObject({ _id: 'person-a', name: 'A' })
    expect(stored?._rev).toMatch(/^[\w-]{22}$/)
    expect(stored?._createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
    ;(stored as SanityDocument).name = 'changed by the caller'
    expect(api.get('person-a')?.name).toBe('A')
    expect(api.get('missing')).toBeUndefined()
  })
})

describe('POST /data/mutate', () => {
  it('creates a document with _rev, _createdAt and _updatedAt', async () => {
    const api = await start()
    const created = await clientFor(api).create(person('person-a', 'A'))
    expect(created).toMatchObject({ _id: 'person-a', _type: 'person', name: 'A' })
    expect(created._rev).toMatch(/^[\w-]{22}$/)
    expect(created._createdAt).toBe(created._updatedAt)
    expect(api.get('person-a')).toEqual(created)
  })

  it('answers {transactionId, results, documentIds} for a transaction, and one _rev per transaction', async () => {
    const api = await start()
    const result = await clientFor(api)
      .transaction()
      .create(person('person-a', 'A'))
      .create(person('person-b', 'B'))
      .commit()
    expect(result.results).toEqual([
      { id: 'person-a', operation: 'create' },
      { id: 'person-b', operation: 'create' },
    ])
    expect(result.documentIds).toEqual(['person-a', 'person-b'])
    expect(api.get('person-a')?._rev).toBe(result.transactionId)
    expect(api.get('person-b')?._rev).toBe(result.transactionId)
  })

  it('applies all of a transaction or none of it', async () => {
    const api = await start({ documents: [person('person-b', 'B')] })
    const before = api.documents()
    const error = await failure(
      clientFor(api)
        .transaction()
        .create(person('person-a', 'A'))
        .patch('person-b', (p) => p.set({ name: 'B2' }))
        .create(person('person-b', 'again'))
        .commit(),
    )
    expect(error.statusCode).toBe(409)
    // Sanity names the failing mutation by its index in the transaction.
    const { items } = (error as unknown as { details: { items: Array<{ index: number }> } }).details
    expect(items.map((item) => item.index)).toEqual([2])
    expect(api.documents()).toEqual(before)
    expect(api.get('person-a')).toBeUndefined()
  })

  it('refuses to create an id that exists with 409 and Sanity’s mutation error', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const error = await failure(clientFor(api).create(person('person-a', 'other')))
    expect(error.statusCode).toBe(409)
    expect(error.message).toContain(
      'The mutation(s) failed: Document by ID "person-a" already exists',
    )
    expect((error as unknown as { details: { items: unknown[] } }).details.items).toEqual([
      {
        error: {
          description: 'Document by ID "person-a" already exists',
          type: 'documentAlreadyExistsError',
          id: 'person-a',
        },
        index: 0,
      },
    ])
    expect(api.get('person-a')?.name).toBe('A')
  })

  it('createOrReplace replaces content, keeps _createdAt and gives a new _rev', async () => {
    const api = await start({
      documents: [{ ...person('person-a', 'A'), role: 'old', _createdAt: '2023-03-02T00:00:00Z' }],
    })
    const old = api.get('person-a') as SanityDocument
    const result = await clientFor(api)
      .transaction()
      .createOrReplace(person('person-a', 'A2'))
      .commit()
    expect(result.results).toEqual([{ id: 'person-a', operation: 'update' }])
    const replaced = api.get('person-a') as SanityDocument
    expect(replaced).not.toHaveProperty('role')
    expect(replaced.name).toBe('A2')
    expect(replaced._createdAt).toBe('2023-03-02T00:00:00Z')
    expect(replaced._rev).not.toBe(old._rev)
  })

  it('createIfNotExists leaves an existing document alone', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const old = api.get('person-a')
    const result = await clientFor(api)
      .transaction()
      .createIfNotExists(person('person-a', 'ignored'))
      .createIfNotExists(person('person-b', 'B'))
      .commit()
    expect(result.results).toEqual([
      { id: 'person-a', operation: 'none' },
      { id: 'person-b', operation: 'create' },
    ])
    expect(api.get('person-a')).toEqual(old)
    expect(api.get('person-b')?.name).toBe('B')
  })

  it('creates random ids for create without _id, and after a prefix that ends in "."', async () => {
    const api = await start()
    const client = clientFor(api)
    const plain = await client.create({ _type: 'note' })
    const prefixed = await client.create({ _id: 'drafts.', _type: 'note' })
    expect(plain._id).toMatch(/^[\w-]{22}$/)
    expect(prefixed._id).toMatch(/^drafts\.[\w-]{22}$/)
  })

  it('refuses a malformed id and a document without _type with 400', async () => {
    const api = await start()
    const client = clientFor(api)
    // client.mutate sends what it is given; createOrReplace() would refuse the id before sending.
    const badId = await failure(
      client.mutate([{ createOrReplace: { _id: 'has space', _type: 'x' } }]),
    )
    expect(badId.statusCode).toBe(400)
    expect(badId.message).toContain('Malformed document ID: "has space"')
    // Ids are paths: Sanity refuses an empty segment and one that starts with `-`.
    for (const id of ['a..b', '.a', 'a.-b']) {
      const refused = await failure(client.mutate([{ createOrReplace: { _id: id, _type: 'x' } }]))
      expect(refused.statusCode).toBe(400)
      expect(refused.message).toContain(`Malformed document ID: "${id}"`)
    }
    const noType = await failure(client.mutate([{ create: { _id: 'x' } as SanityDocument }]))
    expect(noType.statusCode).toBe(400)
    expect(noType.message).toContain('has no _type')
    expect(api.documents()).toEqual([])
  })

  it('deletes by id and by GROQ query, reporting only what was there', async () => {
    const api = await start({
      documents: [
        person('person-a', 'A'),
        person('person-b', 'B'),
        { _id: 'quote-1', _type: 'quote' },
      ],
    })
    const client = clientFor(api)
    const byId = await client.transaction().delete('person-a').delete('person-missing').commit()
    expect(byId.results).toEqual([{ id: 'person-a', operation: 'delete' }])
    const byQuery = await client.mutate(
      [{ delete: { query: '*[_type == $type]', params: { type: 'person' } } }],
      { returnDocuments: false },
    )
    expect(byQuery.results).toEqual([{ id: 'person-b', operation: 'delete' }])
    expect(api.documents().map((d) => d._id)).toEqual(['quote-1'])
  })

  it('patches with set, setIfMissing, unset, inc, dec and insert, by field, index and _key paths', async () => {
    const api = await start({
      documents: [
        {
          _id: 'article-1',
          _type: 'article',
          title: 'Old',
          count: 10,
          score: 3,
          draftNote: 'remove me',
          body: [
            { _key: 'a1', _type: 'block', style: 'normal' },
            { _key: 'a2', _type: 'block', style: 'normal' },
          ],
        },
      ],
    })
    const updated = await clientFor(api)
      .patch('article-1')
      .set({ title: 'New', 'seo.description': 'made on the way', 'body[_key=="a2"].style': 'h2' })
      .setIfMissing({ title: 'not used', tags: [] })
      .unset(['draftNote', 'body[0]'])
      .inc({ count: 5 })
      .dec({ score: 1 })
      .insert('after', 'tags[-1]', ['diplomacy'])
      .commit()
    expect(updated).toMatchObject({
      title: 'New',
      seo: { description: 'made on the way' },
      count: 15,
      score: 2,
      tags: ['diplomacy'],
      body: [{ _key: 'a2', _type: 'block', style: 'h2' }],
    })
    expect(updated).not.toHaveProperty('draftNote')
    expect(api.get('article-1')).toEqual(updated)
  })

  it('patches by query, and refuses to patch a document that does not exist (404)', async () => {
    const api = await start({ documents: [person('person-a', 'A'), person('person-b', 'B')] })
    const client = clientFor(api)
    const result = await client.mutate(
      [{ patch: { query: '*[_type == "person"]', set: { checked: true } } }],
      { returnDocuments: false },
    )
    expect(result.results.map((r) => r.id).sort()).toEqual(['person-a', 'person-b'])
    expect(api.documents().every((d) => d.checked === true)).toBe(true)
    const error = await failure(client.patch('person-missing').set({ name: 'x' }).commit())
    expect(error.statusCode).toBe(404)
    expect(error.message).toContain('Document "person-missing" not found')
  })

  it('refuses a patch of a system field', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const error = await failure(clientFor(api).patch('person-a').set({ _id: 'person-b' }).commit())
    expect(error.statusCode).toBe(400)
    expect(error.message).toContain('Cannot patch system field "_id"')
  })

  it('applies ifRevisionID when it matches and answers 409 when the document changed', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const client = clientFor(api)
    const rev = api.get('person-a')?._rev as string
    await client.patch('person-a').ifRevisionId(rev).set({ name: 'A2' }).commit()
    const error = await failure(
      client.patch('person-a').ifRevisionId(rev).set({ name: 'A3' }).commit(),
    )
    const current = api.get('person-a')?._rev as string
    expect(error.statusCode).toBe(409)
    expect(error.message).toContain(
      `The mutation(s) failed: Document "person-a" has unexpected revision ID ("${current}"), expected "${rev}"`,
    )
    expect(api.get('person-a')?.name).toBe('A2')
  })

  it('computes but stores nothing with dryRun', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const before = api.documents()
    const client = clientFor(api)
    const created = await client.create(person('person-b', 'B'), { dryRun: true })
    expect(created).toMatchObject({ _id: 'person-b', name: 'B' })
    const patched = await client.patch('person-a').set({ name: 'A2' }).commit({ dryRun: true })
    expect(patched.name).toBe('A2')
    expect(api.documents()).toEqual(before)
    expect(api.requests.map((r) => r.query.dryRun)).toEqual(['true', 'true'])
  })

  it('returns documents only with returnDocuments, and ids only with returnIds', async () => {
    const api = await start()
    const client = clientFor(api)
    const withoutDocuments = await client.create(person('person-a', 'A'), {
      returnDocuments: false,
    })
    expect(withoutDocuments).toMatchObject({
      documentId: 'person-a',
      results: [{ id: 'person-a', operation: 'create' }],
    })
    expect(withoutDocuments.results[0]).not.toHaveProperty('document')
    const raw = await fetch(`${api.url}/v${API_VERSION}/data/mutate/production`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ mutations: [{ create: person('person-b', 'B') }] }),
    })
    const body = (await raw.json()) as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(['results', 'transactionId'])
  })

  it('uses a given transactionId as the new _rev and refuses to reuse it', async () => {
    const api = await start()
    const client = clientFor(api)
    await client.transaction().create(person('person-a', 'A')).transactionId('publish-1').commit()
    expect(api.get('person-a')?._rev).toBe('publish-1')
    const again = await failure(
      client.transaction().create(person('person-b', 'B')).transactionId('publish-1').commit(),
    )
    expect(again.statusCode).toBe(409)
    expect(again.message).toContain('Transaction ID "publish-1" has already been used')
    expect(api.get('person-b')).toBeUndefined()
  })

  it('adds _key to array objects with autoGenerateArrayKeys', async () => {
    const api = await start()
    const doc = await clientFor(api).create(
      { _id: 'a', _type: 'article', body: [{ _type: 'block' }, { _key: 'kept', _type: 'block' }] },
      { autoGenerateArrayKeys: true },
    )
    const body = doc.body as Array<{ _key: string }>
    expect(body[0]?._key).toMatch(/^[\w-]{12}$/)
    expect(body[1]?._key).toBe('kept')
  })

  it('refuses a body without mutations with 400', async () => {
    const api = await start()
    const response = await fetch(`${api.url}/v${API_VERSION}/data/mutate/production`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      body: '{"mutation": []}',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: { description: 'The body must be {"mutations": [...]}', type: 'validationError' },
    })
  })
})

describe('editorEdit', () => {
  it('changes a document as Studio would: new _rev and _updatedAt, content from the change', async () => {
    const api = await start({
      documents: [{ ...person('person-a', 'A'), _updatedAt: '2023-03-03T00:00:00Z' }],
    })
    const before = api.get('person-a') as SanityDocument
    const edited = api.editorEdit('person-a', (doc) => ({ ...doc, name: 'Edited in Studio' }))
    expect(edited.name).toBe('Edited in Studio')
    expect(edited._rev).not.toBe(before._rev)
    expect(edited._updatedAt).not.toBe('2023-03-03T00:00:00Z')
    expect(api.get('person-a')).toEqual(edited)
    expect(() => api.editorEdit('missing', (d) => d)).toThrow('no document "missing"')
  })
})

describe('GET and POST /data/query', () => {
  const docs: SanityDocument[] = [
    person('person-a', 'Published A'),
    person('drafts.person-a', 'Draft A'),
    person('drafts.person-new', 'Only a draft'),
    person('person-b', 'Published B'),
  ]
  const names = (result: Array<{ name: string }>) => result.map((d) => d.name).sort()

  it('answers {ms, query, result} with $params from the query string', async () => {
    const api = await start({ documents: docs })
    const result = await clientFor(api).fetch(
      '*[_type == "person" && name == $name]{_id, name}',
      { name: 'Published B' },
      { filterResponse: false },
    )
    expect(result).toMatchObject({
      query: '*[_type == "person" && name == $name]{_id, name}',
      result: [{ _id: 'person-b', name: 'Published B' }],
    })
    expect(typeof result.ms).toBe('number')
    expect(api.requests[0]).toMatchObject({ method: 'GET', query: { $name: '"Published B"' } })
  })

  it('answers a POST {query, params} (the client posts queries too long for a URL)', async () => {
    const api = await start({ documents: docs })
    const padding = ' '.repeat(12_000)
    const result = await clientFor(api).fetch(`*[_id == $id${padding}].name`, { id: 'person-b' })
    expect(result).toEqual(['Published B'])
    expect(api.requests[0]?.method).toBe('POST')
  })

  it('shows published documents only by default from API version 2025-02-19, everything before it', async () => {
    const api = await start({ documents: docs })
    expect(names(await clientFor(api).fetch('*[_type == "person"]'))).toEqual([
      'Published A',
      'Published B',
    ])
    const older = clientFor(api, { apiVersion: '2021-06-07' })
    expect(await older.fetch('count(*[_type == "person"])')).toBe(4)
  })

  it('applies the raw, published, drafts and previewDrafts perspectives', async () => {
    const api = await start({ documents: docs })
    const client = clientFor(api)
    const query = '*[_type == "person"]{_id, name, _originalId}'
    expect(await client.fetch('count(*)', {}, { perspective: 'raw' })).toBe(4)
    expect(names(await client.fetch(query, {}, { perspective: 'published' }))).toEqual([
      'Published A',
      'Published B',
    ])
    for (const perspective of ['drafts', 'previewDrafts'] as const) {
      const result = await client.fetch(query, {}, { perspective })
      expect(result).toHaveLength(3)
      expect(result).toContainEqual({
        _id: 'person-a',
        name: 'Draft A',
        _originalId: 'drafts.person-a',
      })
      expect(result).toContainEqual({
        _id: 'person-new',
        name: 'Only a draft',
        _originalId: 'drafts.person-new',
      })
      expect(result).toContainEqual({ _id: 'person-b', name: 'Published B', _originalId: null })
    }
  })

  it('hides drafts from a read without the token, and refuses a wrong token with 401', async () => {
    const api = await start({ documents: docs })
    const anonymous = clientFor(api, { token: undefined })
    expect(await anonymous.fetch('count(*)', {}, { perspective: 'raw' })).toBe(2)
    const wrong = await failure(clientFor(api, { token: 'wrong' }).fetch('count(*)'))
    expect(wrong.statusCode).toBe(401)
    expect(wrong.message).toBe(
      'Unauthorized - Session not found: the token is not valid for this project',
    )
  })

  it('turns a GROQ syntax error into 400 with the position, which the client shows as a code frame', async () => {
    const api = await start()
    const query = '*[_type == "person" && ]'
    const error = await failure(clientFor(api).fetch(query))
    expect(error.statusCode).toBe(400)
    expect(error.message).toContain('GROQ query parse error:')
    expect(error.message).toContain('> 1 | *[_type == "person" && ]')
    // groq-js stops right after `&&`, where the missing operand should start.
    const details = (error as unknown as { details: { start: number; type: string } }).details
    expect(details).toMatchObject({ type: 'queryParseError', start: query.indexOf('&&') + 2 })
  })

  it('refuses a $param that is not JSON, an unknown perspective, and a missing query', async () => {
    const api = await start()
    const base = `${api.url}/v${API_VERSION}/data/query/production`
    const headers = { Authorization: `Bearer ${TOKEN}` }
    const notJson = await fetch(`${base}?query=${encodeURIComponent('$x')}&$x=abc`, { headers })
    expect(notJson.status).toBe(400)
    expect(await notJson.json()).toMatchObject({
      message: 'Query parameter "$x" is not valid JSON: abc',
    })
    const perspective = await fetch(`${base}?query=1&perspective=rXXX`, { headers })
    expect(perspective.status).toBe(400)
    const missing = await fetch(base, { headers })
    expect(missing.status).toBe(400)
  })

  it('answers 404 for another dataset and for an unknown endpoint', async () => {
    const api = await start()
    const other = await failure(clientFor(api, { dataset: 'other' }).fetch('1'))
    expect(other.statusCode).toBe(404)
    expect(other.message).toContain('Dataset "other" not found')
    const response = await fetch(`${api.url}/v1/nothing/here`)
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No such endpoint: GET /v1/nothing/here',
    })
  })
})

describe('GET /data/doc', () => {
  it('answers {documents, omitted} for a list of ids, drafts included', async () => {
    const api = await start({
      documents: [person('person-a', 'A'), person('drafts.person-a', 'Draft')],
    })
    const response = await fetch(
      `${api.url}/v${API_VERSION}/data/doc/production/person-a,drafts.person-a,nope`,
      {
        headers: { Authorization: `Bearer ${TOKEN}` },
      },
    )
    const body = (await response.json()) as { documents: SanityDocument[]; omitted: unknown[] }
    expect(body.documents.map((d) => d.name)).toEqual(['A', 'Draft'])
    expect(body.omitted).toEqual([{ id: 'nope', reason: 'existence' }])
  })

  it('serves getDocument, getDocuments and the existence check of the client', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const client = clientFor(api)
    expect(await client.getDocument('person-a')).toEqual(api.get('person-a'))
    expect(await client.getDocument('nope')).toBeUndefined()
    expect(await client.getDocuments(['nope', 'person-a'])).toEqual([null, api.get('person-a')])
    const response = await fetch(
      `${api.url}/v${API_VERSION}/data/doc/production/person-a?excludeContent=true`,
      {
        headers: { Authorization: `Bearer ${TOKEN}` },
      },
    )
    expect(((await response.json()) as { documents: unknown[] }).documents[0]).not.toHaveProperty(
      'name',
    )
  })

  it('omits a draft from a read without the token, for permission', async () => {
    const api = await start({ documents: [person('drafts.person-a', 'Draft')] })
    const response = await fetch(`${api.url}/v${API_VERSION}/data/doc/production/drafts.person-a`)
    expect(await response.json()).toEqual({
      documents: [],
      omitted: [{ id: 'drafts.person-a', reason: 'permission' }],
    })
  })
})

describe('POST /assets/images', () => {
  it('stores a sanity.imageAsset with the deterministic id, sha1 and dimensions', async () => {
    const api = await start()
    const bytes = testPng(40, 30)
    const sha1 = createHash('sha1').update(bytes).digest('hex')
    const asset = await clientFor(api).assets.upload('image', bytes, {
      filename: 'test.png',
      contentType: 'image/png',
    })
    expect(asset).toMatchObject({
      _id: `image-${sha1}-40x30-png`,
      _type: 'sanity.imageAsset',
      sha1hash: sha1,
      assetId: sha1,
      extension: 'png',
      mimeType: 'image/png',
      size: bytes.length,
      originalFilename: 'test.png',
      metadata: { dimensions: { width: 40, height: 30, aspectRatio: 40 / 30 } },
    })
    expect(api.get(asset._id)).toEqual(asset)
    // The url is this server, which serves the bytes back.
    expect(asset.url.startsWith(`${api.url}/images/test/production/`)).toBe(true)
    const served = await fetch(asset.url)
    expect(served.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('answers a re-upload of the same bytes with the stored asset', async () => {
    const api = await start()
    const client = clientFor(api)
    const first = await client.assets.upload('image', testPng(8, 8))
    const again = await client.assets.upload('image', testPng(8, 8))
    const other = await client.assets.upload('image', testPng(8, 8, [0, 0, 255]))
    expect(again).toEqual(first)
    expect(other._id).not.toBe(first._id)
    expect(api.documents().filter((d) => d._type === 'sanity.imageAsset')).toHaveLength(2)
  })

  it('refuses bytes that are not an image with 400', async () => {
    const api = await start()
    const error = await failure(clientFor(api).assets.upload('image', Buffer.from('not an image')))
    expect(error.statusCode).toBe(400)
    expect(error.message).toBe('Bad Request - Invalid image, could not read metadata')
    expect(api.documents()).toEqual([])
  })

  it('reads dimensions from PNG, JPEG, GIF and WebP headers', () => {
    const jpeg = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x04,
      0x00,
      0x00, // SOI, APP0 of length 4
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x01,
      0xe0,
      0x02,
      0x80,
      0x03, // SOF0: 480 high, 640 wide
      0x01,
      0x22,
      0x00,
      0x02,
      0x11,
      0x01,
      0x03,
      0x11,
      0x01,
      0xff,
      0xd9,
    ])
    const gif = Buffer.from('GIF89a\x05\x00\x07\x00\x00\x00\x00', 'latin1')
    const webp = Buffer.alloc(30)
    webp.write('RIFF', 0, 'latin1')
    webp.write('WEBPVP8X', 8, 'latin1')
    webp.writeUIntLE(99, 24, 3)
    webp.writeUIntLE(49, 27, 3)
    expect(imageInfo(testPng(3, 2))).toMatchObject({ width: 3, height: 2, extension: 'png' })
    expect(imageInfo(jpeg)).toMatchObject({
      width: 640,
      height: 480,
      extension: 'jpg',
      mimeType: 'image/jpeg',
    })
    expect(imageInfo(gif)).toMatchObject({ width: 5, height: 7, extension: 'gif' })
    expect(imageInfo(webp)).toMatchObject({ width: 100, height: 50, extension: 'webp' })
  })
})

describe('auth', () => {
  it('refuses a mutation and an upload without the token with 401 and stores nothing', async () => {
    const api = await start()
    const anonymous = clientFor(api, { token: undefined })
    const mutation = await failure(anonymous.create(person('person-a', 'A')))
    expect(mutation.statusCode).toBe(401)
    expect(mutation.message).toBe(
      'Unauthorized - This request needs a token with write access: send Authorization: Bearer <token>',
    )
    const upload = await failure(anonymous.assets.upload('image', testPng(2, 2)))
    expect(upload.statusCode).toBe(401)
    expect(api.documents()).toEqual([])
    expect(api.requests.map((r) => r.status)).toEqual([401, 401])
  })

  it('lets anyone write when no token is configured', async () => {
    const api = await start({ token: undefined })
    await clientFor(api, { token: undefined }).create(person('person-a', 'A'))
    expect(api.get('person-a')?.name).toBe('A')
  })
})

/**
 * Send a request's headers (and `body`, if given) without ending it, and resolve with the
 * response: the server must answer without waiting for the rest of the body.
 */
function early(
  api: SanityApi,
  path: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; text: string }> {
  const { port } = new URL(api.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers })
    req.on('response', (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => {
        text += chunk
      })
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, text })
      })
    })
    req.on('error', reject)
    req.flushHeaders()
    if (body) req.write(body)
  })
}

const MUTATE_PATH = `/v${API_VERSION}/data/mutate/production`

describe('hardening: a test tool on 127.0.0.1 that a browser page cannot abuse', () => {
  it('answers 413 to a body announced larger than the limit, before reading it', async () => {
    const api = await start({ token: undefined })
    const reply = await early(api, MUTATE_PATH, {
      'Content-Type': 'application/json',
      'Content-Length': String(256 * 1024 * 1024),
    })
    expect(reply.status).toBe(413)
    expect(reply.text).toContain('Request body exceeds limit of 4000000 bytes')
    expect(api.requests.at(-1)).toMatchObject({ status: 413, bytesIn: 0 })
  })

  it('stops reading a body without a length once it passes the limit', async () => {
    const api = await start({ token: undefined, maxBodyBytes: 1000 })
    const reply = await early(
      api,
      MUTATE_PATH,
      { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      Buffer.alloc(1001, 0x20),
    )
    expect(reply.status).toBe(413)
    expect(reply.text).toContain('Request body exceeds limit of 1000 bytes')
    expect(api.documents()).toEqual([])
  })

  it('checks the token before reading the body: a wrong or missing token is 401 at once', async () => {
    const api = await start()
    const announced = { 'Content-Type': 'application/json', 'Content-Length': '100000' }
    expect((await early(api, MUTATE_PATH, announced)).status).toBe(401)
    const wrong = await early(api, MUTATE_PATH, { ...announced, Authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    expect(api.requests.map((r) => r.bytesIn)).toEqual([0, 0])
  })

  it('refuses a Host that is not this server (DNS rebinding), for reads and writes', async () => {
    const api = await start({ token: undefined, documents: [person('person-a', 'A')] })
    const { port } = new URL(api.url)
    const query = `/v${API_VERSION}/data/query/production?query=*`
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port, path: query, headers: { Host: host } })
        req.on('response', (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        })
        req.on('error', reject)
        req.end()
      })
    expect(await get(`rebind.example:${port}`)).toBe(403)
    expect(await get('127.0.0.1')).toBe(403)
    expect(await get(`127.0.0.1:${port}`)).toBe(200)
    expect(await get(`localhost:${port}`)).toBe(200)
    const write = await early(api, MUTATE_PATH, {
      Host: `rebind.example:${port}`,
      'Content-Type': 'application/json',
      'Content-Length': '0',
    })
    expect(write.status).toBe(403)
  })

  it('refuses a write from a page of another origin, and stores nothing', async () => {
    const api = await start({ token: undefined })
    const body = JSON.stringify({ mutations: [{ create: person('person-a', 'A') }] })
    const post = (origin: string) =>
      fetch(`${api.url}${MUTATE_PATH}`, {
        method: 'POST',
        // text/plain: a "simple" request, which a browser sends cross-origin without asking first.
        headers: { 'Content-Type': 'text/plain', Origin: origin },
        body,
      })
    for (const origin of ['https://attacker.example', 'null', 'http://127.0.0.1:1'])
      expect((await post(origin)).status).toBe(403)
    expect(api.documents()).toEqual([])
    expect((await post(api.url)).status).toBe(200)
    expect(api.get('person-a')?.name).toBe('A')
  })
})

describe('faults', () => {
  it('answers 429 with Retry-After; the client retries a query and gets the result', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    api.fault({ status: 429, retryAfterSeconds: 7, match: { method: 'GET' } })
    expect(await clientFor(api).fetch('*[_id == "person-a"][0].name')).toBe('A')
    expect(api.requests.map((r) => r.status)).toEqual([429, 200])
    api.fault({ status: 429, retryAfterSeconds: 7 })
    const raw = await fetch(`${api.url}/v${API_VERSION}/data/query/production?query=1`)
    expect(raw.status).toBe(429)
    expect(raw.headers.get('retry-after')).toBe('7')
    expect(await raw.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'API rate limit exceeded',
    })
  })

  it('does not apply a mutation answered with 429 or 5xx (the client does not retry a mutation)', async () => {
    const api = await start()
    const client = clientFor(api)
    for (const status of [429, 500, 502, 503] as const) {
      api.fault({ status, match: { path: /\/data\/mutate\// } })
      const error = await failure(client.create(person('person-a', 'A')))
      expect(error.statusCode).toBe(status)
    }
    expect(api.documents()).toEqual([])
    expect(api.requests.map((r) => r.status)).toEqual([429, 500, 502, 503])
    await client.create(person('person-a', 'A'))
    expect(api.get('person-a')).toBeDefined()
  })

  it('repeats a fault `times` times and only for matching requests', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    api.fault({ status: 503, times: 2, match: { method: 'GET', path: /\/data\/query\// } })
    const client = clientFor(api)
    await client.create(person('person-b', 'B'))
    expect(await client.fetch('count(*)')).toBe(2)
    expect(api.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 200',
      'GET 503',
      'GET 503',
      'GET 200',
    ])
  })

  it('drops a query connection without an answer; the client retries a GET', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    api.fault({ drop: true })
    expect(await clientFor(api).fetch('count(*)')).toBe(1)
    expect(api.requests.map((r) => r.status)).toEqual([0, 200])
    expect(api.requests[0]?.bytesOut).toBe(0)
  })

  it('drops a mutation before applying it: the client fails and nothing is stored', async () => {
    const api = await start()
    api.fault({ drop: true, match: { method: 'POST' } })
    const error = await failure(clientFor(api).create(person('person-a', 'A')))
    expect(error.message).toMatch(/socket hang up|ECONNRESET/)
    expect(api.documents()).toEqual([])
  })

  it('drops after commit: the client fails but the mutation was applied (the lost acknowledgement)', async () => {
    const api = await start()
    api.fault({ drop: true, afterCommit: true, match: { method: 'POST' } })
    const error = await failure(
      clientFor(api)
        .transaction()
        .create(person('person-a', 'A'))
        .transactionId('tx-lost')
        .commit(),
    )
    expect(error.message).toMatch(/socket hang up|ECONNRESET/)
    expect(api.get('person-a')?._rev).toBe('tx-lost')
    expect(api.requests[0]).toMatchObject({ status: 0, mutations: 1 })
  })

  it('delays a response; a client that gives up first still finds the mutation applied', async () => {
    const api = await start()
    api.fault({ delayMs: 300, match: { method: 'POST' } })
    const error = await failure(clientFor(api, { timeout: 50 }).create(person('person-a', 'A')))
    expect(error.message).toMatch(/timed out|ETIMEDOUT|ESOCKETTIMEDOUT/i)
    await vi.waitFor(() => expect(api.get('person-a')).toBeDefined(), { timeout: 2000 })
    api.fault({ delayMs: 20 })
    expect(await clientFor(api).fetch('count(*)')).toBe(1)
  })

  it('forgets queued faults with clearFaults', async () => {
    const api = await start()
    api.fault({ status: 500, times: 5 })
    api.clearFaults()
    expect(await clientFor(api).fetch('1')).toBe(1)
    expect(api.requests.map((r) => r.status)).toEqual([200])
  })
})

describe('requests', () => {
  it('records method, path, query, status, bytes and mutations of every request', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const client = clientFor(api)
    await client
      .transaction()
      .create(person('person-b', 'B'))
      .patch('person-a', (p) => p.set({ x: 1 }))
      .commit()
    await client.fetch('count(*)', {}, { tag: 'count' })
    await client.getDocument('person-a')
    await failure(client.create(person('person-a', 'again')))
    expect(
      api.requests.map(({ method, path, status, mutations }) => ({
        method,
        path,
        status,
        mutations,
      })),
    ).toEqual([
      {
        method: 'POST',
        path: `/v${API_VERSION}/data/mutate/production`,
        status: 200,
        mutations: 2,
      },
      { method: 'GET', path: `/v${API_VERSION}/data/query/production`, status: 200, mutations: 0 },
      {
        method: 'GET',
        path: `/v${API_VERSION}/data/doc/production/person-a`,
        status: 200,
        mutations: 0,
      },
      {
        method: 'POST',
        path: `/v${API_VERSION}/data/mutate/production`,
        status: 409,
        mutations: 1,
      },
    ])
    expect(api.requests[0]?.query).toEqual({ returnIds: 'true', visibility: 'sync' })
    expect(api.requests[1]?.query).toMatchObject({ query: 'count(*)', tag: 'count' })
    const mutateBody = JSON.stringify({
      mutations: [
        { create: person('person-b', 'B') },
        { patch: { id: 'person-a', set: { x: 1 } } },
      ],
    })
    expect(api.requests[0]?.bytesIn).toBe(Buffer.byteLength(mutateBody))
    expect(api.requests[1]?.bytesIn).toBe(0)
  })

  it('counts the bytes of each response body', async () => {
    const api = await start({ documents: [person('person-a', 'A')] })
    const response = await fetch(`${api.url}/v${API_VERSION}/data/doc/production/person-a`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    })
    const text = await response.text()
    expect(api.requests[0]?.bytesOut).toBe(Buffer.byteLength(text))
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)))
  })
})

describe('parsePath', () => {
  it('reads field, index and _key segments and refuses what it does not support', () => {
    expect(parsePath('body[_key=="a1"].children[-1].text')).toEqual([
      'body',
      { _key: 'a1' },
      'children',
      -1,
      'text',
    ])
    expect(parsePath("tags[_key == 'x']")).toEqual(['tags', { _key: 'x' }])
    expect(() => parsePath('body[*]')).toThrow()
    expect(() => parsePath('.title')).toThrow()
  })
})

describe('npm run sanity:local', () => {
  const PROGRAM = join(import.meta.dirname, '..', 'dist/lib/src/cli/bin.js')
  const SCRIPT = [PROGRAM, 'sanity-local']

  /** The environment of a child: this one's path and home, and `env`, nothing else. */
  const childEnv = (env: Record<string, string> = {}) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...env,
  })

  /** Start the compiled script and wait for its export lines. */
  async function serve(args: string[], env: Record<string, string> = {}) {
    const child = spawn(process.execPath, [...SCRIPT, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: childEnv(env),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk
    })
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)),
    )
    await vi.waitFor(() => expect(stdout).toContain('export SANITY_API_HOST='), { timeout: 10_000 })
    return { child, exited, output: () => ({ stdout, stderr }) }
  }

  it('serves the seed, prints the exports without the token, and stops on Ctrl-C', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanity-local-'))
    const seed = join(dir, 'data.ndjson')
    writeFileSync(
      seed,
      `${JSON.stringify(person('person-a', 'A'))}\n\n${JSON.stringify(person('drafts.person-a', 'Draft'))}\n`,
    )
    const secret = 'local-secret-token-value'
    const server = await serve(['--port', '0', '--seed', seed], { SANITY_API_TOKEN: secret })
    const { stdout } = server.output()
    expect(stdout).not.toContain(secret)
    expect(stdout).toContain('Writes need SANITY_API_TOKEN, as set in this environment.')
    expect(stdout).toContain('# and export SANITY_API_TOKEN with the same value as here')
    expect(stdout).toContain('export SANITY_PROJECT_ID=test\nexport SANITY_DATASET=production\n')
    expect(stdout).toContain('(2 documents, in memory only)')
    const host = /export SANITY_API_HOST=(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1] as string
    const client = createClient({
      projectId: 'test',
      dataset: 'production',
      apiHost: host,
      useProjectHostname: false,
      apiVersion: API_VERSION,
      useCdn: false,
      token: secret,
    })
    expect(await client.fetch('*[_id == "person-a"][0].name', {}, { perspective: 'drafts' })).toBe(
      'Draft',
    )
    const refused = await failure(
      client.withConfig({ token: undefined }).create(person('person-b', 'B')),
    )
    expect(refused.statusCode).toBe(401)
    server.child.kill('SIGINT')
    expect(await server.exited).toBe(0)
    const { stderr } = server.output()
    expect(stderr).toContain(`GET /v${API_VERSION}/data/query/production 200`)
    // Refused before its body is read: its mutations are not counted.
    expect(stderr).toContain(`POST /v${API_VERSION}/data/mutate/production 401\n`)
    expect(stderr).toContain('stopped; the data is gone.')
    expect(stderr).not.toContain(secret)
  })

  it('takes the token from the environment only: --token is exit 2, and its value is never echoed', () => {
    const run = spawnSync(
      process.execPath,
      [...SCRIPT, '--port', '0', '--token', 'argv-secret-value'],
      {
        encoding: 'utf8',
        timeout: 10_000,
        env: childEnv(),
      },
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(
      'sanity-local: --token is not taken (the process list would show it): set SANITY_API_TOKEN in the environment instead.',
    )
    expect(`${run.stdout}${run.stderr}`).not.toContain('argv-secret-value')
  })

  it('without a token, sanity:publish publishes to it without one too', async () => {
    const server = await serve(['--port', '0'])
    const { stdout } = server.output()
    expect(stdout).toContain('No SANITY_API_TOKEN in this environment')
    const exported = Object.fromEntries(
      [...stdout.matchAll(/^export (SANITY_\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]),
    ) as Record<string, string>
    expect(Object.keys(exported).sort()).toEqual([
      'SANITY_API_HOST',
      'SANITY_DATASET',
      'SANITY_PROJECT_ID',
    ])
    const root = mkdtempSync(join(tmpdir(), 'sanity-local-publish-'))
    cpSync(join(import.meta.dirname, '..', 'content'), join(root, 'content'), { recursive: true })
    const publish = await new Promise<{ status: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, [PROGRAM, 'publish', '--root', root], {
        env: childEnv({ ...exported, NO_COLOR: '1' }),
      })
      let out = ''
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk
      })
      child.stderr.on('data', (chunk: Buffer) => {
        out += chunk
      })
      child.on('close', (status) => resolve({ status, out }))
    })
    expect(publish.out).toMatch(/Wrote \d+ document\(s\)/)
    expect(publish.status).toBe(0)
    server.child.kill('SIGINT')
    expect(await server.exited).toBe(0)
  })

  it('refuses a seed line that is not a document (1), a missing seed and a bad port (2)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanity-local-'))
    const seed = join(dir, 'bad.ndjson')
    writeFileSync(seed, `${JSON.stringify(person('person-a', 'A'))}\n{"_id": "x", "_type": }\n`)
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [...SCRIPT, ...args], { encoding: 'utf8', timeout: 10_000 })
    const bad = run('--port', '0', '--seed', seed)
    expect(bad.status).toBe(1)
    expect(bad.stderr).toMatch(
      new RegExp(
        `^sanity-local: ${seed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+ is not JSON`,
      ),
    )
    const notDocument = join(dir, 'array.ndjson')
    writeFileSync(notDocument, '[1, 2]\n')
    expect(run('--port', '0', '--seed', notDocument).stderr).toContain(
      `${notDocument}:1:1 is not a document`,
    )
    const missing = run('--port', '0', '--seed', join(dir, 'nope.ndjson'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('cannot read --seed')
    const port = run('--port', 'eighty')
    expect(port.status).toBe(2)
    expect(port.stderr).toContain('--port eighty is not a port')
  })
})
