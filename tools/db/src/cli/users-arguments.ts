import { PAYERS, type Payer, USER_ROLES, type UserRole } from '@iop/contracts';
import { parseArgs } from 'node:util';

export const USERS_USAGE = [
  'usage: npm run users -- create --email <e-mail> --role admin|director|quality|payer [--name "Display Name"]',
  '                              [--org <organization name>] [--payer <payer>] [--program <name or id>]... [--update]',
  '       npm run users -- list',
  'The password is asked twice at the prompt, or read from the first line of stdin when it is not a terminal.',
  `Payers: ${PAYERS.join(', ')} (--payer only for the payer role). --program (repeatable) only for directors.`,
  '--update changes an existing account (password, role, name, payer, programs) instead of refusing it.',
].join('\n');

/** A bad command line: the CLI prints the message and the usage, and exits with code 2. */
export class ArgumentError extends Error {}

export interface CreateUserArguments {
  command: 'create';
  email: string;
  role: UserRole;
  /** Absent: the e-mail's local part for a new account, the current name for an updated one. */
  displayName?: string;
  /** Absent: the only organisation, or a new "My organization" when there is none. */
  organization?: string;
  payer: Payer | null;
  /** Program names or ids, for a director. */
  programs: string[];
  update: boolean;
}

export type UsersArguments = CreateUserArguments | { command: 'list' } | { command: 'help' };

/** What the schema accepts as an e-mail (users.email CHECK), within the API's length limit. */
const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+$/;
const MAX_EMAIL_LENGTH = 254;
const MAX_DISPLAY_NAME_LENGTH = 120;
const MAX_ORGANIZATION_NAME_LENGTH = 200;

/** Parses `create ...`, `list` or `help`; refuses a password on the command line. */
export function parseUsersArguments(argv: string[]): UsersArguments {
  if (argv.some((argument) => /^--password(=|$)/.test(argument))) {
    throw new ArgumentError(
      '--password is not accepted: a password on the command line is kept in the shell history and shown in ' +
        'the process list; type it at the prompt, or pipe it on stdin',
    );
  }
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    throw new ArgumentError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined) throw new ArgumentError('name a command: create or list');
  if (extra.length > 0) throw new ArgumentError(`unexpected argument "${extra[0]}"`);
  if (command === 'help') return { command: 'help' };
  if (command === 'list') {
    const given = Object.keys(values).map((name) => `--${name}`);
    if (given.length > 0) throw new ArgumentError(`list takes no options (got ${given.join(', ')})`);
    return { command: 'list' };
  }
  if (command !== 'create') throw new ArgumentError(`unknown command "${command}": use create or list`);
  return createArguments(values);
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      payer: { type: 'string' },
      program: { type: 'string', multiple: true },
      update: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: true,
  });
}

type ParsedValues = ReturnType<typeof parseCommandLine>['values'];

function createArguments(values: ParsedValues): CreateUserArguments {
  const email = values.email?.trim();
  if (!email) throw new ArgumentError('--email is required');
  if (!EMAIL_PATTERN.test(email) || email.length > MAX_EMAIL_LENGTH) {
    throw new ArgumentError(`--email must be an e-mail address, not "${email}"`);
  }
  const role = values.role;
  if (role === undefined) throw new ArgumentError(`--role is required: ${USER_ROLES.join(', ')}`);
  if (!isOneOf(USER_ROLES, role))
    throw new ArgumentError(`--role must be one of ${USER_ROLES.join(', ')}, not "${role}"`);

  const payer = values.payer ?? null;
  if (payer !== null && !isOneOf(PAYERS, payer)) {
    throw new ArgumentError(`--payer must be one of ${PAYERS.join(', ')}, not "${payer}"`);
  }
  if (role === 'payer' && payer === null) throw new ArgumentError(`--payer is required for the payer role`);
  if (role !== 'payer' && payer !== null) throw new ArgumentError('--payer is only for the payer role');

  const programs = (values.program ?? []).map((program) => program.trim());
  if (programs.length > 0 && role !== 'director') throw new ArgumentError('--program is only for the director role');
  if (programs.some((program) => program === '')) throw new ArgumentError('--program must not be empty');

  const displayName = optionalText(values.name, '--name', MAX_DISPLAY_NAME_LENGTH);
  const organization = optionalText(values.org, '--org', MAX_ORGANIZATION_NAME_LENGTH);
  return {
    command: 'create',
    email,
    role,
    ...(displayName === undefined ? {} : { displayName }),
    ...(organization === undefined ? {} : { organization }),
    payer,
    programs: [...new Set(programs)],
    update: values.update === true,
  };
}

function optionalText(value: string | undefined, option: string, maxLength: number): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') throw new ArgumentError(`${option} must not be empty`);
  if (text.length > maxLength) throw new ArgumentError(`${option} must be at most ${maxLength} characters`);
  return text;
}

function isOneOf<T extends string>(allowed: readonly T[], value: string): value is T {
  return (allowed as readonly string[]).includes(value);
}
