#!/usr/bin/env node
/**
 * The `us-russia-g20-story` program, as package.json's `bin` installs it:
 * `npx us-russia-g20-story validate content/`. See program.ts.
 */
import { runProgram } from './program.js'

runProgram()
