import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../access/access.decorators';
import { FeedContentService } from './feed-content.service';

/** What calendar clients subscribe to: the token in the address is the credential. */
@ApiTags('calendars')
@Controller()
export class FeedContentController {
  constructor(private readonly content: FeedContentService) {}

  @Get('calendars/feed.ics')
  @Public()
  @ApiOperation({ summary: 'A feed (iCalendar); 404 for an unknown or revoked token; 304 when If-None-Match still holds' })
  async feed(
    @Query('token') token: unknown,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const { body, etag } = await this.content.render(token, ifNoneMatch);
    // private: a feed may name patients, and no shared cache is to keep it; no-cache: ask again, the ETag makes it cheap.
    response.set({ 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'private, no-cache', ETag: etag });
    if (body === null) response.status(304).end();
    else response.status(200).send(body);
  }
}
