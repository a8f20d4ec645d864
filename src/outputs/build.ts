import { packageRoot } from '../package-root.js'
import { ninjsFiles } from '../render/ninjs.js'
import { renderSite } from '../render/site.js'
import { renderDataset } from '../sanity/dataset.js'
import { validateContent } from '../validator/validate.js'
import { type BuildOptions, type BuildResult, type BuildSteps, runBuild } from './pipeline.js'

/** The real steps: the package's validator (one read), then the site, the Sanity import file and the ninjs export. */
export const BUILD_STEPS: BuildSteps = {
  read: (contentDir) => validateContent(contentDir),
  outputs: [
    { name: 'site', render: (documents) => renderSite(documents) },
    { name: 'sanity', render: (documents, { contentDir }) => renderDataset(documents, contentDir) },
    { name: 'ninjs', render: (documents) => ninjsFiles(documents) },
  ],
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
 * @param options.root Package folder with `content/`; default this package.
 * @throws {BuildError} when rendering or writing fails; the old site is then left in place.
 * @throws {OutputFolderError} when an output folder may not be replaced; nothing was changed.
 */
export function build(options: BuildOptions = {}): Promise<BuildResult> {
  return runBuild(BUILD_STEPS, { root: packageRoot(), ...options })
}
