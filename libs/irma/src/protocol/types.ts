import type { IrmaSessionEngine } from '../session/index.js';

/** An HTTP request as the protocol handlers see it, independent of any framework. */
export interface ProtocolRequest {
  readonly method: string;
  /** Path parameters (`clientToken`, `token`). */
  readonly params: Readonly<Record<string, string | undefined>>;
  /** Header values by lower-case name. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The raw body text; undefined when there was none. */
  readonly body: string | undefined;
  /** Address of the peer, for the loopback-only requestor endpoints. */
  readonly remoteAddress?: string;
}

/** A complete HTTP response. */
export interface ProtocolResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Empty string for no body. */
  readonly body: string;
}

/** Where a server-sent event stream writes to. */
export interface EventSink {
  /** Sends status 200 with the given headers; called once, before any write. */
  open(headers: Readonly<Record<string, string>>): void;
  write(chunk: string): void;
  end(): void;
  /** Registers what to do when the peer goes away. */
  onClose(listener: () => void): void;
}

/** Context every handler gets. */
export interface ProtocolContext {
  readonly engine: IrmaSessionEngine;
  /** Server-sent events on/off (irmago's `sse` option). */
  readonly sse: boolean;
  /** Who may use the requestor endpoints: only loopback peers until requestor authentication exists. */
  readonly requestorAccess: 'loopback' | 'any';
}

/** A request/response endpoint. */
export type ProtocolHandler = (context: ProtocolContext, request: ProtocolRequest) => Promise<ProtocolResponse>;

/** A streaming endpoint: either streams into the sink (resolves undefined) or answers normally (an error). */
export type StreamHandler = (context: ProtocolContext, request: ProtocolRequest, sink: EventSink) => Promise<ProtocolResponse | undefined>;

/** One endpoint of the route table. */
export type ProtocolRoute =
  | { readonly method: 'GET' | 'POST' | 'DELETE'; readonly path: string; readonly kind: 'plain'; readonly handle: ProtocolHandler }
  | { readonly method: 'GET'; readonly path: string; readonly kind: 'stream'; readonly handle: StreamHandler };
