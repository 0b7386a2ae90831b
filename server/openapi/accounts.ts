/** Accounts, roles and the audit log: their JSON API and dashboard pages, keyed `METHOD /path`. */
import {
  DASHBOARD_LANG,
  dashboardPage,
  empty,
  errors,
  file,
  formBody,
  html,
  json,
  jsonBody,
  LEAD,
  type Operation,
  SESSION,
} from './builders.ts'
import { BODY, requestParameters } from './requests.ts'

const OWNERS = 'Owners only (an owner’s session or the admin token).'

/** Operations of accounts and the audit log, by `METHOD /path` in OpenAPI form. */
export function accountOperations(): Record<string, Operation> {
  const { query, path } = requestParameters()
  return {
    'GET /api/admin/users': {
      tags: ['dashboard'],
      summary: 'Every lead-partner account',
      description: OWNERS,
      security: LEAD,
      responses: { '200': json('UserList'), ...errors('Unauthorized', 'Forbidden') },
    },
    'POST /api/admin/users': {
      tags: ['dashboard'],
      summary: 'Create an account; its one-time password is returned once',
      description: `${OWNERS} Passwords are never sent to this API: the person replaces the one-time password at their first sign-in. Audited as \`user.create\`.`,
      security: LEAD,
      requestBody: jsonBody(BODY.newUser),
      responses: {
        '201': json('UserWithPassword', 'Created'),
        ...errors('Unauthorized', 'Forbidden', 'Conflict'),
      },
    },
    'PATCH /api/admin/users/{id}': {
      tags: ['dashboard'],
      summary: 'Change an account’s role, name, or state (disable / enable)',
      description: `${OWNERS} Give at least one field. Disabling ends the account’s sessions at once. The last owner who can sign in cannot be demoted or disabled (409 \`last_owner\`). Audited (\`user.role\`, \`user.rename\`, \`user.disable\`, \`user.enable\`).`,
      security: LEAD,
      parameters: [path.user()],
      requestBody: jsonBody(BODY.userChange),
      responses: {
        '200': json('UserChanged'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound', 'Conflict'),
      },
    },
    'POST /api/admin/users/{id}/password': {
      tags: ['dashboard'],
      summary: 'Reset an account’s password to a new one-time password (returned once)',
      description: `${OWNERS} Ends the account’s sessions. Audited as \`user.password.reset\`.`,
      security: LEAD,
      parameters: [path.user()],
      responses: {
        '200': json('UserWithPassword'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound'),
      },
    },
    'GET /api/admin/audit': {
      tags: ['dashboard'],
      summary: 'A page of the audit log, newest first',
      description:
        'Analyst and up. Each entry names its actor (a person’s email, or `token:<id>` with the token’s name beside it).',
      security: LEAD,
      parameters: query.auditPage,
      responses: { '200': json('AuditPage'), ...errors('BadRequest', 'Unauthorized', 'Forbidden') },
    },
    'GET /api/admin/audit.csv': {
      tags: ['dashboard'],
      summary: 'The audit log as CSV (UTF-8 with BOM, formula-safe), oldest first',
      description: 'Analyst and up. The export itself is audited (`audit.export`).',
      security: LEAD,
      parameters: query.auditCsv,
      responses: {
        '200': file(
          'text/csv',
          'Columns id, at, actor, actor_name, action, entity, entity_id, details',
        ),
        ...errors('BadRequest', 'Unauthorized', 'Forbidden'),
      },
    },
    'GET /admin/account': dashboardPage(
      'Dashboard: your account, your password, log out everywhere',
      { role: 'viewer', description: 'The one page open while a one-time password is in use.' },
    ),
    'POST /admin/account/password': {
      tags: ['dashboard'],
      summary: 'Change your own password',
      description:
        'The current password must match; the new one has 10 to 200 characters. The account’s other sessions end. Audited as `user.password.change`.',
      security: SESSION,
      parameters: [DASHBOARD_LANG],
      requestBody: formBody(BODY.password),
      responses: {
        '303': empty('Changed; redirect to /admin/account?changed=1'),
        '401': html('The sign-in form'),
        '403': html('Failed the CSRF check'),
        '422': html(
          'Wrong current password, a new one that breaks a rule, or a signed-in admin token',
        ),
      },
    },
    'POST /admin/logout-everywhere': {
      tags: ['dashboard'],
      summary: 'End every session of your account (or of the admin token you signed in with)',
      description: 'Audited as `session.close.all`.',
      security: SESSION,
      parameters: [DASHBOARD_LANG],
      requestBody: formBody(BODY.csrf, false),
      responses: {
        '303': empty('Signed out everywhere (or no session); redirect to /admin'),
        '403': html('Failed the CSRF check'),
      },
    },
    'GET /admin/users': dashboardPage('Dashboard: accounts and roles', { role: 'owner' }),
    'GET /admin/audit': dashboardPage('Dashboard: the audit log, filtered and paged', {
      role: 'analyst',
      parameters: query.auditDashboard,
      responses: { '400': html('A malformed date') },
    }),
  }
}
