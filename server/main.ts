import { SurveyDefinitionError } from '../surveys/registry.ts'
import { analyzeCommand } from './cli/analyze.ts'
import { backupCommand } from './cli/backup.ts'
import { UsageError } from './cli/context.ts'
import { demoCommand } from './cli/demo.ts'
import { exportCommand } from './cli/export.ts'
import { importCommand } from './cli/import.ts'
import { reportCommand } from './cli/report.ts'
import { serveCommand } from './cli/serve.ts'
import { adminTokenCommand, partnerCommand } from './cli/tokens.ts'
import { ConfigError } from './config.ts'

const COMMANDS: Record<string, { run: (args: string[]) => Promise<void>; summary: string }> = {
  serve: { run: serveCommand, summary: 'the web server (forms, API)' },
  demo: { run: demoCommand, summary: 'load demo regions and synthetic responses, print links' },
  partner: { run: partnerCommand, summary: 'partner add --region ID --name NAME: a partner link' },
  analyze: {
    run: analyzeCommand,
    summary: 'analyze <survey> [--by] [--wave] [--json]: the comparison',
  },
  report: {
    run: reportCommand,
    summary: 'report <survey> --out DIR [--lang] [--format]: the gap report',
  },
  import: {
    run: importCommand,
    summary: 'import <survey> <file.csv|json>: responses from an export',
  },
  export: { run: exportCommand, summary: 'export <survey> --format csv|xlsx|json [--out F]' },
  'admin-token': { run: adminTokenCommand, summary: 'create an admin token' },
  backup: { run: backupCommand, summary: 'backup --out FILE: a consistent copy of the database' },
}

const HELP = `Usage: gapkit <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`)
  .join('\n')}

Every command takes --db FILE, --surveys DIR and --help.`

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP)
    return name ? 0 : 2
  }
  const command = COMMANDS[name]
  if (!command) {
    console.error(`gapkit: unknown command "${name}" (try gapkit --help)`)
    return 2
  }
  try {
    await command.run(args)
    return 0
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`gapkit ${name}: ${error.message}`)
      return 2
    }
    if (error instanceof SurveyDefinitionError) {
      console.error(`gapkit ${name}: broken questionnaire ${error.message}`)
      return 1
    }
    console.error(`gapkit ${name}: ${error instanceof Error ? error.message : String(error)}`)
    if (process.env.GAPKIT_DEBUG) console.error(error)
    return 1
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
