// Publish and pull as a state machine: random sequences of local edits, commits, editors' changes
// in the CMS, publishes and pulls, with the invariants of "nothing lost" checked after every step.
//
// Seeded and short in `npm test`; `PROPERTY_RUNS=200 PROPERTY_SEED=7 npx vitest run
// tests/publish-pull-invariants.test.ts` explores more.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { SanityClient } from '@sanity/client'
import fc from 'fast-check'
import { validate } from 'us-russia-g20-story'
import { publish, pull, type SanityConfig } from 'us-russia-g20-story/sanity'
import { afterEach, describe, expect, it } from 'vitest'
import { createSanityClient } from '../src/sanity/client.js'
import type { SanityApi, SanityDocument } from '../tools/sanity-api/server.js'
import { FAST_RETRY, gitInit, startApi, TEST_TOKEN, tempRepo } from './publish-helpers.js'

const RUNS = Number(process.env.PROPERTY_RUNS ?? 6)
const SEED = Number(process.env.PROPERTY_SEED ?? 20230303)

/** Documents and the plain-text field that local edits and editors change (any value is valid). */
const EDITABLE = [
  { id: 'person-sergei-ryabkov', field: 'role' },
  { id: 'person-annalena-baerbock', field: 'role' },
  { id: 'quote-lavrov-farce', field: 'occasion' },
  { id: 'photo-blinken-lavrov-phnom-penh', field: 'alt' },
] as const

/** Documents an editor may delete: one that nothing references, and ones that are referenced. */
const DELETABLE = ['quote-russia-farce', 'person-sergei-ryabkov', 'quote-lavrov-farce'] as const

/** What the test knows about the history: the editors' changes that must survive. */
interface Model {
  /** Remote id (`x` or `drafts.x`) → the field and value an editor set, not yet in content/. */
  edited: Map<string, { field: string; value: string }>
  /** Ids an editor deleted since content/ last agreed with the dataset about them. */
  deleted: Set<string>
  /** Every document id there has ever been: anything else in the dataset is a duplicate. */
  ids: Set<string>
}

interface Real {
  api: SanityApi
  editor: SanityClient
  config: SanityConfig
  root: string
  contentDir: string
  /** Everything the commands printed or returned, to grep for the token. */
  output: string[]
  counter: { n: number }
}

const git = (root: string, ...args: string[]) =>
  spawnSync('git', ['-c', 'user.email=t@example.invalid', '-c', 'user.name=test', ...args], {
    cwd: root,
    encoding: 'utf8',
  })

const fileOf = (real: Real, id: string) => {
  const folder = { person: 'people', quote: 'quotes', photo: 'photos' }[id.split('-')[0] as string]
  return join(real.contentDir, folder ?? 'articles', `${id}.json`)
}

function readLocal(real: Real, id: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(fileOf(real, id), 'utf8')) as Record<string, unknown>
  } catch {
    return undefined
  }
}

/** Every file under content/, by path, with its text. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, name)
    if (statSync(path).isFile()) files.set(name, readFileSync(path, 'utf8'))
  }
  return files
}

/**
 * Paths (relative to the repo) of content files git sees as changed or new, with their text: the
 * user's work. sanity.lock.json is not: publish and pull keep it, and it is theirs to update.
 */
function uncommitted(root: string): Map<string, string> {
  const dirty = new Map<string, string>()
  const status = git(root, 'status', '--porcelain', '-uall', '--', 'content')
  for (const line of status.stdout.split('\n')) {
    const path = line.slice(3)
    if (!path || line.startsWith(' D')) continue
    try {
      dirty.set(path, readFileSync(join(root, path), 'utf8'))
    } catch {}
  }
  return dirty
}

/** The revision of each remote document of ours (published and drafts). */
function revisions(api: SanityApi): Map<string, string | undefined> {
  return new Map(
    api
      .documents()
      .filter((d) => !d._type.startsWith('sanity.'))
      .map((d) => [d._id, d._rev]),
  )
}

/** Run one command, then hold every invariant that must be true after any step. */
async function step(
  model: Model,
  real: Real,
  action: () => Promise<void>,
  options: { mayOverwriteLocal?: boolean; mayOverwriteRemote?: boolean } = {},
): Promise<{ before: Map<string, string | undefined> }> {
  const content = snapshot(real.contentDir)
  const dirty = uncommitted(real.root)
  const before = revisions(real.api)
  await action()

  // content/ is unchanged, or valid.
  const after = snapshot(real.contentDir)
  const changed = [...new Set([...content.keys(), ...after.keys()])].filter(
    (k) => content.get(k) !== after.get(k),
  )
  if (changed.length > 0) {
    const report = await validate([real.contentDir])
    const errors = report.problems.filter((p) => p.severity === 'error')
    expect(errors.map((p) => `${p.file} ${p.pointer} ${p.rule}: ${p.message}`)).toEqual([])
  }

  // No uncommitted local file was lost (only --force may overwrite one).
  if (!options.mayOverwriteLocal)
    for (const [path, text] of dirty) {
      const now = (() => {
        try {
          return readFileSync(join(real.root, path), 'utf8')
        } catch {
          return undefined
        }
      })()
      expect(now, `uncommitted ${path}`).toBe(text)
    }

  // No editor change was overwritten without --force: neither the edited document nor a draft
  // that would hide it changed in this step.
  const remote = revisions(real.api)
  if (!options.mayOverwriteRemote) {
    for (const id of model.edited.keys()) {
      expect(remote.get(id), `editor's ${id}`).toBe(before.get(id))
      if (!id.startsWith('drafts.'))
        expect(remote.get(`drafts.${id}`), `draft hiding ${id}`).toBe(before.get(`drafts.${id}`))
    }
    for (const id of model.deleted) expect(remote.has(id), `deleted ${id} recreated`).toBe(false)
  }

  // No document was duplicated: every remote id is one we know.
  for (const id of remote.keys()) expect(model.ids, id).toContain(id.replace(/^drafts\./, ''))

  // The token appears in no output and no file.
  expect(real.output.filter((text) => text.includes(TEST_TOKEN))).toEqual([])
  for (const name of readdirSync(real.root, { recursive: true }).map(String)) {
    if (name === '.git' || name.startsWith('.git/')) continue
    const path = join(real.root, name)
    if (statSync(path).isFile()) expect(readFileSync(path).includes(TEST_TOKEN), name).toBe(false)
  }

  // What content/ now holds is no longer an editor's change waiting to come in.
  for (const [id, change] of model.edited) {
    const local = readLocal(real, id.replace(/^drafts\./, ''))
    if (local?.[change.field] === change.value) model.edited.delete(id)
  }
  for (const id of model.deleted) if (!readLocal(real, id)) model.deleted.delete(id)
  return { before }
}

type Command = fc.AsyncCommand<Model, Real>

/** The user's own steps change their files; the invariants are about what the tools do. */
const USER = { mayOverwriteLocal: true }

class LocalEdit implements Command {
  constructor(
    readonly target: (typeof EDITABLE)[number],
    readonly commit: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    await step(
      model,
      real,
      async () => {
        const doc = readLocal(real, this.target.id)
        if (!doc) return
        doc[this.target.field] = `Local text ${++real.counter.n}`
        writeFileSync(fileOf(real, this.target.id), `${JSON.stringify(doc, null, 2)}\n`)
        if (this.commit) {
          git(real.root, 'add', '-A')
          git(real.root, 'commit', '-q', '-m', 'local edit')
        }
      },
      USER,
    )
  }
  toString = () => `local edit ${this.target.id}${this.commit ? ' + commit' : ''}`
}

class Commit implements Command {
  check = () => true
  async run(model: Model, real: Real) {
    await step(
      model,
      real,
      async () => {
        git(real.root, 'add', '-A')
        git(real.root, 'commit', '-q', '-m', 'commit')
      },
      USER,
    )
  }
  toString = () => 'commit'
}

class EditorPatch implements Command {
  constructor(
    readonly target: (typeof EDITABLE)[number],
    readonly draft: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    const value = `Editor text ${++real.counter.n}`
    const id = this.draft ? `drafts.${this.target.id}` : this.target.id
    let done = false
    await step(
      model,
      real,
      async () => {
        const current = real.api.get(id) ?? (this.draft ? real.api.get(this.target.id) : undefined)
        if (!current) return
        const { _rev, _createdAt, _updatedAt, ...fields } = current
        await real.editor.createOrReplace({ ...fields, _id: id, [this.target.field]: value })
        done = true
      },
      { mayOverwriteRemote: true },
    )
    if (done) model.edited.set(id, { field: this.target.field, value })
  }
  toString = () => `editor edits ${this.draft ? 'drafts.' : ''}${this.target.id}`
}

/** Changes the CMS may hold that content/ must never take in: they would leave it invalid. */
const BAD_EDITS: Record<string, (doc: SanityDocument) => SanityDocument> = {
  'capitalise a quote': (doc) =>
    doc._id === 'quote-russian-foreign-ministry-on-the-move'
      ? { ...doc, text: 'On the move' }
      : doc,
  'change a _type': (doc) =>
    doc._id === 'person-sergei-ryabkov' ? { ...doc, _type: 'quote' } : doc,
}

class EditorBadEdit implements Command {
  constructor(readonly kind: keyof typeof BAD_EDITS) {}
  check = () => true
  async run(model: Model, real: Real) {
    const id =
      this.kind === 'change a _type'
        ? 'person-sergei-ryabkov'
        : 'quote-russian-foreign-ministry-on-the-move'
    await step(
      model,
      real,
      async () => {
        const current = real.api.get(id)
        if (!current) return
        const { _rev, _createdAt, _updatedAt, ...fields } =
          BAD_EDITS[this.kind]?.(current) ?? current
        await real.editor.createOrReplace(fields as SanityDocument).catch(() => {})
      },
      { mayOverwriteRemote: true },
    )
  }
  toString = () => `editor: ${this.kind}`
}

class EditorDelete implements Command {
  constructor(readonly id: (typeof DELETABLE)[number]) {}
  check = () => true
  async run(model: Model, real: Real) {
    let done = false
    await step(
      model,
      real,
      async () => {
        if (!real.api.get(this.id)) return
        await real.editor.delete(this.id)
        done = true
      },
      { mayOverwriteRemote: true },
    )
    if (done) {
      model.deleted.add(this.id)
      model.edited.delete(this.id)
    }
  }
  toString = () => `editor deletes ${this.id}`
}

/** What publish and pull are given besides their flags: the repo, the API, output captured. */
function toolOptions(real: Real) {
  return {
    root: real.root,
    contentDir: real.contentDir,
    config: real.config,
    retry: FAST_RETRY,
    log: (line: string) => real.output.push(line),
  }
}

/** Run publish or pull, keeping its report (or error) as output to search for the token. */
async function runTool(real: Real, tool: () => Promise<unknown>): Promise<void> {
  const report = await tool().catch((error: Error) => ({ error: error.message }))
  real.output.push(JSON.stringify(report))
}

class Publish implements Command {
  constructor(
    readonly drafts: boolean,
    readonly force: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    await step(
      model,
      real,
      async () => {
        await runTool(real, () =>
          publish({ ...toolOptions(real), drafts: this.drafts, force: this.force }),
        )
      },
      { mayOverwriteRemote: this.force },
    )
    if (this.force) {
      // Forced: content/ is now what the dataset holds.
      model.edited.clear()
      model.deleted.clear()
    }
  }
  toString = () => `publish${this.drafts ? ' --drafts' : ''}${this.force ? ' --force' : ''}`
}

class Pull implements Command {
  constructor(
    readonly drafts: boolean,
    readonly prune: boolean,
    readonly force: boolean,
  ) {}
  check = () => true
  async run(model: Model, real: Real) {
    await step(
      model,
      real,
      async () => {
        await runTool(real, () =>
          pull({ ...toolOptions(real), drafts: this.drafts, prune: this.prune, force: this.force }),
        )
      },
      { mayOverwriteLocal: this.force },
    )
  }
  toString = () =>
    `pull${this.drafts ? ' --drafts' : ''}${this.prune ? ' --prune' : ''}${this.force ? ' --force' : ''}`
}

const commands = [
  fc.tuple(fc.constantFrom(...EDITABLE), fc.boolean()).map(([t, c]) => new LocalEdit(t, c)),
  fc.constant(new Commit()),
  fc.tuple(fc.constantFrom(...EDITABLE), fc.boolean()).map(([t, d]) => new EditorPatch(t, d)),
  fc.constantFrom(...Object.keys(BAD_EDITS)).map((k) => new EditorBadEdit(k)),
  fc.constantFrom(...DELETABLE).map((id) => new EditorDelete(id)),
  fc.tuple(fc.boolean(), fc.boolean()).map(([d, f]) => new Publish(d, f)),
  fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()).map(([d, p, f]) => new Pull(d, p, f)),
]

let api: SanityApi | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

describe('publish and pull, driven by random sequences', () => {
  it('never lose a file, overwrite an editor, duplicate a document, leave content/ invalid or leak the token', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 12 }), async (sequence) => {
        await api?.close()
        const started = await startApi()
        api = started.api
        const repo = tempRepo('invariants-')
        gitInit(repo.root)
        const real: Real = {
          api: started.api,
          editor: createSanityClient(started.config),
          config: started.config,
          ...repo,
          output: [],
          counter: { n: 0 },
        }
        const first = await publish({ ...repo, config: started.config, retry: FAST_RETRY })
        expect(first.status).toBe('published')
        const model: Model = {
          edited: new Map(),
          deleted: new Set(),
          ids: new Set(revisions(started.api).keys()),
        }
        await fc.asyncModelRun(() => ({ model, real }), sequence)
        expect(relative(repo.root, repo.contentDir)).toBe('content')
      }),
      { numRuns: RUNS, seed: SEED },
    )
  }, 600_000)
})
