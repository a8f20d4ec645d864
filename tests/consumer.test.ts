/**
 * The package as a developer gets it: `npm pack`, install the tarball into a new project, import
 * `us-russia-g20-story` by name, type-check a short program against the packed .d.ts with the
 * repo's tsc (strict, NodeNext, skipLibCheck off), and run it with node. The README's own example
 * is compiled and run too, in a project set up as `tsc --init` and the README say.
 *
 * It packs the compiled library in dist/lib (npm test compiles first, in pretest) without running
 * `prepare`: recompiling on every run would rewrite dist/lib under the tests that run it in
 * parallel.
 * The install takes our dependencies from npm's cache (filled by `npm ci`); at worst it asks the
 * npm registry for what the cache lacks.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import type { ContentDocument } from 'us-russia-g20-story'
import { renderArticle } from 'us-russia-g20-story/render'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SEED_FILE } from './fixtures/seed/index.js'

const ROOT = join(import.meta.dirname, '..')
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc')

/** The consumer's program: every quote with its speaker's name, then each article as text. */
const PROGRAM = `import { ContentError, loadContent } from 'us-russia-g20-story'
import { renderArticle } from 'us-russia-g20-story/render'
import articleSchema from 'us-russia-g20-story/schemas/article.schema.json' with { type: 'json' }

const content = await loadContent()
for (const quote of content.quotes) {
  const by = quote.speaker ? content.resolve(quote.speaker).name : quote.attribution
  console.log(JSON.stringify({ quote: quote._id, by, text: quote.text }))
}
for (const article of content.articles) {
  const text = renderArticle(content.documents, article._id, 'text')
  console.log(JSON.stringify({ article: article._id, text }))
}
const missing = await loadContent('no-such-folder').catch((error: unknown) => error)
const rules = missing instanceof ContentError ? missing.diagnostics.map((d) => d.rule) : []
console.log(JSON.stringify({ missingFolder: rules, schema: articleSchema.$id }))

export function typedResolve(): string {
  const speaker = content.quotes[0]?.speaker
  if (!speaker) return ''
  // @ts-expect-error A speaker resolves to a Person or Organization, neither has \`text\`: resolve is typed.
  return content.resolve(speaker).text
}
`

/** Each entry point as node resolves it through `exports`: the names of what it exports. */
const ENTRIES = ['us-russia-g20-story', 'us-russia-g20-story/render', 'us-russia-g20-story/sanity']
const ENTRIES_PROGRAM = `const names = {}
for (const entry of ${JSON.stringify(ENTRIES)}) names[entry] = Object.keys(await import(entry)).sort()
console.log(JSON.stringify(names))
`

/** Plain JavaScript, so the Studio entry is checked without @sanity/types in the project. */
const STUDIO_PROGRAM = `import { schemaTypes } from 'us-russia-g20-story/studio'
console.log(JSON.stringify(schemaTypes.map((type) => type.name)))
`

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: false,
    resolveJsonModule: true,
    types: ['node'],
    typeRoots: [join(ROOT, 'node_modules', '@types')],
    outDir: 'out',
  },
  include: ['main.ts'],
}

interface Run {
  status: number | null
  stdout: string
  stderr: string
}

function run(command: string, args: string[], cwd: string): Run {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_loglevel: 'error' },
  })
  if (result.error) throw result.error
  return result
}

function mustRun(command: string, args: string[], cwd: string): Run {
  const result = run(command, args, cwd)
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`)
  }
  return result
}

/** Every file under `dir` (relative, with `/`), or none when it does not exist. */
function filesUnder(dir: string): string[] {
  const base = join(ROOT, dir)
  try {
    return readdirSync(base, { recursive: true })
      .map(String)
      .filter((path) => statSync(join(base, path)).isFile())
      .map((path) => `${dir}/${path.split('\\').join('/')}`)
  } catch {
    return []
  }
}

/**
 * dist/lib must be compiled from the current sources, or the test would check old code. npm test
 * compiles first (pretest), so this recompiles only when the test runs on its own after an edit.
 * Type errors are tsc's own check in CI (`npx tsc --noEmit`); tsc emits regardless.
 */
function ensureCompiled(): void {
  const stale = [...filesUnder('src'), ...filesUnder('studio')]
    .filter((path) => path.endsWith('.ts'))
    .some((path) => {
      const js = join(ROOT, 'dist/lib', path.replace(/\.ts$/, '.js'))
      try {
        return statSync(js).mtimeMs < statSync(join(ROOT, path)).mtimeMs
      } catch {
        return true
      }
    })
  const tsc = stale ? run(TSC, ['-p', 'tsconfig.build.json'], ROOT) : undefined
  if (!existsSync(join(ROOT, 'dist/lib/src/index.js'))) {
    throw new Error(
      `dist/lib/src/index.js is missing: run \`npm run compile\`.\n${tsc?.stdout ?? ''}`,
    )
  }
}

let work: string
let app: string
let tarball: string
let packed: string[]

beforeAll(async () => {
  ensureCompiled()
  work = mkdtempSync(join(tmpdir(), 'consumer-'))
  app = join(work, 'app')
  mkdirSync(app)
  const pack = mustRun(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', work],
    ROOT,
  )
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }]
  tarball = join(work, info.filename)
  packed = info.files.map((file) => file.path).sort()
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  )
  await writeFile(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2))
  await writeFile(join(app, 'main.ts'), PROGRAM)
  await writeFile(join(app, 'studio.mjs'), STUDIO_PROGRAM)
  await writeFile(join(app, 'entries.mjs'), ENTRIES_PROGRAM)
  mustRun('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app)
}, 120_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

/** The repo's documents of one content folder, read straight from the files, in file order. */
function contentOf(folder: string): ContentDocument[] {
  return filesUnder(`content/${folder}`)
    .filter((path) => path.endsWith('.json'))
    .sort()
    .map((path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as ContentDocument)
}

describe('the packed package, installed in a new project', () => {
  it('type-checks a strict NodeNext program against the packed .d.ts, and runs it', () => {
    const tsc = run(TSC, ['-p', app], app)
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
    const node = mustRun(process.execPath, ['out/main.js'], app)
    const lines = node.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))

    const speakers = new Map(
      [...contentOf('people'), ...contentOf('organizations')].map((p) => [p._id, p]),
    )
    const quotes = contentOf('quotes').map((quote) => {
      if (quote._type !== 'quote') throw new Error(`${quote._id} in content/quotes is no quote`)
      const speaker = quote.speaker && speakers.get(quote.speaker._ref)
      const named = speaker?._type === 'person' || speaker?._type === 'organization'
      return {
        quote: quote._id,
        by: named ? speaker.name : quote.attribution,
        text: quote.text,
      }
    })
    const documents = ['articles', 'people', 'organizations', 'photos', 'quotes'].flatMap(contentOf)
    const articles = contentOf('articles').map((article) => ({
      article: article._id,
      text: renderArticle(documents, article._id, 'text'),
    }))
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/article.schema.json'), 'utf8'))

    expect(quotes.length).toBeGreaterThan(0)
    expect(quotes.every((q) => typeof q.by === 'string' && q.by.length > 0)).toBe(true)
    expect(lines).toEqual([
      ...quotes,
      ...articles,
      { missingFolder: ['input/unreadable'], schema: schema.$id },
    ])
    const headline = (contentOf('articles')[0] as { headline: string }).headline
    expect(articles[0]?.text).toContain(headline)
  })

  it("compiles and runs the README's own example in a fresh `tsc --init` project, as the README sets it up", async () => {
    const fresh = join(work, 'readme')
    mkdirSync(fresh)
    // What the README asks of the project: ESM ("type": "module"); tsc --init gives NodeNext.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Use it as a dependency'))
    await writeFile(join(fresh, 'package.json'), JSON.stringify({ type: 'module' }))
    mustRun(TSC, ['--init'], fresh)
    await writeFile(join(fresh, 'main.ts'), readmeExample(section))
    symlinkSync(join(app, 'node_modules'), join(fresh, 'node_modules'), 'dir')
    const tsc = run(TSC, ['-p', fresh], fresh)
    expect(tsc.stdout + tsc.stderr).toBe('')
    expect(tsc.status).toBe(0)
    const node = mustRun(process.execPath, ['main.js'], fresh)
    const quotes = contentOf('quotes')
    expect(quotes.length).toBeGreaterThan(0)
    for (const quote of quotes) {
      if (quote._type === 'quote') expect(node.stdout).toContain(quote.text)
    }
    const headline = (contentOf('articles')[0] as { headline: string }).headline
    expect(node.stdout).toContain(headline)
    expect(section).toContain('"type": "module"')
  })

  it('fails the type check when a resolved Person is used as a Quote', async () => {
    const broken = join(work, 'broken')
    mkdirSync(broken)
    await writeFile(join(broken, 'package.json'), JSON.stringify({ type: 'module' }))
    await writeFile(
      join(broken, 'tsconfig.json'),
      JSON.stringify({
        ...TSCONFIG,
        compilerOptions: { ...TSCONFIG.compilerOptions, noEmit: true },
      }),
    )
    // Same project, same installed package; only the expectation directive is gone.
    await writeFile(
      join(broken, 'main.ts'),
      PROGRAM.replace(/\n\s*\/\/ @ts-expect-error.*\n/, '\n'),
    )
    symlinkSync(join(app, 'node_modules'), join(broken, 'node_modules'), 'dir')
    const tsc = run(TSC, ['-p', broken], broken)
    expect(tsc.status).not.toBe(0)
    expect(tsc.stdout).toMatch(/main\.ts\(\d+,\d+\): error TS2339: Property 'text' does not exist/)
  })

  it('serves the compiled Studio schema at us-russia-g20-story/studio, without @sanity/types installed', async () => {
    const node = mustRun(process.execPath, ['studio.mjs'], app)
    const { schemaTypes } = await import('../studio/index.js')
    expect(JSON.parse(node.stdout)).toEqual(schemaTypes.map((type) => type.name))
    expect(JSON.parse(node.stdout)).toEqual(
      expect.arrayContaining(['article', 'person', 'organization', 'quote', 'photo']),
    )
  })

  it('exports content, validation and the model at ., rendering at ./render, Sanity at ./sanity', async () => {
    const node = mustRun(process.execPath, ['entries.mjs'], app)
    const installed = JSON.parse(node.stdout) as Record<string, string[]>
    // The same names as the sources' entry points: nothing lost in packing.
    const sources = {
      'us-russia-g20-story': await import('../src/index.js'),
      'us-russia-g20-story/render': await import('../src/exports/render.js'),
      'us-russia-g20-story/sanity': await import('../src/exports/sanity.js'),
    }
    for (const [entry, module] of Object.entries(sources))
      expect(installed[entry], entry).toEqual(Object.keys(module).sort())
    expect(installed['us-russia-g20-story']).toEqual(
      expect.arrayContaining(['loadContent', 'validate', 'isArticle', 'RULES', 'ContentError']),
    )
    expect(installed['us-russia-g20-story']).not.toContain('renderArticle')
    expect(installed['us-russia-g20-story']).not.toContain('publish')
    expect(installed['us-russia-g20-story/render']).toEqual(
      expect.arrayContaining(['renderArticle', 'renderSite', 'renderNinjs', 'build']),
    )
    expect(installed['us-russia-g20-story/sanity']).toEqual(
      expect.arrayContaining(['publish', 'pull', 'readSanityConfig']),
    )
  })

  it.each([
    ['.', 'src/index.d.ts', 'loadContent'],
    ['./render', 'src/exports/render.d.ts', 'renderArticle'],
    ['./sanity', 'src/exports/sanity.d.ts', 'publish'],
    ['./studio', 'studio/index.d.ts', 'schemaTypes'],
  ])(
    'documents everything %s exports (functions, classes, constants, types) with TSDoc',
    (_entry, file, one) => {
      const lib = join(app, 'node_modules', 'us-russia-g20-story', 'dist', 'lib')
      const exported = valueExports(lib, file)
      expect(exported.filter((e) => !e.documented).map((e) => `${e.file}: ${e.name}`)).toEqual([])
      expect(exported.map((e) => e.name)).toContain(one)
    },
  )
})

describe('the program, installed: npx us-russia-g20-story', () => {
  /** `npx us-russia-g20-story args…` in the project; `--no --` so that npx never fetches it. */
  const npx = (args: string[]) => run('npx', ['--no', '--', 'us-russia-g20-story', ...args], app)

  it('--help lists the commands, exit 0', () => {
    const help = npx(['--help'])
    expect(help.stderr).toBe('')
    for (const command of [
      'validate',
      'build',
      'render',
      'query',
      'import',
      'publish',
      'pull',
      'types',
    ])
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
    expect(help.status).toBe(0)
  })

  it("validates a folder of the project: exit 0 when valid, exit 1 with the problem's place when not", async () => {
    const folder = join(app, 'my-content')
    mkdirSync(folder)
    for (const document of contentOf('people'))
      await writeFile(join(folder, `${document._id}.json`), JSON.stringify(document, null, 2))
    const valid = npx(['validate', 'my-content'])
    expect(valid.stderr).toBe('')
    expect(valid.stdout).toContain(`${contentOf('people').length} documents valid`)
    expect(valid.status).toBe(0)

    await writeFile(
      join(folder, 'person-broken.json'),
      '{\n  "_id": "person-broken",\n  "_type": "person"\n}\n',
    )
    const invalid = npx(['validate', 'my-content', '--format', 'github'])
    expect(invalid.stdout).toMatch(
      /^::error file=my-content\/person-broken\.json,line=1,col=1.*schema\/required/m,
    )
    expect(invalid.status).toBe(1)
  })

  it('imports a wire story into a new folder of the project, which then validates', () => {
    copyFileSync(SEED_FILE, join(app, 'story.txt'))
    const imported = npx(['import', 'story.txt', '--out', 'imported'])
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toMatch(/^\d+ documents added to /m)
    expect(imported.status).toBe(0)
    const valid = npx(['validate', 'imported'])
    expect(valid.stdout).toMatch(/documents valid/)
    expect(valid.status).toBe(0)
  })

  it('says that a repository command needs the checkout, exit 2', () => {
    for (const command of ['types', 'serve', 'sanity-local']) {
      const run = npx([command])
      expect(run.stderr).toContain(`${command} needs the repository checkout`)
      expect(run.stderr).not.toMatch(/^\s+at /m)
      expect(run.status).toBe(2)
    }
  })
})

describe('the tarball', () => {
  it('holds the schemas, the content, the compiled library and the Studio schema', () => {
    const expected = [
      'package.json',
      'README.md',
      'dist/lib/src/index.js',
      'dist/lib/src/index.d.ts',
      'dist/lib/src/exports/render.js',
      'dist/lib/src/exports/render.d.ts',
      'dist/lib/src/exports/sanity.js',
      'dist/lib/src/exports/sanity.d.ts',
      'dist/lib/src/cli/bin.js',
      'dist/lib/bin/us-russia-g20-story.js',
      'dist/lib/studio/index.js',
      'dist/lib/studio/index.d.ts',
      ...filesUnder('schemas'),
      ...filesUnder('content'),
      ...filesUnder('studio'),
    ]
    expect(filesUnder('studio')).toContain('studio/index.ts')
    expect(packed).toEqual(expect.arrayContaining(expected))
  })

  it('holds nothing else: no sources, tests, scripts, site, source maps, CI or secrets', () => {
    const allowed =
      /^(package\.json|README\.md|(dist\/lib\/src|dist\/lib\/bin|dist\/lib\/studio|schemas|content|studio)\/.+)$/
    expect(packed.filter((path) => !allowed.test(path))).toEqual([])
    const unwanted = packed.filter(
      (path) =>
        path.endsWith('.map') ||
        /(^|\/)(\.env|\.npmrc|sanity\.lock\.json)/.test(path) ||
        /token|secret/i.test(path) ||
        (path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.startsWith('studio/')),
    )
    expect(unwanted).toEqual([])
  })

  it('holds no tooling: no bench, code generation, preview server, Chromium helper or local API', () => {
    const tooling =
      /(^|\/)(bench|codegen|preview|serve|watch|chromium|sanity-api|tools|tests)(\/|\.)/
    expect(packed.filter((path) => tooling.test(path))).toEqual([])
    // Nothing the package ships may import tooling: it would fail to load once installed.
    const shipped = packed.filter((path) => path.endsWith('.js'))
    const reachesOut = shipped.filter((path) =>
      /from '(\.\.\/)+(tools|tests|scripts)\//.test(readFileSync(join(ROOT, path), 'utf8')),
    )
    expect(reachesOut).toEqual([])
  })

  it('passes publint, strict, as packed', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    const bytes = readFileSync(tarball)
    // The tarball is the whole package: publint reads package.json and the files from it.
    const { messages } = await publint({
      strict: true,
      pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) },
    })
    expect(messages.map((m) => formatMessage(m, pkg, { color: false }))).toEqual([])
  })
})

/** The first ```ts code block of a README section. */
function readmeExample(section: string): string {
  const code = /```ts\n([\s\S]*?)```/.exec(section)?.[1]
  if (code === undefined) throw new Error('The README section has no ```ts block')
  return code
}

interface ValueExport {
  name: string
  file: string
  documented: boolean
}

/** A declaration a .d.ts exports: a function, class, constant, interface or type. */
const DECLARATION =
  '(?:export declare (?:abstract )?(?:function|class|const)|export (?:interface|type))'

/**
 * Everything a .d.ts exports (functions, classes, constants, interfaces and types), following
 * `export { … } from` to the module that declares each, and whether a TSDoc comment stands right
 * above its declaration.
 */
function valueExports(dir: string, file: string): ValueExport[] {
  const text = readFileSync(join(dir, file), 'utf8')
  const found: ValueExport[] = []
  for (const match of text.matchAll(/export (?:type )?\{([^}]*)\} from '([^']+)'/g)) {
    const from = join(file, '..', (match[2] as string).replace(/\.js$/, '.d.ts'))
    for (const item of (match[1] as string).split(',')) {
      const [name, alias] = item
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
      if (!name) continue
      const inner = valueExports(dir, from).find((e) => e.name === name)
      const declared = inner ?? declaration(dir, from, name)
      found.push({ ...declared, name: alias ?? name })
    }
  }
  for (const match of text.matchAll(new RegExp(`${DECLARATION} (\\w+)`, 'g'))) {
    const before = text.slice(0, match.index).trimEnd()
    found.push({ name: match[1] as string, file, documented: before.endsWith('*/') })
  }
  return found
}

function declaration(dir: string, file: string, name: string): ValueExport {
  const text = readFileSync(join(dir, file), 'utf8')
  const at = text.search(new RegExp(`${DECLARATION} ${name}\\b`))
  const before = at < 0 ? '' : text.slice(0, at).trimEnd()
  return { name, file: relative(dir, join(dir, file)), documented: before.endsWith('*/') }
}
