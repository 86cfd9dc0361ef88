import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../access/access.decorators';
import { FhirExportService } from './fhir-export.service';

const NDJSON = 'application/fhir+ndjson';

/** Public on purpose: free slots and centres only, for aggregators that read SMART Scheduling Links. */
@ApiTags('fhir')
@Controller('fhir')
export class FhirExportController {
  constructor(private readonly fhir: FhirExportService) {}

  @Get('$bulk-publish')
  @Public()
  @ApiOperation({ summary: 'SMART Scheduling Links manifest of the pooled free slots' })
  manifest(@Req() request: Request): object {
    return this.fhir.manifest(`${request.protocol}://${request.get('host')}/api/fhir`);
  }

  @Get('locations.ndjson')
  @Public()
  @Header('Content-Type', NDJSON)
  @ApiOperation({ summary: 'FHIR R4 Location of every active centre' })
  locations(): Promise<string> {
    return this.fhir.locations();
  }

  @Get('schedules.ndjson')
  @Public()
  @Header('Content-Type', NDJSON)
  @ApiOperation({ summary: 'FHIR R4 Schedule per centre and modality' })
  schedules(): Promise<string> {
    return this.fhir.schedules();
  }

  @Get('slots.ndjson')
  @Public()
  @Header('Content-Type', NDJSON)
  @ApiOperation({ summary: 'FHIR R4 Slot of every free slot of the next 30 days' })
  slots(): Promise<string> {
    return this.fhir.slots();
  }
}
