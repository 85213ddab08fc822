import { asNumber, asString, codeInSystem, extensionValue, objectsOf, stringAt, type JsonObject } from './json-access';
import { EXTENSION, SYSTEM } from './fhir-codes';
import type { Directory, PractitionerEntry } from './directory';
import {
  missing,
  rejected,
  resourcesCount,
  row,
  SKIPPED,
  type FhirReadContext,
  type Mapped,
  type Problem,
  type Tally,
} from './mapping';

/** An Organization is a program when its type is `prov` (organization-type); a HealthcareService always is. */
export function isProgramResource(type: string, resource: JsonObject): boolean {
  return type === 'HealthcareService' || codeInSystem(resource['type'], SYSTEM.organizationType) === 'prov';
}

/** The level of care of a program: the asam-level extension, else a type or category coding in the asam-level system. */
export function programLevelOfCare(resource: JsonObject): string | undefined {
  const extension =
    asString(extensionValue(resource, EXTENSION.asamLevel, 'valueString')) ??
    asString(extensionValue(resource, EXTENSION.asamLevel, 'valueCode'));
  return (
    extension ?? codeInSystem([...objectsOf(resource['type']), ...objectsOf(resource['category'])], SYSTEM.asamLevel)
  );
}

export function programTimezone(resource: JsonObject): string | undefined {
  return (
    asString(extensionValue(resource, EXTENSION.timezone, 'valueString')) ??
    asString(extensionValue(resource, EXTENSION.timezone, 'valueCode'))
  );
}

/** Organization (type prov) or HealthcareService -> programs. */
export function mapProgram(type: string, resource: JsonObject, context: FhirReadContext, tally: Tally): Mapped {
  if (!isProgramResource(type, resource)) {
    tally.skipped(
      'organization-not-program',
      (count) => `${resourcesCount(count, 'Organization')} skipped: not a program (no type prov)`,
    );
    return SKIPPED;
  }
  const problems: Problem[] = [];
  const name = asString(resource['name']);
  if (!name) problems.push(missing(`${type}.name`));
  const levelOfCare = programLevelOfCare(resource);
  if (!levelOfCare)
    problems.push(missing(`${type}.extension[asam-level]`, 'or a type coding in the asam-level system'));
  if (problems.length > 0) return rejected(problems);
  let timezone = programTimezone(resource);
  if (!timezone) {
    timezone = context.defaultTimezone;
    tally.defaulted('programs', 'timezone', timezone, 'no timezone extension');
  }
  const edition = asNumber(extensionValue(resource, EXTENSION.asamEdition, 'valueInteger'));
  if (edition === undefined) tally.defaulted('programs', 'asam_edition', '3', 'no asam-edition extension');
  return row('programs', {
    source_id: asString(resource['id']),
    name,
    level_of_care: levelOfCare,
    asam_edition: edition === undefined ? '3' : String(edition),
    timezone,
  });
}

/** Practitioner + its PractitionerRole (program and role) -> staff. The display name is the one name kept. */
export function mapStaff(practitioner: PractitionerEntry, directory: Directory): Mapped {
  const problems: Problem[] = [];
  if (!practitioner.displayName) problems.push(missing('Practitioner.name'));
  const roles = directory.rolesOf(practitioner.id);
  const complete = roles.find((role) => role.programId && role.role);
  if (!complete) {
    if (roles.some((role) => role.programId)) {
      problems.push(
        missing('PractitionerRole.code', 'a code in the staff-role system: counselor, therapist, prescriber'),
      );
    } else {
      problems.push(
        missing(
          'PractitionerRole.organization',
          `no PractitionerRole names Practitioner/${practitioner.id} and a program`,
        ),
      );
    }
  }
  if (problems.length > 0 || !complete) return rejected(problems);
  return row('staff', {
    source_id: practitioner.id,
    program_source_id: complete.programId,
    display_name: practitioner.displayName,
    role: complete.role,
  });
}

/**
 * Patient -> patients: the birth year, sex, the first three digits of the postal code and employment. Names,
 * telecom, address lines, the exact birth date and contacts are read past and never copied.
 */
export function mapPatient(resource: JsonObject, tally: Tally): Mapped {
  const birthYear = /^(\d{4})/.exec(stringAt(resource, 'birthDate') ?? '')?.[1];
  if (!birthYear) return rejected([missing('Patient.birthDate')]);
  let sex = asString(resource['gender']);
  if (!sex) {
    sex = 'unknown';
    tally.defaulted('patients', 'sex', sex, 'no gender');
  }
  const postalCode = stringAt(resource, 'address', 0, 'postalCode');
  const zip3 = postalCode ? /^(\d{3})/.exec(postalCode)?.[1] : undefined;
  let employment =
    asString(extensionValue(resource, EXTENSION.employment, 'valueCode')) ??
    asString(extensionValue(resource, EXTENSION.employment, 'valueString'));
  if (!employment) {
    employment = 'other';
    tally.defaulted('patients', 'employment', employment, 'no employment extension');
  }
  return row('patients', {
    source_id: asString(resource['id']),
    birth_year: birthYear,
    sex,
    zip3,
    employment,
  });
}
