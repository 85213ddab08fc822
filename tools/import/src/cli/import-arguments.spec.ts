import { ArgumentError, parseImportArguments } from './import-arguments';

describe('parseImportArguments', () => {
  it('reads the organisation, source, mode, dry run, as-of date and paths', () => {
    expect(
      parseImportArguments([
        '--org',
        'Lakeside Recovery',
        '--source',
        'kipu-east',
        '--mode',
        'snapshot',
        '--dry-run',
        '--as-of',
        '2026-06-30',
        'a.csv',
        'export/',
      ]),
    ).toEqual({
      organization: 'Lakeside Recovery',
      sourceSystem: 'kipu-east',
      mode: 'snapshot',
      dryRun: true,
      asOf: '2026-06-30',
      timezone: undefined,
      paths: ['a.csv', 'export/'],
      help: false,
    });
  });

  it('defaults to merge and a real import', () => {
    const parsed = parseImportArguments(['--org', 'A', '--source', 'b', 'x']);
    expect([parsed.mode, parsed.dryRun]).toEqual(['merge', false]);
  });

  it.each([
    [['--source', 'b', 'x'], '--org <organisation name> is required'],
    [['--org', 'A', 'x'], '--source <label> is required (the source system, e.g. kipu-east)'],
    [
      ['--org', 'A', '--source', 'no spaces', 'x'],
      '--source "no spaces" is not a label: 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
    ],
    [['--org', 'A', '--source', 'b', '--mode', 'replace', 'x'], '--mode must be merge or snapshot, not "replace"'],
    [
      ['--org', 'A', '--source', 'b', '--as-of', '30/06/2026', 'x'],
      '--as-of must be a date (YYYY-MM-DD), not "30/06/2026"',
    ],
    [['--org', 'A', '--source', 'b'], 'name at least one file or folder to import'],
    [
      ['--org', 'A', '--source', 'b', '--password', 'x', 'y'],
      "Unknown option '--password'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--password\"",
    ],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseImportArguments(argv)).toThrow(new ArgumentError(message));
  });
});
