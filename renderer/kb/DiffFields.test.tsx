import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { KbFieldDiff } from '../../shared/domain/kbDiff';
import { HotlineProvider } from '../api/HotlineContext';
import { I18nProvider } from '../i18n/I18nProvider';
import { createFakeSeat } from '../test/fakeSeat';
import { DiffFields } from './DiffFields';

describe('DiffFields', () => {
  it('names added and removed regions as places, and leaves other words as they are', async () => {
    const fields: KbFieldDiff[] = [
      { field: 'regions', kind: 'list', removed: ['220113'], added: ['2202'] },
      { field: 'tags', kind: 'list', removed: [], added: ['稻瘟病'] },
    ];
    render(
      <HotlineProvider client={createFakeSeat().client}>
        <I18nProvider locale="zh-CN">
          <DiffFields fields={fields} />
        </I18nProvider>
      </HotlineProvider>,
    );
    expect(await screen.findByText('− 吉林省 / 长春市 / 九台区')).toBeTruthy();
    expect(await screen.findByText('+ 吉林省 / 吉林市')).toBeTruthy();
    expect(screen.getByText('+ 稻瘟病')).toBeTruthy();
  });
});
