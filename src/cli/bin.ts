#!/usr/bin/env node
/**
 * The `us-russia-g20-story` program, as package.json's `bin` installs it:
 * `npx us-russia-g20-story validate content/`. See program.ts.
 */
import module from 'node:module'
import { runProgram } from './program.js'

// Node 22.1 and later keep V8's compiled code of the modules between runs (in the system's temp
// folder; NODE_DISABLE_COMPILE_CACHE=1 turns it off), as TypeScript's own bin does: start-up is
// mostly compiling modules. The command's modules load after this line. Node 20 has no such cache.
;(module as { enableCompileCache?: () => unknown }).enableCompileCache?.()

runProgram()
