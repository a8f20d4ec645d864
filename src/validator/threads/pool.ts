import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Batch } from '../input/batches.js'
import { type BatchResult, checkBatch } from './check-batch.js'

const WORKER_URL = new URL('./worker.js', import.meta.url)

/** Batches queued per checker thread: one to work on, one ready for when it is done. */
const DEPTH = 2

/** Whether checker threads can be started: only from the compiled package (tests run the source). */
export function workersAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL))
}

interface Lane {
  worker: Worker
  inFlight: number
}

/**
 * Checker threads, and this thread. A batch goes to a thread with room in its queue; when every
 * queue is full, this thread checks the batch itself. So no thread waits for work, this one
 * never waits to hand work out, and at most DEPTH batches per thread are in flight. Results come
 * back in submission order.
 */
export class WorkerPool {
  readonly #lanes: Lane[]
  readonly #results = new Map<number, BatchResult>()
  #failure: Error | undefined
  #submitted = 0
  #delivered = 0
  #wake: (() => void) | undefined

  /** @param size Checker threads to start. */
  constructor(size: number) {
    this.#lanes = Array.from({ length: size }, () => {
      const lane: Lane = { worker: new Worker(WORKER_URL), inFlight: 0 }
      lane.worker.on('message', ({ seq, result }: { seq: number; result: BatchResult }) => {
        lane.inFlight--
        this.#results.set(seq, result)
        this.#notify()
      })
      lane.worker.on('error', (error) => {
        this.#failure = error
        this.#notify()
      })
      return lane
    })
  }

  /** Hand a batch to a thread with room, or check it here. */
  submit(batch: Batch): void {
    this.#throwIfFailed()
    const seq = this.#submitted++
    const lane = this.#lanes.find((l) => l.inFlight < DEPTH)
    if (!lane) {
      this.#results.set(seq, checkBatch(batch))
      return
    }
    lane.inFlight++
    lane.worker.postMessage({ seq, batch }, [batch.bytes.buffer as ArrayBuffer])
  }

  /** The results that are ready, in order, without waiting. */
  *ready(): Generator<BatchResult> {
    this.#throwIfFailed()
    for (let result = this.#take(); result; result = this.#take()) yield result
  }

  /** Every remaining result, in order. */
  async *drain(): AsyncGenerator<BatchResult> {
    while (this.#delivered < this.#submitted) {
      const result = this.#take()
      if (result) yield result
      else await this.#wait()
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#lanes.map(({ worker }) => worker.terminate()))
  }

  #take(): BatchResult | undefined {
    const result = this.#results.get(this.#delivered)
    if (!result) return undefined
    this.#results.delete(this.#delivered)
    this.#delivered++
    return result
  }

  #wait(): Promise<void> {
    this.#throwIfFailed()
    return new Promise((resolve) => {
      this.#wake = resolve
    })
  }

  #notify(): void {
    const wake = this.#wake
    this.#wake = undefined
    wake?.()
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure
  }
}
