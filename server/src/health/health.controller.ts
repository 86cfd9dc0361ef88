import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { HealthReport } from '@creneau/contracts';
import { Public } from '../access/access.decorators';
import { APP_VERSION } from '../config/app-version';

const PROBE_TIMEOUT_MS = 2_000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  @ApiOperation({ summary: "The server's and the database's state" })
  @ApiResponse({ status: 200, description: 'The database answers.' })
  @ApiResponse({ status: 503, description: 'The database does not answer.' })
  async check(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const databaseUp = await this.databaseAnswers();
    response.status(databaseUp ? 200 : 503);
    return { status: databaseUp ? 'ok' : 'unavailable', database: databaseUp ? 'up' : 'down', version: APP_VERSION };
  }

  private async databaseAnswers(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS)));
    const probe = this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
