import { createRequire } from 'node:module';
import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage, validateSync, type ValidatorOptions } from 'class-validator';
import { NutshellError } from '#errors';

function describe(errors: readonly ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m.replace(e.property, path) : `${path}: ${m}`));
    return [...own, ...describe(e.children ?? [], path)];
  });
}

/** The public lookups of class-transformer's metadata storage that tell whether a class has transformer rules. */
interface TransformerMetadata {
  getStrategy(target: Function): string;
  getExposedMetadatas(target: Function): readonly unknown[];
  getExcludedMetadatas(target: Function): readonly unknown[];
  findTypeMetadata(target: Function, propertyName: string): unknown;
  findTransformMetadatas(target: Function, propertyName: string, transformationType: number): readonly unknown[];
}

// The storage is a CommonJS singleton; require gives the instance Nest's own import of class-transformer fills.
const transformerMetadata = (createRequire(import.meta.url)('class-transformer/cjs/storage.js') as { defaultMetadataStorage: TransformerMetadata })
  .defaultMetadataStorage;
const PLAIN_TO_CLASS = 0;

const OPTIONS = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
} as const satisfies ValidatorOptions;

// Keys Nest strips before plainToInstance (prototype pollution); a value holding one takes Nest's own path.
const DANGEROUS_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_SCAN_DEPTH = 32;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

// True when the parsed JSON (or query) value has only plain data and no dangerous key at any depth.
function isCleanJson(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth >= MAX_SCAN_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isCleanJson(item, depth + 1));
  if (!isPlainRecord(value)) return false;
  for (const key of Object.keys(value)) if (DANGEROUS_KEYS.has(key) || !isCleanJson(value[key], depth + 1)) return false;
  return true;
}

/**
 * Whether `plainToInstance(metatype, plain)` is the same as `new metatype()` with the plain's own properties
 * copied: no class-transformer rules (class strategy, expose/exclude, @Type, @Transform), no nested validation
 * (it needs nested instances), and no asynchronous constraint (validateSync would skip it). A class without
 * any rule also takes Nest's path, which refuses it as an unknown value.
 */
function isPlainDto(metatype: Function): boolean {
  const rules = getMetadataStorage().getTargetValidationMetadatas(metatype, '', false, false);
  if (rules.length === 0) return false;
  if (transformerMetadata.getStrategy(metatype) !== 'none') return false;
  if (transformerMetadata.getExposedMetadatas(metatype).length > 0 || transformerMetadata.getExcludedMetadatas(metatype).length > 0) return false;
  const storage = getMetadataStorage();
  for (const rule of rules) {
    if (rule.type === 'nestedValidation') return false;
    if (transformerMetadata.findTypeMetadata(metatype, rule.propertyName) !== undefined) return false;
    if (transformerMetadata.findTransformMetadatas(metatype, rule.propertyName, PLAIN_TO_CLASS).length > 0) return false;
    if (rule.type === 'customValidation' && storage.getTargetValidatorConstraints(rule.constraintCls).some((c) => c.async)) return false;
  }
  return true;
}

/**
 * Nest's ValidationPipe with a fast path for what nearly every request carries: a plain JSON body (or query) for
 * a DTO of plain class-validator rules. That value is copied onto a new DTO instance and checked with
 * validateSync, which is what plainToInstance plus validate would do for such a DTO, without class-transformer's
 * walk and the pipe's generic stripping and checks (about 4x cheaper). Named string route params are handed
 * through, as the pipe's primitive transform would. Everything else takes Nest's own path.
 */
export class NutshellValidationPipe extends ValidationPipe {
  // Per DTO class, decided once (the answer depends on decorators only, never on request values).
  private readonly plainDtos = new WeakMap<Function, boolean>();

  constructor() {
    super({
      ...OPTIONS,
      transform: true,
      exceptionFactory: (errors) => new NutshellError('INVALID_INPUT', describe(errors).join('; ') || 'invalid request body'),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { type, metatype, data } = metadata;
    if (type === 'param' && metatype === String && data !== undefined && typeof value === 'string') return value;
    if ((type === 'body' || type === 'query') && metatype !== undefined && this.isPlainDto(metatype) && isPlainRecord(value) && isCleanJson(value)) {
      const entity = new (metatype as new () => Record<string, unknown>)();
      for (const key of Object.keys(value)) entity[key] = value[key];
      const errors = validateSync(entity, OPTIONS);
      if (errors.length > 0) throw this.exceptionFactory(errors);
      return entity;
    }
    return super.transform(value, metadata);
  }

  private isPlainDto(metatype: Function): boolean {
    if (metatype === String || metatype === Number || metatype === Boolean || metatype === Object || metatype === Array) return false;
    let plain = this.plainDtos.get(metatype);
    if (plain === undefined) {
      plain = isPlainDto(metatype);
      this.plainDtos.set(metatype, plain);
    }
    return plain;
  }
}

/** Request DTO validation: unknown properties refused, every message named by its property path. */
export function createValidationPipe(): ValidationPipe {
  return new NutshellValidationPipe();
}
