/**
 * A slow mobile link between the browser and the server, as a TCP proxy: every byte of every
 * connection shares one downlink and one uplink of `bytesPerSecond`, each direction adds half the
 * round trip, and a new connection costs one round trip before its first byte (the TCP
 * handshake). Unlike a page's CDP network emulation it also slows the service worker's own
 * requests, so a repeat visit through the worker is measured on the same link.
 */
import net from 'node:net'

export interface ThrottledLink {
  port: number
  /** Bytes carried from the server to the browser since the last reset. */
  downBytes(): number
  reset(): void
  close(): Promise<void>
}

interface Direction {
  freeAt: number
  bytes: number
}

export async function throttleLink(
  target: number,
  options: { rttMs: number; bytesPerSecond: number },
): Promise<ThrottledLink> {
  const oneWay = options.rttMs / 2
  const down: Direction = { freeAt: 0, bytes: 0 }
  const up: Direction = { freeAt: 0, bytes: 0 }
  // When a chunk reaches the other end: after the link has carried what was queued before it.
  const arrival = (link: Direction, bytes: number) => {
    const now = performance.now()
    const start = Math.max(now, link.freeAt)
    link.freeAt = start + (bytes / options.bytesPerSecond) * 1000
    link.bytes += bytes
    return link.freeAt + oneWay - now
  }
  const carry = (from: net.Socket, to: net.Socket, link: Direction) => {
    let last = 0
    from.on('data', (chunk) => {
      const wait = arrival(link, chunk.length)
      last = performance.now() + wait
      setTimeout(() => to.writable && to.write(chunk), wait)
    })
    // An end or a reset travels behind the bytes already on the link.
    const after = (fn: () => void) => setTimeout(fn, Math.max(0, last - performance.now()))
    from.on('end', () => after(() => to.end()))
    from.on('error', () => after(() => to.destroy()))
  }
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    client.pause()
    sockets.add(client)
    const upstream = net.connect(target, '127.0.0.1')
    sockets.add(upstream)
    client.on('close', () => sockets.delete(client))
    upstream.on('close', () => sockets.delete(upstream))
    // The handshake: one round trip before the browser's first byte goes out.
    setTimeout(() => {
      carry(client, upstream, up)
      carry(upstream, client, down)
      client.resume()
    }, options.rttMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no proxy port')
  return {
    port: address.port,
    downBytes: () => down.bytes,
    reset: () => {
      down.bytes = 0
      up.bytes = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
