/** A JSON Schema (2020-12, as OpenAPI 3.1 uses it), as plain data. */
export type JsonSchema = { [keyword: string]: unknown };

/** The entity schemas the reference defines, and that response DTOs point at with `entityRef`. */
export type EntitySchemaName = 'User' | 'Session';

/** The error body every failure answers with; the reference narrows `code` per status. */
export const ERROR_BODY_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    code: { type: 'string', description: 'Stable machine-readable code, e.g. INVALID_TOKEN' },
    message: { type: 'string' },
    details: {
      type: 'array',
      description: 'For VALIDATION_ERROR: each field that failed and why',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
        required: ['field', 'messages'],
      },
    },
  },
  required: ['code', 'message'],
};
