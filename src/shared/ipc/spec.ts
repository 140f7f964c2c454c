/**
 * The shape of one invoke channel in the contract. `example` is a valid input: the generic contract tests
 * use it to prove a good payload passes and to derive junk payloads that must be refused, so every channel
 * anyone adds is covered without touching the tests.
 */
import type { z } from 'zod';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  example: z.input<I>;
}

/** Optional helper that type-checks `example` against `input` (an object literal with `satisfies` works too). */
export const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> => spec;
