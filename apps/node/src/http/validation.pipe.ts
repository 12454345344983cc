import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { NutshellError } from '#errors';

function describe(errors: readonly ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m.replace(e.property, path) : `${path}: ${m}`));
    return [...own, ...describe(e.children ?? [], path)];
  });
}

/** Request DTO validation: unknown properties refused, every message named by its property path. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new NutshellError('INVALID_INPUT', describe(errors).join('; ') || 'invalid request body'),
  });
}
