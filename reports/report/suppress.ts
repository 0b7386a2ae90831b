/**
 * Small-cell suppression of a count table with its margins (rows × columns, row totals, column
 * totals, grand total): cells of 1 to k − 1 are hidden, then complementary cells are hidden
 * until no line (a row or column with its total) has exactly one hidden cell, so that no total
 * minus the visible cells reveals a hidden one.
 */

/** How a count is shown. */
export type CountStatus = 'shown' | 'small' | 'hidden'

/** A count table with its margins and the status of every count. */
export interface SuppressedTable {
  cells: { n: number; status: CountStatus }[][]
  rowTotals: { n: number; status: CountStatus }[]
  columnTotals: { n: number; status: CountStatus }[]
  total: number
}

/** A reference to one count of the table. */
type Ref = { kind: 'cell'; row: number; column: number } | { kind: 'row'; row: number }

/**
 * Suppresses a count table. Column totals and the grand total are public elsewhere (the
 * group sizes), so they always show and never serve as complementary cells.
 * @example suppressCounts([[3, 9], [6, 8]], 5).cells[0][0].status // 'small'
 */
export function suppressCounts(counts: number[][], k: number): SuppressedTable {
  const columns = Math.max(0, ...counts.map((r) => r.length))
  const status = (n: number): CountStatus => (n > 0 && n < k ? 'small' : 'shown')
  const cells = counts.map((row) =>
    Array.from({ length: columns }, (_, c) => {
      const n = row[c] ?? 0
      return { n, status: status(n) }
    }),
  )
  const rowTotals = cells.map((row) => {
    const n = row.reduce((sum, c) => sum + c.n, 0)
    return { n, status: status(n) }
  })
  const columnTotals = Array.from({ length: columns }, (_, c) => ({
    n: cells.reduce((sum, row) => sum + (row[c]?.n ?? 0), 0),
    status: 'shown' as CountStatus,
  }))
  const total = rowTotals.reduce((sum, r) => sum + r.n, 0)

  const get = (ref: Ref) =>
    ref.kind === 'cell' ? cells[ref.row]?.[ref.column] : rowTotals[ref.row]
  const lines: Ref[][] = [
    ...cells.map((row, r) => [
      ...row.map((_, c): Ref => ({ kind: 'cell', row: r, column: c })),
      { kind: 'row', row: r } as Ref,
    ]),
    ...Array.from({ length: columns }, (_, c) =>
      cells.map((_, r): Ref => ({ kind: 'cell', row: r, column: c })),
    ),
    rowTotals.map((_, r): Ref => ({ kind: 'row', row: r })),
  ]
  // Each pass hides at least one more count, so this ends after at most every count.
  for (let changed = true; changed; ) {
    changed = false
    for (const line of lines) {
      const hidden = line.filter((ref) => {
        const entry = get(ref)
        return entry !== undefined && entry.n > 0 && entry.status !== 'shown'
      })
      if (hidden.length !== 1) continue
      const candidate = line
        .map((ref, i) => ({ ref, i, entry: get(ref) }))
        .filter((x) => x.entry !== undefined && x.entry.n > 0 && x.entry.status === 'shown')
        .sort((a, b) => (a.entry?.n ?? 0) - (b.entry?.n ?? 0) || a.i - b.i)[0]
      if (!candidate?.entry) continue
      candidate.entry.status = 'hidden'
      changed = true
    }
  }
  return { cells, rowTotals, columnTotals, total }
}
