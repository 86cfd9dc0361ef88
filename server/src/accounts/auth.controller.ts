import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { SessionInfo } from '@creneau/contracts';
import { AnyRole, CurrentActor, Public } from '../access/access.decorators';
import type { Actor } from '../access/actor';
import { SESSION_COOKIE, sessionCookieOptions } from '../access/cookies';
import { toAccountSummary } from './account-summary';
import { AccountsService } from './accounts.service';
import { AuthService } from './auth.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
    private readonly sessions: SessionService,
  ) {}

  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in: sets the httpOnly session cookie (send X-XSRF-TOKEN as for every POST)' })
  async login(
    @Body() body: LoginDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionInfo> {
    const { account, token } = await this.auth.login(body.email, body.password);
    response.cookie(SESSION_COOKIE, token, sessionCookieOptions(request));
    return { account: toAccountSummary(account), idleTimeoutMinutes: this.sessions.idleTimeoutMinutes };
  }

  @Post('logout')
  @AnyRole()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session' })
  async logout(
    @CurrentActor() actor: Actor,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(actor);
    response.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
  }

  @Get('me')
  @AnyRole()
  @ApiOperation({ summary: 'The signed-in account' })
  async me(@CurrentActor() actor: Actor): Promise<SessionInfo> {
    return { account: await this.accounts.summary(actor.accountId), idleTimeoutMinutes: this.sessions.idleTimeoutMinutes };
  }

  @Post('password')
  @AnyRole()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change one’s own password; other sessions end' })
  changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }
}
