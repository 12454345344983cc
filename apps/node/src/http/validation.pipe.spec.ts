import 'reflect-metadata';
import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { isNutshellError, NutshellError } from '#errors';
import { createValidationPipe } from './validation.pipe.js';

class Plain {
  @IsString()
  name!: string;

  @IsOptional()
  @IsString()
  city?: string;

  @IsOptional()
  @IsObject()
  extra?: Record<string, unknown>;
}

class Inner {
  @IsString()
  value!: string;
}

class Nested {
  @ValidateNested()
  @Type(() => Inner)
  inner!: Inner;
}

// The pipe as it was configured before the fast path: the reference for every outcome.
const reference = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
  exceptionFactory: (errors) => new NutshellError('INVALID_INPUT', errors.map((e) => Object.values(e.constraints ?? {}).join(', ')).join('; ')),
});
const pipe = createValidationPipe();

async function outcome(run: Promise<unknown>): Promise<{ ok: true; value: unknown; type: unknown } | { ok: false; code: string; detail: string }> {
  try {
    const value = await run;
    return { ok: true, value: JSON.parse(JSON.stringify(value)) as unknown, type: (value as object | undefined)?.constructor };
  } catch (error) {
    if (!isNutshellError(error)) throw error;
    return { ok: false, code: error.code, detail: error.detail };
  }
}

const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype, data: undefined });

describe('validation pipe', () => {
  it.each([
    ['a valid body', { name: 'CareBears', city: 'Caretown' }],
    ['a valid body with a nested object', { name: 'CareBears', extra: { deep: [1, { x: 'y' }] } }],
    ['an unknown property', { name: 'CareBears', surprise: true }],
    ['a wrong type', { name: 42 }],
    ['a missing property', {}],
    ['several errors', { name: 1, city: 2, other: 3 }],
  ])('gives the same result as Nest ValidationPipe for %s', async (_what, value) => {
    const fast = await outcome(pipe.transform(structuredClone(value), body(Plain)));
    const nest = await outcome(reference.transform(structuredClone(value), body(Plain)));
    expect(fast.ok).toBe(nest.ok);
    if (fast.ok && nest.ok) {
      expect(fast.value).toEqual(nest.value);
      expect(fast.type).toBe(Plain);
    }
    if (!fast.ok && !nest.ok) expect(fast.code).toBe(nest.code);
  });

  it('names every failing property in its message, by path', async () => {
    const result = await outcome(pipe.transform({ name: 1, city: 2, other: 3 }, body(Plain)));
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      detail: 'other: property other should not exist; name must be a string; city must be a string',
    });
  });

  it('validates nested DTOs (which need instances) through Nest, with paths', async () => {
    const ok = await pipe.transform({ inner: { value: 'v' } }, body(Nested));
    expect(ok).toBeInstanceOf(Nested);
    expect((ok as Nested).inner).toBeInstanceOf(Inner);
    expect(await outcome(pipe.transform({ inner: { value: 7 } }, body(Nested)))).toEqual({ ok: false, code: 'INVALID_INPUT', detail: 'inner.value must be a string' });
  });

  it('leaves values with prototype keys to Nest, which strips them', async () => {
    const value = JSON.parse('{"name": "x", "extra": {"__proto__": {"polluted": true}, "constructor": 1}}') as unknown;
    const result = (await pipe.transform(value, body(Plain))) as Plain;
    expect(result).toBeInstanceOf(Plain);
    expect(Object.keys(result.extra ?? {})).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a body that is not an object, as Nest does', async () => {
    for (const value of ['text', [1, 2], null]) {
      const fast = await outcome(pipe.transform(value, body(Plain)));
      const nest = await outcome(reference.transform(value, body(Plain)));
      expect(fast.ok).toBe(false);
      expect(fast.ok).toBe(nest.ok);
    }
  });

  it('hands named string params through and converts numeric ones as Nest does', async () => {
    expect(await pipe.transform('abc', { type: 'param', metatype: String, data: 'id' })).toBe('abc');
    expect(await pipe.transform('42', { type: 'param', metatype: Number, data: 'n' })).toBe(42);
    expect(await pipe.transform('true', { type: 'query', metatype: Boolean, data: 'flag' })).toBe(true);
  });

  it('validates query DTOs from a null-prototype query object', async () => {
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'x' });
    expect(await pipe.transform(query, { type: 'query', metatype: Plain, data: undefined })).toBeInstanceOf(Plain);
    const bad = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'x', other: 'y' });
    expect(await outcome(pipe.transform(bad, { type: 'query', metatype: Plain, data: undefined }))).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      detail: 'other: property other should not exist',
    });
  });
});
