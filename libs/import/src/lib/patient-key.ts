import { createHmac } from 'node:crypto';

/**
 * patient_key: HMAC-SHA-256 of the source system and the source patient id, keyed by a secret that lives with the
 * deployment's other secrets and never in the database. The same patient of the same source always gets the same
 * key (re-imports match), two sources never collide, and a stolen database does not give back the EHR's ids.
 */
export function patientKeyHasher(secret: string, sourceSystem: string): (sourcePatientId: string) => string {
  if (secret.length < 32) throw new RangeError('the patient-key secret must be at least 32 characters');
  return (sourcePatientId) =>
    createHmac('sha256', secret).update(sourceSystem).update('\u0000').update(sourcePatientId).digest('hex');
}
