import type { AdminUser, Payer, UserRole } from '@iop/contracts';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import type { CreateUserDto, UpdateUserDto } from './admin-users.dto';
import { type AccountChanges, AdminUsersQuery } from './admin-users.query';

/** What an account's role allows it to carry: a payer only for payers, programs only for directors. */
function checkRoleFits(role: UserRole, payer: Payer | null, programIds: number[]): void {
  if (role === 'payer' && !payer) throw new BadRequestException('payer is required for the payer role');
  if (role !== 'payer' && payer) throw new BadRequestException('payer is only for the payer role');
  if (role !== 'director' && programIds.length > 0) {
    throw new BadRequestException('programIds are only for the director role');
  }
}

const sameList = (a: number[], b: number[]) => a.length === b.length && a.every((value, i) => value === b[i]);
const sortedUnique = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);

/**
 * Creating and changing accounts: what each role may carry (checkRoleFits), no admin locking themselves out,
 * sessions ended when access shrinks, each change audited (never with the password).
 */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly users: AdminUsersQuery,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<AdminUser[]> {
    return this.users.list();
  }

  async create(admin: SignedInUser, request: CreateUserDto, ip: string | null): Promise<AdminUser> {
    const payer = request.payer ?? null;
    const programIds = sortedUnique(request.programIds ?? []);
    checkRoleFits(request.role, payer, programIds);
    await this.checkProgramsExist(programIds, admin.id);
    const passwordHash = await hashPassword(request.password);

    const created = await this.users.transaction(async (manager) => {
      const id = await this.users.insert(
        manager,
        { email: request.email, displayName: request.displayName, role: request.role, payer, passwordHash },
        admin.id,
      );
      if (id === null) throw new ConflictException(`An account with the e-mail ${request.email} already exists`);
      await this.users.replacePrograms(manager, id, programIds);
      return (await this.users.byId(id, manager)) as AdminUser;
    });
    await this.audit.record({
      user: admin,
      action: 'admin.user.create',
      resource: `users/${created.id}`,
      ip,
      details: {
        email: created.email,
        displayName: created.displayName,
        role: created.role,
        payer: created.payer,
        programIds: created.programIds,
      },
    });
    return created;
  }

  async update(admin: SignedInUser, id: number, request: UpdateUserDto, ip: string | null): Promise<AdminUser> {
    if (Object.values(request).every((value) => value === undefined)) {
      throw new BadRequestException('Nothing to change: send at least one field');
    }
    const before = await this.users.byId(id);
    if (!before) throw new NotFoundException(`No account with id ${id}`);
    if (id === admin.id && request.disabled === true) {
      throw new BadRequestException('You cannot disable your own account; another admin must do it');
    }
    if (id === admin.id && request.role !== undefined && request.role !== 'admin') {
      throw new BadRequestException('You cannot change your own role; another admin must do it');
    }

    // A role change drops what the new role may not carry, unless the request says otherwise.
    const role = request.role ?? before.role;
    const payer = request.payer !== undefined ? request.payer : role === 'payer' ? before.payer : null;
    const programIds = sortedUnique(request.programIds ?? (role === 'director' ? before.programIds : []));
    checkRoleFits(role, payer, programIds);
    await this.checkProgramsExist(programIds, admin.id);

    const changes: AccountChanges = {};
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    const compare = <K extends 'displayName' | 'role' | 'payer' | 'disabled'>(key: K, next: AdminUser[K]) => {
      if (next !== before[key]) {
        changed[key] = { from: before[key], to: next };
        (changes as Record<string, unknown>)[key] = next;
      }
    };
    compare('displayName', request.displayName ?? before.displayName);
    compare('role', role);
    compare('payer', payer);
    compare('disabled', request.disabled ?? before.disabled);
    const programsChanged = !sameList(programIds, before.programIds);
    if (programsChanged) changed['programIds'] = { from: before.programIds, to: programIds };
    const unlocked = request.unlock === true && before.lockedUntil !== null;
    if (request.unlock) changes.unlock = true;
    const passwordReset = request.password !== undefined;
    if (passwordReset) changes.passwordHash = await hashPassword(request.password as string);

    // A disabled account or a new role must not keep what its old sessions allowed; a new password ends the
    // sessions opened with the old one (except the admin's own, when they reset their own password).
    const endsSessions = changes.disabled === true || changes.role !== undefined || passwordReset;
    const after = await this.users.transaction(async (manager) => {
      await this.users.update(manager, id, changes);
      if (programsChanged) await this.users.replacePrograms(manager, id, programIds);
      const sessionsRevoked = endsSessions
        ? await this.users.revokeSessions(manager, id, id === admin.id ? admin.sessionId : null)
        : 0;
      return { user: (await this.users.byId(id, manager)) as AdminUser, sessionsRevoked };
    });
    await this.audit.record({
      user: admin,
      action: 'admin.user.update',
      resource: `users/${id}`,
      ip,
      details: {
        email: before.email,
        changed,
        ...(unlocked ? { unlocked: true } : {}),
        ...(passwordReset ? { passwordReset: true } : {}),
        sessionsRevoked: after.sessionsRevoked,
      },
    });
    return after.user;
  }

  private async checkProgramsExist(programIds: number[], adminId: number): Promise<void> {
    const unknown = await this.users.unknownPrograms(programIds, adminId);
    if (unknown.length > 0) throw new BadRequestException(`No program with id ${unknown.join(', ')}`);
  }
}
