/**
 * Before a run on PostgreSQL (`GAPKIT_TEST_DATABASE=postgres`): checks the test database is
 * reachable, with a message saying how to start one, and drops the schemas a crashed run left
 * (not those of another run in progress on the same database).
 */
import { dropStaleTestSchemas, ON_POSTGRES, TEST_POSTGRES_URL } from './helpers/test-db.ts'

export default async function setup(): Promise<void> {
  if (!ON_POSTGRES) return
  try {
    await dropStaleTestSchemas()
  } catch (error) {
    const url = new URL(TEST_POSTGRES_URL)
    url.password = url.password ? '***' : ''
    throw new Error(
      `GAPKIT_TEST_DATABASE=postgres: cannot use ${url} (${(error as Error).message}). ` +
        'Start PostgreSQL and create the role and database (see "Tests on PostgreSQL" in the ' +
        'README), or set GAPKIT_TEST_POSTGRES_URL.',
    )
  }
}
