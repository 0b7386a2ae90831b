/** The hardening settings of server/config.ts: limits, quotas, durability, the request log. */
import { describe, expect, it } from 'vitest'
import { ConfigError, DEFAULT_LIMITS, loadConfig, NO_LIMITS } from '../../server/config.ts'

const NOW = new Date('2026-05-01T00:00:00Z')

describe('hardening settings', () => {
  it('default to real limits, synchronous FULL and a request log', () => {
    const config = loadConfig({}, {}, NOW)
    expect(config.limits).toEqual(DEFAULT_LIMITS)
    expect(config.synchronous).toBe('full')
    expect(config.requestLog).toBe(true)
  })

  it('read every limit, the proxy, durability and the log from GAPKIT_* variables', () => {
    const config = loadConfig(
      {},
      {
        GAPKIT_WRITES_PER_MINUTE: '30',
        GAPKIT_WRITES_PER_MINUTE_PER_ADDRESS: '0',
        GAPKIT_SIGNINS_PER_MINUTE: '5',
        GAPKIT_LINK_RESPONSES_PER_DAY: '200',
        GAPKIT_LINK_BYTES_PER_DAY: '1000000',
        GAPKIT_TRUST_PROXY: 'on',
        GAPKIT_SYNCHRONOUS: 'NORMAL',
        GAPKIT_LOG: 'off',
      },
      NOW,
    )
    expect(config.limits).toEqual({
      writesPerToken: 30,
      writesPerAddress: 0,
      signInsPerAddress: 5,
      linkResponsesPerDay: 200,
      linkBytesPerDay: 1_000_000,
      trustProxy: true,
    })
    expect(config.synchronous).toBe('normal')
    expect(config.requestLog).toBe(false)
  })

  it('turns every limit off with GAPKIT_RATE_LIMITS=off, one still settable', () => {
    const off = loadConfig({}, { GAPKIT_RATE_LIMITS: 'off' }, NOW)
    expect(off.limits).toEqual(NO_LIMITS)
    const one = loadConfig({}, { GAPKIT_RATE_LIMITS: 'off', GAPKIT_SIGNINS_PER_MINUTE: '3' }, NOW)
    expect(one.limits).toEqual({ ...NO_LIMITS, signInsPerAddress: 3 })
  })

  it('names each bad value and what it must be', () => {
    const bad = () =>
      loadConfig(
        {},
        { GAPKIT_WRITES_PER_MINUTE: '10/s', GAPKIT_SYNCHRONOUS: 'off', GAPKIT_LOG: 'maybe' },
        NOW,
      )
    expect(bad).toThrow(ConfigError)
    expect(bad).toThrow(
      'GAPKIT_WRITES_PER_MINUTE must be a whole number (0 for no limit) (got "10/s"); ' +
        'GAPKIT_SYNCHRONOUS must be full or normal (got "off"); ' +
        'GAPKIT_LOG must be on or off (got "maybe")',
    )
  })
})
