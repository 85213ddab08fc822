import { median } from './regression';
import { compliance, scheduledHoursPerWeek28, type EpisodeFacts } from './episode-facts';

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : NaN);
const sum = (facts: readonly EpisodeFacts[], value: (fact: EpisodeFacts) => number): number =>
  facts.reduce((total, fact) => total + value(fact), 0);

/**
 * The value of each distribution target of ground-truth.json ("targets", by id), measured on episode facts
 * by the definitions of METRICS.md.
 */
export function measureTargets(facts: readonly EpisodeFacts[]): Record<string, number> {
  const iop = facts.filter((fact) => fact.levelOfCare === '2.1');
  const outpatient = facts.filter((fact) => fact.levelOfCare === '1');
  const iopDischarged = iop.filter((fact) => !fact.active);
  const reasonShare = (reason: number): number =>
    share(iopDischarged.filter((fact) => fact.reason === reason).length, iopDischarged.length);
  const iopFull = iop.filter((fact) => fact.los >= 28);
  const outpatientFull = outpatient.filter((fact) => fact.los >= 28);
  const iopHours = iopFull.map(scheduledHoursPerWeek28);
  const attended = sum(facts, (fact) => fact.attended);
  const missed = sum(facts, (fact) => fact.noShow + fact.cancelledByPatient);
  const oud = facts.filter((fact) => fact.oud);
  const chargesPerWeek = (group: readonly EpisodeFacts[]): number =>
    sum(group, (fact) => fact.chargesCents) / 100 / sum(group, (fact) => fact.los / 7);
  const patients = new Map<number, number>();
  for (const fact of facts) patients.set(fact.patientId, (patients.get(fact.patientId) ?? 0) + 1);
  return {
    iopCompletedShare: reasonShare(1),
    iopDroppedOutShare: reasonShare(2),
    iopTransferredShare: reasonShare(4),
    iopDeathShare: reasonShare(6),
    iopMedianLengthOfStayDays: median(iopDischarged.map((fact) => fact.los)),
    iopScheduledHoursPerWeekMedian: median(iopHours),
    iopScheduledHoursInRangeShare: share(iopHours.filter((hours) => hours >= 9 && hours <= 19).length, iopHours.length),
    outpatientScheduledHoursBelow9Share: share(
      outpatientFull.filter((fact) => scheduledHoursPerWeek28(fact) < 9).length,
      outpatientFull.length,
    ),
    attendanceRate: share(attended, attended + missed),
    eveningOrWeekendShare: share(
      sum(iop, (fact) => fact.eveningWeekendScheduled),
      sum(iop, (fact) => fact.appointments - fact.cancelledByProgram),
    ),
    telehealthShare: share(
      sum(facts, (fact) => fact.telehealth),
      sum(facts, (fact) => fact.appointments),
    ),
    matShareAmongOud: share(oud.filter((fact) => fact.mat).length, oud.length),
    missingScreenShare: share(
      sum(facts, (fact) => fact.screensMissing),
      sum(facts, (fact) => fact.screensExpected),
    ),
    iopChargesPerClientWeekUsd: chargesPerWeek(iop),
    outpatientChargesPerClientWeekUsd: chargesPerWeek(outpatient),
    adolescentShare: share(facts.filter((fact) => fact.age < 18).length, facts.length),
    opioidShare: share(facts.filter((fact) => fact.substance === 'opioids').length, facts.length),
    readmittedPatientShare: share([...patients.values()].filter((count) => count > 1).length, patients.size),
    // Not targets, printed for context by the calibration script.
    meanComplianceScore:
      sum(facts, (fact) => compliance(fact).score ?? 0) /
      facts.filter((fact) => compliance(fact).score !== null).length,
    outpatientMedianLengthOfStayDays: median(outpatient.filter((fact) => !fact.active).map((fact) => fact.los)),
  };
}
