import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

// Each command's module is imported only when that command runs: `gapkit analyze` should not
// pay for loading the web server, the spreadsheet writer or the chart renderer.
const COMMANDS: Record<string, { run: (args: string[]) => Promise<void>; summary: string }> = {
  serve: {
    run: async (args) => (await import('./cli/serve.ts')).serveCommand(args),
    summary: 'the web server (forms, API)',
  },
  demo: {
    run: async (args) => (await import('./cli/demo.ts')).demoCommand(args),
    summary: 'load demo regions and synthetic responses, print links',
  },
  partner: {
    run: async (args) => (await import('./cli/tokens.ts')).partnerCommand(args),
    summary: 'partner add --region ID --name NAME: a partner link',
  },
  analyze: {
    run: async (args) => (await import('./cli/analyze.ts')).analyzeCommand(args),
    summary: 'analyze <survey> [--by] [--wave] [--json]: the comparison',
  },
  report: {
    run: async (args) => (await import('./cli/report.ts')).reportCommand(args),
    summary: 'report <survey> --out DIR [--lang] [--format]: the gap report',
  },
  publish: {
    run: async (args) => (await import('./cli/publish.ts')).publishCommand(args),
    summary: 'publish <survey> | --list | --revoke ID: read-only public report links',
  },
  import: {
    run: async (args) => (await import('./cli/import.ts')).importCommand(args),
    summary: 'import <survey> <file.csv|json>: responses from an export',
  },
  export: {
    run: async (args) => (await import('./cli/export.ts')).exportCommand(args),
    summary: 'export <survey> --format csv|xlsx|json [--out F]',
  },
  'admin-token': {
    run: async (args) => (await import('./cli/tokens.ts')).adminTokenCommand(args),
    summary: 'create an admin token',
  },
  user: {
    run: async (args) => (await import('./cli/users.ts')).userCommand(args),
    summary: 'user add --email E --role R: lead-partner accounts (list, role, disable, ...)',
  },
  target: {
    run: async (args) => (await import('./cli/targets.ts')).targetCommand(args),
    summary: 'target set <survey> --region ID --expected N | list: responses expected',
  },
  backup: {
    run: async (args) => (await import('./cli/backup.ts')).backupCommand(args),
    summary: 'backup --out FILE: a consistent copy of the database',
  },
  copy: {
    run: async (args) => (await import('./cli/copy.ts')).copyCommand(args),
    summary: 'copy --from SOURCE --to TARGET: a database into an empty one (SQLite, PostgreSQL)',
  },
  migrate: {
    run: async (args) => (await import('./cli/migrate.ts')).migrateCommand(args),
    summary: 'apply pending database migrations (serve and every command also do)',
  },
  survey: {
    run: async (args) => (await import('./cli/surveys.ts')).surveyCommand(args),
    summary: 'survey add FILE [--id ID] [--draft] | list: upload and publish questionnaires',
  },
  xlsform: {
    run: async (args) => (await import('./cli/xlsform.ts')).xlsformCommand(args),
    summary: 'xlsform <form.xlsx> [--out FILE.json]: an XLSForm workbook as a questionnaire',
  },
}

const HELP = `Usage: gapkit <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`)
  .join('\n')}

Commands take --db FILE|URL (a SQLite file or postgres://…), --surveys DIR and --help
(copy takes --from and --to).
gapkit --version (or -V) prints the version.`

/** `gapkit 0.1.0`: the version in package.json. */
function versionLine(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  return `gapkit ${pkg.version}`
}

/**
 * A write to stdout or stderr fails with EPIPE when the reader has gone (`gapkit analyze --json
 * | head -1`): the rest of the output is not wanted. A one-shot command then stops at once with
 * exit 0 and no stack trace; the server keeps serving, its output dropped. Any other error on
 * these streams is thrown as before.
 */
export function endQuietlyWhenReaderGone(command: string | undefined): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      if (command !== 'serve') process.exit(0)
    })
  }
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP)
    return 0
  }
  if (name === '--version' || name === '-V') {
    console.log(versionLine())
    return 0
  }
  const command = COMMANDS[name]
  if (!command) {
    console.error(`gapkit: unknown command "${name}" (try gapkit --help)`)
    return 2
  }
  const debug = (await import('./config.ts')).isDebug()
  // tsx turns on source maps, and Node then reads the map of every dependency it loads (a
  // third of a second for danfo and mathjs). A one-shot command prints a stack only with
  // GAPKIT_DEBUG; the server logs the stacks of failed requests, so it keeps them.
  if (!debug && name !== 'serve') process.setSourceMapsEnabled(false)
  try {
    await command.run(args)
    return 0
  } catch (error) {
    // Loaded already by the command that threw (context.ts opens every command); if they
    // cannot load (the very error being reported), the error is reported as unexpected.
    const known = await Promise.all([
      import('./cli/context.ts'),
      import('./config.ts'),
      import('../surveys/registry.ts'),
      import('./errors.ts'),
    ]).catch(() => null)
    // A domain error (no such questionnaire, a grouping that names no question) is the
    // caller's bad input, told in one line like a usage error.
    if (
      known &&
      (error instanceof known[0].UsageError ||
        error instanceof known[1].ConfigError ||
        error instanceof known[3].DomainError)
    ) {
      console.error(`gapkit ${name}: ${error.message}`)
      return 2
    }
    if (known && error instanceof known[2].SurveyDefinitionError) {
      console.error(`gapkit ${name}: broken questionnaire ${error.message}`)
      return 1
    }
    console.error(`gapkit ${name}: ${error instanceof Error ? error.message : String(error)}`)
    if (debug) console.error(error)
    return 1
  }
}

// Compared as URLs: a checkout under a folder with a space is `%20` in import.meta.url.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  endQuietlyWhenReaderGone(process.argv[2])
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
