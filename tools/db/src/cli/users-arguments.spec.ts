import { ArgumentError, parseUsersArguments } from './users-arguments';

describe('npm run users arguments', () => {
  it('reads a full create command, with repeated --program and trimmed values', () => {
    expect(
      parseUsersArguments([
        'create',
        '--email',
        ' dana@clinic.example ',
        '--role',
        'director',
        '--name',
        ' Dana Lee ',
        '--org',
        'Riverside Recovery',
        '--program',
        'Riverside IOP',
        '--program',
        '12',
        '--program',
        'Riverside IOP',
        '--update',
      ]),
    ).toEqual({
      command: 'create',
      email: 'dana@clinic.example',
      role: 'director',
      displayName: 'Dana Lee',
      organization: 'Riverside Recovery',
      payer: null,
      programs: ['Riverside IOP', '12'],
      update: true,
    });
  });

  it('leaves name and organisation absent when not given, and --update off', () => {
    expect(parseUsersArguments(['create', '--email=a@b.org', '--role=admin'])).toEqual({
      command: 'create',
      email: 'a@b.org',
      role: 'admin',
      payer: null,
      programs: [],
      update: false,
    });
  });

  it('takes a payer for the payer role', () => {
    expect(
      parseUsersArguments(['create', '--email', 'p@b.org', '--role', 'payer', '--payer', 'medicaid']),
    ).toMatchObject({ role: 'payer', payer: 'medicaid' });
  });

  it('reads list and help', () => {
    expect(parseUsersArguments(['list'])).toEqual({ command: 'list' });
    expect(parseUsersArguments(['help'])).toEqual({ command: 'help' });
    expect(parseUsersArguments(['create', '--help'])).toEqual({ command: 'help' });
    expect(parseUsersArguments(['-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [['create', '--email', 'a@b.org', '--role', 'admin', '--password', 'secret-secret'], /^--password is not accepted/],
    [['create', '--email', 'a@b.org', '--role', 'admin', '--password=secret-secret'], /^--password is not accepted/],
    [['create', '--email', 'a@b.org', '--role', 'admin', '--password'], /^--password is not accepted/],
    [[], /^name a command: create or list$/],
    [['remove', '--email', 'a@b.org'], /^unknown command "remove": use create or list$/],
    [['create', 'extra', '--email', 'a@b.org', '--role', 'admin'], /^unexpected argument "extra"$/],
    [['list', '--role', 'admin'], /^list takes no options \(got --role\)$/],
    [['create', '--role', 'admin'], /^--email is required$/],
    [
      ['create', '--email', 'not an address', '--role', 'admin'],
      /^--email must be an e-mail address, not "not an address"$/,
    ],
    [['create', '--email', 'a@b@c', '--role', 'admin'], /^--email must be an e-mail address/],
    [['create', '--email', 'a@b.org'], /^--role is required: director, payer, quality, admin$/],
    [
      ['create', '--email', 'a@b.org', '--role', 'root'],
      /^--role must be one of director, payer, quality, admin, not "root"$/,
    ],
    [['create', '--email', 'a@b.org', '--role', 'payer'], /^--payer is required for the payer role$/],
    [['create', '--email', 'a@b.org', '--role', 'payer', '--payer', 'aetna'], /^--payer must be one of medicaid, /],
    [
      ['create', '--email', 'a@b.org', '--role', 'quality', '--payer', 'medicaid'],
      /^--payer is only for the payer role$/,
    ],
    [
      ['create', '--email', 'a@b.org', '--role', 'admin', '--program', 'IOP'],
      /^--program is only for the director role$/,
    ],
    [['create', '--email', 'a@b.org', '--role', 'director', '--program', ' '], /^--program must not be empty$/],
    [['create', '--email', 'a@b.org', '--role', 'admin', '--name', '  '], /^--name must not be empty$/],
    [
      ['create', '--email', 'a@b.org', '--role', 'admin', '--org', 'x'.repeat(201)],
      /^--org must be at most 200 characters$/,
    ],
    [['create', '--email', 'a@b.org', '--role', 'admin', '--colour', 'blue'], /Unknown option '--colour'/],
  ])('refuses %j as a usage error', (argv, message) => {
    let thrown: unknown;
    try {
      parseUsersArguments(argv);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ArgumentError);
    expect((thrown as Error).message).toMatch(message);
  });
});
