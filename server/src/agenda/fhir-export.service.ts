import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MODALITY_DICOM_CODES, MODALITY_LABELS, type Modality } from '@creneau/contracts';

/** How far ahead the published free slots go. */
const PUBLICATION_DAYS = 30;
const SMART_BOOKING_PHONE = 'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-phone';
const SMART_SLOT_CAPACITY = 'http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity';
const DICOM_MODALITY_SYSTEM = 'http://dicom.nema.org/resources/ontology/DCM';

interface LocationRow {
  id: string;
  name: string;
  street_address: string;
  postcode: string;
  city: string;
  latitude: number;
  longitude: number;
  phone: string;
}

interface SlotRow {
  id: string;
  centre_id: string;
  modality: Modality;
  starts_at: Date;
  ends_at: Date;
  places_left: number;
  phone: string;
}

/**
 * The pooled free slots as FHIR R4 resources, laid out as SMART Scheduling Links publishes them
 * (`$bulk-publish` manifest → Location / Schedule / Slot NDJSON), for regional or national aggregators.
 * No patient data: only centres and free slots.
 */
@Injectable()
export class FhirExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  manifest(baseUrl: string, now = new Date()): object {
    const file = (type: string, name: string) => ({ type, url: `${baseUrl}/${name}` });
    return {
      transactionTime: now.toISOString(),
      request: `${baseUrl}/$bulk-publish`,
      output: [file('Location', 'locations.ndjson'), file('Schedule', 'schedules.ndjson'), file('Slot', 'slots.ndjson')],
      error: [],
    };
  }

  async locations(): Promise<string> {
    const rows = (await this.dataSource.query(
      `SELECT id, name, street_address, postcode, city, latitude, longitude, phone FROM centre WHERE active ORDER BY name`,
    )) as LocationRow[];
    return ndjson(
      rows.map((row) => ({
        resourceType: 'Location',
        id: row.id,
        name: row.name,
        telecom: [{ system: 'phone', value: row.phone }],
        address: { line: [row.street_address], city: row.city, postalCode: row.postcode, country: 'FR' },
        position: { latitude: row.latitude, longitude: row.longitude },
      })),
    );
  }

  /** One Schedule per centre and modality it offers. */
  async schedules(): Promise<string> {
    const rows = (await this.dataSource.query(
      `SELECT c.id AS centre_id, m.modality FROM centre c CROSS JOIN LATERAL unnest(c.modalities) AS m (modality)
        WHERE c.active ORDER BY c.name, m.modality`,
    )) as { centre_id: string; modality: Modality }[];
    return ndjson(
      rows.map((row) => ({
        resourceType: 'Schedule',
        id: scheduleId(row.centre_id, row.modality),
        serviceType: [
          {
            coding: MODALITY_DICOM_CODES[row.modality].map((code) => ({ system: DICOM_MODALITY_SYSTEM, code })),
            text: MODALITY_LABELS[row.modality],
          },
        ],
        actor: [{ reference: `Location/${row.centre_id}` }],
      })),
    );
  }

  async slots(now = new Date()): Promise<string> {
    const rows = (await this.dataSource.query(
      `SELECT s.id, s.centre_id, s.modality, s.starts_at, s.ends_at, s.capacity - s.booked_count AS places_left, c.phone
         FROM slot s JOIN centre c ON c.id = s.centre_id
        WHERE s.status = 'open' AND s.booked_count < s.capacity AND s.release_at > $1
          AND s.starts_at >= $1 AND s.starts_at < $1 + make_interval(days => $2) AND c.active
        ORDER BY s.starts_at, s.id`,
      [now, PUBLICATION_DAYS],
    )) as SlotRow[];
    return ndjson(
      rows.map((row) => ({
        resourceType: 'Slot',
        id: row.id,
        schedule: { reference: `Schedule/${scheduleId(row.centre_id, row.modality)}` },
        status: 'free',
        start: row.starts_at.toISOString(),
        end: row.ends_at.toISOString(),
        extension: [
          { url: SMART_BOOKING_PHONE, valueString: row.phone },
          { url: SMART_SLOT_CAPACITY, valueInteger: row.places_left },
        ],
      })),
    );
  }
}

function scheduleId(centreId: string, modality: Modality): string {
  return `${centreId}-${modality}`;
}

function ndjson(resources: object[]): string {
  return resources.map((resource) => JSON.stringify(resource)).join('\n') + (resources.length > 0 ? '\n' : '');
}
