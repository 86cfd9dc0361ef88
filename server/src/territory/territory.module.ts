import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Centre } from './centre.entity';
import { CentresController } from './centres.controller';
import { CentresService } from './centres.service';
import { CommunesController } from './communes.controller';
import { CommunesService } from './communes.service';
import { Territory } from './territory.entity';
import { TerritoryController } from './territory.controller';
import { TerritoryService } from './territory.service';

@Module({
  imports: [TypeOrmModule.forFeature([Territory, Centre])],
  controllers: [TerritoryController, CentresController, CommunesController],
  providers: [TerritoryService, CentresService, CommunesService],
  exports: [TerritoryService, CentresService, CommunesService],
})
export class TerritoryModule {}
