export { IrmaModule, IRMA_MODULE_OPTIONS, type IrmaModuleOptions, type IrmaModuleAsyncOptions } from './irma.module.js';
export { mountProtocolRoutes, type MountOptions } from './fastify-mount.js';
