import type { EvidenceClaim, EvidenceResponse } from '@iop/contracts';
import type { Content } from 'pdfmake/interfaces';
import { evidenceSection, pqText } from './evidence-section';

const COVARIATES = ['age band', 'sex', 'primary substance', 'severity', 'prior episodes', 'payer'];

/** Claim 5 on the demo network: its interval excludes 0 (p = 0.038) but its q over nine claims does not pass. */
const EVENING: EvidenceClaim = {
  id: 5,
  claim: 'evening and weekend sessions widen access for people who work or study',
  exposure: 'share of scheduled sessions in evening or weekend slots',
  outcome: 'attendance rate',
  method: 'Least-squares slope',
  n: 412,
  unadjusted: { measure: 'least-squares slope', estimate: -0.03, ci95: [-0.06, 0.001], p: 0.06 },
  adjusted: {
    measure: 'adjusted least-squares slope',
    estimate: -0.0334,
    ci95: [-0.065, -0.0019],
    p: 0.0381,
    covariates: COVARIATES,
    q: 0.0572,
  },
  verdict: 'no_clear_association',
  chart: { type: 'heatmap', cells: [], byTrack: [] } as unknown as EvidenceClaim['chart'],
};

function text(content: Content[]): string {
  const textOf = (part: unknown): string => {
    if (typeof part === 'string') return part;
    if (Array.isArray(part)) return part.map(textOf).join(' ');
    if (typeof part === 'object' && part !== null) return Object.values(part).map(textOf).join(' ');
    return '';
  };
  return content.map(textOf).join('\n');
}

describe('the evidence section of the PDF report', () => {
  it("shows each claim's p and Benjamini-Hochberg q beside its verdict, and says what q does", () => {
    const board: EvidenceResponse = { asOf: '2026-06-30', claims: [EVENING] };
    const section = text(evidenceSection(board));
    expect(section).toContain('p, q');
    expect(section).toContain('p = 0.038, q = 0.057');
    expect(section).toContain('No clear association');
    expect(section).toContain('Benjamini & Hochberg 1995');
    expect(section).toContain('its q is below 0.05');
  });

  it('writes "not tested" for a claim without an adjusted p, and p alone when there is no q', () => {
    expect(pqText({ ...EVENING.adjusted, p: null, q: null })).toBe('not tested');
    expect(pqText({ ...EVENING.adjusted, q: null })).toBe('p = 0.038');
    expect(pqText({ ...EVENING.adjusted, p: 1e-9, q: 4e-9 })).toBe('p < 0.001, q < 0.001');
  });
});
