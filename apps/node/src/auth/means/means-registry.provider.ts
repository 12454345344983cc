import type { FactoryProvider } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { createMeansRegistry, DummyMeans, type DummySessionRecord, MeansRegistry, type ProofKeys } from '#means';
import { KEY_STORE } from '#registry';
import { LOGGER, type Logger } from '../../logging/logger.js';
import { SessionStores } from '../../store/session-stores.js';

/** Builds the node's `MeansRegistry` from configuration, with session state on the configured store. */
export const meansRegistryProvider: FactoryProvider<MeansRegistry> = {
  provide: MeansRegistry,
  inject: [NODE_CONFIG, SessionStores, KEY_STORE, LOGGER],
  useFactory: (config: NodeConfig, stores: SessionStores, keys: ProofKeys, logger: Logger): MeansRegistry => {
    const built = createMeansRegistry(config, {
      dummy: () => new DummyMeans({ store: stores.get<DummySessionRecord>('means'), keys, clockSkewSeconds: config.contract.clockSkewSeconds }),
    });
    if (built.refused.length > 0) logger.warn({ means: built.refused }, 'signing means refused in strict mode');
    if (built.unavailable.length > 0) logger.warn({ means: built.unavailable }, 'configured signing means not available in this node');
    logger.info({ means: built.registry.names }, 'signing means registered');
    return built.registry;
  },
};
