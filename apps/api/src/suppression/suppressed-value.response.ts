import type { SuppressedValue } from '@iop/contracts';
import {
  ApiProperty,
  type ApiPropertyOptions,
  getSchemaPath,
  type ReferenceObject,
  type SchemaObject,
} from '@nestjs/swagger';
import { RateValueDoc } from '../episodes/rate.response';

// OpenAPI descriptions of the withheld cell in @iop/contracts (rates.ts) and of the values that may be withheld.

export class SuppressedValueDoc implements SuppressedValue {
  @ApiProperty({ type: Boolean, enum: [true] }) suppressed!: true;
  @ApiProperty({ description: 'Why the cell is withheld; nothing in it reveals the value' }) reason!: string;
}

/**
 * A value, or the cell withheld in its place (CountOrSuppressed, RateOrSuppressed, MoneyOrSuppressed, ...).
 * SuppressedValueDoc is named by reference only, so configure-app.ts registers it with the document.
 */
export const orSuppressed = (value: SchemaObject | ReferenceObject, description?: string): ApiPropertyOptions => ({
  oneOf: [value, { $ref: getSchemaPath(SuppressedValueDoc) }],
  ...(description === undefined ? {} : { description }),
});

/** A count of episodes or appointments, or the withheld cell. */
export const countOrSuppressed = (description?: string) => ApiProperty(orSuppressed({ type: 'integer' }, description));

/** A mean, median or sum, or the withheld cell; `nullable` when there may be nothing to average. */
export const numberOrSuppressed = ({ nullable = false, description }: { nullable?: boolean; description?: string }) =>
  ApiProperty(orSuppressed({ type: 'number', ...(nullable ? { nullable } : {}) }, description));

/** A rate, or the withheld cell (RateOrSuppressed); RateValueDoc is registered by configure-app.ts too. */
export const rateOrSuppressed = (description?: string) =>
  ApiProperty(orSuppressed({ $ref: getSchemaPath(RateValueDoc) }, description));
