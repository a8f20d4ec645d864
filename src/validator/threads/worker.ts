import { parentPort } from 'node:worker_threads'
import type { Batch } from '../input/batches.js'
import { checkBatch } from './check-batch.js'

// A checker thread: batches in, results out, in the order they came.
parentPort?.on('message', (message: { seq: number; batch: Batch }) => {
  parentPort?.postMessage({ seq: message.seq, result: checkBatch(message.batch) })
})
