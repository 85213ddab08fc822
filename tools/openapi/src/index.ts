export { checkClientAgainstContracts } from './check-client';
export { generateClientTypes } from './generate-client';
export { type LintProblem, type LintReport, lintOpenApiDocument } from './lint-document';
export { operationsWithoutContract } from './uncovered-operations';
