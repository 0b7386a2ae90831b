/** Uploaded questionnaires: upload a draft, read, publish, discard; keyed `METHOD /path`. */
import { uploadQuery, XLSX_TYPE } from '../routes/survey-uploads.ts'
import { errors, json, LEAD, type Operation } from './builders.ts'
import { pathParameter, queryParameters, schemaRef } from './json-schema.ts'

/** Operations of questionnaire uploads, by `METHOD /path`. */
export function surveyUploadOperations(): Record<string, Operation> {
  const upload = pathParameter('upload', 'Upload id (`u_` and 16 hex digits).')
  const decide = (summary: string, description: string): Operation => ({
    tags: ['admin'],
    summary,
    description,
    security: LEAD,
    parameters: [upload],
    responses: {
      '200': json('SurveyUploadOne'),
      ...errors('Unauthorized', 'Forbidden', 'NotFound', 'Conflict'),
    },
  })
  return {
    'POST /api/surveys': {
      tags: ['admin'],
      summary: 'Upload a questionnaire (SurveyJS JSON or an XLSForm workbook) as a draft',
      description: `Owner. Checked as the questionnaire folder's files are; refused with every error by sheet, row and column or by question (422 \`invalid_questionnaire\`, one entry of \`details\` each), and then nothing is stored. A draft is served to nobody until it is published. At most 64 MiB. Audited (\`survey.upload\`).`,
      security: LEAD,
      parameters: queryParameters(uploadQuery, {
        id: 'The questionnaire id (default: a JSON file’s name; a workbook’s `form_id` setting, else its name).',
        fileName: 'The file’s name, when the body is the file itself.',
      }),
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: schemaRef('SurveyJson') },
          [XLSX_TYPE]: { schema: { type: 'string', description: 'The workbook’s bytes.' } },
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: {
                file: { type: 'string', description: 'The .json or .xlsx file.' },
                id: { type: 'string', description: 'The questionnaire id (optional).' },
                beside: {
                  type: 'array',
                  maxItems: 50,
                  items: { type: 'string', contentMediaType: 'text/csv' },
                  description:
                    'The .csv lists the workbook’s `select_one_from_file` rows name, one part each, matched by file name (optional).',
                },
              },
            },
          },
        },
      },
      responses: {
        '201': json('SurveyUploadCreated', 'Stored as a draft'),
        ...errors(
          'BadRequest',
          'Unauthorized',
          'Forbidden',
          'Conflict',
          'TooLarge',
          'UnsupportedMediaType',
          'Invalid',
        ),
      },
    },
    'GET /api/surveys/uploads': {
      tags: ['admin'],
      summary: 'Every uploaded questionnaire, newest first',
      description: 'Every lead role.',
      security: LEAD,
      responses: {
        '200': json('SurveyUploadList'),
        ...errors('Unauthorized', 'Forbidden'),
      },
    },
    'GET /api/surveys/uploads/{upload}': {
      tags: ['admin'],
      summary: 'One uploaded questionnaire',
      description: 'Every lead role.',
      security: LEAD,
      parameters: [upload],
      responses: {
        '200': json('SurveyUploadOne'),
        ...errors('Unauthorized', 'Forbidden', 'NotFound'),
      },
    },
    'POST /api/surveys/uploads/{upload}/publish': decide(
      'Publish a draft: the current version of its questionnaire for every server on the database',
      'Owner. The version it replaces stays readable, and responses keep the version they answered. 409 unless it is a draft. Audited (`survey.publish`).',
    ),
    'POST /api/surveys/uploads/{upload}/discard': decide(
      'Discard a draft (it stays listed, never served)',
      'Owner. 409 unless it is a draft. Audited (`survey.discard`).',
    ),
  }
}
