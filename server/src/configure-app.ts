import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, urlencoded } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { csrfMiddleware } from './access/csrf.middleware';
import { APP_VERSION } from './config/app-version';
import { DatabaseErrorFilter } from './database-error.filter';
import { validationPipe } from './validation';

/** What every instance of the app needs before listening: used by `main.ts` and by the tests alike. */
export function configureApp(app: INestApplication): void {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  // No weak ETag hashed from every JSON answer (a SHA-1 of each 20 kB search page): API answers are not revalidated.
  // Calendar feeds set their own ETag, which Express still honours (304); static files have serve-static's.
  (app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void }).set('etag', false);
  app.use(helmet());
  app.use(json({ limit: '256kb' }));
  app.use(urlencoded({ extended: false, limit: '256kb' }));
  app.use(cookieParser());
  app.use(csrfMiddleware);
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new DatabaseErrorFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Créneau API')
      .setDescription('Shared scheduler for semi-urgent medical imaging')
      .setVersion(APP_VERSION)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
}
