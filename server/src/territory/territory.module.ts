import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Centre } from './centre.entity';
import { CentresController } from './centres.controller';
import { CentresService } from './centres.service';
import { Territory } from './territory.entity';
import { TerritoryController } from './territory.controller';
import { TerritoryService } from './territory.service';

@Module({
  imports: [TypeOrmModule.forFeature([Territory, Centre])],
  controllers: [TerritoryController, CentresController],
  providers: [TerritoryService, CentresService],
  exports: [TerritoryService, CentresService],
})
export class TerritoryModule {}
