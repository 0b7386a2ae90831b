import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

/** ISO-8601 timestamps are stored as text so SQLite and PostgreSQL agree byte for byte. */
type Timestamp = string

export interface RegionTable {
  id: string
  name: string
  created_at: Timestamp
}

export interface TokenTable {
  id: Generated<number>
  /** SHA-256 of the token, hex. The token itself is never stored. */
  token_hash: string
  role: 'admin' | 'partner'
  region_id: string | null
  name: string
  group_name: string | null
  wave: string | null
  created_at: Timestamp
  revoked_at: Timestamp | null
  /** The token's first 12 characters (`gka_` and 8 more), to name it; null for older tokens. */
  prefix: ColumnType<string | null, string | null | undefined, string | null>
  /** When it stops working, like a revocation; null: never. */
  valid_until: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
  /** Its last use by a request, recorded at most once an hour. */
  last_used_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>
}

export interface SurveyVersionTable {
  survey: string
  version: string
  /** The questionnaire JSON exactly as loaded. */
  definition: string
  first_seen_at: Timestamp
}

export interface ResponseTable {
  id: string
  survey: string
  version: string
  region_id: string
  wave: string
  language: string
  status: 'draft' | 'submitted'
  /** JSON object of answers. */
  answers: string
  group_name: string | null
  token_id: number | null
  created_at: Timestamp
  updated_at: Timestamp
  submitted_at: Timestamp | null
  submission_key: string | null
  /** Lead-partner review; analysis leaves out rejected responses by default. */
  review_status: ColumnType<ReviewStatus, ReviewStatus | undefined, ReviewStatus>
  review_note: string | null
  reviewed_at: Timestamp | null
  /** Audit actor of the reviewer. */
  reviewed_by: string | null
}

export type ReviewStatus = 'pending' | 'approved' | 'rejected'

export interface AuditTable {
  id: Generated<number>
  at: Timestamp
  /** A person's email, `token:<id>` (admin token or partner link), `cli` or `system`. */
  actor: string
  action: string
  entity: string
  entity_id: string
  /**
   * JSON. Entries are never changed, except that erasing a response removes the answer values
   * its earlier entries quoted (`eraseResponse`, server/services/response-lifecycle.ts).
   */
  details: ColumnType<string | null, string | null, string | null>
}

/**
 * A lead-partner browser session (`/admin`), opened by a person signing in with their email and
 * password or by an admin token: exactly one of `user_id` and `token_id` is set.
 */
export interface AdminSessionTable {
  /** SHA-256 of the session id, hex. The id itself lives only in the HttpOnly cookie. */
  id_hash: string
  /** The admin token that opened it: revoking the token ends the session. */
  token_id: number | null
  /** The account that opened it: disabling the account ends the session. */
  user_id: number | null
  created_at: Timestamp
  expires_at: Timestamp
}

/** What a lead-partner account may do (README, "Accounts and roles"). */
export type UserRole = 'owner' | 'analyst' | 'reviewer' | 'viewer'

/** A named lead-partner account: signs in to `/admin` with its email and password. */
export interface UserTable {
  id: Generated<number>
  /** Trimmed and lower-cased; the sign-in name and the audit actor, so it never changes. */
  email: string
  name: string | null
  role: UserRole
  /** `scrypt$N$r$p$salt$key` (salt and key base64url): see server/services/passwords.ts. */
  password_hash: string
  /** 1 while the password is one Gapkit made (shown once): the person must choose their own. */
  must_change_password: number
  created_at: Timestamp
  updated_at: Timestamp
  /** Set while the account is disabled: it cannot sign in and has no session. */
  disabled_at: Timestamp | null
  last_sign_in_at: Timestamp | null
}

/**
 * One response's answers as the analysis reads them: a code text (analysis/tally/encode.ts)
 * for one item layout, with copies of the columns the analysis filters on. Maintained by
 * triggers on `responses` and filled by the analysis itself (server/services/analysis.ts).
 */
export interface AnalysisRowTable {
  survey: string
  response_id: string
  /** Id of the item layout the code text was encoded with. */
  layout: string
  region_id: string
  wave: string
  status: 'draft' | 'submitted'
  review_status: ReviewStatus
  version: string
  /**
   * The code text. The column is declared `blob` (the 004 migration predates the text form);
   * SQLite converts nothing into a blob-declared column, so the text is stored as text.
   */
  codes: string
}

/** Responses whose code text is missing or outdated (new, or answers changed). */
export interface AnalysisPendingTable {
  survey: string
  response_id: string
}

/** Why a response's answers changed (see `response_history`). */
export type AnswerChangeReason = 'replaced' | 'corrected' | 'edited'

/**
 * A previous state of a response's answers, kept when they change: `replaced` by a second
 * submission from the same link (one-per-link questionnaires), `corrected` by the lead partner,
 * `edited` by its partner after a review. Deleted with the response (foreign key, cascade).
 */
export interface ResponseHistoryTable {
  id: Generated<number>
  response_id: string
  survey: string
  /** When the answers below were replaced. */
  at: Timestamp
  /** Audit actor of the change. */
  actor: string
  reason: AnswerChangeReason
  /** The questionnaire version these answers answered. */
  version: string
  status: 'draft' | 'submitted'
  language: string
  submitted_at: Timestamp | null
  /** The submission key that brought these answers, so a late retry of it is recognised. */
  submission_key: string | null
  /** JSON object of answers. */
  answers: string
}

/**
 * How many responses the lead partner expects of a questionnaire in a region and wave: the
 * progress view shows "16 of 30 expected". One row per questionnaire × region × wave.
 */
export interface CollectionTargetTable {
  survey: string
  region_id: string
  wave: string
  /** A positive number of responses. */
  expected: number
  updated_at: Timestamp
  /** Audit actor of the last change. */
  updated_by: string
}

/**
 * A read-only public link to a questionnaire's report (`gapkit publish`, the dashboard's
 * Publish button). The link shows what the report shows: suppressed, aggregated figures.
 */
export interface PublishedReportTable {
  id: Generated<number>
  survey: string
  /** SHA-256 of the link's token, hex. The token itself is never stored. */
  token_hash: string
  /** The token's first 12 characters (`gkr_` and 8 more), to name the link. */
  prefix: string
  /** What the author calls it ("Ministry, spring review"); null: none given. */
  name: string | null
  /** Report language. */
  lang: string
  /** The analysis grouping (`--by`); null: by region. */
  group_by: string | null
  /** The wave the report reads, or `all`; null: the latest wave with enough respondents. */
  wave: string | null
  created_at: Timestamp
  /** Audit actor who published it. */
  created_by: string
  revoked_at: Timestamp | null
}

/**
 * A questionnaire uploaded through the API, the dashboard or `gapkit survey add`: a draft until
 * published, then the current version of its id for every process on the database (a later
 * publication of the same id replaces it). Never deleted: a discarded draft stays listed.
 */
export interface SurveyUploadTable {
  /** `u_` and 16 hex digits. */
  id: string
  /** The questionnaire id it serves. */
  survey: string
  /** Content hash of the definition (`surveyVersion`). */
  version: string
  file_name: string
  kind: 'json' | 'xlsform'
  /** The canonical JSON of the questionnaire, as `survey_versions.definition`. */
  definition: string
  /** The file as uploaded. */
  original: Uint8Array | null
  /** Title in English or the default language. */
  title: string
  questions: number
  /** JSON array of locale codes. */
  locales: string
  /** JSON array of the upload's warnings (errors refuse an upload). */
  problems: string
  status: 'draft' | 'published' | 'discarded'
  /** The version served for the id when uploaded, then when published; null for a new id. */
  replaces: string | null
  uploaded_at: Timestamp
  uploaded_by: string
  published_at: Timestamp | null
  published_by: string | null
  /** 1, 2, … in the order of publication: the latest per id is the one served. */
  published_seq: number | null
  discarded_at: Timestamp | null
  discarded_by: string | null
}

/** The whole database as Kysely sees it. */
export interface Database {
  regions: RegionTable
  tokens: TokenTable
  survey_versions: SurveyVersionTable
  responses: ResponseTable
  audit_log: AuditTable
  admin_sessions: AdminSessionTable
  users: UserTable
  analysis_rows: AnalysisRowTable
  analysis_pending: AnalysisPendingTable
  collection_targets: CollectionTargetTable
  response_history: ResponseHistoryTable
  published_reports: PublishedReportTable
  survey_uploads: SurveyUploadTable
}

export type Region = Selectable<RegionTable>
export type TokenRow = Selectable<TokenTable>
export type NewToken = Insertable<TokenTable>
export type ResponseRow = Selectable<ResponseTable>
export type NewResponse = Insertable<ResponseTable>
export type AuditRow = Selectable<AuditTable>
export type AdminSessionRow = Selectable<AdminSessionTable>
export type CollectionTarget = Selectable<CollectionTargetTable>
export type UserRow = Selectable<UserTable>
export type NewUser = Insertable<UserTable>
export type ResponseHistoryRow = Selectable<ResponseHistoryTable>
export type NewResponseHistory = Insertable<ResponseHistoryTable>
export type PublishedReportRow = Selectable<PublishedReportTable>
export type NewPublishedReport = Insertable<PublishedReportTable>
export type SurveyUploadRow = Selectable<SurveyUploadTable>
export type NewSurveyUpload = Insertable<SurveyUploadTable>
