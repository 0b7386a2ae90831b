import os from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on the 2-core machines of CI and
    // of most contributors, a single worker, so the suite ran one file at a time. Many files
    // spend their time waiting on Chromium or a child process, so one worker per core.
    maxWorkers: Math.max(os.availableParallelism(), 2),
  },
})
