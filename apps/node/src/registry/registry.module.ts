import { Global, Module } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { KEY_STORE, Registry } from '#registry';
import { LOGGER, type Logger } from '../logging/logger.js';
import { TrustIssuerController } from './trust/trust-issuer.controller.js';
import { ListTrustedController } from './trust/list-trusted.controller.js';
import { ListUntrustedController } from './trust/list-untrusted.controller.js';
import { UntrustIssuerController } from './trust/untrust-issuer.controller.js';
import { IssueVcController } from './vcr/issue-vc.controller.js';
import { ResolveVcController } from './vcr/resolve-vc.controller.js';
import { SearchIssuedVcsController } from './vcr/search-issued-vcs.controller.js';
import { VerifyVcController } from './vcr/verify-vc.controller.js';
import { CreateVpController } from './vcr/create-vp.controller.js';
import { VerifyVpController } from './vcr/verify-vp.controller.js';
import { CreateDidController } from './vdr/create-did.controller.js';
import { DeactivateDidController } from './vdr/deactivate-did.controller.js';
import { DidWebController } from './vdr/did-web.controller.js';
import { ListDidsController } from './vdr/list-dids.controller.js';
import { ResolveDidController } from './vdr/resolve-did.controller.js';

/** DID and credential registry endpoints (VDR/VCR, nuts v6 shapes); provides `Registry` and `KEY_STORE` to the whole node. */
@Global()
@Module({
  controllers: [
    CreateDidController,
    ListDidsController,
    ResolveDidController,
    DeactivateDidController,
    DidWebController,
    IssueVcController,
    SearchIssuedVcsController,
    ResolveVcController,
    VerifyVcController,
    CreateVpController,
    VerifyVpController,
    TrustIssuerController,
    UntrustIssuerController,
    ListTrustedController,
    ListUntrustedController,
  ],
  providers: [
    {
      provide: Registry,
      inject: [NODE_CONFIG, LOGGER],
      useFactory: (config: NodeConfig, logger: Logger): Promise<Registry> =>
        Registry.open({
          datadir: config.datadir,
          publicUrl: config.publicUrl,
          passphrase: config.keystore.passphrase,
          clockSkewSeconds: config.contract.clockSkewSeconds,
          warn: (message) => logger.warn({ context: 'registry' }, message),
        }),
    },
    { provide: KEY_STORE, inject: [Registry], useFactory: (registry: Registry) => registry.keyStore },
  ],
  exports: [Registry, KEY_STORE],
})
export class RegistryHttpModule {}
