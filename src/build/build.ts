import { loadContent } from '../load.js'
import { packageRoot } from '../package-root.js'
import { renderSite } from '../render/site.js'
import { validate } from '../validate.js'
import { type BuildOptions, type BuildResult, type BuildSteps, runBuild } from './pipeline.js'

/** The real steps: the package's validator, loader and site renderer; the site goes to `dist/site`. */
export const BUILD_STEPS: BuildSteps = {
  validate: (contentDir) => validate([contentDir]),
  load: (contentDir) => loadContent(contentDir),
  outputs: [{ name: 'site', render: (documents) => renderSite(documents) }],
}

/**
 * Validate `content/` and build the static site into `dist/site`.
 *
 * Content errors return `{ ok: false, problems }` and leave `dist/` untouched. On success the
 * new `dist/site` replaces the old one by renames, so no reader ever sees half a site, and nothing
 * else under `dist/` (the compiled library in `dist/lib`) is touched.
 *
 * @param options.root Package folder with `content/`; default this package.
 * @throws {BuildError} when rendering or writing fails; the old site is then left in place.
 */
export function build(options: BuildOptions = {}): Promise<BuildResult> {
  return runBuild(BUILD_STEPS, { root: packageRoot(), ...options })
}
