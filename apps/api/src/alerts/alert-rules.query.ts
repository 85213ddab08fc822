import {
  ALERT_COMPARISONS,
  ALERT_KINDS,
  ALERT_SCOPES,
  type AlertRule,
  type AlertRuleValue,
  EPISODE_METRICS,
  PAYERS,
} from '@iop/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { SESSION_USER_COLUMNS, sessionUserRow } from '../access/session-user.row';
import { parseOptionalRow, parseRows, parseUpdateResult } from '../database/parse-rows';
import { pg } from '../database/pg-columns';
import { groupLabel } from '../episodes/labels';

const ruleRow = z.object({
  id: pg.int,
  owner_id: pg.int,
  metric: z.enum(EPISODE_METRICS),
  scope: z.enum(ALERT_SCOPES),
  program_id: pg.int.nullable(),
  program_name: pg.text.nullable(),
  payer: z.enum(PAYERS).nullable(),
  kind: z.enum(ALERT_KINDS),
  comparison: z.enum(ALERT_COMPARISONS).nullable(),
  threshold: pg.float8.nullable(),
  enabled: pg.bool,
  created_at: pg.isoTimestamp,
  updated_at: pg.isoTimestamp,
});
type RuleRow = z.output<typeof ruleRow>;

const RULE_COLUMNS = `r.id, r.owner_id, r.metric, r.scope, r.program_id, p.name AS program_name, r.payer, r.kind,
  r.comparison, r.threshold, r.enabled, r.created_at, r.updated_at`;
const RULE_FROM = `alert_rules r LEFT JOIN programs p ON p.id = r.program_id`;

const idRow = z.object({ id: pg.int });
const programRow = z.object({ id: pg.int });
const ownerRow = sessionUserRow.extend({ orgId: pg.int });

export type AlertOwner = z.output<typeof ownerRow>;

/** A rule with its owner id, as the evaluation reads it. */
export interface StoredAlertRule extends AlertRule {
  ownerId: number;
}

/** "Evening IOP", "Commercial", or "All programs" (for a director: all of theirs). */
export function scopeLabelOf(rule: Pick<AlertRuleValue, 'scope' | 'payer'>, programName: string | null): string {
  if (rule.scope === 'program') return programName ?? 'a removed program';
  if (rule.scope === 'payer' && rule.payer) return groupLabel('payer', rule.payer);
  return 'all programs in your view';
}

function toRule(row: RuleRow): StoredAlertRule {
  return {
    id: row.id,
    ownerId: row.owner_id,
    metric: row.metric,
    scope: row.scope,
    programId: row.program_id,
    payer: row.payer,
    kind: row.kind,
    comparison: row.comparison,
    threshold: row.threshold,
    enabled: row.enabled,
    scopeLabel: scopeLabelOf(row, row.program_name),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const ruleParameters = (rule: AlertRuleValue) => [
  rule.metric,
  rule.scope,
  rule.programId,
  rule.payer,
  rule.kind,
  rule.comparison,
  rule.threshold,
  rule.enabled,
];

/** The SQL of alert_rules: a user's own rules, and every enabled rule with its owner for the evaluation. */
@Injectable()
export class AlertRulesQuery {
  constructor(private readonly dataSource: DataSource) {}

  async ownedBy(userId: number): Promise<StoredAlertRule[]> {
    const rows: unknown = await this.dataSource.query(
      `SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} WHERE r.owner_id = $1 ORDER BY r.created_at DESC, r.id DESC`,
      [userId],
    );
    return parseRows('AlertRulesQuery.ownedBy', ruleRow, rows).map(toRule);
  }

  async one(userId: number, id: number): Promise<StoredAlertRule | null> {
    const rows: unknown = await this.dataSource.query(
      `SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} WHERE r.owner_id = $1 AND r.id = $2`,
      [userId, id],
    );
    const row = parseOptionalRow('AlertRulesQuery.one', ruleRow, rows);
    return row && toRule(row);
  }

  async create(userId: number, rule: AlertRuleValue): Promise<number> {
    const rows: unknown = await this.dataSource.query(
      `INSERT INTO alert_rules (org_id, owner_id, metric, scope, program_id, payer, kind, comparison, threshold, enabled)
       SELECT org_id, id, $2, $3, $4, $5, $6, $7, $8, $9 FROM users WHERE id = $1 RETURNING id`,
      [userId, ...ruleParameters(rule)],
    );
    return parseRows('AlertRulesQuery.create', idRow, rows)[0].id;
  }

  /** False when the user has no such rule. */
  async update(userId: number, id: number, rule: AlertRuleValue): Promise<boolean> {
    const rows: unknown = await this.dataSource.query(
      `UPDATE alert_rules SET metric = $3, scope = $4, program_id = $5, payer = $6, kind = $7, comparison = $8,
         threshold = $9, enabled = $10, updated_at = now()
       WHERE owner_id = $1 AND id = $2 RETURNING id`,
      [userId, id, ...ruleParameters(rule)],
    );
    return parseUpdateResult('AlertRulesQuery.update', idRow, rows).affected > 0;
  }

  async remove(userId: number, id: number): Promise<boolean> {
    const rows: unknown = await this.dataSource.query(
      `DELETE FROM alert_rules WHERE owner_id = $1 AND id = $2 RETURNING id`,
      [userId, id],
    );
    return parseUpdateResult('AlertRulesQuery.remove', idRow, rows).affected > 0;
  }

  /** Whether the program belongs to the user's organisation. */
  async programOfOrganisation(userId: number, programId: number): Promise<boolean> {
    const rows: unknown = await this.dataSource.query(
      `SELECT p.id FROM programs p JOIN users u ON u.org_id = p.org_id WHERE u.id = $1 AND p.id = $2`,
      [userId, programId],
    );
    return parseOptionalRow('AlertRulesQuery.programOfOrganisation', programRow, rows) !== null;
  }

  /** Every enabled rule whose owner is still active, oldest first. */
  async enabledRules(): Promise<StoredAlertRule[]> {
    const rows: unknown = await this.dataSource.query(
      `SELECT ${RULE_COLUMNS} FROM ${RULE_FROM} JOIN users o ON o.id = r.owner_id
       WHERE r.enabled AND NOT o.disabled ORDER BY r.id`,
    );
    return parseRows('AlertRulesQuery.enabledRules', ruleRow, rows).map(toRule);
  }

  /** The owners of rules, with their role, programs and payer as they are now. */
  async owners(userIds: number[]): Promise<Map<number, AlertOwner>> {
    if (userIds.length === 0) return new Map();
    const rows: unknown = await this.dataSource.query(
      `SELECT ${SESSION_USER_COLUMNS}, u.org_id AS "orgId"
       FROM users u LEFT JOIN user_programs up ON up.user_id = u.id
       WHERE u.id = ANY($1) AND NOT u.disabled GROUP BY u.id`,
      [userIds],
    );
    return new Map(parseRows('AlertRulesQuery.owners', ownerRow, rows).map((owner) => [owner.id, owner]));
  }
}
