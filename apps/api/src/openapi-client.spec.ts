import { createTestDatabase, type TestDatabase } from '@iop/db-server/testing';
import {
  checkClientAgainstContracts,
  generateClientTypes,
  lintOpenApiDocument,
  operationsWithoutContract,
} from '@iop/openapi';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from './testing/test-app';

describe('the OpenAPI document at /api/docs-json, as a client generator takes it', () => {
  let database: TestDatabase;
  let api: TestApp;
  let workDirectory: string;
  let documentPath: string;
  let document: unknown;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApp(database.url);
    const { status, body } = await api.get('/api/docs-json');
    expect(status).toBe(200);
    document = body;
    workDirectory = mkdtempSync(path.join(tmpdir(), 'iop-openapi-'));
    documentPath = path.join(workDirectory, 'openapi.json');
    writeFileSync(documentPath, JSON.stringify(body, null, 2));
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    if (workDirectory) rmSync(workDirectory, { recursive: true, force: true });
  });

  it("passes Redocly's recommended rules with no error (and prints its warnings)", () => {
    const { errors, warnings } = lintOpenApiDocument(documentPath);
    if (warnings.length > 0) {
      console.warn(
        `Redocly's recommended rules warn of:\n${warnings.map((w) => `  ${w.ruleId} at ${w.pointer}: ${w.message}`).join('\n')}`,
      );
    }
    expect(errors).toEqual([]);
  });

  it('maps every JSON response and request body to an @iop/contracts type', () => {
    expect(operationsWithoutContract(document)).toEqual([]);
  });

  it('yields a generated client (openapi-typescript) whose bodies are the contract types, both ways', () => {
    const clientTypes = path.join(workDirectory, 'api-paths.d.ts');
    generateClientTypes(documentPath, clientTypes);
    expect(checkClientAgainstContracts(clientTypes)).toEqual([]);
  });
});
