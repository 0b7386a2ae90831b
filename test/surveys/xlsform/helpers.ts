import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Model } from 'survey-core'
import { expect } from 'vitest'
import { loadSurvey } from '../../../surveys/registry.ts'
import type { SurveyJson } from '../../../surveys/types.ts'
import { walkElements } from '../../../surveys/walk.ts'
import {
  type ConversionResult,
  type ConvertOptions,
  convertXlsForm,
  type ImportProblem,
} from '../../../surveys/xlsform/index.ts'
import { type CellInput, writeWorkbook } from '../../../surveys/xlsform/write.ts'

/** A sheet from one object per row: the header is every key, in the order first met. */
export function sheet(rows: Record<string, CellInput>[]): CellInput[][] {
  const headers = [...new Set(rows.flatMap((r) => Object.keys(r)))]
  return [headers, ...rows.map((r) => headers.map((h) => r[h]))]
}

/** Writes the sheets as a real XLSX workbook and converts it. */
export async function convert(
  sheets: Record<string, CellInput[][]>,
  options: ConvertOptions = {},
): Promise<ConversionResult> {
  return convertXlsForm(await writeWorkbook(sheets), { fileName: 'test.xlsx', ...options })
}

/**
 * A usable conversion, checked as Gapkit checks questionnaire files: no survey-core
 * `jsonErrors`, and accepted by `loadSurvey` (the registry's loader).
 */
export function expectUsable(result: ConversionResult): SurveyJson {
  const errors = result.problems.filter((p) => p.severity === 'error')
  expect(errors).toEqual([])
  expect(result.usable).toBe(true)
  expect(new Model(result.json).jsonErrors).toBeFalsy()
  expect(() => loadSurvey(result.id, result.json)).not.toThrow()
  return result.json
}

/** Every element of a questionnaire by name (questions, panels, dynamic panels). */
export function elements(json: SurveyJson): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {}
  for (const { element } of walkElements(json)) {
    if (typeof element.name === 'string') out[element.name] = element
  }
  return out
}

/** Problems as `sheet row column: reason` lines, for readable assertions. */
export function lines(problems: ImportProblem[]): string[] {
  return problems.map(
    (p) => `${p.severity} ${p.sheet} ${p.row ?? '-'} ${p.column ?? '-'}: ${p.reason}`,
  )
}

/** A fresh temporary folder (the test removes it). */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}
