import { Alert, App, Button, Col, Form, Input, Row, Segmented, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import type { ContractError } from '../../shared/contract/result';
import { CATEGORIES } from '../../shared/domain/categories';
import { PRIORITIES, type Inquiry } from '../../shared/domain/inquiry';
import type { ReferenceLists } from '../../shared/domain/reference';
import { allowedNext } from '../../shared/domain/status';
import { useHotline } from '../api/HotlineContext';
import { describeError } from '../api/errorText';
import { HOTKEYS, useHotkey } from '../app/hotkeys';
import { useT } from '../i18n/I18nProvider';
import { RegionPicker } from '../region/RegionPicker';
import { buildUpdate, editFromInquiry, type CaseEdit, type EditProblem } from './caseEdit';

type Props = { inquiry: Inquiry; lists: ReferenceLists; onSaved: (next: Inquiry) => void; onReload: () => void };

/** Edits a saved case; the seat refuses an edit based on an old version (CONFLICT) and we say how to recover. */
export function CaseEditForm({ inquiry, lists, onSaved, onReload }: Props) {
  const t = useT();
  const api = useHotline();
  const { message } = App.useApp();
  const [edit, setEdit] = useState<CaseEdit>(() => editFromInquiry(inquiry));
  const [problem, setProblem] = useState<EditProblem | null>(null);
  const [failure, setFailure] = useState<ContractError | null>(null);
  const [saving, setSaving] = useState(false);
  const change = (patch: Partial<CaseEdit>) => {
    setEdit((e) => ({ ...e, ...patch }));
    setProblem(null);
  };

  const save = async () => {
    if (saving) return;
    const built = buildUpdate(inquiry, edit);
    if (!built.ok) return setProblem(built.problem);
    setSaving(true);
    const result = await api.inquiry.update(built.update);
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    setFailure(null);
    message.success(t('case.saved', { caseNo: result.value.caseNo }));
    onSaved(result.value);
  };
  useHotkey(HOTKEYS.save, () => void save());

  const statuses = [inquiry.status, ...allowedNext(inquiry.status)];
  const problemText =
    problem?.kind === 'transition'
      ? t(`transition.${problem.reason}`)
      : problem?.kind === 'text'
        ? problem.message
        : problem
          ? t('case.nothingChanged')
          : null;

  return (
    <Form layout="vertical" component="div" className="case-edit">
      {failure?.code === 'CONFLICT' && (
        <Alert
          type="warning"
          showIcon
          title={t('case.conflict.title')}
          description={t('case.conflict.body')}
          action={
            <Button size="small" type="primary" onClick={onReload}>
              {t('case.reload')}
            </Button>
          }
        />
      )}
      {failure && failure.code !== 'CONFLICT' && (
        <Alert type="error" showIcon title={describeError(t, failure).title} description={failure.message} />
      )}
      {problemText && <Alert type="error" showIcon title={problemText} role="alert" />}
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label={t('intake.callerName')}>
            <Input value={edit.callerName} onChange={(e) => change({ callerName: e.target.value })} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label={t('intake.region')}>
            <RegionPicker testId="case-region" value={edit.region} onChange={(region) => change({ region })} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label={t('intake.category')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={edit.category}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              onChange={(category) => change({ category })}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label={t('intake.subject')}>
            <Input value={edit.subject} onChange={(e) => change({ subject: e.target.value })} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('intake.question')}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          value={edit.question}
          onChange={(e) => change({ question: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('intake.answer')}>
        <Input.TextArea
          data-testid="case-answer"
          autoSize={{ minRows: 3, maxRows: 10 }}
          value={edit.answer}
          onChange={(e) => change({ answer: e.target.value })}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label={t('intake.status')}>
            <Select
              value={edit.status}
              options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              onChange={(status) => change({ status })}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          {edit.status === 'to_expert' && (
            <Form.Item label={t('intake.expert')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={edit.expertId}
                options={lists.experts.map((e) => ({
                  value: e.id,
                  label: `${e.name} · ${e.specialty} · ${e.organization}`,
                }))}
                onChange={(expertId) => change({ expertId })}
              />
            </Form.Item>
          )}
          {edit.status === 'to_department' && (
            <Form.Item label={t('intake.department')} required>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={edit.departmentId}
                options={lists.departments.map((d) => ({ value: d.id, label: d.name, title: d.duties }))}
                onChange={(departmentId) => change({ departmentId })}
              />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Form.Item label={t('intake.priority')}>
        <Segmented
          value={edit.priority}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
          onChange={(priority) => change({ priority })}
        />
      </Form.Item>
      <Form.Item label={t('case.note')} extra={t('case.noteHint')}>
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          value={edit.note}
          onChange={(e) => change({ note: e.target.value })}
        />
      </Form.Item>
      <Space>
        <Tooltip title={HOTKEYS.save.label}>
          <Button data-testid="case-save" type="primary" loading={saving} onClick={() => void save()}>
            {t('case.save')} <kbd>{HOTKEYS.save.label}</kbd>
          </Button>
        </Tooltip>
      </Space>
    </Form>
  );
}
