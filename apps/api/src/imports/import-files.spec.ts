import { Logger } from '@nestjs/common';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportFileSweeper } from './import-file-sweeper';
import { checkFileName, ImportFolders } from './import-files';
import type { ImportsQuery } from './imports.query';

describe('checkFileName', () => {
  it.each([
    ['episodes.csv', { format: 'csv' }],
    ['Drug_Screens.CSV', { format: 'csv' }],
    ['Patient.ndjson', { format: 'ndjson' }],
    ['bundle 2026-03 (east).json', { format: 'json' }],
  ])('reads %s', (name, expected) => {
    expect(checkFileName(name)).toEqual(expected);
  });

  it.each(['visits.csv', 'notes.txt', '.hidden.json', '../../etc/Patient.ndjson', 'a\\b.json', 'episodes.csv.gz'])(
    'refuses %s, naming it',
    (name) => {
      expect(checkFileName(name)).toEqual({
        refused: expect.stringContaining(`"${name}" is not a file an import reads`) as unknown,
      });
    },
  );
});

describe('ImportFileSweeper', () => {
  // The runner and the sweeper log what they do; the assertions say it here.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']);
  });

  const now = new Date('2026-03-10T12:00:00Z');
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);
  const ids = {
    needed: '11111111-1111-4111-8111-111111111111',
    done: '22222222-2222-4222-8222-222222222222',
    arrivingNoRow: '33333333-3333-4333-8333-333333333333',
    abandonedNoRow: '44444444-4444-4444-8444-444444444444',
  };
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'iop-sweep-'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const folder = async (name: string, modifiedAt: Date) => {
    await mkdir(path.join(root, name));
    await writeFile(path.join(root, name, 'episodes.csv'), 'source_id\n');
    await utimes(path.join(root, name), modifiedAt, modifiedAt);
  };

  it('removes the folders of finished imports and of row-less uploads older than 24 h; keeps the rest', async () => {
    await folder(ids.needed, hoursAgo(30));
    await folder(ids.done, hoursAgo(1));
    await folder(ids.arrivingNoRow, hoursAgo(2));
    await folder(ids.abandonedNoRow, hoursAgo(25));
    // Not a folder the API makes: never touched.
    await folder('lost+found', hoursAgo(100));
    const asked: string[][] = [];
    const imports = {
      folderNeeds: (requested: readonly string[]) => {
        asked.push([...requested].sort());
        return Promise.resolve(
          new Map([
            [ids.needed, true],
            [ids.done, false],
          ]),
        );
      },
    } as unknown as ImportsQuery;

    const removed = await new ImportFileSweeper(new ImportFolders(root), imports).sweep(now);
    expect(removed.sort()).toEqual([ids.done, ids.abandonedNoRow].sort());
    expect(asked).toEqual([Object.values(ids).sort()]);
    const left = await new ImportFolders(root).list();
    expect(left.map((entry) => entry.importId).sort()).toEqual([ids.needed, ids.arrivingNoRow].sort());
  });

  it('does nothing when the upload directory does not exist yet', async () => {
    const imports = { folderNeeds: () => Promise.reject(new Error('not asked')) } as unknown as ImportsQuery;
    const sweeper = new ImportFileSweeper(new ImportFolders(path.join(root, 'absent')), imports);
    expect(await sweeper.sweep(now)).toEqual([]);
  });
});
