import { type AlertRule, alertRuleProblems, type AlertRuleValue } from '@iop/contracts';
import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { SignedInUser } from '../access/signed-in-user';
import { AuditService } from '../audit/audit.service';
import { ruleRefusal } from './alert-access';
import { AlertRulesQuery, type StoredAlertRule } from './alert-rules.query';

const ruleNotFound = (id: number) => new NotFoundException(`You have no alert rule ${id}`);

/** What the API answers for a rule (the owner id stays inside). */
function published({ ownerId: _owner, ...rule }: StoredAlertRule): AlertRule {
  return rule;
}

/**
 * A user's own alert rules. Every role may keep rules on what it may see (alert-access.ts); nobody sees or
 * changes another user's rules. Changes are audited as alerts.rules.*.
 */
@Injectable()
export class AlertRulesService {
  constructor(
    private readonly rules: AlertRulesQuery,
    private readonly audit: AuditService,
  ) {}

  async list(user: SignedInUser): Promise<AlertRule[]> {
    return (await this.rules.ownedBy(user.id)).map(published);
  }

  async create(user: SignedInUser, value: AlertRuleValue, ip: string | null): Promise<AlertRule> {
    await this.check(user, value);
    const id = await this.rules.create(user.id, value);
    await this.audit.record({
      user,
      action: 'alerts.rules.create',
      resource: `alerts/rules/${id}`,
      ip,
      details: { ...value },
    });
    return this.one(user, id);
  }

  async update(user: SignedInUser, id: number, value: AlertRuleValue, ip: string | null): Promise<AlertRule> {
    await this.check(user, value);
    if (!(await this.rules.update(user.id, id, value))) throw ruleNotFound(id);
    await this.audit.record({
      user,
      action: 'alerts.rules.update',
      resource: `alerts/rules/${id}`,
      ip,
      details: { ...value },
    });
    return this.one(user, id);
  }

  async remove(user: SignedInUser, id: number, ip: string | null): Promise<void> {
    if (!(await this.rules.remove(user.id, id))) throw ruleNotFound(id);
    await this.audit.record({ user, action: 'alerts.rules.delete', resource: `alerts/rules/${id}`, ip });
  }

  private async one(user: SignedInUser, id: number): Promise<AlertRule> {
    const rule = await this.rules.one(user.id, id);
    if (!rule) throw ruleNotFound(id);
    return published(rule);
  }

  /** 400 for a rule that cannot be (each message names its field), 403 for one outside the user's view. */
  private async check(user: SignedInUser, value: AlertRuleValue): Promise<void> {
    const problems = alertRuleProblems(value);
    if (problems.length > 0) throw new BadRequestException(problems);
    if (value.programId !== null && !(await this.rules.programOfOrganisation(user.id, value.programId))) {
      throw new BadRequestException([`programId ${value.programId} is not a program of your organisation`]);
    }
    const refusal = ruleRefusal(user, value);
    if (refusal) throw new ForbiddenException(refusal);
  }
}
