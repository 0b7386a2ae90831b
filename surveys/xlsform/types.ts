/** Shapes shared by the XLSForm converter's modules. */

/** A SurveyJS localizable string: plain, or `{ default, fr, … }`. */
export type LocalizedText = string | Record<string, string>

/** A SurveyJS element (question, panel, page) as JSON. */
export type ElementJson = Record<string, unknown>
