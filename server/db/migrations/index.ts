import { type Kysely, type Migration, sql } from 'kysely'

// Inline migrations: they import nothing from the app and are never edited once landed.
// Kysely's Migrator runs them in key order.
export const migrations: Record<string, Migration> = {
  '2026-11-23-001-initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('regions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute()

      await db.schema
        .createTable('tokens')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'partner')`))
        .addColumn('region_id', 'text', (c) => c.references('regions.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('group_name', 'text')
        .addColumn('wave', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addCheckConstraint('partner_has_region', sql`role = 'admin' or region_id is not null`)
        .execute()

      await db.schema
        .createTable('survey_versions')
        .addColumn('survey', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('survey_versions_pk', ['survey', 'version'])
        .execute()

      await db.schema
        .createTable('responses')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survey', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
        .addColumn('wave', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('draft', 'submitted')`),
        )
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('group_name', 'text')
        .addColumn('token_id', 'integer', (c) => c.references('tokens.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('submission_key', 'text')
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
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('details', 'text')
        .execute()
    },
  },
  '2026-11-23-002-review': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('responses')
        .addColumn('review_status', 'text', (c) =>
          c
            .notNull()
            .defaultTo('pending')
            .check(sql`review_status in ('pending', 'approved', 'rejected')`),
        )
        .execute()
      await db.schema.alterTable('responses').addColumn('review_note', 'text').execute()
      await db.schema.alterTable('responses').addColumn('reviewed_at', 'text').execute()
      await db.schema.alterTable('responses').addColumn('reviewed_by', 'text').execute()
    },
  },
  '2026-11-23-003-admin-sessions': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('admin_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('token_id', 'integer', (c) => c.notNull().references('tokens.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
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
      await db.schema
        .createTable('analysis_rows')
        .addColumn('survey', 'text', (c) => c.notNull())
        .addColumn('response_id', 'text', (c) => c.notNull())
        .addColumn('layout', 'text', (c) => c.notNull())
        .addColumn('region_id', 'text', (c) => c.notNull())
        .addColumn('wave', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('review_status', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('codes', 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint('analysis_rows_pk', ['survey', 'response_id'])
        .modifyEnd(sql`without rowid`)
        .execute()
      await db.schema
        .createIndex('analysis_rows_layout')
        .on('analysis_rows')
        .columns(['survey', 'layout'])
        .execute()
      await db.schema
        .createTable('analysis_pending')
        .addColumn('survey', 'text', (c) => c.notNull())
        .addColumn('response_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('analysis_pending_pk', ['survey', 'response_id'])
        .modifyEnd(sql`without rowid`)
        .execute()
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
      await db.schema
        .createTable('response_history')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('response_id', 'text', (c) =>
          c.notNull().references('responses.id').onDelete('cascade'),
        )
        .addColumn('survey', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) =>
          c.notNull().check(sql`reason in ('replaced', 'corrected', 'edited')`),
        )
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('draft', 'submitted')`),
        )
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text')
        .addColumn('submission_key', 'text')
        .addColumn('answers', 'text', (c) => c.notNull())
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
      await db.schema
        .createTable('collection_targets')
        .addColumn('survey', 'text', (c) => c.notNull())
        .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
        .addColumn('wave', 'text', (c) => c.notNull())
        .addColumn('expected', 'integer', (c) => c.notNull().check(sql`expected > 0`))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('collection_targets_pk', ['survey', 'region_id', 'wave'])
        .execute()
    },
  },
  '2026-12-07-008-hardening': {
    // Tokens can expire, the last use of each is recorded, and the first characters of each new
    // token are kept (never enough to use it) so that a person can name the token to revoke.
    async up(db: Kysely<unknown>) {
      for (const column of ['prefix', 'valid_until', 'last_used_at']) {
        await db.schema.alterTable('tokens').addColumn(column, 'text').execute()
      }
    },
  },
  '2026-12-07-009-users': {
    // Named lead-partner accounts with roles. A session now belongs to an account or to an
    // admin token: SQLite cannot relax a NOT NULL column, so admin_sessions is rebuilt with
    // token_id nullable and a user_id (its rows kept). The audit log gets indexes for its
    // dashboard view, filtered by actor and by date.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('role', 'text', (c) =>
          c.notNull().check(sql`role in ('owner', 'analyst', 'reviewer', 'viewer')`),
        )
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .addColumn('last_sign_in_at', 'text')
        .execute()
      await db.schema
        .createTable('admin_sessions_009')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('token_id', 'integer', (c) => c.references('tokens.id'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
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
      await db.schema
        .createTable('published_reports')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('survey', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('lang', 'text', (c) => c.notNull())
        .addColumn('group_by', 'text')
        .addColumn('wave', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
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
      await db.schema
        .createTable('survey_uploads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('survey', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('json', 'xlsform')`))
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('original', 'blob')
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('questions', 'integer', (c) => c.notNull())
        .addColumn('locales', 'text', (c) => c.notNull())
        .addColumn('problems', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('draft', 'published', 'discarded')`),
        )
        .addColumn('replaces', 'text')
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('published_at', 'text')
        .addColumn('published_by', 'text')
        .addColumn('published_seq', 'integer', (c) => c.unique())
        .addColumn('discarded_at', 'text')
        .addColumn('discarded_by', 'text')
        .execute()
      await db.schema
        .createIndex('survey_uploads_survey')
        .on('survey_uploads')
        .columns(['survey', 'uploaded_at'])
        .execute()
    },
  },
}
