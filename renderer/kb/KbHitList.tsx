import { Tag } from 'antd';
import type { KeyboardEvent, Ref } from 'react';
import type { KbHit } from '../../shared/domain/kb';
import { isPastValidity } from '../../shared/domain/kbServer';
import { useT } from '../i18n/I18nProvider';
import { seatToday } from '../i18n/dates';
import { MarkedText } from './MarkedText';

type Props = {
  hits: readonly KbHit[];
  picked: number;
  onPick: (index: number) => void;
  onOpen: (hit: KbHit) => void;
  onEscape?: () => void;
  listRef?: Ref<HTMLUListElement>;
  label: string;
  testId: string;
  /** The 知识库 page shows category, season and subjects; the intake panel keeps to title and snippet. */
  withFacts?: boolean;
};

/** Search hits with the matched words marked: ↑/↓ pick, Enter or a click opens, Esc leaves. */
export function KbHitList({ hits, picked, onPick, onOpen, onEscape, listRef, label, testId, withFacts }: Props) {
  const t = useT();
  const current = hits[picked];
  const today = seatToday();
  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      onPick(Math.max(0, Math.min(hits.length - 1, picked + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && current && !e.ctrlKey && !e.altKey) {
      e.preventDefault();
      onOpen(current);
    } else if (e.key === 'Escape' && onEscape) {
      e.preventDefault();
      onEscape();
    }
  };

  return (
    <ul
      ref={listRef}
      className="kb-hit-list"
      role="listbox"
      tabIndex={0}
      aria-label={label}
      aria-activedescendant={current ? `${testId}-${current.id}` : undefined}
      onKeyDown={onKey}
    >
      {hits.map((hit, index) => (
        <li
          key={hit.id}
          id={`${testId}-${hit.id}`}
          role="option"
          aria-selected={index === picked}
          data-testid={testId}
          className={index === picked ? 'kb-hit kb-hit-current' : 'kb-hit'}
          // A moving pointer picks, not mouseenter: results appearing under a resting pointer fire
          // that too, and the operator typing would find ↓/Enter on that hit instead of the first.
          onMouseMove={() => {
            if (index !== picked) onPick(index);
          }}
          onClick={() => {
            onPick(index);
            onOpen(hit);
          }}
        >
          <div className="kb-hit-title">
            <MarkedText parts={hit.titleMarked} />
            {/* Seen before the answer is inserted or read out, not only once the article is opened. */}
            {isPastValidity(hit.validUntil, today) && (
              <Tag color="warning" className="kb-hit-expired" data-testid={`${testId}-expired`}>
                {t('kb.hit.expired')}
              </Tag>
            )}
          </div>
          <div className="kb-hit-snippet">
            <MarkedText parts={hit.snippet} />
          </div>
          {withFacts && (
            <div className="kb-hit-facts">
              <Tag>{hit.category}</Tag>
              <Tag>{t(`kb.seasonName.${hit.season}`)}</Tag>
              {hit.subjects.map((s) => (
                <Tag key={s} color="green">
                  {s}
                </Tag>
              ))}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
