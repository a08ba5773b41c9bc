import { Form, Input, Modal, Typography } from 'antd';
import { useT } from '../i18n/I18nProvider';
import type { FieldConflict } from './ConflictField';
import { fieldLabel, type TextField } from './fieldValue';

export type MergedTexts = Partial<Record<TextField, string>>;

/** The server's text then this seat's, so nothing of either is lost before the operator edits. */
export function mergeDraft(conflict: FieldConflict): string {
  const theirs = typeof conflict.theirs === 'string' ? conflict.theirs : '';
  const mine = typeof conflict.mine === 'string' ? conflict.mine : '';
  return [theirs, mine].filter((text) => text.trim() !== '').join('\n');
}

/** 合并: an editor per conflicting text field, pre-filled with both versions. */
export function MergeDialog({
  conflicts,
  open,
  busy,
  onCancel,
  onSave,
}: {
  conflicts: (FieldConflict & { field: TextField })[];
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onSave: (merged: MergedTexts) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<MergedTexts>();
  const initial = Object.fromEntries(conflicts.map((c) => [c.field, mergeDraft(c)]));
  const title = t('inbox.merge.title', { field: conflicts.map((c) => fieldLabel(t, c.field)).join('、') });

  return (
    <Modal
      open={open}
      title={title}
      okText={t('inbox.merge.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      width={720}
    >
      <Typography.Paragraph type="secondary">{t('inbox.merge.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onSave}>
        {conflicts.map((c) => (
          <Form.Item
            key={c.field}
            name={c.field}
            label={fieldLabel(t, c.field)}
            rules={[{ required: true, whitespace: true, message: t('inbox.merge.emptyText') }]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={8000} data-testid={`merge-${c.field}`} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
