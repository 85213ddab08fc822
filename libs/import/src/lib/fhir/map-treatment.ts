import type { BulkContext } from './bulk-context';
import { resolveEpisode, type EpisodeResolution } from './episode-index';
import { EXTENSION, medicationOfConcept, type MedicationMatch } from './fhir-codes';
import {
  allCodes,
  asNumber,
  asString,
  at,
  datePartOf,
  extensionValue,
  numberText,
  objectsOf,
  parseReference,
  referenceIdOf,
  stringAt,
  type JsonObject,
} from './json-access';
import { missing, rejected, resourcesCount, row, SKIPPED, type Mapped, type Problem } from './mapping';

function episodeOf(
  type: string,
  noun: string,
  resource: JsonObject,
  date: string | undefined,
  bulk: BulkContext,
): EpisodeResolution {
  return resolveEpisode(
    { noun, type, resource, links: [resource['context']], patient: resource['subject'], date },
    bulk.directory,
    bulk.episodes,
  );
}

const SKIPPED_DISPENSE_STATUSES = new Set(['cancelled', 'entered-in-error', 'declined']);

/** MedicationDispense -> medication_dispenses, for the six medications of addiction treatment only. */
export function mapMedicationDispense(resource: JsonObject, bulk: BulkContext): Mapped {
  const status = asString(resource['status']);
  if (status && SKIPPED_DISPENSE_STATUSES.has(status)) {
    bulk.tally.skipped(
      `dispense-${status}`,
      (count) => `${resourcesCount(count, 'MedicationDispense')} with status ${status} skipped`,
    );
    return SKIPPED;
  }
  const problems: Problem[] = [];
  const medication = medicationOf(resource, bulk, problems);
  if (medication.kind === 'other') {
    bulk.tally.skipped(
      'dispense-other-medication',
      (count) =>
        `${resourcesCount(count, 'MedicationDispense')} skipped: not buprenorphine, methadone, naltrexone, acamprosate or disulfiram`,
    );
    return SKIPPED;
  }
  if (medication.kind === 'absent' && problems.length === 0) problems.push(missing('MedicationDispense.medication[x]'));
  const dispensedOn = datePartOf(asString(resource['whenHandedOver']) ?? asString(resource['whenPrepared']));
  if (!dispensedOn) problems.push(missing('MedicationDispense.whenHandedOver', 'or whenPrepared'));
  const daysSupply = asNumber(at(resource, 'daysSupply', 'value'));
  if (daysSupply === undefined) problems.push(missing('MedicationDispense.daysSupply'));
  const episode = episodeOf('MedicationDispense', 'dispense', resource, dispensedOn, bulk);
  if ('problem' in episode) problems.push(episode.problem);
  if (
    problems.length > 0 ||
    medication.kind !== 'medication' ||
    !('episodeId' in episode) ||
    daysSupply === undefined
  ) {
    return rejected(problems);
  }
  return row('medication_dispenses', {
    source_id: asString(resource['id']),
    episode_source_id: episode.episodeId,
    medication: medication.medication,
    dispensed_on: dispensedOn,
    days_supply: numberText(daysSupply),
  });
}

/** medicationCodeableConcept, else the Medication of medicationReference (contained `#id`, or of the import). */
function medicationOf(resource: JsonObject, bulk: BulkContext, problems: Problem[]): MedicationMatch {
  if (resource['medicationCodeableConcept'] !== undefined)
    return medicationOfConcept(resource['medicationCodeableConcept']);
  const reference = stringAt(resource, 'medicationReference', 'reference');
  if (!reference) return { kind: 'absent' };
  if (reference.startsWith('#')) {
    const contained = objectsOf(resource['contained']).find((item) => `#${asString(item['id']) ?? ''}` === reference);
    if (contained) return medicationOfConcept(contained['code']);
  } else {
    const medicationId = referenceIdOf(resource['medicationReference'], 'Medication');
    const held = medicationId ? bulk.directory.medications.get(medicationId) : undefined;
    if (held) return held;
  }
  problems.push({
    field: 'MedicationDispense.medicationReference',
    value: reference,
    reason: `MedicationDispense.medicationReference names ${reference}, which is not in the import`,
  });
  return { kind: 'absent' };
}

const NOT_MET = new Set(['not-achieved', 'no-progress', 'worsening']);
const DROPPED = new Set(['cancelled', 'rejected', 'entered-in-error']);

/** Goal -> plan_goals. */
export function mapGoal(resource: JsonObject, bulk: BulkContext): Mapped {
  const problems: Problem[] = [];
  const createdOn = datePartOf(asString(resource['startDate']));
  if (!createdOn) problems.push(missing('Goal.startDate'));
  const dueOn = datePartOf(stringAt(resource, 'target', 0, 'dueDate'));
  if (!dueOn) problems.push(missing('Goal.target.dueDate'));
  const episode = resolveEpisode(
    { noun: 'goal', type: 'Goal', resource, links: [], patient: resource['subject'], date: createdOn },
    bulk.directory,
    bulk.episodes,
  );
  if ('problem' in episode) problems.push(episode.problem);
  if (problems.length > 0 || !('episodeId' in episode)) return rejected(problems);
  const achievement = allCodes(resource['achievementStatus']);
  const lifecycle = asString(resource['lifecycleStatus']);
  const status = achievement.includes('achieved')
    ? 'met'
    : achievement.some((code) => NOT_MET.has(code))
      ? 'not_met'
      : lifecycle && DROPPED.has(lifecycle)
        ? 'dropped'
        : 'in_progress';
  return row('plan_goals', {
    source_id: asString(resource['id']),
    episode_source_id: episode.episodeId,
    created_on: createdOn,
    due_on: dueOn,
    status,
  });
}

/** Money.value in whole cents; undefined when absent or finer than a cent (never rounded silently). */
function centsOf(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const cents = Math.round(value * 100);
  return Math.abs(value * 100 - cents) < 1e-6 ? cents : undefined;
}

function dollarsText(cents: number): string {
  const absolute = Math.abs(cents);
  const fraction = String(absolute % 100).padStart(2, '0');
  return `${cents < 0 ? '-' : ''}${Math.floor(absolute / 100)}.${fraction}`;
}

/** Components that lower the total, and those that do not count (R5 ChargeItem.totalPriceComponent.type). */
const SUBTRACTED = new Set(['deduction', 'discount']);
const NOT_COUNTED = new Set(['informational']);

/** priceOverride.value, else the sum of totalPriceComponent amounts (deductions and discounts subtracted). */
function amountOf(resource: JsonObject, problems: Problem[]): number | undefined {
  const override = at(resource, 'priceOverride', 'value');
  const components = objectsOf(resource['totalPriceComponent']);
  if (override === undefined && components.length === 0) {
    problems.push(missing('ChargeItem.priceOverride', 'or totalPriceComponent'));
    return undefined;
  }
  const finerThanCents = (field: string, value: unknown): undefined => {
    const text = typeof value === 'number' ? String(value) : null;
    problems.push({ field, value: text, reason: `${field} is not an amount in dollars and cents` });
    return undefined;
  };
  if (override !== undefined) {
    return centsOf(asNumber(override)) ?? finerThanCents('ChargeItem.priceOverride.value', override);
  }
  let total = 0;
  for (const component of components) {
    const type = asString(component['type']) ?? 'base';
    if (NOT_COUNTED.has(type)) continue;
    const amount = at(component, 'amount', 'value');
    const cents = centsOf(asNumber(amount));
    if (cents === undefined) return finerThanCents('ChargeItem.totalPriceComponent.amount.value', amount);
    total += SUBTRACTED.has(type) ? -cents : cents;
  }
  return total;
}

/** ChargeItem -> charges; payer from its extension, else its Account's Coverage, else the episode's payer. */
export function mapChargeItem(resource: JsonObject, bulk: BulkContext): Mapped {
  if (asString(resource['status']) === 'entered-in-error') {
    bulk.tally.skipped(
      'charge-error',
      (count) => `${resourcesCount(count, 'ChargeItem')} with status entered-in-error skipped`,
    );
    return SKIPPED;
  }
  const problems: Problem[] = [];
  const code = stringAt(resource, 'code', 'coding', 0, 'code') ?? stringAt(resource, 'code', 'text');
  if (!code) problems.push(missing('ChargeItem.code'));
  const serviceDate = datePartOf(
    asString(resource['occurrenceDateTime']) ?? stringAt(resource, 'occurrencePeriod', 'start'),
  );
  if (!serviceDate) problems.push(missing('ChargeItem.occurrence[x]'));
  const cents = amountOf(resource, problems);
  const episode = episodeOf('ChargeItem', 'charge', resource, serviceDate, bulk);
  if ('problem' in episode) problems.push(episode.problem);
  const episodeId = 'episodeId' in episode ? episode.episodeId : undefined;
  const payer =
    asString(extensionValue(resource, EXTENSION.payer, 'valueCode')) ??
    accountPayer(resource, bulk) ??
    (episodeId ? bulk.episodes.get(episodeId)?.payer : undefined);
  if (!payer && episodeId) {
    const hint = `no Account with a Coverage either, and EpisodeOfCare/${episodeId} is neither in the import nor imported before`;
    problems.push(missing('ChargeItem.extension[payer]', hint));
  }
  if (problems.length > 0 || cents === undefined) return rejected(problems);
  return row('charges', {
    source_id: asString(resource['id']),
    episode_source_id: episodeId,
    service_date: serviceDate,
    code,
    amount: dollarsText(cents),
    payer,
  });
}

function accountPayer(resource: JsonObject, bulk: BulkContext): string | undefined {
  for (const account of objectsOf(resource['account'])) {
    const reference = parseReference(account);
    const coverageIds = reference?.type === 'Account' ? (bulk.directory.accountCoverages.get(reference.id) ?? []) : [];
    const payer = coverageIds.map((id) => bulk.directory.coverages.get(id)?.payer).find((found) => found !== undefined);
    if (payer) return payer;
  }
  return undefined;
}
