import { join, relative, sep } from 'node:path'
import type { Diagnostic } from '../diagnostics.js'
import { DOCUMENT_TYPE_REGISTRY, DOCUMENT_TYPES } from '../document-types.js'
import { validateContent } from '../validator/validate.js'
import { publishedId, toContent } from './canonical.js'
import { formatContentFile } from './content-file.js'
import { sanityDiagnostic } from './diagnostic.js'
import type { FetchedDocument } from './plan.js'
import { type Change, type ChangedDocument, findCauses } from './pull-blame.js'

export type { Change } from './pull-blame.js'

/** The folder under `content/` of each document type, from the registry. */
export const TYPE_FOLDERS: ReadonlyMap<string, string> = new Map(
  DOCUMENT_TYPES.map((type) => [type, DOCUMENT_TYPE_REGISTRY[type].folder]),
)

/** A content file as it is on disk now. */
export interface LocalFile {
  /** Absolute path. */
  path: string
  bytes: Uint8Array
}

/** What a pull is planned from: the files, the dataset's documents, and the options. */
export interface PullPlanInput {
  /** The repo folder: files are named relative to it. */
  root: string
  contentDir: string
  /** Every content file (`.json` under `contentDir`). */
  local: readonly LocalFile[]
  /** The dataset's documents, one per published id (a draft instead, with `drafts`). */
  remote: readonly FetchedDocument[]
  /** Under `prune`, files of documents the dataset no longer has are removed. */
  prune?: boolean
  /** Files with uncommitted changes, and files holding another document, may be overwritten. */
  force?: boolean
  /** Whether a path has uncommitted changes (an untracked or deleted file included). */
  isDirty?: (path: string) => boolean
  /** The asset id of each photo's binary beside its JSON, by document id. */
  photoAssets?: ReadonlyMap<string, string>
}

/** A file the pull writes. */
export interface PlannedWrite {
  /** The content `_id`. */
  id: string
  /** The remote `_id` (`drafts.x` for a draft) and its revision, for `sanity.lock.json`. */
  remoteId: string
  rev: unknown
  /** Absolute path, and relative to the repo. */
  path: string
  file: string
  text: string
  change: 'created' | 'updated'
}

/** A file the pull leaves as it is, or does not create, though the dataset differs. */
export interface RefusedFile {
  id: string
  file: string
  /** `uncommitted`: the file has changes git does not have. `other-document`: it holds another `_id`. */
  reason: 'uncommitted' | 'other-document'
}

/**
 * A problem of the content set the pull would leave (a Diagnostic, its file relative to the
 * repo), and the dataset's changes it comes from.
 */
export interface PullProblem extends Diagnostic {
  /**
   * The dataset's changes that cause it: the document itself when it is one the pull writes,
   * else the changed or removed documents it involves. Empty: content/ has it already.
   */
  causes: { id: string; file: string; change: Change }[]
}

/** Everything a pull would do, decided before anything is written. */
export interface PullPlan {
  writes: PlannedWrite[]
  /** Files of documents deleted in the dataset, removed under `prune`. */
  removals: { id: string; path: string; file: string }[]
  /** Files of documents deleted in the dataset, kept (no `prune`). */
  kept: { id: string; file: string }[]
  unchanged: number
  refused: RefusedFile[]
  /** Errors (any: nothing may be written) and warnings of the documents the pull changes. */
  problems: PullProblem[]
  /** Remote ids whose changes cause errors, sorted. */
  invalid: string[]
}

interface Local extends LocalFile {
  file: string
  text: string
  /** The parsed file, or undefined when it does not parse. */
  value: unknown
  id: string | null
}

/** The ids a remote draft may not stand for: `drafts.drafts.x` is no draft of a content document. */
const PATH_PREFIX = /^(drafts|versions)\./

/**
 * Plan a pull: build the content set it would leave (the local files, the dataset's documents
 * written over them, and under `prune` the deleted ones gone), and validate that set as a whole
 * with the project's validator. A file with uncommitted changes, or one holding another
 * document, keeps its place in the set (it is refused) unless `force`. Any error in the set means
 * that nothing may be written; each is blamed on the dataset's change that causes it.
 */
export async function planPull(input: PullPlanInput): Promise<PullPlan> {
  // Stryker disable next-line ArrowFunction: its answer is only ever tested for truth, and undefined is as false
  const isDirty = input.isDirty ?? (() => false)
  const display = (path: string) => relative(input.root, path).split(sep).join('/')
  const locals = input.local.map((file) => readLocal(file, display(file.path)))
  const byId = new Map<string, Local>()
  const byPath = new Map<string, Local>()
  for (const local of locals) {
    if (local.id !== null && !byId.has(local.id)) byId.set(local.id, local)
    byPath.set(local.path, local)
  }
  const plan: Omit<PullPlan, 'invalid'> = {
    writes: [],
    removals: [],
    kept: [],
    unchanged: 0,
    refused: [],
    problems: [],
  }
  /** Remote ids refused as drafts of a draft: each makes the pull invalid, with no file to blame. */
  const draftsOfDrafts: string[] = []
  const inDataset = new Set<string>()
  /** The content each written path gets, by absolute path. */
  const claimed = new Map<string, unknown>()
  const refuse = (id: string, path: string, reason: RefusedFile['reason']) =>
    plan.refused.push({ id, file: display(path), reason })

  // Documents that have a file first: a new document never takes the path of one that has.
  const remote = [...input.remote].sort(
    (a, b) => Number(byId.has(publishedId(b._id))) - Number(byId.has(publishedId(a._id))),
  )
  for (const doc of remote) {
    const id = publishedId(doc._id)
    if (id !== doc._id && PATH_PREFIX.test(id)) {
      plan.problems.push(draftOfDraft(doc._id))
      draftsOfDrafts.push(doc._id)
      continue
    }
    inDataset.add(id)
    const content = toContent(doc)
    // Only the very asset the binary gives: an image without one (no binary, or no `_ref`) is
    // the editor's, and goes into the file as it is.
    const binary = input.photoAssets?.get(id)
    const image = content.image as { asset?: { _ref?: unknown } } | undefined
    if (content._type === 'photo' && binary !== undefined && image?.asset?._ref === binary)
      delete content.image
    const text = formatContentFile(content)
    const existing = byId.get(id)
    const folder = TYPE_FOLDERS.get(String(content._type)) ?? 'other'
    const path = existing?.path ?? join(input.contentDir, folder, `${id}.json`)
    if (existing?.text === text) {
      plan.unchanged += 1
      continue
    }
    const holder = existing ?? byPath.get(path)
    if (claimed.has(path) || (holder && holder.id !== id && !input.force)) {
      refuse(id, path, 'other-document')
      continue
    }
    if (isDirty(path) && !input.force) {
      refuse(id, path, 'uncommitted')
      continue
    }
    claimed.set(path, content)
    plan.writes.push({
      id,
      remoteId: doc._id,
      rev: doc._rev,
      path,
      file: display(path),
      text,
      change: existing ? 'updated' : 'created',
    })
  }

  // A file written over is replaced, whatever document it held; the others may be gone. Only a
  // document's own file (the first of its id) is: a copy of it is no document.
  for (const [id, local] of byId) {
    if (inDataset.has(id) || claimed.has(local.path)) continue
    if (!input.prune) plan.kept.push({ id, file: local.file })
    else if (isDirty(local.path) && !input.force) refuse(id, local.path, 'uncommitted')
    else plan.removals.push({ id, path: local.path, file: local.file })
  }

  await checkResult(plan, locals, claimed)
  const blamed = plan.problems
    .filter((p) => p.severity === 'error')
    .flatMap((p) => p.causes.map((c) => c.id))
  return { ...plan, invalid: [...new Set([...draftsOfDrafts, ...blamed])].sort() }
}

function readLocal(file: LocalFile, display: string): Local {
  const text = new TextDecoder().decode(file.bytes)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {}
  const id = (value as { _id?: unknown } | null | undefined)?._id
  return { ...file, file: display, text, value, id: typeof id === 'string' ? id : null }
}

function draftOfDraft(remoteId: string): PullProblem {
  const message =
    `${remoteId} is not a draft of a document content/ can hold: its published id, ` +
    `${publishedId(remoteId)}, is itself a draft or version id. Delete it in the CMS.`
  return {
    ...sanityDiagnostic('pull/draft-id', message, { documentId: remoteId }),
    causes: [],
  }
}

/** Validate the set the plan leaves, and blame its problems. */
async function checkResult(
  plan: Omit<PullPlan, 'invalid'>,
  locals: readonly Local[],
  contents: ReadonlyMap<string, unknown>,
): Promise<void> {
  const atPath = new Map(locals.map((local) => [local.path, local]))
  const removed = new Set(plan.removals.map((r) => r.path))
  const kept = locals.filter((local) => !contents.has(local.path) && !removed.has(local.path))
  const files = [
    ...kept.map((local) => ({ file: local.file, content: local.bytes })),
    ...plan.writes.map((write) => ({ file: write.file, content: write.text })),
    // Stryker disable next-line EqualityOperator: no two files are the same, so < and <= order them alike
  ].sort((a, b) => (a.file < b.file ? -1 : 1))
  const { report: result } = await validateContent({ files })
  const changed: ChangedDocument[] = [
    ...plan.writes.map((write) => ({
      id: write.id,
      cause: { id: write.remoteId, file: write.file, change: write.change },
      before: atPath.get(write.path)?.value,
      after: contents.get(write.path),
    })),
    ...plan.removals.map((removal) => ({
      id: removal.id,
      cause: { id: removal.id, file: removal.file, change: 'removed' as const },
      // Stryker disable OptionalChaining: a removal is always one of the local files, which atPath holds
      before: atPath.get(removal.path)?.value,
      // Stryker restore OptionalChaining
      after: undefined,
    })),
  ]
  const values = new Map<string, unknown>(kept.map((local) => [local.file, local.value]))
  const baseline = async () =>
    (
      await validateContent({
        files: locals.map((local) => ({ file: local.file, content: local.bytes })),
      })
    ).report
  for (const [problem, causes] of await findCauses(result.problems, changed, values, baseline)) {
    if (problem.severity === 'warning' && causes.length === 0) continue
    plan.problems.push({ ...problem, causes })
  }
}
