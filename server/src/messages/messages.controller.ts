import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow } from '../access/access.decorators';
import { MessagesService } from './messages.service';
import type { UnsentMessageView } from '@creneau/contracts';

@ApiTags('messages')
@Controller('messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('unsent')
  @Allow('secretariat', 'coordinator', 'admin')
  @ApiOperation({ summary: 'Messages to requesting doctors not sent yet (no SMTP, retrying) or given up, oldest first' })
  unsent(): Promise<UnsentMessageView[]> {
    return this.messages.unsent();
  }
}
