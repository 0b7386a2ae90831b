/**
 * The gap report as plain data: sections of paragraphs, lists, tables, chart references and
 * quoted open answers. Every string is plain text (never markup); `renderHtml` and
 * `renderMarkdown` escape it for their format. Built by `composeReport`, pure.
 */
import type { VoteTally } from '../../analysis/special/index.ts'
import type { ReportLanguage } from './format.ts'

/** One table cell. */
export interface ReportCell {
  text: string
  /** A figure: right-aligned. */
  numeric?: boolean
  /** Suppressed ("n < k"), hidden or missing: shown greyed. */
  muted?: boolean
}

/** A table with a caption; the first column is the row header. */
export interface ReportTable {
  kind: 'table'
  caption: string
  head: string[]
  rows: ReportCell[][]
  /** A line under the table (how to read it, the suppression rule). */
  note?: string
}

/** One distinct open answer with how many respondents of the group gave it. */
export interface QuotedAnswer {
  text: string
  count: number
}

/** The open answers of one group to one question. */
export interface AnswerGroup {
  kind: 'answers'
  heading: string
  /** Empty when the group is suppressed; `note` says why. */
  answers: QuotedAnswer[]
  note?: string
}

/** A block of a section. */
export type ReportBlock =
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  /** Term – description pairs (method facts, scale points). */
  | { kind: 'facts'; items: { term: string; text: string }[] }
  | ReportTable
  /** A chart of `listCharts`, by id; `number` is its figure number in the report. */
  | { kind: 'chart'; id: string; title: string; number: number }
  | AnswerGroup

/** A numbered section of the report. */
export interface ReportSection {
  /** ASCII anchor, e.g. `summary`. */
  id: string
  title: string
  blocks: ReportBlock[]
}

/** The whole report. */
export interface ReportModel {
  /** Language of the text (`en`, `fr`, `it`, `ro`, `sv`, `sl`): the HTML `lang` attribute. */
  lang: ReportLanguage
  title: string
  subtitle: string
  /** Label of the table of contents. */
  contents: string
  /** Label of a figure's file links ("Files"). */
  filesLabel: string
  /** Figure label ("Figure" / "Figure"). */
  figureLabel: string
  sections: ReportSection[]
  /** Chart ids in the order they appear (every chart of the list exactly once). */
  charts: string[]
}

/** One open answer as loaded from a response (text not yet cleaned). */
export interface OpenAnswer {
  /** Top-level question name. */
  question: string
  /** Group key in the document's grouping (region, wave or answer). */
  group: string
  text: string
}

/** Respondents of one region and stakeholder type (`group` of the partner link). */
export interface RespondentCount {
  region: string
  regionName: string
  /** Stakeholder type, or null when the response has none. */
  stakeholder: string | null
  n: number
}

/** Facts about the data that the analysis document does not hold; passed in (no clock). */
export interface ReportMeta {
  /** Earliest and latest `submittedAt` of the counted responses (ISO), or null. */
  fieldwork: { from: string; to: string } | null
  /** Counted responses by region × stakeholder type. */
  respondents: RespondentCount[]
  /** Tally of the good-practice vote, for the "practices worth transferring" summary. */
  vote?: VoteTally | null
  /** Why no vote tally is given; shown when `vote` is absent. */
  voteMissing?: 'no-questionnaire' | 'no-ballots' | null
}

/** Options of `composeReport`. */
export interface ReportOptions {
  /** Report language; default the document's locale. */
  locale?: string
  /** Open answers longer than this are cut (with "…"). Default 300. */
  maxAnswerLength?: number
  /** Distinct answers shown per group and question. Default 25. */
  maxAnswersPerGroup?: number
  /** Dimensions listed as "top gaps". Default 5 overall, 3 per group. */
  topGaps?: number
}
