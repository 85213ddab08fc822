import type { HealthResponse } from '@iop/contracts';
import { Controller, Get, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '../access/public.decorator';

class HealthResponseDoc implements HealthResponse {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: HealthResponse['status'];
  @ApiProperty({ enum: ['up', 'down'] }) database!: HealthResponse['database'];
}

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and database reachability, for load balancers and `npm start`'s own wait. */
  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database reachability (no sign-in)' })
  @ApiOkResponse({ type: HealthResponseDoc, description: 'The API and its database answer' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDoc, description: 'The database does not answer' })
  async check(): Promise<HealthResponse> {
    const databaseUp = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    if (!databaseUp) {
      const down: HealthResponse = { status: 'error', database: 'down' };
      throw new ServiceUnavailableException(down);
    }
    return { status: 'ok', database: 'up' };
  }
}
