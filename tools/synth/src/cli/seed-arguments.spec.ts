import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ArgumentError, parseSeedArguments } from './seed-arguments';

describe('parseSeedArguments', () => {
  it('defaults to the demo preset and the default seed', () => {
    expect(parseSeedArguments([])).toEqual({ preset: 'demo', seed: 20260630, help: false });
  });

  it('reads --preset and --seed', () => {
    expect(parseSeedArguments(['--preset', 'large', '--seed', '42'])).toEqual({
      preset: 'large',
      seed: 42,
      help: false,
    });
    expect(parseSeedArguments(['--preset=standard', '--seed=0'])).toMatchObject({ preset: 'standard', seed: 0 });
  });

  it.each([
    [['--preset', 'huge'], /unknown preset "huge": use demo, standard, large/],
    [['--seed=-3'], /--seed must be a non-negative integer/],
    [['--seed', '-3'], /Option '--seed' argument is ambiguous/],
    [['--seed', '1.5'], /--seed must be a non-negative integer/],
    [['--seed', 'abc'], /--seed must be a non-negative integer/],
    [['--colour'], /Unknown option '--colour'/],
    [['demo'], /Unexpected argument 'demo'/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseSeedArguments(argv)).toThrow(ArgumentError);
    expect(() => parseSeedArguments(argv)).toThrow(message);
  });
});

describe('npm run seed with a bad argument', () => {
  it('prints one error line and the usage, and exits with code 2 before touching a database', () => {
    const root = path.resolve(__dirname, '../../../..');
    const result = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/tsx/dist/cli.mjs'),
        '--tsconfig',
        'tsconfig.base.json',
        'tools/synth/src/cli/seed.ts',
        '--preset',
        'huge',
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' } },
    );
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'error: unknown preset "huge": use demo, standard, large',
      'usage: npm run seed -- [--preset demo|standard|large] [--seed N]',
    ]);
  });
});
