import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JobStatusView } from '@creneau/contracts';
import { Allow } from '../access/access.decorators';
import { JobRunsService } from './job-runs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly runs: JobRunsService) {}

  @Get('runs')
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'The last run of each scheduled job: when, on which instance, its outcome and counts' })
  latest(): Promise<JobStatusView[]> {
    return this.runs.latest();
  }
}
