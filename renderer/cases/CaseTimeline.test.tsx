import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InquiryEvent } from '../../shared/domain/inquiry';
import { I18nProvider } from '../i18n/I18nProvider';
import { CaseTimeline } from './CaseTimeline';

const event = (id: string, type: InquiryEvent['type'], data: Record<string, unknown>): InquiryEvent => ({
  id,
  inquiryId: 'c1',
  type,
  at: '2026-11-28T06:00:00.000Z',
  operator: '王丽',
  seatCode: 'S01',
  data,
});

describe('case timeline', () => {
  it('marks the entries the server refused instead of hiding them', () => {
    render(
      <I18nProvider locale="zh-CN">
        <CaseTimeline
          events={[
            event('e1', 'created', { caseNo: 'S01-261128-0001' }),
            event('e2', 'status_changed', { from: 'intake', to: 'closed' }),
          ]}
          refused={['e2']}
        />
      </I18nProvider>,
    );
    expect(screen.getAllByTestId('event-refused')).toHaveLength(1);
    expect(screen.getByTestId('event-refused').textContent).toContain('未被服务器接受');
  });
});
