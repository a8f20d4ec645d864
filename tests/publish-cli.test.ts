import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SanityApi } from '../tools/sanity-api/server.js'
import { compiledCommand } from './build-helpers.js'
import {
  countFiles,
  filesContaining,
  gitChanges,
  gitCommitAll,
  gitInit,
  mutateRequests,
  runScriptAsync,
  startApi,
  storedContent,
  TEST_TOKEN,
  tempRepo,
} from './publish-helpers.js'

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

beforeAll(() => {
  compiledCommand('publish')
  compiledCommand('pull')
})

const MUTATE = { method: 'POST', path: /\/data\/mutate\// }

describe('npm run sanity:publish / sanity:pull (compiled scripts)', () => {
  it('dry run prints the plan and exits 0; publish writes; a second publish makes zero mutations', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo('publish-cli-')
    const total = countFiles(repo.contentDir)
    const env = api.env()

    const dry = await runScriptAsync('publish', ['--dry-run', '--root', repo.root], env)
    expect(dry.stderr).toBe('')
    expect(dry.status).toBe(0)
    expect(dry.stdout).toMatch(/^action\s+type\s+id\s+reason\n/)
    expect(dry.stdout).toContain(`${total} to create, 0 to update, 0 unchanged, 0 conflicts`)
    expect(dry.stdout).toContain('Dry run: nothing was written.')
    expect(mutateRequests(api)).toHaveLength(0)

    const first = await runScriptAsync('publish', ['--root', repo.root], env)
    expect(first.status).toBe(0)
    expect(first.stdout).toContain(`Wrote ${total} document(s) in 1 transaction(s).`)
    expect(storedContent(api)).toHaveLength(total)

    const before = mutateRequests(api).length
    const second = await runScriptAsync('publish', ['--root', repo.root], env)
    expect(second.status).toBe(0)
    expect(second.stdout).toContain(`0 to create, 0 to update, ${total} unchanged, 0 conflicts`)
    expect(second.stdout).toContain('Nothing to write: the dataset already holds this content.')
    expect(mutateRequests(api)).toHaveLength(before)
  })

  it('exits 1 on a conflict and names the document and the fix', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo('publish-cli-')
    expect((await runScriptAsync('publish', ['--root', repo.root], api.env())).status).toBe(0)
    api.editorEdit('quote-lavrov-farce', (doc) => ({ ...doc, via: 'edited' }))
    writeFileSync(
      join(repo.contentDir, 'quotes', 'quote-lavrov-farce.json'),
      (await import('node:fs'))
        .readFileSync(join(repo.contentDir, 'quotes', 'quote-lavrov-farce.json'), 'utf8')
        .replace('"direct"', '"partial"'),
    )
    const run = await runScriptAsync('publish', ['--root', repo.root], api.env())
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(/conflict\s+quote\s+quote-lavrov-farce\s+changed in the CMS/)
    expect(run.stderr).toMatch(
      /^\S*content\/quotes\/quote-lavrov-farce\.json:1:1 {2}error {4}quote-lavrov-farce: Not written: changed in the CMS \(rev [\w-]+\) since this repo published it; run npm run sanity:pull, or publish with --force\. {2}\[publish\/conflict\]$/m,
    )
    expect(api.get('quote-lavrov-farce')?.via).toBe('edited')
    const forced = await runScriptAsync('publish', ['--force', '--root', repo.root], api.env())
    expect(forced.status).toBe(0)
    expect(api.get('quote-lavrov-farce')?.kind).toBe('partial')
  })

  it('exits 2 naming the missing variables, and 1 with the validate report for invalid content', async () => {
    const repo = tempRepo('publish-cli-')
    const missing = await runScriptAsync('publish', ['--root', repo.root], {
      SANITY_DATASET: 'production',
    })
    expect(missing.status).toBe(2)
    expect(missing.stderr).toContain('Set SANITY_PROJECT_ID, SANITY_API_TOKEN in the environment')
    const pullMissing = await runScriptAsync('pull', ['--root', repo.root], {})
    expect(pullMissing.status).toBe(2)
    expect(pullMissing.stderr).toContain('Set SANITY_PROJECT_ID, SANITY_DATASET in the environment')
    const usage = await runScriptAsync('publish', ['--bogus'], {})
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('Usage: us-russia-g20-story publish')

    const started = await startApi()
    api = started.api
    writeFileSync(
      join(repo.contentDir, 'people', 'person-bad.json'),
      '{"_id": "person-bad", "_type": "person"}\n',
    )
    const invalid = await runScriptAsync('publish', ['--root', repo.root], api.env())
    expect(invalid.status).toBe(1)
    expect(invalid.stdout).toMatch(/person-bad\.json:1:1\s+error\s+/)
    expect(invalid.stderr).toContain('Nothing was published')
    expect(api.requests).toHaveLength(0)
  })

  it('round trip through the scripts: publish, pull, git diff is empty', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo('publish-cli-')
    gitInit(repo.root)
    expect((await runScriptAsync('publish', ['--root', repo.root], api.env())).status).toBe(0)
    gitCommitAll(repo.root, 'publish')
    const pulled = await runScriptAsync('pull', ['--root', repo.root], api.env())
    expect(pulled.status).toBe(0)
    expect(pulled.stdout).toContain(
      `0 created, 0 updated, ${countFiles(repo.contentDir)} unchanged`,
    )
    expect(gitChanges(repo.root)).toBe('')
  })

  it('never prints or writes the token, in success, retries, failures or errors', async () => {
    const started = await startApi()
    api = started.api
    const repo = tempRepo('publish-cli-')
    gitInit(repo.root)
    const env = api.env()
    expect(env.SANITY_API_TOKEN).toBe(TEST_TOKEN)
    const outputs: string[] = []
    const run = async (script: string, args: string[], runEnv = env) => {
      const result = await runScriptAsync(script, [...args, '--root', repo.root], runEnv)
      outputs.push(result.stdout, result.stderr)
      return result
    }
    await run('publish', ['--dry-run'])
    api.fault({ match: MUTATE, status: 429, retryAfterSeconds: 0 })
    expect((await run('publish', [])).status).toBe(0)
    api.editorEdit('quote-lavrov-farce', (doc) => ({ ...doc, kind: 'rumour' }))
    const invalidPull = await run('pull', [])
    expect(invalidPull.status).toBe(1)
    expect(invalidPull.stderr).toMatch(
      /^quote-lavrov-farce#\/kind {2}error {4}.+\[schema\/[a-z-]+\]$/m,
    )
    expect(invalidPull.stderr).toContain(
      'Nothing was written: the pull would leave content/ invalid (quote-lavrov-farce).',
    )
    api.editorEdit('person-sergei-lavrov', (doc) => ({ ...doc, role: 'edited' }))
    expect((await run('publish', ['--force'])).status).toBe(0)
    writeFileSync(
      join(repo.contentDir, 'people', 'person-new.json'),
      '{"_id":"person-new","_type":"person","name":"N","slug":{"_type":"slug","current":"n"}}\n',
    )
    // Failures that outlast the retries: the error messages are printed.
    api.fault({ match: MUTATE, status: 429, retryAfterSeconds: 0, times: 10 })
    const failed = await run('publish', [])
    expect(failed.status).toBe(1)
    expect(failed.stderr).toMatch(
      /person-new\.json:1:1 {2}error {4}person-new: .*Run the publish again to finish\. {2}\[publish\/transaction-failed\]$/m,
    )
    // A wrong token: the server rejects it, and the message must not echo either token.
    const wrong = await run('publish', [], {
      ...env,
      SANITY_API_TOKEN: `${TEST_TOKEN}-wrong`,
    })
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toMatch(
      /^publish: Could not read the dataset: Unauthorized.* Nothing was written\.$/m,
    )
    api.fault({ match: { path: /\/data\/query\// }, status: 429, retryAfterSeconds: 0, times: 10 })
    const down = await run('pull', [])
    expect(down.status).toBe(2)
    expect(down.stderr).toMatch(
      /^pull: Could not read the dataset: Too Many Requests.* Nothing was written\.$/m,
    )

    expect(outputs.join('\n').length).toBeGreaterThan(1000)
    for (const output of outputs) expect(output).not.toContain(TEST_TOKEN)
    expect(filesContaining(repo.root, TEST_TOKEN)).toEqual([])
  }, 120_000)
})
