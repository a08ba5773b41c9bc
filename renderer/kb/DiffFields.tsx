import { Descriptions, Empty, Tag } from 'antd';
import type { DiffSegment, KbFieldDiff } from '../../shared/domain/kbDiff';
import { useMemo } from 'react';
import { useT, type Translate } from '../i18n/I18nProvider';
import { useRegionLabels } from '../region/useRegionLabels';

function scalar(t: Translate, value: string | boolean | null): string {
  if (value === null || value === '') return t('kb.diff.empty');
  if (typeof value === 'boolean') return t(value ? 'kb.diff.yes' : 'kb.diff.no');
  return value;
}

/** Text with what the newer version added (green) and removed (struck, red), as the 冲突 inbox shows it. */
function Segments({ segments }: { segments: DiffSegment[] }) {
  return (
    <span className="kb-diff-text">
      {segments.map((s, i) =>
        s.op === 'same' ? (
          <span key={i}>{s.text}</span>
        ) : s.op === 'added' ? (
          <ins key={i} className="diff-added">
            {s.text}
          </ins>
        ) : (
          <del key={i} className="diff-removed">
            {s.text}
          </del>
        ),
      )}
    </span>
  );
}

function ListChange({ removed, added, name }: { removed: string[]; added: string[]; name: (w: string) => string }) {
  return (
    <>
      {removed.map((w) => (
        <Tag key={`-${w}`} color="red" className="kb-diff-removed-tag">
          − {name(w)}
        </Tag>
      ))}
      {added.map((w) => (
        <Tag key={`+${w}`} color="green">
          + {name(w)}
        </Tag>
      ))}
    </>
  );
}

/** Regions are stored as codes; a reviewer reads them as places. */
function RegionListChange({ removed, added }: { removed: string[]; added: string[] }) {
  const labels = useRegionLabels(useMemo(() => [...removed, ...added], [removed, added]));
  return <ListChange removed={removed} added={added} name={(code) => labels.get(code) ?? code} />;
}

function Change({ diff }: { diff: KbFieldDiff }) {
  const t = useT();
  if (diff.kind === 'text') return <Segments segments={diff.segments} />;
  if (diff.kind === 'list') {
    return diff.field === 'regions' ? (
      <RegionListChange removed={diff.removed} added={diff.added} />
    ) : (
      <ListChange removed={diff.removed} added={diff.added} name={(w) => w} />
    );
  }
  return (
    <span>
      <del className="diff-removed">{scalar(t, diff.from)}</del> →{' '}
      <ins className="diff-added">{scalar(t, diff.to)}</ins>
    </span>
  );
}

/** The fields that changed between two versions (or a draft and the live version); unchanged ones are left out. */
export function DiffFields({ fields }: { fields: KbFieldDiff[] }) {
  const t = useT();
  if (fields.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kb.diff.none')} />;
  return (
    <Descriptions size="small" column={1} bordered className="kb-diff" data-testid="kb-diff">
      {fields.map((d) => (
        <Descriptions.Item key={d.field} label={t(`kb.diff.field.${d.field}`)}>
          <Change diff={d} />
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
