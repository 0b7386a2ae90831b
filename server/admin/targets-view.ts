/**
 * Collection targets on the progress page: each region × wave row against its target
 * ("16 of 30 expected"), rows for targets with no response yet, and the form that sets them
 * (admin-targets.js sends it to `/api/admin/targets`).
 */
import type { ProgressRow } from '../db/repositories/progress.ts'
import type { Region } from '../db/schema.ts'
import { MAX_EXPECTED, type Target } from '../services/targets.ts'
import { h } from './layout.ts'
import { type AdminText, fill } from './text.ts'

/** Responses that count towards a target: submitted and not rejected. */
export function countedTowardsTarget(row: Pick<ProgressRow, 'submitted' | 'rejected'>): number {
  return row.submitted - row.rejected
}

/**
 * A questionnaire's progress rows with a row (of zeros) for each target no response has
 * reached yet, ordered by region then wave.
 */
export function withTargetRows(
  rows: ProgressRow[],
  targets: Target[],
  regions: Region[],
): ProgressRow[] {
  const seen = new Set(rows.map((r) => `${r.region}\n${r.wave}`))
  const names = new Map(regions.map((r) => [r.id, r.name]))
  const missing = targets
    .filter((t) => !seen.has(`${t.region}\n${t.wave}`))
    .map((t) => ({
      survey: t.survey,
      region: t.region,
      regionName: names.get(t.region) ?? t.regionName,
      wave: t.wave,
      submitted: 0,
      drafts: 0,
      approved: 0,
      rejected: 0,
      lastActivity: '',
    }))
  return [...rows, ...missing].sort((a, b) =>
    a.region < b.region ? -1 : a.region > b.region ? 1 : a.wave < b.wave ? -1 : 1,
  )
}

/** The target cell of a row: "16 of 30 expected" with a meter, or a dash. */
export function targetCell(row: ProgressRow, target: Target | undefined, t: AdminText): string {
  const set = `<button type="button" class="ak-link" data-set-target data-region="${h(row.region)}" data-wave="${h(row.wave)}">${h(t.setTarget)}</button>`
  if (!target) return `<td data-col="target" class="ak-no-target">${set}</td>`
  const n = countedTowardsTarget(row)
  const text = fill(t.ofExpected, { n, expected: target.expected })
  const remove = `<button type="button" class="ak-link ak-danger-link" data-remove-target data-region="${h(row.region)}" data-region-name="${h(row.regionName)}" data-wave="${h(row.wave)}">${h(t.removeTarget)}</button>`
  const done = n >= target.expected ? ' ak-target-met' : ''
  return `<td data-col="target" data-expected="${target.expected}" class="ak-target${done}"><span class="ak-target-text">${h(text)}</span><meter min="0" max="${target.expected}" value="${Math.min(n, target.expected)}" aria-label="${h(text)}"></meter> ${set} ${remove}</td>`
}

/** The form setting a questionnaire's targets; `waves` fill its suggestions. */
export function targetForm(
  survey: string,
  regions: Region[],
  waves: string[],
  t: AdminText,
): string {
  const id = (name: string) => `ak-t-${h(survey)}-${name}`
  const options = regions
    .map((r) => `<option value="${h(r.id)}">${h(r.name)} (${h(r.id)})</option>`)
    .join('')
  const suggestions = waves.map((w) => `<option value="${h(w)}"></option>`).join('')
  const latest = waves.at(-1) ?? ''
  return `<details class="ak-targets"><summary>${h(t.targetsTitle)}</summary>
<p class="ak-muted">${h(t.targetsIntro)}</p>
<form class="ak-target-form ak-filters" data-survey="${h(survey)}" novalidate>
<label class="ak-field" for="${id('region')}">${h(t.region)}<select id="${id('region')}" name="region" required>${options}</select></label>
<label class="ak-field" for="${id('wave')}">${h(t.wave)}<input id="${id('wave')}" name="wave" required maxlength="64" value="${h(latest)}" list="${id('waves')}" autocomplete="off"></label>
<datalist id="${id('waves')}">${suggestions}</datalist>
<label class="ak-field" for="${id('expected')}">${h(t.expectedLabel)}<input id="${id('expected')}" name="expected" type="number" inputmode="numeric" min="1" max="${MAX_EXPECTED}" step="1" required></label>
<div class="ak-actions"><button type="submit" class="ak-primary">${h(t.saveTarget)}</button></div>
</form>
<p class="ak-status" role="status" aria-live="polite" data-target-status></p>
</details>`
}
