import { targetConstructorToSchema } from 'class-validator-jsonschema';
import type { DeclaredError } from '../errors/declared-error';
import type { ErrorCatalog } from '../errors/error-catalog';
import type { ErrorCode } from '../errors/error-codes';
import type { RouteDefinition } from '../http/route';
import type { DtoClass } from '../http/validate-dto';
import type { JsonSchema } from './json-schema';

/** Gives each DTO class one component name (its class name, suffixed when two classes share one). */
export class SchemaRegistry {
  readonly schemas: Record<string, JsonSchema>;
  private readonly names = new Map<DtoClass, string>();

  /**
   * `fixed` schemas (entities, the error body) keep their names; a DTO of the same name gets a suffix.
   * `inputs` are the schemas of the custom input fields of the app's classes, by entity.
   */
  constructor(
    fixed: Record<string, JsonSchema> = {},
    readonly inputs: Partial<Record<'user' | 'organization', JsonSchema>> = {},
  ) {
    this.schemas = { ...fixed };
  }

  ref(dto: DtoClass): JsonSchema {
    let name = this.names.get(dto);
    if (!name) {
      name = dto.name || 'Anonymous';
      for (let suffix = 2; this.schemas[name]; suffix += 1) name = `${dto.name}${suffix}`;
      this.names.set(dto, name);
      this.schemas[name] = dtoSchema(dto);
    }
    return { $ref: `#/components/schemas/${name}` };
  }
}

/** The JSON Schema of a DTO class, read from its class-validator decorators by class-validator-jsonschema. */
export function dtoSchema(dto: DtoClass): JsonSchema {
  return targetConstructorToSchema(dto, { refPointerPrefix: '#/components/schemas/' }) as JsonSchema;
}

const SESSION_SECURITY = [{ bearerAuth: [] }, { cookieAuth: [] }];

/**
 * The OpenAPI operation of one route: parameters from its path and query DTO, the body from its body DTO,
 * the answers from its `response` declaration, and every error it can answer with, grouped by status.
 */
export function routeOperation(route: RouteDefinition, registry: SchemaRegistry, errors: ErrorCatalog): JsonSchema {
  const operation: JsonSchema = {
    operationId: operationId(route),
    summary: route.summary,
    tags: [route.path.split('/')[1] || 'core'],
  };
  // `{}` in the list means "or anonymous": optional-session routes work without credentials too.
  if (route.session) operation.security = route.session === 'required' ? SESSION_SECURITY : [{}, ...SESSION_SECURITY];
  const parameters = [...pathParameters(route.path), ...queryParameters(route.query)];
  if (parameters.length > 0) operation.parameters = parameters;
  if (route.body) {
    const fields = route.customInputOf ? registry.inputs[route.customInputOf] : undefined;
    const custom = fields && route.customInputUnder ? { type: 'object', properties: { [route.customInputUnder]: fields } } : fields;
    // The DTO's fields and the app class's custom input fields, both accepted in one body.
    const schema = custom && fields && Object.keys(fields.properties as object).length > 0 ? { allOf: [registry.ref(route.body), custom] } : registry.ref(route.body);
    operation.requestBody = { required: true, content: { 'application/json': { schema } } };
  }
  operation.responses = { ...successResponses(route, registry), ...errorResponses(route, errors) };
  return operation;
}

/** `/reset-password/:token` → `/reset-password/{token}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationId(route: RouteDefinition): string {
  const words = `${route.method.toLowerCase()} ${route.path}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, index) => (index === 0 ? word : word[0].toUpperCase() + word.slice(1))).join('');
}

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => ({ name: match[1], in: 'path', required: true, schema: { type: 'string' } }));
}

function queryParameters(query: DtoClass | undefined): JsonSchema[] {
  if (!query) return [];
  const schema = dtoSchema(query);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => ({ name, in: 'query', required: required.has(name), schema: property }));
}

function successResponses(route: RouteDefinition, registry: SchemaRegistry): Record<string, JsonSchema> {
  const declared = route.response;
  const body = declared?.body;
  let schema: JsonSchema = body === undefined ? {} : typeof body === 'string' ? { $ref: `#/components/schemas/${body}` } : registry.ref(body);
  if (declared?.array) schema = { type: 'array', items: schema };
  if (declared?.nullable) schema = { anyOf: [schema, { type: 'null' }] };
  const responses: Record<string, JsonSchema> = {
    '200': { description: declared?.description ?? 'Success', content: { 'application/json': { schema } } },
  };
  if (declared?.redirect) {
    responses['302'] = {
      description: 'Redirect to the given callback URL (with `?error=CODE` when the request failed)',
      headers: { Location: { required: true, schema: { type: 'string', format: 'uri' } } },
    };
  }
  return responses;
}

/** Codes every route of its kind can answer with, besides the ones it declares. */
function genericErrors(route: RouteDefinition): Array<ErrorCode | DeclaredError> {
  const codes: Array<ErrorCode | DeclaredError> = [];
  if (route.body || route.query) codes.push('VALIDATION_ERROR');
  if (route.method === 'POST') codes.push('INVALID_JSON', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'INVALID_ORIGIN');
  if (route.session === 'required') codes.push('UNAUTHORIZED');
  codes.push('INTERNAL_SERVER_ERROR', 'DATABASE_UNAVAILABLE');
  return codes;
}

function errorResponses(route: RouteDefinition, errors: ErrorCatalog): Record<string, JsonSchema> {
  const byStatus = new Map<number, Set<string>>();
  for (const entry of [...genericErrors(route), ...(route.errors ?? [])]) {
    const declared = typeof entry === 'string' ? errors.get(entry) : entry;
    if (!declared) throw new Error(`Route ${route.method} ${route.path} lists the error ${String(entry)}, which no plugin declares.`);
    byStatus.set(declared.status, (byStatus.get(declared.status) ?? new Set()).add(declared.code));
  }
  const responses: Record<string, JsonSchema> = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const list = [...codes];
    responses[String(status)] = {
      description: list.join(', '),
      content: {
        'application/json': {
          schema: { allOf: [{ $ref: '#/components/schemas/ErrorBody' }, { properties: { code: { enum: list } } }] },
        },
      },
    };
  }
  return responses;
}
