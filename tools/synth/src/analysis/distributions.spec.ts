import { loadGroundTruth } from '../lib/ground-truth';
import { collectFacts } from './collect-facts';
import { measureTargets } from './distribution-targets';
import { scheduledHoursPerWeek28, type EpisodeFacts } from './episode-facts';

/**
 * The demo preset's rows, measured by the METRICS.md definitions, fall in the published ranges stated in
 * ground-truth.json "targets".
 */
describe('distributions of the demo preset', () => {
  const truth = loadGroundTruth();
  let facts: EpisodeFacts[];
  let measured: Record<string, number>;

  beforeAll(() => {
    facts = collectFacts({ preset: 'demo' }).facts;
    measured = measureTargets(facts);
  });

  it('has the preset size', () => {
    expect(facts).toHaveLength(truth.presets.demo.episodes);
    expect(new Set(facts.map((fact) => fact.programId)).size).toBe(4);
    const appointments = facts.reduce((sum, fact) => sum + fact.appointments, 0);
    expect(appointments).toBeGreaterThan(truth.presets.demo.appointmentsAbout * 0.75);
    expect(appointments).toBeLessThan(truth.presets.demo.appointmentsAbout * 1.25);
  });

  it.each(truth.targets.map((target) => [target.id, target] as const))('%s lies in its stated range', (_, target) => {
    const value = measured[target.id];
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(target.range[0]);
    expect(value).toBeLessThanOrEqual(target.range[1]);
  });

  it('schedules IOP at 9-19 hours a week and level 1 under 9 (sessions the program cancels aside)', () => {
    const full = facts.filter((fact) => fact.los >= 28);
    const iop = full.filter((fact) => fact.levelOfCare === '2.1').map(scheduledHoursPerWeek28);
    const outpatient = full.filter((fact) => fact.levelOfCare === '1').map(scheduledHoursPerWeek28);
    // A week with a group the program cancelled may fall just under 9 hours; none falls far.
    expect(Math.min(...iop)).toBeGreaterThanOrEqual(7.5);
    expect(Math.max(...iop)).toBeLessThanOrEqual(19);
    expect(Math.max(...outpatient)).toBeLessThan(9);
  });

  it('leaves recent episodes active at the as-of date and discharges the others with a TEDS reason', () => {
    const active = facts.filter((fact) => fact.active);
    expect(active.length).toBeGreaterThan(50);
    for (const fact of active) expect(fact.reason).toBeNull();
    for (const fact of facts.filter((item) => !item.active)) expect(fact.reason).toBeGreaterThanOrEqual(1);
    const activeAdmits = active.map((fact) => fact.admitDate).sort();
    expect(activeAdmits[Math.floor(activeAdmits.length / 2)] > '2026-03-01').toBe(true);
  });

  it('gives MAT only to part of the OUD episodes, and OUD mostly with opioids as primary substance', () => {
    const oud = facts.filter((fact) => fact.oud);
    expect(oud.filter((fact) => fact.substance === 'opioids').length / oud.length).toBeGreaterThan(0.75);
    const matWithoutOud = facts.filter((fact) => fact.mat && !fact.oud);
    for (const fact of matWithoutOud) expect(fact.substance).toBe('alcohol');
  });
});
