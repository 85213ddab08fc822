import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { CONTRACT_OPERATIONS } from './client-contracts';
import { BASE_TSCONFIG } from './workspace-tools';

interface Assertion {
  /** What fails when the assignment does not compile. */
  claim: string;
  source: string;
}

const quote = (key: string) => JSON.stringify(key);

/** One assignment per operation and direction, so that every mismatch is reported, not only the first. */
function assertions(): Assertion[] {
  const responses = Object.keys(CONTRACT_OPERATIONS.responses).flatMap((key, index) => [
    {
      claim: `${key}: the generated response type does not fit the contract`,
      source: `export const response${index}FromClient: ContractResponses[${quote(key)}] = generatedResponses[${quote(key)}];`,
    },
    {
      claim: `${key}: a response of the contract type does not fit the generated type`,
      source: `export const response${index}FromContract: GeneratedResponses<paths>[${quote(key)}] = contractResponses[${quote(key)}];`,
    },
  ]);
  const requests = Object.keys(CONTRACT_OPERATIONS.requests).flatMap((key, index) => [
    {
      claim: `${key}: the generated request body type does not fit the contract`,
      source: `export const request${index}FromClient: ContractRequests[${quote(key)}] = generatedRequests[${quote(key)}];`,
    },
    {
      claim: `${key}: a request body of the contract type does not fit the generated type`,
      source: `export const request${index}FromContract: GeneratedRequests<paths>[${quote(key)}] = contractRequests[${quote(key)}];`,
    },
  ]);
  return [...responses, ...requests];
}

/** The compiler options of the workspace (strict, and the path of @iop/contracts), checking only. */
function compilerOptions(): ts.CompilerOptions {
  const configFile = ts.readConfigFile(BASE_TSCONFIG, (file) => ts.sys.readFile(file));
  if (configFile.error) throw new Error(ts.flattenDiagnosticMessageText(configFile.error.messageText, '\n'));
  const config: unknown = configFile.config;
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(BASE_TSCONFIG));
  // The check file lives beside the generated types, outside the workspace's rootDir.
  return { ...parsed.options, noEmit: true, rootDir: undefined, types: [] };
}

/**
 * Type-checks the generated client (`clientTypesFile`, openapi-typescript's output) against @iop/contracts:
 * every response body and request body of client-contracts.ts, in both directions. Writes the check file
 * beside the client types and returns one line per mismatch (none when the client matches).
 */
export function checkClientAgainstContracts(clientTypesFile: string): string[] {
  const directory = path.dirname(clientTypesFile);
  const checkFile = path.join(directory, 'contracts.check.ts');
  const checks = assertions();
  const header = [
    `import type { paths } from './${path.basename(clientTypesFile).replace(/\.d\.ts$|\.ts$/, '')}';`,
    'import type {',
    '  ContractRequests,',
    '  ContractResponses,',
    '  GeneratedRequests,',
    '  GeneratedResponses,',
    `} from ${quote(path.join(__dirname, 'client-contracts'))};`,
    'declare const generatedResponses: GeneratedResponses<paths>;',
    'declare const contractResponses: ContractResponses;',
    'declare const generatedRequests: GeneratedRequests<paths>;',
    'declare const contractRequests: ContractRequests;',
  ];
  writeFileSync(checkFile, [...header, ...checks.map(({ source }) => source), ''].join('\n'));

  const program = ts.createProgram([checkFile], compilerOptions());
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file?.fileName !== checkFile || diagnostic.start === undefined) {
      return `${diagnostic.file?.fileName ?? 'compiler'}: ${message}`;
    }
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line;
    return `${checks[line - header.length]?.claim ?? `${checkFile}:${line + 1}`}:\n${message}`;
  });
}
