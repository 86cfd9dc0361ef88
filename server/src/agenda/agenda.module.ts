import { Module } from '@nestjs/common';
import { TerritoryModule } from '../territory/territory.module';
import { FhirExportController } from './fhir-export.controller';
import { FhirExportService } from './fhir-export.service';
import { SlotRuleHorizonJob } from './slot-rule-horizon.job';
import { SlotRuleMaterialiser } from './slot-rule-materialiser';
import { SlotRulesController } from './slot-rules.controller';
import { SlotRulesService } from './slot-rules.service';
import { SlotSearchStrategyChooser } from './slot-search-strategy';
import { SlotSearchService } from './slot-search.service';
import { SlotsController } from './slots.controller';
import { SlotsService } from './slots.service';

@Module({
  imports: [TerritoryModule],
  controllers: [SlotsController, SlotRulesController, FhirExportController],
  providers: [
    SlotsService,
    SlotSearchService,
    SlotSearchStrategyChooser,
    SlotRulesService,
    SlotRuleMaterialiser,
    FhirExportService,
    SlotRuleHorizonJob,
  ],
  exports: [SlotsService, SlotRulesService],
})
export class AgendaModule {}
