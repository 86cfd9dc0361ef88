import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CentreSummary, TerritorySummary } from '@creneau/contracts';
import { Centre } from './centre.entity';
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
      centres: [...territory.centres].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map(toCentreSummary),
    }));
  }
}

export function toCentreSummary(centre: Centre): CentreSummary {
  return {
    id: centre.id,
    name: centre.name,
    sector: centre.sector,
    organisation: centre.organisation,
    address: `${centre.streetAddress}, ${centre.postcode} ${centre.city}`,
    location: { latitude: centre.latitude, longitude: centre.longitude },
    phone: centre.phone,
    modalities: centre.modalities,
    wheelchairAccessible: centre.wheelchairAccessible,
    stretcherAccessible: centre.stretcherAccessible,
    acceptsMrConditionalPacemaker: centre.acceptsMrConditionalPacemaker,
    active: centre.active,
  };
}
