import { describe, expectTypeOf, it } from 'vitest';
import { defaultParams, type Params } from '../../src/index.ts';

// Checked by the compiler (`npm run typecheck`): `Params` is derived from the parameter table.
describe('the Params type, derived from the parameter table', () => {
  it('gives each kind of row its type of value', () => {
    expectTypeOf<Params['teamSize']>().toEqualTypeOf<number>();
    expectTypeOf<Params['protectImprovement']>().toEqualTypeOf<boolean>();
    expectTypeOf<Params['releasePolicy']>().toEqualTypeOf<'train' | 'whenStable' | 'continuous'>();
  });

  it('has exactly the ids of the table', () => {
    expectTypeOf(defaultParams()).toEqualTypeOf<Params>();
    // @ts-expect-error: an id the table does not have
    expectTypeOf<Params['teamSise']>().toBeNumber();
  });
});
