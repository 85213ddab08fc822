import { z } from 'zod';
import { runWorkspaceBin } from './workspace-tools';

export interface LintProblem {
  ruleId: string;
  message: string;
  /** Where in the document, as a JSON pointer (#/paths/...). */
  pointer: string;
}

export interface LintReport {
  errors: LintProblem[];
  warnings: LintProblem[];
}

/** The part of `redocly lint --format json` that the report needs. */
const redoclyOutput = z.object({
  problems: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.enum(['error', 'warn']),
      message: z.string(),
      location: z.array(z.object({ pointer: z.string() })),
    }),
  ),
});

/**
 * Lints an OpenAPI document file with Redocly's `recommended` rules, the usual gate before a client is
 * generated from a document. Nothing is configured away: no redocly.yaml, no ignore file.
 */
export function lintOpenApiDocument(documentPath: string): LintReport {
  const { stdout, stderr } = runWorkspaceBin('redocly', [
    'lint',
    '--extends',
    'recommended',
    '--format',
    'json',
    documentPath,
  ]);
  const parsed = redoclyOutput.safeParse(JSON.parse(stdout || 'null'));
  if (!parsed.success) throw new Error(`redocly lint gave no report:\n${stderr}`);
  const problems = parsed.data.problems.map(({ ruleId, severity, message, location }) => ({
    severity,
    problem: { ruleId, message, pointer: location[0]?.pointer ?? '#' },
  }));
  return {
    errors: problems.filter(({ severity }) => severity === 'error').map(({ problem }) => problem),
    warnings: problems.filter(({ severity }) => severity === 'warn').map(({ problem }) => problem),
  };
}
