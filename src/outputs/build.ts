import { packageRoot } from '../package-root.js'
import { DISTRIBUTION_NEEDS_SITE_URL } from '../render/distribution.js'
import { NINJS_NEEDS_SITE_URL, ninjsFiles } from '../render/ninjs.js'
import { renderSite } from '../render/site.js'
import { renderDataset } from '../sanity/dataset.js'
import { readSiteConfig, type SiteConfig } from '../site-config.js'
import { validateContent } from '../validator/validate.js'
import { type BuildOptions, type BuildResult, type BuildSteps, runBuild } from './pipeline.js'

/**
 * The real steps: the package's validator (one read), then the site, the Sanity import file and
 * the ninjs export, made with the site's settings (`undefined`: no site.config.json). `now` ends
 * the news sitemap's two-day window; default the time the site is rendered.
 */
export function buildSteps(site: SiteConfig | undefined, now?: Date): BuildSteps {
  return {
    read: (contentDir) => validateContent(contentDir),
    outputs: [
      {
        name: 'site',
        render: (documents) => renderSite(documents, site === undefined ? {} : { site, now }),
        notice: site === undefined ? DISTRIBUTION_NEEDS_SITE_URL : undefined,
      },
      {
        name: 'sanity',
        render: (documents, { contentDir }) => renderDataset(documents, contentDir),
      },
      {
        name: 'ninjs',
        render: (documents) => ninjsFiles(documents, { site }),
        notice: site === undefined ? NINJS_NEEDS_SITE_URL : undefined,
      },
    ],
  }
}

/**
 * Validate `content/`, then build `dist/site` (the static site), `dist/sanity` (`dataset.ndjson`
 * for `sanity dataset import`) and `dist/ninjs` (the IPTC ninjs export).
 *
 * Content errors return `{ ok: false, problems }` and leave `dist/` untouched. On success each
 * new folder replaces its old one by renames, so no reader ever sees half a site, and nothing
 * else under `dist/` (the compiled library in `dist/lib`) is touched. An output folder that holds
 * anything the build did not write (a file of yours in `dist/site`) is never replaced.
 *
 * The site's settings come from `<root>/site.config.json`: with it, canonical links, JSON-LD and
 * ninjs are absolute; without it, links are relative and the result's `notices` say what lacks.
 *
 * With it, `dist/site` also holds the feeds, the sitemaps and robots.txt.
 *
 * @param options.root Package folder with `content/`; default this package.
 * @param options.now The end of the news sitemap's two-day window; default the build's time.
 * @throws {BuildError} when rendering or writing fails; the old site is then left in place.
 * @throws {OutputFolderError} when an output folder may not be replaced; nothing was changed.
 * @throws {SiteConfigError} when site.config.json is not valid; nothing was read or written.
 */
export async function build(options: BuildOptions & { now?: Date } = {}): Promise<BuildResult> {
  const { now, ...rest } = options
  const settings = { root: packageRoot(), ...rest }
  return runBuild(buildSteps(readSiteConfig(settings.root), now), settings)
}
