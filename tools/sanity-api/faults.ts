import type { Fault } from './types.js'

interface Queued {
  fault: Fault
  left: number
}

/** Faults waiting for their requests, first queued first used. */
export class FaultQueue {
  private queue: Queued[] = []

  add(fault: Fault): void {
    this.queue.push({ fault, left: fault.times ?? 1 })
  }

  clear(): void {
    this.queue = []
  }

  /** The fault for this request, if one matches; using it counts down its `times`. */
  take(method: string, path: string): Fault | undefined {
    const entry = this.queue.find(({ fault }) => matches(fault, method, path))
    if (!entry) return undefined
    entry.left -= 1
    if (entry.left <= 0) this.queue.splice(this.queue.indexOf(entry), 1)
    return entry.fault
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  const match = fault.match
  if (!match) return true
  if (match.method && match.method.toUpperCase() !== method) return false
  // A fresh copy of the pattern, so a /g flag's lastIndex cannot make every other test miss.
  if (match.path && !new RegExp(match.path.source, match.path.flags.replace('g', '')).test(path))
    return false
  return true
}
