// The built site in a real browser: every page type at a desktop and a phone size, with
// full-page screenshots, axe-core, the phone first-screen rule and links that work from file://.
// The site is built with the repository's site.config.json into a temporary folder (dist/site is
// left alone); the pages are served by the preview's static server on 127.0.0.1.
// npm test compiles first (pretest) and makes sure Chromium is installed.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import axe from 'axe-core'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build } from '../../src/outputs/build.js'
import {
  CHROMIUM_ARGS,
  chromiumMissingMessage,
  chromiumPath,
  isExecutable,
} from '../../tools/chromium.js'
import { type StaticServer, startStaticServer } from '../../tools/preview/static-server.js'

const root = join(import.meta.dirname, '..', '..')
/** Where the screenshots go: the repository's dist/, which git ignores. */
const SCREENSHOTS = join(root, 'dist', 'screenshots')
const PNG_SIGNATURE = '89504e470d0a1a0a'

/** A desktop and a phone; the phone as Chromium emulates one (overlay scrollbars, touch). */
const SIZES = [
  { label: '1280x900', context: { viewport: { width: 1280, height: 900 } } },
  {
    label: '390x844',
    context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  },
] as const satisfies readonly { label: string; context: BrowserContextOptions }[]
const [DESKTOP, PHONE] = SIZES

/**
 * The phone first-screen rule (issue 12): the first paragraph starts in the top two-thirds of a
 * 390×844 screen. The first paragraph of the story is the first `<p>` inside the article's
 * `.body`: the redesign keeps that class on the body of the story.
 */
const FIRST_PARAGRAPH = 'article .body p'
const HEADLINE = 'main h1'
const STANDFIRST = '.standfirst'
const FIRST_PARAGRAPH_MAX_TOP = 560

/** The site as built: its folder, and the article the article-level pages are about. */
interface BuiltSite {
  dir: string
  /** `articles/<slug>/index.html`, or undefined when no article page was built. */
  article: string | undefined
}

/** One kind of page: its screenshot name, and where the built site has one. */
interface PageType {
  name: string
  what: string
  /** The page's path in the built folder (`/`-separated), or undefined when none is found. */
  find(site: BuiltSite): string | undefined
}

/** `<folder>/<first subfolder that has an index.html>/index.html`, in name order. */
function firstPageIn(dir: string, folder: string): string | undefined {
  const at = join(dir, folder)
  if (!existsSync(at)) return undefined
  const sub = readdirSync(at, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(at, entry.name, 'index.html')))
    .map((entry) => entry.name)
    .sort()[0]
  return sub === undefined ? undefined : `${folder}/${sub}/index.html`
}

/** The slug of the article page `articles/<slug>/index.html`. */
function slugOf(articlePage: string): string {
  return articlePage.split('/')[1] ?? ''
}

const PAGE_TYPES: readonly PageType[] = [
  { name: 'home', what: 'the home page', find: () => 'index.html' },
  { name: 'article', what: 'an article page', find: (site) => site.article },
  {
    name: 'article-quotes',
    what: "the article's quotes page",
    find: (site) => site.article && `quotes/${slugOf(site.article)}/index.html`,
  },
  { name: 'quotes', what: 'the site-wide quotes page', find: () => 'quotes/index.html' },
  { name: 'person', what: 'a person page', find: (site) => firstPageIn(site.dir, 'people') },
  {
    name: 'organization',
    what: 'an organization page',
    find: (site) => firstPageIn(site.dir, 'organizations'),
  },
  { name: 'people-index', what: 'the people index page', find: () => 'people/index.html' },
  {
    name: 'organizations-index',
    what: 'the organizations index page',
    find: () => 'organizations/index.html',
  },
]

/** The article's headline as the content has it (what the page must show comes from here). */
function headlineOf(slug: string): string {
  const dir = join(root, 'content', 'articles')
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
    const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      headline?: string
      slug?: { current?: string }
    }
    if (doc.slug?.current === slug && doc.headline) return doc.headline
  }
  throw new Error(`no article in content/articles has the slug ${slug}`)
}

/** What the link check reads of an element (this project's types have no DOM library). */
interface Attributes {
  getAttribute(name: string): string | null
}

/** One axe-core violation as a line a reader can act on: rule, impact, where, what to do. */
interface Violation {
  id: string
  impact: string
  help: string
  helpUrl: string
  targets: string[]
}

function violationLine(violation: Violation): string {
  const { id, impact, help, helpUrl, targets } = violation
  return `${id} (${impact}): ${help}; at ${targets.join(' | ')}; see ${helpUrl}`
}

/**
 * Run axe-core 4 on the page and return its violations. The pages forbid scripts with their
 * Content-Security-Policy, so axe cannot be added with a `<script>` tag. It is evaluated through
 * the DevTools protocol instead (`page.evaluate`), which the page's CSP does not govern; a context
 * with `bypassCSP` would also work, but would turn the CSP off for the whole page, and then the
 * screenshots and the contrast checks would no longer show the page as a reader's browser
 * enforces it.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source)
  const violations: Violation[] = await page.evaluate(async () => {
    const { axe: inPage } = globalThis as unknown as { axe: typeof axe }
    const results = await inPage.run({ resultTypes: ['violations'] })
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: String(violation.impact),
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }))
  })
  return violations.map(violationLine)
}

/**
 * A page that paints no background of its own shows the browser's canvas behind it: dark grey in
 * dark mode. axe-core takes a transparent page for white, and would measure dark mode's light
 * text against white. Such a page gets the canvas colour as its own background, so that axe
 * measures the colours the reader sees; a page with its own background is left as it is.
 */
async function paintCanvas(page: Page): Promise<void> {
  const transparent = await page.evaluate(
    `[document.documentElement, document.body].every((element) =>
      getComputedStyle(element).backgroundColor === 'rgba(0, 0, 0, 0)')`,
  )
  if (transparent === true) await page.addStyleTag({ content: ':root { background: Canvas; }' })
}

/** A full-page screenshot at `file`, written whole (a partial file is renamed into place). */
function saveScreenshot(page: Page, file: string): Promise<void> {
  // What an earlier run left goes first, so the screenshot checked afterwards is this run's.
  rmSync(file, { force: true })
  const partial = `${file}.tmp-${process.pid}.png`
  return page.screenshot({ path: partial, fullPage: true }).then(() => renameSync(partial, file))
}

describe('the built site in a real browser', { timeout: 180_000 }, () => {
  let browser: Browser
  let server: StaticServer
  let work: string
  let site: BuiltSite
  const requests: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    // Never skip: a missing browser is a failure with instructions, not a silent pass.
    const executablePath = chromiumPath()
    if (!isExecutable(executablePath)) throw new Error(chromiumMissingMessage(executablePath))
    work = mkdtempSync(join(tmpdir(), 'site-e2e-'))
    // The package's own build (the one `npm run build` runs), with the repository's content and
    // site.config.json, so the feeds, the sitemaps and the share tags are there as published.
    const result = await build({ outDir: work })
    if (!result.ok)
      throw new Error(`the build failed:\n${JSON.stringify(result.problems, null, 2)}`)
    const dir = join(work, 'site')
    site = { dir, article: firstPageIn(dir, 'articles') }
    mkdirSync(SCREENSHOTS, { recursive: true })
    server = await startStaticServer({ root: dir, port: 0 })
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] })
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  /**
   * Open `url` in a fresh context with `options`, run `use`, close the context. Requests, page
   * errors and console errors (a CSP refusal is one) are recorded for the last test.
   */
  async function withPage<T>(
    url: string,
    options: BrowserContextOptions,
    use: (page: Page) => Promise<T>,
  ): Promise<T> {
    const context = await browser.newContext(options)
    try {
      // Playwright's own message, before the test's timeout; generous: the machine is shared.
      context.setDefaultTimeout(60_000)
      context.on('request', (request) => requests.push(request.url()))
      context.on('response', (response) => {
        const { pathname } = new URL(response.url())
        // Chromium asks every http site for /favicon.ico on its own; the pages link no icon.
        if (response.status() >= 400 && pathname !== '/favicon.ico')
          pageErrors.push(`${url}: ${response.url()} answered ${response.status()}`)
      })
      const page = await context.newPage()
      page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`))
      page.on('console', (message) => {
        // A failed load is reported with its address by the response listener above.
        const text = message.text()
        if (message.type() === 'error' && !text.startsWith('Failed to load resource'))
          pageErrors.push(`${url}: ${text}`)
      })
      const response = await page.goto(url)
      if (url.startsWith('http')) expect(response?.status(), url).toBe(200)
      await page.evaluate('document.fonts.ready.then(() => true)')
      return await use(page)
    } finally {
      await context.close()
    }
  }

  /** The built path of `type`; fails, saying what is missing, when the site has no such page. */
  function pathOf(type: PageType): string {
    const path = type.find(site)
    if (path === undefined || !existsSync(join(site.dir, path)))
      throw new Error(
        `${type.what} was not built${path ? ` (no ${path})` : ''}: every page type must be in the site`,
      )
    return path
  }

  it('builds every page type', () => {
    const missing = PAGE_TYPES.filter((type) => {
      const path = type.find(site)
      return path === undefined || !existsSync(join(site.dir, path))
    }).map((type) => `${type.name}: ${type.what} (${type.find(site) ?? 'no folder with one'})`)
    expect(missing).toEqual([])
  })

  for (const type of PAGE_TYPES) {
    for (const size of SIZES) {
      it(`${type.name} at ${size.label}: full-page screenshot, and axe-core finds no violations`, async () => {
        const path = pathOf(type)
        const file = join(SCREENSHOTS, `${type.name}-${size.label}.png`)
        const violations = await withPage(`${server.url}${path}`, size.context, async (page) => {
          await saveScreenshot(page, file)
          return axeViolations(page)
        })
        // A PNG signature and more than a blank page's worth of bytes.
        expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE)
        expect(statSync(file).size).toBeGreaterThan(10_000)
        expect(violations, `axe-core on ${path} at ${size.label}`).toEqual([])
      })
    }
    // Dark mode is one of the site's strengths: its colours get their own contrast check.
    it(`${type.name} in dark mode at ${DESKTOP.label}: axe-core finds no violations`, async () => {
      const path = pathOf(type)
      const options = { ...DESKTOP.context, colorScheme: 'dark' } as const
      const violations = await withPage(`${server.url}${path}`, options, async (page) => {
        await paintCanvas(page)
        return axeViolations(page)
      })
      expect(violations, `axe-core on ${path} in dark mode`).toEqual([])
    })
  }

  it(`phone ${PHONE.label}: the headline, the standfirst and the first paragraph's start are on the first screen, the paragraph at most ${FIRST_PARAGRAPH_MAX_TOP} px from the top`, async () => {
    const path = pathOf(PAGE_TYPES.find((type) => type.name === 'article') as PageType)
    const screen = PHONE.context.viewport.height
    const measured = await withPage(`${server.url}${path}`, PHONE.context, async (page) => {
      // Page coordinates: the page was just opened, so it has not scrolled.
      const box = async (selector: string) => {
        const found = page.locator(selector)
        expect(await found.count(), `nothing on ${path} matches ${selector}`).toBeGreaterThan(0)
        const rect = await found.first().boundingBox()
        if (rect === null) throw new Error(`${selector} on ${path} is not displayed`)
        return { top: Math.round(rect.y), bottom: Math.round(rect.y + rect.height) }
      }
      return {
        headline: await box(HEADLINE),
        standfirst: await box(STANDFIRST),
        firstParagraph: await box(FIRST_PARAGRAPH),
        links: await page.locator('a').count(),
      }
    })
    // The figures for the issue's closing note (before and after the redesign), beside the shots.
    writeFileSync(
      join(SCREENSHOTS, 'article-figures.json'),
      `${JSON.stringify({ page: path, size: PHONE.label, ...measured }, null, 2)}\n`,
    )
    const where = JSON.stringify(measured)
    expect(measured.headline.top, where).toBeGreaterThanOrEqual(0)
    expect(
      measured.headline.bottom,
      `the headline ends below the first screen: ${where}`,
    ).toBeLessThanOrEqual(screen)
    expect(
      measured.standfirst.bottom,
      `the standfirst ends below the first screen: ${where}`,
    ).toBeLessThanOrEqual(screen)
    expect(
      measured.firstParagraph.top,
      `the first paragraph (${FIRST_PARAGRAPH}) starts too low: ${where}`,
    ).toBeLessThanOrEqual(FIRST_PARAGRAPH_MAX_TOP)
  })

  it('from file://, the home page links to the article, and the click opens it', async () => {
    const articlePath = pathOf(PAGE_TYPES.find((type) => type.name === 'article') as PageType)
    const headline = headlineOf(slugOf(articlePath))
    const articleUrl = pathToFileURL(join(site.dir, articlePath)).href
    const home = pathToFileURL(join(site.dir, 'index.html')).href
    const opened = await withPage(home, DESKTOP.context, async (page) => {
      const link = page.getByRole('link', { name: headline, exact: true }).first()
      // The click waits for the navigation it starts; then the address says where it led (a
      // folder link would open Chromium's file listing, which is no page of the site).
      await link.click()
      await page.waitForLoadState()
      return { url: page.url(), h1: await page.locator(HEADLINE).first().textContent() }
    })
    expect(opened).toEqual({ url: articleUrl, h1: headline })
  })

  it('from file://, every link on every page leads to a built file, and its #fragment to an id there', async () => {
    const broken: string[] = []
    let checked = 0
    for (const type of PAGE_TYPES) {
      const path = type.find(site)
      // A page that was not built fails its own tests above.
      if (path === undefined || !existsSync(join(site.dir, path))) continue
      const url = pathToFileURL(join(site.dir, path)).href
      const hrefs = await withPage(url, DESKTOP.context, (page) =>
        page
          .locator('a[href]')
          .evaluateAll((links) =>
            links.map((a) => (a as unknown as Attributes).getAttribute('href')),
          ),
      )
      for (const href of hrefs) {
        // Resolved as the browser does: the pages have no <base> (their CSP forbids one).
        const target = new URL(href ?? '', url)
        // Links to other sites are the content's business; only the site's own links are checked.
        if (target.protocol !== 'file:') continue
        checked++
        const file = fileURLToPath(new URL(target.pathname, target))
        const inside = !relative(site.dir, file).startsWith(`..${sep}`)
        if (!inside || !existsSync(file) || !statSync(file).isFile()) {
          broken.push(`${path}: ${href} is not a page of the site`)
          continue
        }
        const id = decodeURIComponent(target.hash.slice(1))
        if (id && !readFileSync(file, 'utf8').includes(`id="${id}"`))
          broken.push(`${path}: ${href} has no element with that id`)
      }
    }
    expect(checked).toBeGreaterThan(0)
    expect(broken).toEqual([])
  })

  it('sent no request anywhere but 127.0.0.1 and the built files, and the pages logged no errors', () => {
    expect(requests.length).toBeGreaterThan(0)
    const offsite = requests.filter((url) => {
      const { protocol, hostname } = new URL(url)
      return !(protocol === 'data:' || protocol === 'file:' || hostname === '127.0.0.1')
    })
    expect(offsite).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
