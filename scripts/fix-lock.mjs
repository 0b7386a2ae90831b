// The npm registry reachable here lacks the other platforms' builds of a few native tools
// (Biome, DuckDB). `npm install` skips them, but then `npm ci` refuses a lock file that does not
// list every optional dependency. This records the missing ones as optional, platform-bound
// entries, which `npm ci` skips on any other platform, exactly as for a complete lock file.
// Run after `npm install`: node scripts/fix-lock.mjs
import fs from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(fs.readFileSync(file, 'utf8'))
const packages = lock.packages
const OS = ['darwin', 'linux', 'win32', 'android', 'freebsd']
const CPU = ['x64', 'arm64', 'ia32', 'arm']
let added = 0
for (const [key, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    if (packages[`node_modules/${name}`] || packages[`${key}/node_modules/${name}`]) continue
    const parts = name.split('/').pop().split('-')
    const os = parts.find((p) => OS.includes(p))
    const cpu = parts.find((p) => CPU.includes(p))
    if (!os || !cpu) throw new Error(`cannot tell the platform of ${name}`)
    packages[`node_modules/${name}`] = {
      version,
      dev: entry.dev,
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(parts.includes('musl') ? { libc: ['musl'] } : {}),
    }
    added++
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
)
lock.packages = sorted
fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`fix-lock: ${added} platform-bound optional entries recorded`)
