import { Module } from '@nestjs/common';
import { DemoMarkersRepository } from './demo-markers.repository.js';

/** Which data is demonstration data (SEED_DEMO), so the API and the web app can say so. */
@Module({
  providers: [DemoMarkersRepository],
  exports: [DemoMarkersRepository],
})
export class DemoModule {}
