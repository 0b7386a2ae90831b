import os from 'node:os'
import { defineConfig } from 'vitest/config'

/**
 * Folders whose tests share no state through modules (no `vi.mock`, no module-level caches
 * they depend on being empty): their files run one after another in a reused worker, which
 * saves loading survey-core, Vega and the analysis once per file. The other folders keep a
 * fresh worker per file (they mock modules, start servers, spawn processes).
 */
const SHARED_WORKER = ['test/analysis', 'test/surveys', 'test/reports', 'test/demo', 'test/helpers']

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // On PostgreSQL (GAPKIT_TEST_DATABASE=postgres): check the server, drop leftover schemas.
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default is one worker fewer than the cores: on the 2-core machines of CI and
    // of most contributors, a single worker, so the suite ran one file at a time. Many files
    // spend their time waiting on Chromium or a child process, so one worker per core.
    maxWorkers: Math.max(os.availableParallelism(), 2),
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: SHARED_WORKER.map((dir) => `${dir}/**/*.test.ts`),
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['test/**/*.test.ts'],
          exclude: SHARED_WORKER.map((dir) => `${dir}/**`),
        },
      },
    ],
  },
})
