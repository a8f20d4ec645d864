/**
 * `us-russia-g20-story/sanity`: the content in a Sanity dataset. Publish it (planned against the
 * dataset, written in small transactions), pull editors' changes back into content/, and read
 * the connection settings from the environment.
 */
export type { SanityConfig } from '../sanity/config.js'
export { readSanityConfig, SanityConfigError } from '../sanity/config.js'
export type { PlanAction, PlannedDocument } from '../sanity/plan.js'
export type { PublishOptions, PublishReport } from '../sanity/publish.js'
export { PublishError, publish } from '../sanity/publish.js'
export type {
  PulledFile,
  PullOptions,
  PullProblem,
  PullReport,
  RefusedFile,
} from '../sanity/pull.js'
export { PullError, pull } from '../sanity/pull.js'
