import { createHash } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import { generateSyntheticNetwork, type GenerateOptions } from './generate';
import { BATCH_TABLES, type TableRows } from './rows/tables';

/** sha256 over the CSV of every generated table, in table order (what COPY would receive). */
function checksum(options: GenerateOptions): { sha256: string; rows: Record<string, number> } {
  const hash = createHash('sha256');
  const rows: Record<string, number> = {};
  const synthetic = generateSyntheticNetwork(options);
  hash.update(stringify(synthetic.network.staff));
  hash.update(
    JSON.stringify(
      synthetic.network.programs.map(({ id, name, levelOfCare, timeZone }) => [id, name, levelOfCare, timeZone]),
    ),
  );
  const tables: Partial<TableRows> = {};
  for (const batch of synthetic.batches()) {
    for (const table of BATCH_TABLES) {
      (tables[table] ??= []).push(...(batch.rows[table] as never[]));
    }
  }
  for (const table of BATCH_TABLES) {
    const tableRows = (tables[table] ?? []) as unknown[][];
    rows[table] = tableRows.length;
    hash.update(`${table}\n`);
    hash.update(stringify(tableRows, { cast: { boolean: (value: boolean) => (value ? 't' : 'f') } }));
  }
  return { sha256: hash.digest('hex'), rows };
}

describe('generateSyntheticNetwork determinism', () => {
  const small: GenerateOptions = { preset: 'demo', episodes: 300, seed: 20260630 };

  it('gives identical rows for the same seed', () => {
    expect(checksum(small)).toEqual(checksum(small));
  });

  it('gives different rows for a different seed', () => {
    expect(checksum({ ...small, seed: 1 }).sha256).not.toBe(checksum(small).sha256);
  });

  it('does not depend on the batch size', () => {
    const reference = checksum({ ...small, batchEpisodes: 500 });
    expect(checksum({ ...small, batchEpisodes: 1 })).toEqual(reference);
    expect(checksum({ ...small, batchEpisodes: 37 })).toEqual(reference);
  });

  it('generates exactly the asked number of episodes, in batches that never split a patient', () => {
    const synthetic = generateSyntheticNetwork({ ...small, batchEpisodes: 50 });
    const seenPatients = new Set<number>();
    let episodes = 0;
    for (const batch of synthetic.batches()) {
      for (const patient of batch.rows.patients) seenPatients.add(patient[0]);
      for (const episode of batch.rows.episodes) expect(seenPatients.has(episode[3])).toBe(true);
      episodes += batch.rows.episodes.length;
      expect(batch.episodesDone).toBe(episodes);
    }
    expect(episodes).toBe(300);
  });

  it('matches the pinned checksum of this generator version (bump generatorVersion when it changes on purpose)', () => {
    expect(checksum(small).sha256).toBe('3b7f4b04d8c7de472725eb0c40704862d6b4586c1509b54cf259392579166c91');
  });
});
