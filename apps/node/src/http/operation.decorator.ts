import { SetMetadata } from '@nestjs/common';

export const OPERATION_METADATA = 'nutshell:operation';

/** Describes an endpoint for the OpenAPI document and names it in error titles (`<operationId> failed`). */
export interface OperationInfo {
  /** Nuts-style operation id, e.g. `DrawUpContract`. */
  readonly operationId: string;
  readonly summary: string;
  /** Which interface the endpoint belongs to: internal (EHR-facing), public (browsers, apps), n2n (other nodes). */
  readonly tag: 'internal' | 'public' | 'n2n' | 'node' | 'irma';
  /** Main success status and a short description of the body. */
  readonly responses?: Readonly<Record<number, string>>;
}

/** Marks a controller method as an API operation. */
export const Operation = (info: OperationInfo): MethodDecorator => SetMetadata(OPERATION_METADATA, info);
