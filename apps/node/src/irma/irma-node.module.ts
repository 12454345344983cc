import { Module, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { IdemixProofVerifier, IrmaModule, IrmaSessionEngine, ProofVerifierPool, type IrmaModuleOptions, type StoredSession } from '#irma';
import { SessionStores } from '../store/session-stores.js';
import { IrmaSchemes } from './irma-configuration.provider.js';

/** Token of the node's one `IrmaSessionEngine` (the irma means starts its sessions through it). */
export const IRMA_ENGINE = Symbol.for('nutshell.IrmaSessionEngine');

/** Token of the worker pool that verifies proofs off the event loop (undefined when `irma.workers` is 0). */
const PROOF_POOL = Symbol.for('nutshell.ProofVerifierPool');

@Injectable()
class EngineCloser implements OnApplicationShutdown {
  constructor(
    @Inject(IRMA_ENGINE) private readonly engine: IrmaSessionEngine,
    @Inject(PROOF_POOL) private readonly pool: ProofVerifierPool | undefined,
  ) {}
  async onApplicationShutdown(): Promise<void> {
    await this.engine.close();
    await this.pool?.close();
  }
}

@Module({
  providers: [
    IrmaSchemes,
    {
      provide: PROOF_POOL,
      inject: [NODE_CONFIG],
      // Workers run the compiled engine from dist/ (built by `npm ci` / `npm test`).
      useFactory: (config: NodeConfig) => (config.irma.workers > 0 ? new ProofVerifierPool({ size: config.irma.workers }) : undefined),
    },
    {
      provide: IRMA_ENGINE,
      inject: [NODE_CONFIG, SessionStores, IrmaSchemes, PROOF_POOL],
      useFactory: async (config: NodeConfig, stores: SessionStores, schemes: IrmaSchemes, pool: ProofVerifierPool | undefined) => {
        const configuration = await schemes.load();
        return new IrmaSessionEngine({
          store: stores.get<StoredSession>('irma'),
          verifier: new IdemixProofVerifier({ configuration, trustedTimestampKeys: config.irma.trustedTimestampKeys, ...(pool ? { pool } : {}) }),
          urlPrefix: config.publicUrl + config.irma.prefix,
          production: config.strictMode,
          scheme: {
            isKnown: (id) => (id.split('.').length === 3 ? configuration.credentialType(id) !== undefined : configuration.attributeType(id) !== undefined),
            isSingleton: (id) => configuration.credentialType(id)?.singleton === true,
          },
        });
      },
    },
    EngineCloser,
  ],
  exports: [IRMA_ENGINE, IrmaSchemes],
})
class IrmaEngineModule {}

/** The IRMA engine of the node: client protocol under `irma.prefix`, loopback-only requestor API under `<prefix>/requestor`. */
@Module({
  imports: [
    IrmaEngineModule,
    IrmaModule.forRootAsync({
      imports: [IrmaEngineModule],
      inject: [IRMA_ENGINE, NODE_CONFIG],
      useFactory: (engine: IrmaSessionEngine, config: NodeConfig): IrmaModuleOptions => ({
        engine,
        prefix: config.irma.prefix,
        requestorPrefix: `${config.irma.prefix}/requestor`,
        requestorAccess: 'loopback',
      }),
    }),
  ],
  exports: [IrmaEngineModule],
})
export class IrmaNodeModule {}
