import { z } from 'zod';
import { CONTRACT_OPERATIONS } from './client-contracts';

const JSON_MEDIA_TYPE = 'application/json';
const SUCCESS_STATUSES = ['200', '201', '202'];

const message = z.object({ content: z.record(z.string(), z.unknown()).optional() });
const operation = z.object({ responses: z.record(z.string(), message), requestBody: message.optional() });
/** Path items hold their operations by method, beside `parameters`, `summary` and the like. */
const pathItem = z.record(z.string(), z.unknown());
const openApiPaths = z.object({ paths: z.record(z.string(), pathItem) });

const hasJson = (body: z.infer<typeof message> | undefined) => body?.content?.[JSON_MEDIA_TYPE] !== undefined;

/**
 * The JSON response and request bodies of an OpenAPI document that client-contracts.ts does not map to an
 * @iop/contracts type, as `METHOD path (response|request body)`: a new endpoint must be added there, or
 * its generated client type would go unchecked.
 */
export function operationsWithoutContract(document: unknown): string[] {
  const covered = {
    responses: new Set<string>(Object.keys(CONTRACT_OPERATIONS.responses)),
    requests: new Set<string>(Object.keys(CONTRACT_OPERATIONS.requests)),
  };
  const uncovered: string[] = [];
  for (const [path, item] of Object.entries(openApiPaths.parse(document).paths)) {
    for (const [method, value] of Object.entries(item)) {
      const parsed = operation.safeParse(value);
      if (!parsed.success) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const success = SUCCESS_STATUSES.map((status) => parsed.data.responses[status]).find(Boolean);
      if (hasJson(success) && !covered.responses.has(key)) uncovered.push(`${key} (response)`);
      if (hasJson(parsed.data.requestBody) && !covered.requests.has(key)) uncovered.push(`${key} (request body)`);
    }
  }
  return uncovered;
}
