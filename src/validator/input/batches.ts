import { readFileSync } from 'node:fs'
import { open, readFile } from 'node:fs/promises'
import { asBuffer } from '../../json/bytes.js'
import type { Source } from './sources.js'

/**
 * A run of whole documents from one file: a .json file, or complete lines of NDJSON.
 * Batches are what the checkers (in this thread or in workers) receive, so nothing else uses the
 * ArrayBuffer under `bytes`, and it can be transferred. Line numbers are counted by the checker,
 * relative to the batch, so reading never scans the bytes.
 */
export interface Batch {
  /** Index of the source, for ordering and for re-reading. */
  sourceIndex: number
  kind: 'json' | 'ndjson'
  file: string
  /** The byte offset of the first byte in the source. */
  offset: number
  bytes: Uint8Array
  /** Keep each document's parsed value in the result (see `validateContent`). */
  keep?: boolean
}

/**
 * About 256 KiB of NDJSON per batch: enough documents (a dozen articles) to amortise a message to
 * a checker thread. Measured on 50,000 articles: peak RSS 165 MB against 210 MB with 1 MiB
 * batches, for a few percent of speed.
 */
export const BATCH_BYTES = 256 * 1024

/**
 * .json files up to this size are read in one synchronous call: for a file of a few kilobytes,
 * fs/promises' open, fstat, read and close (four round trips through libuv's thread pool) cost
 * far more than the read. Larger files are read asynchronously, not to hold up the event loop.
 */
export const SYNC_READ_BYTES = 1024 * 1024

/** The room stdin is read into, past what is carried: a batch and whatever ends its last line. */
// Stryker disable next-line ArithmeticOperator: only a starting size; grow() makes room for whatever comes, so no input tells a smaller one apart
const STDIN_ROOM = 2 * BATCH_BYTES

/**
 * The batches of one source. NDJSON is streamed: at most one batch plus one partial line is held.
 * `tap` sees every chunk read (used to spool stdin so problems can be located afterwards).
 */
export async function* readBatches(
  source: Source,
  sourceIndex: number,
  stdin?: NodeJS.ReadableStream,
  tap?: (chunk: Uint8Array) => Promise<void>,
): AsyncGenerator<Batch> {
  if (source.kind === 'json') {
    // A copy of bytes held in memory: a batch's buffer may be handed over to a checker thread.
    const bytes = new Uint8Array(source.bytes ?? (await readJsonFile(source.path, source.size)))
    yield { sourceIndex, kind: 'json', file: source.file, offset: 0, bytes }
    return
  }
  if (source.kind === 'ndjson') {
    yield* readFileBatches(source.path, sourceIndex, source.file)
    return
  }
  if (!stdin) throw new Error('NDJSON on stdin was requested, but no stdin stream was given')
  yield* splitBatches(stdin as AsyncIterable<Uint8Array | string>, sourceIndex, source.file, tap)
}

/** A .json file's bytes: small ones in one synchronous call (see SYNC_READ_BYTES). */
async function readJsonFile(path: string, size: number): Promise<Uint8Array> {
  return size <= SYNC_READ_BYTES ? readFileSync(path) : readFile(path)
}

/**
 * An NDJSON file, read straight into each batch's buffer (no intermediate chunks): the partial
 * line at the end of one read starts the next batch.
 */
async function* readFileBatches(
  path: string,
  sourceIndex: number,
  file: string,
): AsyncGenerator<Batch> {
  const handle = await open(path, 'r')
  try {
    let carried: Uint8Array = new Uint8Array(0)
    let offset = 0
    for (;;) {
      const buffer = newBuffer(carried.length + BATCH_BYTES)
      buffer.set(carried)
      const { bytesRead } = await handle.read(
        buffer,
        carried.length,
        BATCH_BYTES,
        offset + carried.length,
      )
      const used = carried.length + bytesRead
      if (bytesRead === 0) {
        if (used > 0)
          yield { sourceIndex, kind: 'ndjson', file, offset, bytes: buffer.subarray(0, used) }
        return
      }
      const cut = buffer.lastIndexOf(0x0a, used - 1) + 1
      // A copy: the batch's buffer may be transferred (detached) once yielded. With no line end
      // yet (a line longer than a batch), all of it is carried into a bigger read.
      carried = new Uint8Array(buffer.subarray(cut, used))
      if (cut === 0) continue
      yield { sourceIndex, kind: 'ndjson', file, offset, bytes: buffer.subarray(0, cut) }
      offset += cut
    }
  } finally {
    await handle.close()
  }
}

/** A buffer of its own (never a slice of Node's pool, so it can be transferred), not zero-filled. */
function newBuffer(size: number): Buffer {
  return Buffer.allocUnsafeSlow(size)
}

async function* splitBatches(
  chunks: AsyncIterable<Uint8Array | string>,
  sourceIndex: number,
  file: string,
  tap?: (chunk: Uint8Array) => Promise<void>,
): AsyncGenerator<Batch> {
  let buffer: Uint8Array = newBuffer(STDIN_ROOM)
  let used = 0
  let offset = 0
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw) : raw
    if (tap) await tap(chunk)
    if (used + chunk.length > buffer.length) buffer = grow(buffer, used, used + chunk.length)
    buffer.set(chunk, used)
    used += chunk.length
    if (used < BATCH_BYTES) continue
    const end = asBuffer(buffer.subarray(0, used)).lastIndexOf(0x0a) + 1
    // A line longer than the buffer: keep reading until it ends.
    if (end === 0) continue
    // The batch takes the buffer (it may be transferred to a worker); the partial line moves on.
    const batch: Batch = {
      sourceIndex,
      kind: 'ndjson',
      file,
      offset,
      bytes: buffer.subarray(0, end),
    }
    const rest = buffer.subarray(end, used)
    buffer = newBuffer(rest.length + STDIN_ROOM)
    buffer.set(rest)
    used = rest.length
    offset += end
    yield batch
  }
  if (used > 0) yield { sourceIndex, kind: 'ndjson', file, offset, bytes: buffer.subarray(0, used) }
}

function grow(buffer: Uint8Array, used: number, needed: number): Uint8Array {
  // Doubling keeps the copies few; any size from `needed` up holds the same bytes.
  // Stryker disable next-line ArithmeticOperator: `buffer.length / 2` is below `needed`, which max() then takes: the same bytes, only more copies
  const bigger = newBuffer(Math.max(needed, buffer.length * 2))
  bigger.set(buffer.subarray(0, used))
  return bigger
}
