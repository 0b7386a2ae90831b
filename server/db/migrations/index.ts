import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely'
import { onPostgres } from '../dialect.ts'

// Inline migrations, one definition for SQLite and PostgreSQL: they import nothing from the app
// but the dialect test, and what they do to a SQLite database never changes once landed.
// Kysely's Migrator runs them in key order.

/** The column types and clauses that differ between SQLite and PostgreSQL. */
function columnTypes(db: Kysely<unknown>) {
  const pg = onPostgres(db)
  return {
    pg,
    /**
     * Text. On PostgreSQL compared and sorted byte by byte (`COLLATE "C"`), as SQLite does: the
     * order of ids, regions and waves (and so every report) does not depend on the server's
     * locale.
     */
    text: pg ? sql`text collate "C"` : ('text' as const),
    /** Bytes (an uploaded workbook). */
    blob: pg ? ('bytea' as const) : ('blob' as const),
    /** An integer primary key the database numbers. */
    id: (c: ColumnDefinitionBuilder) =>
      pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
  }
}
export const migrations: Record<string, Migration> = {
  '2026-11-23-001-initial': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .createTable('regions')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('name', t.text, (c) => c.notNull())
        .addColumn('created_at', t.text, (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('tokens')
        .addColumn('id', 'integer', t.id)
        .addColumn('token_hash', t.text, (c) => c.notNull().unique())
        .addColumn('role', t.text, (c) => c.notNull().check(sql`role in ('admin', 'partner')`))
        .addColumn('region_id', t.text, (c) => c.references('regions.id'))
        .addColumn('name', t.text, (c) => c.notNull())
        .addColumn('group_name', t.text)
        .addColumn('wave', t.text)
        .addColumn('created_at', t.text, (c) => c.notNull())
        .addColumn('revoked_at', t.text)
        .addCheckConstraint('partner_has_region', sql`role = 'admin' or region_id is not null`)
        .execute()

      await db.schema
        .createTable('survey_versions')
        .addColumn('survey', t.text, (c) => c.notNull())
        .addColumn('version', t.text, (c) => c.notNull())
        .addColumn('definition', t.text, (c) => c.notNull())
        .addColumn('first_seen_at', t.text, (c) => c.notNull())
        .addPrimaryKeyConstraint('survey_versions_pk', ['survey', 'version'])
        .execute()

      await db.schema
        .createTable('responses')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('survey', t.text, (c) => c.notNull())
        .addColumn('version', t.text, (c) => c.notNull())
        .addColumn('region_id', t.text, (c) => c.notNull().references('regions.id'))
        .addColumn('wave', t.text, (c) => c.notNull())
        .addColumn('language', t.text, (c) => c.notNull())
        .addColumn('status', t.text, (c) =>
          c.notNull().check(sql`status in ('draft', 'submitted')`),
        )
        .addColumn('answers', t.text, (c) => c.notNull())
        .addColumn('group_name', t.text)
        .addColumn('token_id', 'integer', (c) => c.references('tokens.id'))
        .addColumn('created_at', t.text, (c) => c.notNull())
        .addColumn('updated_at', t.text, (c) => c.notNull())
        .addColumn('submitted_at', t.text)
        .addColumn('submission_key', t.text)
        .addForeignKeyConstraint('responses_version_fk', ['survey', 'version'], 'survey_versions', [
          'survey',
          'version',
        ])
        .execute()
      // NULL keys are distinct in SQLite and PostgreSQL, so keyless responses never collide.
      await db.schema
        .createIndex('responses_submission_key')
        .unique()
        .on('responses')
        .columns(['survey', 'submission_key'])
        .execute()
      await db.schema
        .createIndex('responses_survey_region')
        .on('responses')
        .columns(['survey', 'region_id', 'status'])
        .execute()

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', t.id)
        .addColumn('at', t.text, (c) => c.notNull())
        .addColumn('actor', t.text, (c) => c.notNull())
        .addColumn('action', t.text, (c) => c.notNull())
        .addColumn('entity', t.text, (c) => c.notNull())
        .addColumn('entity_id', t.text, (c) => c.notNull())
        .addColumn('details', t.text)
        .execute()
    },
  },
  '2026-11-23-002-review': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .alterTable('responses')
        .addColumn('review_status', t.text, (c) =>
          c
            .notNull()
            .defaultTo('pending')
            .check(sql`review_status in ('pending', 'approved', 'rejected')`),
        )
        .execute()
      await db.schema.alterTable('responses').addColumn('review_note', t.text).execute()
      await db.schema.alterTable('responses').addColumn('reviewed_at', t.text).execute()
      await db.schema.alterTable('responses').addColumn('reviewed_by', t.text).execute()
    },
  },
  '2026-11-23-003-admin-sessions': {
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .createTable('admin_sessions')
        .addColumn('id_hash', t.text, (c) => c.primaryKey())
        .addColumn('token_id', 'integer', (c) => c.notNull().references('tokens.id'))
        .addColumn('created_at', t.text, (c) => c.notNull())
        .addColumn('expires_at', t.text, (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('admin_sessions_token')
        .on('admin_sessions')
        .column('token_id')
        .execute()
    },
  },
  '2026-11-23-004-analysis-rows': {
    // The analysis reads each response's answers through a compact code blob (see
    // analysis/encode-answers.ts) instead of parsing its JSON again. Triggers keep the copies of
    // the filter columns in step and drop a blob whose answers changed; new and changed
    // responses are queued in analysis_pending, which the analysis encodes on its next run.
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .createTable('analysis_rows')
        .addColumn('survey', t.text, (c) => c.notNull())
        .addColumn('response_id', t.text, (c) => c.notNull())
        .addColumn('layout', t.text, (c) => c.notNull())
        .addColumn('region_id', t.text, (c) => c.notNull())
        .addColumn('wave', t.text, (c) => c.notNull())
        .addColumn('status', t.text, (c) => c.notNull())
        .addColumn('review_status', t.text, (c) => c.notNull())
        .addColumn('version', t.text, (c) => c.notNull())
        // ASCII code texts (analysis/tally/encode.ts).
        .addColumn('codes', t.pg ? t.text : 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint('analysis_rows_pk', ['survey', 'response_id'])
        .$call((b) => (t.pg ? b : b.modifyEnd(sql`without rowid`)))
        .execute()
      await db.schema
        .createIndex('analysis_rows_layout')
        .on('analysis_rows')
        .columns(['survey', 'layout'])
        .execute()
      await db.schema
        .createTable('analysis_pending')
        .addColumn('survey', t.text, (c) => c.notNull())
        .addColumn('response_id', t.text, (c) => c.notNull())
        .addPrimaryKeyConstraint('analysis_pending_pk', ['survey', 'response_id'])
        .$call((b) => (t.pg ? b : b.modifyEnd(sql`without rowid`)))
        .execute()
      if (t.pg) await analysisTriggersPostgres(db)
      else await analysisTriggersSqlite(db)
    },
  },
  '2026-11-23-005-export-order': {
    async up(db: Kysely<unknown>) {
      // Exports page through a survey's responses by (created_at, id).
      await db.schema
        .createIndex('responses_survey_created')
        .on('responses')
        .columns(['survey', 'created_at', 'id'])
        .execute()
    },
  },
  '2026-12-07-006-response-history': {
    // The answers a response had before a change (replaced by a second submission from a link
    // of a one-per-link questionnaire, corrected by the lead partner, or edited after a review),
    // each with who changed it and when. Erasing a response erases its history with it.
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .createTable('response_history')
        .addColumn('id', 'integer', t.id)
        .addColumn('response_id', t.text, (c) =>
          c.notNull().references('responses.id').onDelete('cascade'),
        )
        .addColumn('survey', t.text, (c) => c.notNull())
        .addColumn('at', t.text, (c) => c.notNull())
        .addColumn('actor', t.text, (c) => c.notNull())
        .addColumn('reason', t.text, (c) =>
          c.notNull().check(sql`reason in ('replaced', 'corrected', 'edited')`),
        )
        .addColumn('version', t.text, (c) => c.notNull())
        .addColumn('status', t.text, (c) =>
          c.notNull().check(sql`status in ('draft', 'submitted')`),
        )
        .addColumn('language', t.text, (c) => c.notNull())
        .addColumn('submitted_at', t.text)
        .addColumn('submission_key', t.text)
        .addColumn('answers', t.text, (c) => c.notNull())
        .execute()
      await db.schema
        .createIndex('response_history_response')
        .on('response_history')
        .columns(['response_id', 'id'])
        .execute()
      // A retry of a submission whose answers were replaced since is found by its key here.
      await db.schema
        .createIndex('response_history_key')
        .on('response_history')
        .columns(['survey', 'submission_key'])
        .where(sql.ref('submission_key'), 'is not', null)
        .execute()
    },
  },
  '2026-12-07-007-collection-targets': {
    // The number of responses the lead partner expects per questionnaire × region × wave.
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .createTable('collection_targets')
        .addColumn('survey', t.text, (c) => c.notNull())
        .addColumn('region_id', t.text, (c) => c.notNull().references('regions.id'))
        .addColumn('wave', t.text, (c) => c.notNull())
        .addColumn('expected', 'integer', (c) => c.notNull().check(sql`expected > 0`))
        .addColumn('updated_at', t.text, (c) => c.notNull())
        .addColumn('updated_by', t.text, (c) => c.notNull())
        .addPrimaryKeyConstraint('collection_targets_pk', ['survey', 'region_id', 'wave'])
        .execute()
    },
  },
  '2026-12-07-008-hardening': {
    // Tokens can expire, the last use of each is recorded, and the first characters of each new
    // token are kept (never enough to use it) so that a person can name the token to revoke.
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      for (const column of ['prefix', 'valid_until', 'last_used_at']) {
        await db.schema.alterTable('tokens').addColumn(column, t.text).execute()
      }
    },
  },
  '2026-12-07-009-users': {
    // Named lead-partner accounts with roles. A session now belongs to an account or to an
    // admin token: SQLite cannot relax a NOT NULL column, so admin_sessions is rebuilt with
    // token_id nullable and a user_id (its rows kept). The audit log gets indexes for its
    // dashboard view, filtered by actor and by date.
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', t.id)
        .addColumn('email', t.text, (c) => c.notNull().unique())
        .addColumn('name', t.text)
        .addColumn('role', t.text, (c) =>
          c.notNull().check(sql`role in ('owner', 'analyst', 'reviewer', 'viewer')`),
        )
        .addColumn('password_hash', t.text, (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.text, (c) => c.notNull())
        .addColumn('updated_at', t.text, (c) => c.notNull())
        .addColumn('disabled_at', t.text)
        .addColumn('last_sign_in_at', t.text)
        .execute()
      await db.schema
        .createTable('admin_sessions_009')
        .addColumn('id_hash', t.text, (c) => c.primaryKey())
        .addColumn('token_id', 'integer', (c) => c.references('tokens.id'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', t.text, (c) => c.notNull())
        .addColumn('expires_at', t.text, (c) => c.notNull())
        .addCheckConstraint('session_has_one_owner', sql`(token_id is null) <> (user_id is null)`)
        .execute()
      await sql`insert into admin_sessions_009 (id_hash, token_id, user_id, created_at, expires_at)
        select id_hash, token_id, null, created_at, expires_at from admin_sessions`.execute(db)
      await db.schema.dropTable('admin_sessions').execute()
      await db.schema.alterTable('admin_sessions_009').renameTo('admin_sessions').execute()
      await db.schema
        .createIndex('admin_sessions_token')
        .on('admin_sessions')
        .column('token_id')
        .execute()
      await db.schema
        .createIndex('admin_sessions_user')
        .on('admin_sessions')
        .column('user_id')
        .execute()
      await db.schema
        .createIndex('audit_log_actor')
        .on('audit_log')
        .columns(['actor', 'id'])
        .execute()
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute()
    },
  },
  '2026-12-07-010-published-reports': {
    // Read-only public links to a questionnaire's report (`gapkit publish`): only the token's
    // hash is kept, with its first characters to name it, and the report the link shows (its
    // language, grouping and wave). A revoked link stays listed.
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .createTable('published_reports')
        .addColumn('id', 'integer', t.id)
        .addColumn('survey', t.text, (c) => c.notNull())
        .addColumn('token_hash', t.text, (c) => c.notNull().unique())
        .addColumn('prefix', t.text, (c) => c.notNull())
        .addColumn('name', t.text)
        .addColumn('lang', t.text, (c) => c.notNull())
        .addColumn('group_by', t.text)
        .addColumn('wave', t.text)
        .addColumn('created_at', t.text, (c) => c.notNull())
        .addColumn('created_by', t.text, (c) => c.notNull())
        .addColumn('revoked_at', t.text)
        .execute()
      await db.schema
        .createIndex('published_reports_survey')
        .on('published_reports')
        .columns(['survey', 'id'])
        .execute()
    },
  },
  '2026-12-07-011-survey-uploads': {
    // Questionnaires uploaded as JSON or XLSForm (issue 13): drafts, then published versions
    // that every process on the database serves; `published_seq` orders the publications, and
    // its maximum is the cheap value a process polls to see another's publication.
    async up(db: Kysely<unknown>) {
      const t = columnTypes(db)
      await db.schema
        .createTable('survey_uploads')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('survey', t.text, (c) => c.notNull())
        .addColumn('version', t.text, (c) => c.notNull())
        .addColumn('file_name', t.text, (c) => c.notNull())
        .addColumn('kind', t.text, (c) => c.notNull().check(sql`kind in ('json', 'xlsform')`))
        .addColumn('definition', t.text, (c) => c.notNull())
        .addColumn('original', t.blob)
        .addColumn('title', t.text, (c) => c.notNull())
        .addColumn('questions', 'integer', (c) => c.notNull())
        .addColumn('locales', t.text, (c) => c.notNull())
        .addColumn('problems', t.text, (c) => c.notNull())
        .addColumn('status', t.text, (c) =>
          c.notNull().check(sql`status in ('draft', 'published', 'discarded')`),
        )
        .addColumn('replaces', t.text)
        .addColumn('uploaded_at', t.text, (c) => c.notNull())
        .addColumn('uploaded_by', t.text, (c) => c.notNull())
        .addColumn('published_at', t.text)
        .addColumn('published_by', t.text)
        .addColumn('published_seq', 'integer', (c) => c.unique())
        .addColumn('discarded_at', t.text)
        .addColumn('discarded_by', t.text)
        .execute()
      await db.schema
        .createIndex('survey_uploads_survey')
        .on('survey_uploads')
        .columns(['survey', 'uploaded_at'])
        .execute()
    },
  },
}

/** The 004 migration's triggers on SQLite. */
async function analysisTriggersSqlite(db: Kysely<unknown>): Promise<void> {
  await sql`create trigger analysis_rows_insert after insert on responses begin
          delete from analysis_rows where survey = new.survey and response_id = new.id;
          insert or ignore into analysis_pending (survey, response_id) values (new.survey, new.id);
        end`.execute(db)
  await sql`create trigger analysis_rows_answers
        after update of id, survey, version, answers on responses begin
          delete from analysis_rows where survey = old.survey and response_id = old.id;
          delete from analysis_pending where survey = old.survey and response_id = old.id;
          insert or ignore into analysis_pending (survey, response_id) values (new.survey, new.id);
        end`.execute(db)
  await sql`create trigger analysis_rows_filters
        after update of region_id, wave, status, review_status on responses begin
          update analysis_rows
            set region_id = new.region_id, wave = new.wave, status = new.status,
              review_status = new.review_status
            where survey = new.survey and response_id = new.id;
        end`.execute(db)
  await sql`create trigger analysis_rows_delete after delete on responses begin
          delete from analysis_rows where survey = old.survey and response_id = old.id;
          delete from analysis_pending where survey = old.survey and response_id = old.id;
        end`.execute(db)
}

/**
 * The same triggers on PostgreSQL: a trigger function per event, each doing what the SQLite
 * trigger of the same name does (`insert or ignore` is `on conflict do nothing`).
 */
async function analysisTriggersPostgres(db: Kysely<unknown>): Promise<void> {
  const triggers: [name: string, event: string, body: string][] = [
    [
      'analysis_rows_insert',
      'after insert',
      `delete from analysis_rows where survey = new.survey and response_id = new.id;
        insert into analysis_pending (survey, response_id) values (new.survey, new.id)
          on conflict do nothing;`,
    ],
    [
      'analysis_rows_answers',
      'after update of id, survey, version, answers',
      `delete from analysis_rows where survey = old.survey and response_id = old.id;
        delete from analysis_pending where survey = old.survey and response_id = old.id;
        insert into analysis_pending (survey, response_id) values (new.survey, new.id)
          on conflict do nothing;`,
    ],
    [
      'analysis_rows_filters',
      'after update of region_id, wave, status, review_status',
      `update analysis_rows
          set region_id = new.region_id, wave = new.wave, status = new.status,
            review_status = new.review_status
          where survey = new.survey and response_id = new.id;`,
    ],
    [
      'analysis_rows_delete',
      'after delete',
      `delete from analysis_rows where survey = old.survey and response_id = old.id;
        delete from analysis_pending where survey = old.survey and response_id = old.id;`,
    ],
  ]
  for (const [name, event, body] of triggers) {
    await sql
      .raw(
        `create function ${name}() returns trigger language plpgsql as $$
        begin
          ${body}
          return null;
        end $$`,
      )
      .execute(db)
    await sql
      .raw(`create trigger ${name} ${event} on responses for each row execute function ${name}()`)
      .execute(db)
  }
}
