import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { effectSizes, GROUND_TRUTH_PATH, loadGroundTruth, type GroundTruth } from './ground-truth';

describe('ground-truth.json', () => {
  const truth = loadGroundTruth();

  it('states one planted effect per claim of METRICS.md, with at least two planted as no effect', () => {
    expect(truth.claims.map((claim) => claim.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const none = truth.claims.filter((claim) => claim.kind === 'no_effect');
    expect(none.length).toBeGreaterThanOrEqual(2);
    for (const claim of none) expect(claim.planted).toBe(claim.parameter.includes('HazardRatio') ? 1 : 0);
    for (const claim of truth.claims) expect(claim.notes.length).toBeGreaterThan(20);
  });

  it('names severity as the confounder, with a distribution and its effects', () => {
    expect(truth.confounder.name).toBe('severity');
    expect(truth.confounder.effects.disengagementHazardRatioPerLevel).toBeGreaterThan(1);
    expect(truth.confounder.effects.adherenceShiftPerLevel).toBeLessThan(0);
  });

  it('gives the model every planted value under its parameter name', () => {
    const effects = effectSizes(truth);
    for (const claim of truth.claims) {
      expect(effects[claim.parameter]).toBe(claim.planted);
      for (const secondary of claim.secondary ?? []) expect(effects[secondary.parameter]).toBe(secondary.planted);
    }
  });

  it('has the presets the README names: demo, standard (8 programs) and large', () => {
    expect(truth.presets.demo).toMatchObject({ iopPrograms: 3, outpatientPrograms: 1, episodes: 1500 });
    expect(truth.presets.standard).toMatchObject({ episodes: 12000 });
    expect(truth.presets.standard.iopPrograms + truth.presets.standard.outpatientPrograms).toBe(8);
    expect(truth.presets.large).toMatchObject({ episodes: 120000 });
    expect(truth.presets.large.iopPrograms + truth.presets.large.outpatientPrograms).toBe(40);
  });

  describe('loader checks', () => {
    let directory: string;
    beforeAll(() => {
      directory = mkdtempSync(path.join(tmpdir(), 'synth-truth-'));
    });
    afterAll(() => rmSync(directory, { recursive: true, force: true }));

    const withChange = (change: (copy: GroundTruth) => void): string => {
      const copy = JSON.parse(readFileSync(GROUND_TRUTH_PATH, 'utf8')) as GroundTruth;
      change(copy);
      const file = path.join(directory, `truth-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, JSON.stringify(copy));
      return file;
    };

    it('rejects a no-effect claim with a non-null planted value', () => {
      const file = withChange((copy) => {
        const claim = copy.claims.find((item) => item.kind === 'no_effect');
        if (claim) claim.planted = 0.1;
      });
      expect(() => loadGroundTruth(file)).toThrow(/a no_effect must plant 0/);
    });

    it('rejects a missing claim and an unknown parameter', () => {
      expect(() => loadGroundTruth(withChange((copy) => copy.claims.pop()))).toThrow(/claims must be 1-10/);
      const unknown = withChange((copy) => {
        (copy.claims[0] as { parameter: string }).parameter = 'somethingElse';
      });
      expect(() => loadGroundTruth(unknown)).toThrow(/unknown parameter/);
    });

    it('rejects fewer than two no-effect claims', () => {
      const file = withChange((copy) => {
        for (const claim of copy.claims) if (claim.kind === 'no_effect' && claim.id !== 5) claim.kind = 'effect';
      });
      expect(() => loadGroundTruth(file)).toThrow(/at least two claims/);
    });
  });
});
