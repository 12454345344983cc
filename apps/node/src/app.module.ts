import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { AuthModule } from './auth/auth.module.js';
import { HealthModule } from './health/health.module.js';
import { IrmaNodeModule } from './irma/irma-node.module.js';
import { ProblemFilter } from './http/problem.filter.js';
import { createValidationPipe } from './http/validation.pipe.js';
import { LOGGER, type Logger } from './logging/logger.js';
import { OpenApiModule } from './openapi/openapi.module.js';
import { RegistryHttpModule } from './registry/registry.module.js';
import { StoreModule } from './store/store.module.js';

@Global()
@Module({})
class CoreModule {
  static forRoot(config: NodeConfig, logger: Logger): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: NODE_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
      ],
      exports: [NODE_CONFIG, LOGGER],
    };
  }
}

/** The node: one module tree for the whole HTTP surface, configured by a validated `NodeConfig`. */
@Module({})
export class AppModule {
  static forRoot(config: NodeConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(config, logger), StoreModule, HealthModule, OpenApiModule, RegistryHttpModule, AuthModule, IrmaNodeModule],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
