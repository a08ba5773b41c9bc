import { describe, expect, it } from 'vitest';
import { foldLedger } from '../../../shared/sync/referenceModel';
import { createMutation, event, inquiry, note, OPERATOR, statusChanged, updateMutation } from './fixtures';

describe('the reference model', () => {
  it('folds a ledger into the rows and timelines the server should hold, skipping rejected entries', () => {
    const created = event('created', { status: 'intake' });
    const reply = note('已转告农技站');
    const close = statusChanged('intake', 'closed');
    const state = foldLedger([
      { mutation: createMutation(inquiry(), [created]), actor: OPERATOR },
      { mutation: updateMutation([reply]), actor: OPERATOR },
      { mutation: updateMutation([close], 3), actor: { ...OPERATOR, scope: { kind: 'seats', seatCodes: ['S09'] } } },
      { mutation: updateMutation([reply], 4), actor: OPERATOR },
    ]);
    expect(state.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected', 'applied']);
    const [id] = [...state.rows.keys()];
    expect(state.rows.get(id ?? '')).toMatchObject({ status: 'intake', rowVersion: 2 });
    expect(state.events.get(id ?? '')).toEqual([created, reply]);
  });
});
