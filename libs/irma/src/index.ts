export * from './request/index.js';
export * from './session/index.js';
export * from './protocol/index.js';
export * from './nest/index.js';
