import type { CompiledSchema } from './json-schema-validator.ts';

/**
 * Accepts any answer as it is: the served kit's endpoints use it in place of their
 * response validators (see `browserContractModules`' `checkAnswers`). A module of its own,
 * so that pages which validate nothing do not carry the validator.
 */
export const answerAsIs: CompiledSchema<never> = {
  safeParse: (data) => ({ success: true, data: data as never }),
  parse: (data) => data as never,
};
