import { createReadStream } from 'node:fs'

/**
 * The floor the validator is measured against: read an NDJSON file and JSON.parse each line,
 * as fast as Node does it (a Buffer line splitter, no readline, no UTF-8 validation).
 * Run as a child process: `node floor.js <file>`.
 */
async function main(path: string): Promise<void> {
  let rest: Buffer = Buffer.alloc(0)
  let documents = 0
  for await (const chunk of createReadStream(path, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk
    let start = 0
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      if (end > start) {
        JSON.parse(buffer.toString('utf8', start, end))
        documents++
      }
      start = end + 1
    }
    rest = buffer.subarray(start)
  }
  if (rest.length > 0) {
    JSON.parse(rest.toString('utf8'))
    documents++
  }
  const usage = process.resourceUsage()
  process.stderr.write(
    `documents=${documents}\nmaxRSS=${usage.maxRSS}\ncpu=${usage.userCPUTime + usage.systemCPUTime}\n`,
  )
}

main(process.argv[2] ?? '').catch((error: unknown) => {
  process.stderr.write(`floor: ${(error as Error).message}\n`)
  process.exitCode = 2
})
