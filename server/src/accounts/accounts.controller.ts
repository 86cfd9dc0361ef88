import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccountSummary } from '@creneau/contracts';
import { Allow, CurrentActor } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { AccountsService } from './accounts.service';
import { CreateAccountDto } from './dto/create-account.dto';
import { UpdateAccountDto } from './dto/update-account.dto';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'Every account of the territory' })
  list(): Promise<AccountSummary[]> {
    return this.accounts.list();
  }

  @Get(':id')
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'One account' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<AccountSummary> {
    return this.accounts.summary(id);
  }

  @Post()
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'Create an account' })
  create(@CurrentActor() actor: Actor, @Body() body: CreateAccountDto): Promise<AccountSummary> {
    return this.accounts.create(actor, body);
  }

  @Patch(':id')
  @Allow('coordinator', 'admin')
  @ApiOperation({ summary: 'Rename, re-bind to centres, disable or enable an account (with a reason)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateAccountDto,
  ): Promise<AccountSummary> {
    return this.accounts.update(actor, id, body);
  }
}
