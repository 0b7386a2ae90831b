/** The one promise cache of the services: charts, chart documents and published reports. */

/**
 * The promises of the last `size` keys, least recently used dropped first. A promise that
 * rejects is dropped at once, so a failure is retried rather than remembered.
 */
export function createPromiseCache<T>(
  size: number,
): (key: string, make: () => Promise<T>) => Promise<T> {
  const entries = new Map<string, Promise<T>>()
  return (key, make) => {
    let entry = entries.get(key)
    if (!entry) {
      const made = make()
      // Only this promise: the key may hold a newer one by the time it fails.
      made.catch(() => {
        if (entries.get(key) === made) entries.delete(key)
      })
      entry = made
    }
    // A Map iterates in insertion order: re-inserting makes the key the most recent.
    entries.delete(key)
    entries.set(key, entry)
    for (const old of entries.keys()) {
      if (entries.size <= size) break
      entries.delete(old)
    }
    return entry
  }
}
