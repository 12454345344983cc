import { Module } from '@nestjs/common';
import { Registry } from '#registry';
import { DrawUpContractController } from './contract/draw-up-contract.controller.js';
import { GetContractTemplateController } from './contract/get-contract-template.controller.js';
import { LEGAL_ENTITY_RESOLVER } from './legal-entity/legal-entity-resolver.js';
import { meansRegistryProvider } from './means/means-registry.provider.js';
import { CreateSignSessionController } from './signature/create-sign-session.controller.js';
import { GetSignSessionStatusController } from './signature/get-sign-session-status.controller.js';
import { VerifySignatureController } from './signature/verify-signature.controller.js';

/** Nuts auth v1: contract templates, drawing up contracts, signing sessions and presentation verification. */
@Module({
  controllers: [
    GetContractTemplateController,
    DrawUpContractController,
    CreateSignSessionController,
    GetSignSessionStatusController,
    VerifySignatureController,
  ],
  providers: [meansRegistryProvider, { provide: LEGAL_ENTITY_RESOLVER, useExisting: Registry }],
})
export class AuthModule {}
