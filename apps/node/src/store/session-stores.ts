import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { NODE_CONFIG, type NodeConfig } from '#config';
import { createSessionStore, type SessionStore } from '#store';

/** Hands out one session store per namespace on the configured backend and closes them at shutdown. */
@Injectable()
export class SessionStores implements OnApplicationShutdown {
  private readonly stores = new Map<string, SessionStore<unknown>>();

  constructor(@Inject(NODE_CONFIG) private readonly config: NodeConfig) {}

  /** The store of a namespace (e.g. `means`, `irma`), created on first use. */
  get<T>(namespace: string): SessionStore<T> {
    let store = this.stores.get(namespace);
    if (!store) {
      store = createSessionStore<unknown>(this.config.sessionStore, namespace);
      this.stores.set(namespace, store);
    }
    return store as SessionStore<T>;
  }

  /** Reads a probe key from every open store (no extra connection); resolves false when a backend does not answer. */
  async healthy(): Promise<boolean> {
    const open = this.stores.size > 0 ? [...this.stores.values()] : [this.get<unknown>('health')];
    try {
      await Promise.all(open.map((store) => store.get('probe')));
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.stores.values()].map((s) => s.close()));
    this.stores.clear();
  }
}
