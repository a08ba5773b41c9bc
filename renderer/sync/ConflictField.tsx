import { Col, Row, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider';
import { fieldLabel, isTextField, valueText } from './fieldValue';
import { diffText } from './textDiff';

export type FieldConflict = { field: string; base: unknown; mine: unknown; theirs: unknown };

/**
 * One conflicting field side by side: what the edit started from, this seat's change and what the
 * server kept. For text, both changes are shown against the starting text so the operator sees
 * exactly which words each side added (green) or removed (struck through).
 */
export function ConflictField({ conflict }: { conflict: FieldConflict }) {
  const t = useT();
  const { field } = conflict;
  const text = (value: unknown) => valueText(t, field, value);
  const columns = [
    { key: 'base', label: t('inbox.base'), value: conflict.base },
    { key: 'mine', label: t('inbox.mine'), value: conflict.mine },
    { key: 'theirs', label: t('inbox.theirs'), value: conflict.theirs },
  ] as const;

  return (
    <div className="conflict-field" data-testid={`conflict-${field}`}>
      <Typography.Text strong>{fieldLabel(t, field)}</Typography.Text>
      <Row gutter={12}>
        {columns.map((column) => (
          <Col span={8} key={column.key}>
            <div className="conflict-side-label">{column.label}</div>
            <div className={`conflict-value conflict-${column.key}`} data-testid={`conflict-${field}-${column.key}`}>
              {column.key !== 'base' && isTextField(field) ? (
                <DiffView before={asText(conflict.base)} after={asText(column.value)} />
              ) : (
                text(column.value)
              )}
            </div>
          </Col>
        ))}
      </Row>
    </div>
  );
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function DiffView({ before, after }: { before: string; after: string }) {
  return (
    <>
      {diffText(before, after).map((part, index) =>
        part.kind === 'same' ? (
          <span key={index}>{part.text}</span>
        ) : part.kind === 'added' ? (
          <ins key={index} className="diff-added">
            {part.text}
          </ins>
        ) : (
          <del key={index} className="diff-removed">
            {part.text}
          </del>
        ),
      )}
    </>
  );
}
