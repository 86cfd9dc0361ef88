import type { CentreSummary } from '@creneau/contracts';
import type { CentreClosure } from './centre-closure.entity';
import type { Centre } from './centre.entity';

export function toCentreSummary(centre: Centre, closures: readonly CentreClosure[] = []): CentreSummary {
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
    closures: closures.map((closure) => ({
      from: closure.startsAt.toISOString(),
      to: closure.endsAt.toISOString(),
      reason: closure.reason,
    })),
    acceptedIndications: centre.acceptedIndications,
  };
}
