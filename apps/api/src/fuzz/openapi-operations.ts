/** The part of an OpenAPI 3 document the fuzz suite reads: operations, their parameters and bodies. */
export interface SchemaObject {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  allOf?: SchemaObject[];
  $ref?: string;
}

export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: SchemaObject;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  security?: Array<Record<string, unknown>>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

/** One operation with its references resolved, as the arbitraries take it. */
export interface FuzzOperation {
  method: string;
  /** The documented path, e.g. /api/v1/evidence/{id}. */
  path: string;
  /** `${method} ${path}`, as failures are reported. */
  name: string;
  parameters: ParameterObject[];
  /** The body's media type and schema, if the operation takes one. */
  body?: { mediaType: string; schema: SchemaObject };
  /** The names of the security schemes it accepts (bearer, iop_access, iop_refresh); empty when public. */
  security: string[];
}

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** `schema` with $ref and single-element allOf replaced by what they name, all the way down. */
export function resolveSchema(schema: SchemaObject, document: OpenApiDocument, seen = new Set<string>()): SchemaObject {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    // A self-reference (none today) stops here rather than looping.
    if (!target || seen.has(name)) return {};
    return resolveSchema(target, document, new Set([...seen, name]));
  }
  const merged = (schema.allOf ?? []).reduce<SchemaObject>(
    (all, part) => ({ ...all, ...resolveSchema(part, document, seen) }),
    { ...schema, allOf: undefined },
  );
  return {
    ...merged,
    items: merged.items && resolveSchema(merged.items, document, seen),
    properties:
      merged.properties &&
      Object.fromEntries(
        Object.entries(merged.properties).map(([name, property]) => [name, resolveSchema(property, document, seen)]),
      ),
  };
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]): FuzzOperation => {
        const [mediaType, content] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
        return {
          method: method.toUpperCase(),
          path,
          name: `${method.toUpperCase()} ${path}`,
          parameters: (operation.parameters ?? []).map((parameter) => ({
            ...parameter,
            schema: parameter.schema && resolveSchema(parameter.schema, document),
          })),
          body:
            mediaType && content?.schema ? { mediaType, schema: resolveSchema(content.schema, document) } : undefined,
          security: (operation.security ?? []).flatMap((requirement) => Object.keys(requirement)),
        };
      }),
  );
}
