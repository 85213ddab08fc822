import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml's structure, checked without Docker (the machine that runs the tests has no Compose): the
 * default services are untouched by the citus profile, the profile's services depend only on services that exist
 * and start with it, and the API on the coordinator gets the default API's settings. `docker compose config -q`
 * (with and without `--profile citus`) checks the rest where Compose is installed.
 */
interface ComposeService {
  profiles?: string[];
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  entrypoint?: string[];
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes: Record<string, unknown>;
}

const compose = parse(readFileSync(path.resolve(__dirname, '../../../../docker-compose.yml'), 'utf8'), {
  merge: true,
}) as ComposeFile;
const services = Object.entries(compose.services);
const inProfile = (profile: string | undefined) =>
  services.filter(([, service]) => (profile === undefined ? !service.profiles : service.profiles?.includes(profile)));

describe('docker-compose.yml', () => {
  it('starts the database and the API alone without a profile', () => {
    expect(inProfile(undefined).map(([name]) => name)).toEqual(['db', 'api']);
    expect(compose.services['api'].environment?.['DATABASE_URL']).toMatch(/@db:5432\//);
  });

  it('has a citus profile: a coordinator and two workers of the official image, registered, and an API on it', () => {
    const citus = Object.fromEntries(inProfile('citus'));
    expect(Object.keys(citus)).toEqual([
      'citus-coordinator',
      'citus-worker-1',
      'citus-worker-2',
      'citus-setup',
      'api-citus',
    ]);
    for (const node of ['citus-coordinator', 'citus-worker-1', 'citus-worker-2', 'citus-setup']) {
      expect(citus[node].image).toMatch(/^citusdata\/citus:\d+\.\d+$/);
    }
    expect(citus['citus-setup'].depends_on).toEqual({
      'citus-coordinator': { condition: 'service_healthy' },
      'citus-worker-1': { condition: 'service_healthy' },
      'citus-worker-2': { condition: 'service_healthy' },
    });
    expect(citus['citus-setup'].entrypoint?.filter((argument) => argument.includes('citus_add_node'))).toEqual([
      "SELECT citus_add_node('citus-worker-1', 5432)",
      "SELECT citus_add_node('citus-worker-2', 5432)",
    ]);

    const api = compose.services['api'].environment ?? {};
    const apiOnCitus = citus['api-citus'].environment ?? {};
    expect(apiOnCitus['DATABASE_URL']).toMatch(/@citus-coordinator:5432\//);
    expect(citus['api-citus'].depends_on).toEqual({ 'citus-setup': { condition: 'service_completed_successfully' } });
    for (const setting of ['IOP_JWT_SECRET', 'IOP_PATIENT_KEY_SECRET', 'NODE_ENV', 'IOP_DASHBOARD_DIR']) {
      expect(apiOnCitus[setting]).toBe(api[setting]);
    }
  });

  it('depends only on services that start with it, and declares every named volume', () => {
    for (const [name, service] of services) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        const needed = compose.services[dependency];
        expect(needed).toBeDefined();
        // A service without a profile always starts, so it must not wait for one that starts only with a profile.
        if (!service.profiles) expect([name, needed.profiles]).toEqual([name, undefined]);
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (!source.startsWith('.') && !source.startsWith('/')) expect(Object.keys(compose.volumes)).toContain(source);
      }
    }
  });
});
