import { Module } from '@nestjs/common';

/** DID and credential registry endpoints (VDR/VCR). */
@Module({})
export class RegistryHttpModule {}
