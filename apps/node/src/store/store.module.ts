import { Global, Module } from '@nestjs/common';
import { SessionStores } from './session-stores.js';

@Global()
@Module({ providers: [SessionStores], exports: [SessionStores] })
export class StoreModule {}
