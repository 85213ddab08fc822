import type { RateValue } from '@iop/contracts';
import { ApiProperty } from '@nestjs/swagger';

// The OpenAPI description of the API's one rate shape (rate.ts), which every domain's responses use.

export class RateValueDoc implements RateValue {
  @ApiProperty({ example: 4512 }) numerator!: number;
  @ApiProperty({ example: 5640 }) denominator!: number;
  @ApiProperty({ type: Number, nullable: true, example: 0.8 }) rate!: number | null;
  @ApiProperty({
    type: [Number],
    minItems: 2,
    maxItems: 2,
    nullable: true,
    description: 'Wilson 95% interval',
    example: [0.789, 0.81],
  })
  ci95!: [number, number] | null;
}
