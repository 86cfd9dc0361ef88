import { Global, Module } from '@nestjs/common';
import { mailTransportProvider } from './mail-transport';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { OutboxJob } from './outbox.job';
import { OutboxSender } from './outbox-sender.service';
import { OutboxWriter } from './outbox-writer.service';

/**
 * Messages to the requesting doctors through an outbox. Global like the audit: the booking
 * transitions write their message with the change, wherever they live.
 */
@Global()
@Module({
  controllers: [MessagesController],
  providers: [mailTransportProvider, OutboxWriter, OutboxSender, OutboxJob, MessagesService],
  exports: [OutboxWriter],
})
export class MessagesModule {}
