import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEventView } from '@creneau/contracts';
import { Allow } from '../access/access.decorators';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'The audit trail, by imaging request, account, entity or period (newest first)' })
  find(@Query() query: AuditQueryDto): Promise<AuditEventView[]> {
    return this.audit.find(query);
  }
}
