export default { test: { include: ['.scratch-gp/**/*.test.ts'] } }
