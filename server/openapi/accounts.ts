/** Accounts, roles and the audit log: their JSON API and dashboard pages, keyed `METHOD /path`. */
import {
  ADMIN,
  body,
  errors,
  html,
  json,
  type Operation,
  path,
  query,
  SESSION,
} from './operations.ts'

const ROLE = { type: 'string', enum: ['owner', 'analyst', 'reviewer', 'viewer'] }

const USER = {
  type: 'object',
  description: 'A lead-partner account (never its password or hash).',
  properties: {
    id: { type: 'integer' },
    email: { type: 'string', format: 'email' },
    name: { type: ['string', 'null'] },
    role: ROLE,
    disabled: { type: 'boolean' },
    disabledAt: { type: ['string', 'null'], format: 'date-time' },
    mustChangePassword: {
      type: 'boolean',
      description: 'A one-time password is still in use: the person must choose their own.',
    },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    lastSignInAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'email', 'name', 'role', 'disabled', 'mustChangePassword', 'createdAt'],
}

const WITH_PASSWORD = {
  type: 'object',
  properties: {
    user: USER,
    password: {
      type: 'string',
      description: 'The one-time password, shown only in this answer; replaced at first sign-in.',
    },
  },
  required: ['user', 'password'],
}

const AUDIT_FILTERS = [
  query('actor', 'Only this actor: an email, `token:<id>`, `cli`, `system` or `anonymous`.'),
  query('action', 'Only this action, e.g. `response.review.approved`, `user.role`.'),
  query('from', 'From this UTC day (YYYY-MM-DD), included.', { type: 'string', format: 'date' }),
  query('to', 'Up to this UTC day (YYYY-MM-DD), included.', { type: 'string', format: 'date' }),
]

const OWNERS = 'Owners only (an owner’s session or the admin token).'
const LANG = query('lang', 'Dashboard language.', { enum: ['en', 'fr'] })
const FORM = (properties: Record<string, unknown>, required: string[]) => ({
  required: true,
  content: {
    'application/x-www-form-urlencoded': { schema: { type: 'object', properties, required } },
  },
})

/** Operations of accounts and the audit log, by `METHOD /path` in OpenAPI form. */
export const ACCOUNT_OPERATIONS: Record<string, Operation> = {
  'GET /api/admin/users': {
    tags: ['dashboard'],
    summary: 'Every lead-partner account',
    description: OWNERS,
    security: ADMIN,
    responses: {
      '200': json({
        type: 'object',
        properties: { users: { type: 'array', items: USER } },
        required: ['users'],
      }),
      ...errors('Unauthorized', 'Forbidden'),
    },
  },
  'POST /api/admin/users': {
    tags: ['dashboard'],
    summary: 'Create an account; its one-time password is returned once',
    description: `${OWNERS} Passwords are never sent to this API: the person replaces the one-time password at their first sign-in. Audited as \`user.create\`.`,
    security: ADMIN,
    requestBody: body({
      type: 'object',
      properties: {
        email: { type: 'string', format: 'email' },
        role: ROLE,
        name: { type: 'string', maxLength: 200 },
      },
      required: ['email', 'role'],
      additionalProperties: false,
    }),
    responses: {
      '201': json(WITH_PASSWORD, 'Created'),
      ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'Conflict', 'UnsupportedMediaType'),
    },
  },
  'PATCH /api/admin/users/{id}': {
    tags: ['dashboard'],
    summary: 'Change an account’s role, name, or state (disable / enable)',
    description: `${OWNERS} Disabling ends the account’s sessions at once. The last owner who can sign in cannot be demoted or disabled (409 \`last_owner\`). Audited (\`user.role\`, \`user.rename\`, \`user.disable\`, \`user.enable\`).`,
    security: ADMIN,
    parameters: [path('id', 'Account id.')],
    requestBody: body({
      type: 'object',
      properties: {
        role: ROLE,
        name: { type: ['string', 'null'], maxLength: 200 },
        disabled: { type: 'boolean' },
      },
      minProperties: 1,
      additionalProperties: false,
    }),
    responses: {
      '200': json({ type: 'object', properties: { user: USER }, required: ['user'] }),
      ...errors('BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'Conflict'),
    },
  },
  'POST /api/admin/users/{id}/password': {
    tags: ['dashboard'],
    summary: 'Reset an account’s password to a new one-time password (returned once)',
    description: `${OWNERS} Ends the account’s sessions. Audited as \`user.password.reset\`.`,
    security: ADMIN,
    parameters: [path('id', 'Account id.')],
    responses: { '200': json(WITH_PASSWORD), ...errors('Unauthorized', 'Forbidden', 'NotFound') },
  },
  'GET /api/admin/audit': {
    tags: ['dashboard'],
    summary: 'A page of the audit log, newest first',
    description:
      'Owners and analysts. Each entry names its actor (a person’s email, or `token:<id>` with the token’s name beside it).',
    security: ADMIN,
    parameters: [
      ...AUDIT_FILTERS,
      query('page', '1-based page.', { type: 'integer', minimum: 1, default: 1 }),
      query('pageSize', 'Entries per page.', {
        type: 'integer',
        minimum: 1,
        maximum: 500,
        default: 50,
      }),
    ],
    responses: {
      '200': json({
        type: 'object',
        properties: {
          entries: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'integer' },
                at: { type: 'string', format: 'date-time' },
                actor: { type: 'string' },
                actorName: { type: ['string', 'null'] },
                action: { type: 'string' },
                entity: { type: 'string' },
                entityId: { type: 'string' },
                details: {},
              },
              required: ['id', 'at', 'actor', 'actorName', 'action', 'entity', 'entityId'],
            },
          },
          page: { type: 'integer' },
          pageSize: { type: 'integer' },
          total: { type: 'integer' },
          pages: { type: 'integer' },
        },
        required: ['entries', 'page', 'pageSize', 'total', 'pages'],
      }),
      ...errors('BadRequest', 'Unauthorized', 'Forbidden'),
    },
  },
  'GET /api/admin/audit.csv': {
    tags: ['dashboard'],
    summary: 'The audit log as CSV (UTF-8 with BOM, formula-safe), oldest first',
    description: 'Owners and analysts. The export itself is audited (`audit.export`).',
    security: ADMIN,
    parameters: AUDIT_FILTERS,
    responses: {
      '200': {
        description: 'Columns id, at, actor, actor_name, action, entity, entity_id, details',
        content: { 'text/csv': { schema: { type: 'string' } } },
      },
      ...errors('BadRequest', 'Unauthorized', 'Forbidden'),
    },
  },
  'GET /admin/account': {
    tags: ['dashboard'],
    summary: 'Dashboard: your account, your password, log out everywhere',
    security: SESSION,
    parameters: [LANG],
    responses: { '200': html('The page'), '401': html('The sign-in form') },
  },
  'POST /admin/account/password': {
    tags: ['dashboard'],
    summary: 'Change your own password',
    description:
      'The current password must match; the new one has 10 to 200 characters. The account’s other sessions end. Audited as `user.password.change`.',
    security: SESSION,
    requestBody: FORM(
      {
        csrf: { type: 'string' },
        current: { type: 'string' },
        password: { type: 'string' },
        confirm: { type: 'string' },
        lang: { type: 'string' },
      },
      ['current', 'password', 'confirm'],
    ),
    responses: {
      '303': { description: 'Changed; redirect to /admin/account?changed=1' },
      '401': html('The sign-in form'),
      '403': html('Failed the CSRF check'),
      '422': html('Wrong current password, or a new one that breaks a rule'),
    },
  },
  'POST /admin/logout-everywhere': {
    tags: ['dashboard'],
    summary: 'End every session of your account (or of the admin token you signed in with)',
    description: 'Audited as `session.close.all`.',
    security: SESSION,
    requestBody: FORM({ csrf: { type: 'string' } }, []),
    responses: {
      '303': { description: 'Signed out everywhere; redirect to /admin' },
      '403': html('Failed the CSRF check'),
    },
  },
  'GET /admin/users': {
    tags: ['dashboard'],
    summary: 'Dashboard: accounts and roles (owners)',
    security: SESSION,
    parameters: [LANG],
    responses: {
      '200': html('The page'),
      '401': html('The sign-in form'),
      '403': html('The role is not owner'),
    },
  },
  'GET /admin/audit': {
    tags: ['dashboard'],
    summary: 'Dashboard: the audit log, filtered and paged (owners and analysts)',
    security: SESSION,
    parameters: [...AUDIT_FILTERS, query('page', '1-based page.'), LANG],
    responses: {
      '200': html('The page'),
      '400': html('A malformed date'),
      '401': html('The sign-in form'),
      '403': html('The role is below analyst'),
    },
  },
}
