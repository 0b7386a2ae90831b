/** The dashboard's questionnaires page (server/routes/admin-questionnaires.ts), `METHOD /path`. */
import { actionForm, uploadForm } from '../routes/admin-questionnaires.ts'
import {
  DASHBOARD_LANG,
  dashboardPage,
  empty,
  html,
  json,
  looseQuery,
  type Operation,
  SESSION,
} from './builders.ts'
import { describeProperties, pathParameter, toJsonSchema } from './json-schema.ts'

const CSRF = 'The token the page carries.'

/** The upload form: multipart, its file part and the text fields of the zod schema. */
function uploadBody() {
  const schema = toJsonSchema(uploadForm.pick({ csrf: true, id: true }), 'input')
  describeProperties(schema, {
    csrf: CSRF,
    id: 'The questionnaire id; default: the workbook’s `form_id`, else the file name. The id of a questionnaire in service makes the upload its next version.',
  })
  const properties = (schema.properties ?? {}) as Record<string, unknown>
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          ...schema,
          properties: {
            ...properties,
            file: {
              type: 'string',
              contentMediaType: 'application/octet-stream',
              description:
                'SurveyJS JSON (.json) or an XLSForm workbook (.xlsx); its file name is kept.',
            },
            beside: {
              type: 'array',
              items: { type: 'string', contentMediaType: 'text/csv' },
              description:
                'The .csv lists the workbook’s `select_one_from_file` rows name (optional; matched by file name).',
            },
          },
        },
      },
    },
  }
}

function actionBody() {
  const schema = toJsonSchema(actionForm, 'input')
  describeProperties(schema, { csrf: CSRF })
  return { required: false, content: { 'application/x-www-form-urlencoded': { schema } } }
}

const upload = () =>
  pathParameter('upload', 'Upload id (`u_` and 16 hex digits); another value is a 404.')

/** Upload, preview, publish and discard questionnaires from the dashboard (owners). */
export function questionnaireOperations(): Record<string, Operation> {
  const action = (what: 'publish' | 'discard', summary: string, audit: string): Operation => ({
    tags: ['dashboard'],
    summary,
    description: `The owner role. Audited as \`${audit}\`.`,
    security: SESSION,
    parameters: [upload(), DASHBOARD_LANG],
    requestBody: actionBody(),
    responses: {
      '303': empty(`Done; redirect to /admin/questionnaires?${what}ed=UPLOAD`),
      '401': html('The sign-in form'),
      '403': html('Failed the CSRF check, or a role below owner'),
      '404': html('No such upload'),
      '409': html('The upload is no longer a draft'),
    },
  })
  return {
    'GET /admin/questionnaires': dashboardPage(
      'Dashboard: the questionnaires in service, the uploads, the upload form',
      {
        role: 'owner',
        parameters: ['uploaded', 'published', 'discarded'].map((name) =>
          looseQuery(name, `An upload id: the page says it was ${name}.`),
        ),
      },
    ),
    'POST /admin/questionnaires': {
      tags: ['dashboard'],
      summary:
        'Upload a questionnaire (the page’s form): kept as a draft when it passes the checks',
      description:
        'The owner role. Checked as the files of the questionnaire folder are; nothing is stored when refused. Body limit: the import limit. Audited as `survey.upload`.',
      security: SESSION,
      parameters: [DASHBOARD_LANG],
      requestBody: uploadBody(),
      responses: {
        '303': empty('Kept as a draft; redirect to /admin/questionnaires?uploaded=UPLOAD'),
        '401': html('The sign-in form'),
        '403': html('Failed the CSRF check, or a role below owner'),
        '409': html('The file is the version already in service'),
        '422': html(
          'Refused: the page with a table of the problems by sheet, row and column or by question; or no file',
        ),
      },
    },
    'POST /admin/questionnaires/uploads/{upload}/publish': action(
      'publish',
      'Publish a draft: the current version of its id for every partner link from now on',
      'survey.publish',
    ),
    'POST /admin/questionnaires/uploads/{upload}/discard': action(
      'discard',
      'Discard a draft (it stays listed, never served)',
      'survey.discard',
    ),
    'GET /admin/questionnaires/uploads/{upload}/preview': dashboardPage(
      'The partner form page of an upload, in preview mode: nothing is stored',
      {
        role: 'owner',
        description: 'The form’s language by `?lang=` among the questionnaire’s.',
        parameters: [upload()],
        responses: { '404': html('No such upload') },
      },
    ),
    'GET /admin/questionnaires/uploads/{upload}/definition': dashboardPage(
      'The questionnaire of an upload, as the preview page loads it (never readable by a partner link)',
      {
        role: 'owner',
        parameters: [upload()],
        responses: {
          '200': json('SurveyJson', 'The SurveyJS JSON of the upload'),
          '404': html('No such upload'),
        },
      },
    ),
  }
}
