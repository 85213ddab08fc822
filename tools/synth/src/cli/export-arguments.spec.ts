import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseExportArguments } from './export-arguments';
import { ArgumentError } from './seed-arguments';

describe('parseExportArguments', () => {
  it('defaults to the demo preset and the default seed, and resolves --out against the working directory', () => {
    expect(parseExportArguments(['--format', 'csv', '--out', 'exports/demo'], '/work')).toEqual({
      preset: 'demo',
      seed: 20260630,
      format: 'csv',
      outDir: '/work/exports/demo',
      help: false,
    });
  });

  it('reads --preset, --seed, --format and an absolute --out', () => {
    expect(
      parseExportArguments(['--preset=large', '--seed', '7', '--format=fhir', '--out', '/tmp/large'], '/work'),
    ).toEqual({ preset: 'large', seed: 7, format: 'fhir', outDir: '/tmp/large', help: false });
  });

  it('needs neither --format nor --out for --help', () => {
    expect(parseExportArguments(['--help'], '/work')).toMatchObject({ help: true });
  });

  it.each([
    [['--out', 'x'], /--format is required: use csv or fhir/],
    [['--format', 'csv'], /--out is required: the directory to write/],
    [['--format', 'csv', '--out', ' '], /--out is required/],
    [['--format', 'xml', '--out', 'x'], /unknown format "xml": use csv, fhir/],
    [['--preset', 'huge', '--format', 'csv', '--out', 'x'], /unknown preset "huge": use demo, standard, large/],
    [['--seed', '1.5', '--format', 'csv', '--out', 'x'], /--seed must be a non-negative integer/],
    [['--format', 'csv', '--out', 'x', 'extra'], /Unexpected argument 'extra'/],
    [['--colour'], /Unknown option '--colour'/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseExportArguments(argv)).toThrow(ArgumentError);
    expect(() => parseExportArguments(argv)).toThrow(message);
  });
});

describe('npm run synth:export with a bad argument', () => {
  it('prints one error line and the usage, and exits with code 2 before writing anything', () => {
    const root = path.resolve(__dirname, '../../../..');
    const result = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/tsx/dist/cli.mjs'),
        '--tsconfig',
        'tsconfig.base.json',
        'tools/synth/src/cli/export.ts',
        '--format',
        'xml',
        '--out',
        'never-written',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'error: unknown format "xml": use csv, fhir',
      'usage: npm run synth:export -- [--preset demo|standard|large] [--seed N] --format csv|fhir --out DIR',
    ]);
  });
});
