import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Centre } from './centre.entity';
import { Territory } from './territory.entity';
import { TerritoryController } from './territory.controller';
import { TerritoryService } from './territory.service';

@Module({
  imports: [TypeOrmModule.forFeature([Territory, Centre])],
  controllers: [TerritoryController],
  providers: [TerritoryService],
  exports: [TerritoryService],
})
export class TerritoryModule {}
