/** Writing benchmark results into bench/README.md, one section per scenario, replaced on rerun. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const README = path.join(import.meta.dirname, 'README.md')

/** Cores, memory and Node version of this machine, for the record. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  return `${os.cpus().length} cores (${cpu.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`
}

/** Replaces (or appends) the `## title` section of bench/README.md. */
export function appendSection(title: string, body: string): void {
  const text = fs.existsSync(README) ? fs.readFileSync(README, 'utf8') : '# Benchmarks\n'
  const heading = `## ${title}`
  const start = text.indexOf(`${heading}\n`)
  const section = `${heading}\n\n${body.trim()}\n`
  let next: string
  if (start < 0) next = `${text.trimEnd()}\n\n${section}`
  else {
    const after = text.indexOf('\n## ', start + heading.length)
    next = `${text.slice(0, start)}${section}${after < 0 ? '' : `\n${text.slice(after + 1)}`}`
  }
  fs.writeFileSync(README, next.endsWith('\n') ? next : `${next}\n`)
}
