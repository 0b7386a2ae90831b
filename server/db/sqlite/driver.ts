/**
 * The better-sqlite3 build for this Node version. Version 13 (Node-API, prebuilt binaries) runs
 * on Node 22 and 24 but not on 20 (it crashes there); version 12 (compiled at install) runs on
 * Node 20 and 22, but on Node 24 it aborts the process when a statement is freed at exit or in a
 * worker's teardown (`Assertion failed: (env) != nullptr`: its ObjectWrap meets Node 24's
 * cleanup hooks). Both are installed (12 under the alias `better-sqlite3-node20`); the JavaScript
 * API is the same. Every module opens SQLite through this one.
 */
import { createRequire } from 'node:module'
import type SQLite from 'better-sqlite3'

/** The package name of the build this Node version loads. */
export const SQLITE_PACKAGE =
  Number(process.versions.node.split('.')[0]) >= 22 ? 'better-sqlite3' : 'better-sqlite3-node20'

/** better-sqlite3's `Database` class. */
const Database: typeof SQLite = createRequire(import.meta.url)(SQLITE_PACKAGE)

export default Database
