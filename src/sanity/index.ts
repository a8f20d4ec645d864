/**
 * `us-russia-g20-story/sanity`: the content in a Sanity dataset. Publish it (planned against the
 * dataset, written in small transactions), pull editors' changes back into content/, and read
 * the connection settings from the environment.
 */
export type { SanityConfig } from './config.js'
export { readSanityConfig, SanityConfigError } from './config.js'
export type { PlanAction, PlannedDocument } from './plan.js'
export type { PublishOptions, PublishReport } from './publish.js'
export { PublishError, publish } from './publish.js'
export type { PulledFile, PullOptions, PullProblem, PullReport, RefusedFile } from './pull.js'
export { PullError, pull } from './pull.js'
