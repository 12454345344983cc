import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { IrmaConfiguration } from '#irma';
import { LOGGER, type Logger } from '../logging/logger.js';

/**
 * The node's IRMA schemes: `<datadir>/irma` (or `irma.schemesPath`), seeded from `irma.schemesAssetsPath` on first
 * start. With no scheme at all, irma-demo and pbdf are downloaded from their URLs in the background (as irmago
 * does), so a node without network still starts; its IRMA sessions then refuse unknown attributes.
 */
@Injectable()
export class IrmaSchemes implements OnApplicationShutdown {
  private stopUpdates: () => void = () => undefined;
  configuration!: IrmaConfiguration;

  constructor(
    @Inject(NODE_CONFIG) private readonly config: NodeConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Loads and verifies the schemes; starts downloads and periodic updates. */
  async load(): Promise<IrmaConfiguration> {
    const log = this.logger.child({ component: 'irma-schemes' });
    this.configuration = await IrmaConfiguration.load({
      schemesPath: this.config.irma.schemesPath,
      assetsPath: this.config.irma.schemesAssetsPath,
      strict: false,
      logger: { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
    });
    log.info({ schemes: this.configuration.schemes().map((s) => s.id) }, 'IRMA schemes loaded');
    if (this.configuration.schemes().length === 0) {
      this.configuration.downloadDefaultSchemes().then(
        (ids) => log.info({ schemes: ids }, 'IRMA default schemes downloaded'),
        (error: unknown) => log.error({ err: error }, 'IRMA default schemes could not be downloaded; IRMA sessions need schemes'),
      );
    }
    this.stopUpdates = this.configuration.startAutoUpdate(this.config.irma.schemesUpdateMinutes);
    return this.configuration;
  }

  onApplicationShutdown(): void {
    this.stopUpdates();
  }
}
