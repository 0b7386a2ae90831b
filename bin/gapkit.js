#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx gapkit` needs no build step.
import { register } from 'tsx/esm/api'

// The ES-module packages every command uses are loaded before tsx installs its loader hooks:
// through the hooks (a thread of their own on Node 20) the same packages take about twice as
// long to load (measured: kysely, survey-core and better-sqlite3 0.23 s plain, 0.7 s via tsx).
// The TypeScript files that import them later get these very modules. Not for --help or
// --version.
const args = process.argv.slice(2)
const quick = ['--help', '-h', '--version', '-V']
if (args.length > 0 && !args.some((arg) => quick.includes(arg))) {
  // The better-sqlite3 build of this Node version, as server/db/sqlite/driver.ts picks it.
  const sqlite =
    Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20'
  await Promise.all(['kysely', 'survey-core', sqlite].map((name) => import(name)))
}
register()
const { main, endQuietlyWhenReaderGone } = await import('../server/main.ts')
endQuietlyWhenReaderGone(args[0])
process.exitCode = await main(args)
