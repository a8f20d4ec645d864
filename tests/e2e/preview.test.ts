// End-to-end: the real preview server (`npm start`, compiled) driven by a real browser.
// npm test compiles first (pretest) and makes sure Chromium is installed.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CHROMIUM_ARGS,
  chromiumMissingMessage,
  chromiumPath,
  isExecutable,
} from '../../tools/chromium.js'

const root = join(import.meta.dirname, '..', '..')
const startScript = join(root, 'dist/lib/src/cli/bin.js')
const screenshot = join(root, 'dist/screenshots/article.png')

interface Doc {
  _id: string
  _type: string
  [field: string]: unknown
}

/** The content as files on disk: what the pages must show comes from here, not from the test. */
function contentOf(type: string): Doc[] {
  const dir = join(root, 'content', `${type}s`.replace('persons', 'people'))
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Doc)
}

const article = contentOf('article')[0] as Doc & {
  headline: string
  slug: { current: string }
  photo?: { _ref: string }
}
const photo = contentOf('photo').find((doc) => doc._id === article?.photo?._ref) as
  | (Doc & { caption: string })
  | undefined
const blinken = contentOf('person').find((doc) => doc._id === 'person-antony-blinken') as
  | (Doc & { name: string; slug: { current: string } })
  | undefined

/** Start the compiled preview server on a free port and resolve with the URL it prints. */
function startServer(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [startScript, 'serve'], {
      cwd: root,
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(() => {
      child.kill()
      reject(new Error(`npm start printed no URL in 60 s:\n${output}`))
    }, 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(output)?.[0]
      if (!url) return
      clearTimeout(timer)
      resolve({ child, url, output: () => output })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited with ${code}:\n${output}`))
    })
  })
}

function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill('SIGTERM')
  })
}

describe('preview in a real browser', { timeout: 60_000 }, () => {
  let browser: Browser
  let page: Page
  let server: Awaited<ReturnType<typeof startServer>>
  const requests: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    // Never skip: a missing browser is a failure with instructions, not a silent pass.
    const executablePath = chromiumPath()
    if (!isExecutable(executablePath)) throw new Error(chromiumMissingMessage(executablePath))
    if (!existsSync(startScript))
      throw new Error(
        `${startScript} is missing: run \`npm test\` (it compiles first) or \`npm run compile\`.`,
      )
    server = await startServer()
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] })
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    // Playwright's own message, before the test timeout; generous because CI machines are shared.
    page.setDefaultTimeout(25_000)
    page.on('request', (request) => requests.push(request.url()))
    page.on('pageerror', (error) => pageErrors.push(error.message))
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    if (server) expect(await stopServer(server.child), server.output()).toBe(0)
  })

  it('has the content this test reads', () => {
    expect(article?.headline).toBeTruthy()
    expect(photo?.caption).toBeTruthy()
    expect(blinken?.name).toBeTruthy()
  })

  it('shows the article: headline and figure caption', async () => {
    const url = `${server.url}articles/${article.slug.current}/`
    const response = await page.goto(url)
    expect(response?.status()).toBe(200)
    await expect.poll(() => page.locator('h1').allTextContents()).toEqual([article.headline])
    const caption = await page.locator('figure figcaption').first().textContent()
    expect(caption?.replace(/\s+/g, ' ')).toContain(photo?.caption)
  })

  it('saves a screenshot of the article page', async () => {
    mkdirSync(join(root, 'dist/screenshots'), { recursive: true })
    const partial = `${screenshot}.tmp-${process.pid}.png`
    await page.screenshot({ path: partial, fullPage: true })
    renameSync(partial, screenshot)
    // A PNG signature and more than a blank page's worth of bytes.
    expect(readFileSync(screenshot).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    expect(statSync(screenshot).size).toBeGreaterThan(10_000)
  })

  it('follows a person link to the person page', async () => {
    // Only the first mention of a person is a link: the story names him in full there.
    const link = page.getByRole('link', { name: blinken?.name, exact: true }).first()
    // Links may name the folder or its index.html (the site also works from file://).
    const personPage = new RegExp(`/people/${blinken?.slug.current}/(index\\.html)?$`)
    const [response] = await Promise.all([
      page.waitForResponse((r) => personPage.test(r.url())),
      page.waitForURL(personPage),
      link.click(),
    ])
    expect(response.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toContain(blinken?.name)
    expect(await page.title()).toContain(blinken?.name)
  })

  it('sent no request anywhere but 127.0.0.1, and the pages threw no errors', () => {
    expect(requests.length).toBeGreaterThan(0)
    const offsite = requests.filter((url) => {
      const { protocol, hostname } = new URL(url)
      return !(protocol === 'data:' || hostname === '127.0.0.1')
    })
    expect(offsite).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
