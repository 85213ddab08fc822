import type { HealthResponse } from '@iop/contracts';
import { Controller, Get, HttpStatus, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../access/public.decorator';

@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness and database reachability, for load balancers and `npm start`'s own wait. */
  @Get()
  @Public()
  @ApiOkResponse({ description: '{"status":"ok","database":"up"}' })
  @ApiServiceUnavailableResponse({ description: '{"status":"error","database":"down"}' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const databaseUp = await this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    if (!databaseUp) {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'error', database: 'down' };
    }
    return { status: 'ok', database: 'up' };
  }
}
