import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CommuneView, SearchOrigin } from '@creneau/contracts';
import { communeMatchKey } from '@creneau/domain';
import type { Actor } from '../access/actor';
import { AuditService } from '../audit/audit.service';
import { CommuneListDto } from './dto/commune.dto';

const SUGGESTIONS = 20;

interface CommuneRow {
  id: string;
  name: string;
  postal_code: string;
  insee_code: string | null;
  latitude: number;
  longitude: number;
}

const COLUMNS = 'id, name, postal_code, insee_code, latitude, longitude';

/** The territory's communes: where its patients live, to measure the way to each centre. */
@Injectable()
export class CommunesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Suggestions as the telesecretary types a name or a postal code, shortest names first. */
  async suggest(query: string): Promise<CommuneView[]> {
    const digits = /^\d+$/.test(query.trim());
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM commune
        WHERE territory_id = (SELECT id FROM territory ORDER BY created_at LIMIT 1)
          AND ${digits ? 'postal_code LIKE $1' : 'match_key LIKE $1'}
        ORDER BY length(name), name, postal_code LIMIT ${SUGGESTIONS}`,
      [`${digits ? query.trim() : communeMatchKey(query)}%`],
    )) as CommuneRow[];
    return rows.map(toView);
  }

  /**
   * The commune a form's postal code and name designate: both when they agree; else the name alone, or the postal
   * code alone, when only one commune of the territory has it. Null when nothing says for sure.
   */
  async locate(postalCode: string | undefined, name: string | undefined): Promise<SearchOrigin | null> {
    const key = name === undefined ? null : communeMatchKey(name);
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS}, match_key FROM commune
        WHERE territory_id = (SELECT id FROM territory ORDER BY created_at LIMIT 1)
          AND (postal_code = $1 OR match_key = $2)`,
      [postalCode ?? null, key],
    )) as (CommuneRow & { match_key: string })[];
    const both = rows.filter((row) => row.postal_code === postalCode && row.match_key === key);
    const byName = rows.filter((row) => row.match_key === key);
    const byCode = rows.filter((row) => row.postal_code === postalCode);
    const found = [both, byName, byCode].find((candidates) => candidates.length === 1)?.[0];
    return found ? { latitude: found.latitude, longitude: found.longitude, commune: `${found.postal_code} ${found.name}` } : null;
  }

  /** Replaces the whole list in one transaction: a list with a fault changes nothing. */
  async replace(actor: Actor, input: CommuneListDto): Promise<CommuneView[]> {
    const seen = new Map<string, number>();
    const fields: Record<string, string[]> = {};
    input.communes.forEach((commune, index) => {
      const key = `${commune.postalCode} ${communeMatchKey(commune.name)}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else fields[`communes.${index}.name`] = [`déjà donnée en ligne ${first + 1} avec ce code postal`];
      if (communeMatchKey(commune.name) === '') fields[`communes.${index}.name`] = ['nom sans lettres'];
    });
    if (Object.keys(fields).length > 0) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Requête invalide : voir les champs en erreur.',
        fields,
      });
    }
    await this.dataSource.transaction(async (manager) => {
      const [{ id: territoryId }] = (await manager.query(`SELECT id FROM territory ORDER BY created_at LIMIT 1 FOR UPDATE`)) as {
        id: string;
      }[];
      const before = await this.count(manager, territoryId);
      await manager.query(`DELETE FROM commune WHERE territory_id = $1`, [territoryId]);
      await manager.query(
        `INSERT INTO commune (territory_id, name, postal_code, insee_code, latitude, longitude, match_key)
         SELECT $1, c.name, c.postal_code, c.insee_code, c.latitude, c.longitude, c.match_key
           FROM jsonb_to_recordset($2::jsonb) AS c (name text, postal_code text, insee_code text, latitude float8,
                                                   longitude float8, match_key text)`,
        [
          territoryId,
          JSON.stringify(
            input.communes.map((commune) => ({
              name: commune.name.trim(),
              postal_code: commune.postalCode,
              insee_code: commune.inseeCode ?? null,
              latitude: commune.latitude,
              longitude: commune.longitude,
              match_key: communeMatchKey(commune.name),
            })),
          ),
        ],
      );
      await this.audit.record(
        {
          actor,
          action: 'replace',
          entity: 'commune',
          entityId: territoryId,
          reason: input.reason,
          details: { before, after: input.communes.length },
        },
        manager,
      );
    });
    return this.list();
  }

  async list(): Promise<CommuneView[]> {
    const rows = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM commune WHERE territory_id = (SELECT id FROM territory ORDER BY created_at LIMIT 1)
        ORDER BY name, postal_code`,
    )) as CommuneRow[];
    return rows.map(toView);
  }

  private async count(manager: EntityManager, territoryId: string): Promise<number> {
    const [{ count }] = (await manager.query(`SELECT count(*)::int AS count FROM commune WHERE territory_id = $1`, [
      territoryId,
    ])) as { count: number }[];
    return count;
  }
}

function toView(row: CommuneRow): CommuneView {
  return {
    id: row.id,
    name: row.name,
    postalCode: row.postal_code,
    inseeCode: row.insee_code,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}
