import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HotlineProvider } from '../api/HotlineContext';
import { createFakeSeat } from '../test/fakeSeat';
import { KB_SEARCH_INTERVAL_MS, useKbSearch } from './useKbSearch';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function searchAsTyped() {
  const seat = createFakeSeat();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <HotlineProvider client={seat.client}>{children}</HotlineProvider>
  );
  const hook = renderHook(({ q }) => useKbSearch({ q, limit: 5 }), { wrapper, initialProps: { q: '' } });
  const asked = () => seat.callsTo('kb:search').map((c) => (c.input as { q: string }).q);
  return { hook, asked };
}

describe('searching while the operator types', () => {
  it('searches a character typed after a pause at once, without waiting for a timer', async () => {
    const { hook, asked } = searchAsTyped();
    hook.rerender({ q: '苞' });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(asked()).toEqual(['苞']);

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    hook.rerender({ q: '苞米' });
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(asked()).toEqual(['苞', '苞米']);
  });

  it('asks at most once per interval while the text keeps changing, ending with the latest text', async () => {
    const { hook, asked } = searchAsTyped();
    hook.rerender({ q: '苞' });
    await act(() => vi.advanceTimersByTimeAsync(0));
    hook.rerender({ q: '苞米' });
    await act(() => vi.advanceTimersByTimeAsync(10));
    hook.rerender({ q: '苞米叶' });
    await act(() => vi.advanceTimersByTimeAsync(10));
    expect(asked()).toEqual(['苞']);

    await act(() => vi.advanceTimersByTimeAsync(KB_SEARCH_INTERVAL_MS));
    expect(asked()).toEqual(['苞', '苞米叶']);
  });
});
