import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { OPERATION_METADATA, type OperationInfo } from './operation.decorator.js';

export const REQUEST_OPERATION = Symbol.for('nutshell.operation');

/** Remembers which operation a request is in, so the problem filter can title errors as Nuts does. */
@Injectable()
export class OperationInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const info = this.reflector.get<OperationInfo | undefined>(OPERATION_METADATA, context.getHandler());
    if (info) {
      const request = context.switchToHttp().getRequest<Record<symbol, unknown>>();
      request[REQUEST_OPERATION] = info.operationId;
    }
    return next.handle();
  }
}
