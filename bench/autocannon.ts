/** autocannon, typed: it ships no types; the part the benches use. */
import { createRequire } from 'node:module'

export interface Histogram {
  average: number
  p50: number
  p99: number
}

export interface CannonResult {
  requests: Histogram
  latency: Histogram
  errors: number
  non2xx: number
  '2xx': number
}

export interface CannonRequest {
  method: string
  path: string
  headers: Record<string, string>
  setupRequest: (req: { body?: string }) => { body?: string }
  onResponse: (status: number, body: string) => void
}

export type Cannon = (opts: {
  url: string
  connections: number
  duration: number
  requests: CannonRequest[]
}) => Promise<CannonResult>

export const autocannon: Cannon = createRequire(import.meta.url)('autocannon')
