import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { TerritorySummary } from '@creneau/contracts';
import { toCentreSummary } from './centre-summary';
import { Territory } from './territory.entity';

@Injectable()
export class TerritoryService {
  constructor(@InjectRepository(Territory) private readonly territories: Repository<Territory>) {}

  async list(): Promise<TerritorySummary[]> {
    const territories = await this.territories.find({ relations: { centres: true }, order: { name: 'ASC' } });
    return territories.map((territory) => ({
      id: territory.id,
      name: territory.name,
      timezone: territory.timezone,
      targetDelayHours: territory.targetDelayHours,
      maximumDelayHours: territory.maximumDelayHours,
      centres: [...territory.centres].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((centre) => toCentreSummary(centre)),
    }));
  }
}
