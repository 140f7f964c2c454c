/**
 * Building blocks for contract schemas. Inputs come from the untrusted renderer, so every input object is
 * strict (an extra key is BAD_INPUT), every string has a maximum length and every number is finite and
 * bounded. Domain files build their schemas from these so the rules hold for channels added later.
 */
import { z } from 'zod';

export const ENVIRONMENTS = ['demo', 'paper', 'real'] as const;
export const environmentSchema = z.enum(ENVIRONMENTS);
export type Environment = z.infer<typeof environmentSchema>;

/** A strict input object: unknown keys (including `__proto__` and `constructor`) are refused. */
export const input = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

/** The input of a channel that takes no arguments: exactly `{}`. */
export const noInput = z.strictObject({});

/** A string with a required upper bound on its length. */
export const text = (max: number, min = 0) => z.string().min(min).max(max);

/** A finite integer within [min, max]. */
export const int = (min: number, max: number) => z.number().int().min(min).max(max);

/** Epoch milliseconds (UTC); bounded so junk like 1e300 is refused. */
export const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);

/** Money is integer 원, never a float. Bounded well beyond any retail account. */
export const won = z.number().int().min(-1_000_000_000_000_000).max(1_000_000_000_000_000);
