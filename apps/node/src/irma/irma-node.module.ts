import { Module, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { IdemixProofVerifier, IrmaModule, IrmaSessionEngine, type IrmaModuleOptions, type StoredSession } from '#irma';
import { SessionStores } from '../store/session-stores.js';
import { IrmaSchemes } from './irma-configuration.provider.js';

/** Token of the node's one `IrmaSessionEngine` (the irma means starts its sessions through it). */
export const IRMA_ENGINE = Symbol.for('nutshell.IrmaSessionEngine');

@Injectable()
class EngineCloser implements OnApplicationShutdown {
  constructor(@Inject(IRMA_ENGINE) private readonly engine: IrmaSessionEngine) {}
  async onApplicationShutdown(): Promise<void> {
    await this.engine.close();
  }
}

@Module({
  providers: [
    IrmaSchemes,
    {
      provide: IRMA_ENGINE,
      inject: [NODE_CONFIG, SessionStores, IrmaSchemes],
      useFactory: async (config: NodeConfig, stores: SessionStores, schemes: IrmaSchemes) => {
        const configuration = await schemes.load();
        return new IrmaSessionEngine({
          store: stores.get<StoredSession>('irma'),
          verifier: new IdemixProofVerifier({ configuration, trustedTimestampKeys: config.irma.trustedTimestampKeys }),
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
