import { AutoComplete, Checkbox, Col, Form, Input, Row, Segmented, Select } from 'antd';
import type { InputRef } from 'antd';
import { useMemo, type Ref } from 'react';
import { CATEGORIES } from '../../shared/domain/categories';
import { CHANNELS, PRIORITIES } from '../../shared/domain/inquiry';
import type { ReferenceLists } from '../../shared/domain/reference';
import { INITIAL_STATUSES } from '../../shared/domain/status';
import { useT, type Translate } from '../i18n/I18nProvider';
import { selectInput } from '../app/selectInput';
import { RegionPicker } from '../region/RegionPicker';
import type { FieldErrors, FieldProblem, IntakeField, IntakeValues } from './intakeValues';

type Props = {
  values: IntakeValues;
  errors: FieldErrors;
  lists: ReferenceLists;
  phoneRef: Ref<InputRef>;
  onChange: (patch: Partial<IntakeValues>) => void;
  onPhoneBlur: () => void;
  /** While a save is on its way, so nothing typed meanwhile is silently dropped by the reset after it. */
  disabled: boolean;
};

export function problemText(t: Translate, problem: FieldProblem): string {
  switch (problem.kind) {
    case 'phone':
      return t(`phone.problem.${problem.problem}`);
    case 'transition':
      return t(`transition.${problem.reason}`);
    case 'required':
      return t(`intake.required.${problem.field}`);
    case 'text':
      return problem.message;
  }
}

/** The inquiry's fields in the order an operator fills them during a call: number first. */
export function IntakeForm({ values, errors, lists, phoneRef, onChange, onPhoneBlur, disabled }: Props) {
  const t = useT();
  const item = (field: IntakeField) => {
    const problem = errors[field];
    return problem
      ? { validateStatus: 'error' as const, help: <span role="alert">{problemText(t, problem)}</span> }
      : {};
  };
  const inputs = useMemo(
    () => ({
      channel: selectInput('intake-channel'),
      category: selectInput('intake-category'),
      status: selectInput('intake-status'),
      expert: selectInput('intake-expert'),
      department: selectInput('intake-department'),
    }),
    [],
  );
  const subjects = useMemo(() => {
    const q = values.subject.trim();
    return lists.subjects
      .filter((s) => q === '' || s.includes(q))
      .slice(0, 30)
      .map((s) => ({ value: s }));
  }, [lists.subjects, values.subject]);

  return (
    <Form layout="vertical" className="intake-form" component="div" requiredMark disabled={disabled}>
      <Row gutter={16}>
        <Col span={10}>
          <Form.Item label={t('intake.phone')} required {...item('phone')}>
            <Input
              ref={phoneRef}
              data-testid="intake-phone"
              inputMode="tel"
              autoComplete="off"
              disabled={disabled || values.phoneHidden}
              value={values.phoneHidden ? t('intake.phoneHiddenValue') : values.phone}
              placeholder={t('intake.phonePlaceholder')}
              onChange={(e) => onChange({ phone: e.target.value })}
              onBlur={onPhoneBlur}
              status={errors.phone ? 'error' : undefined}
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label=" " colon={false}>
            <Checkbox
              data-testid="intake-phone-hidden"
              checked={values.phoneHidden}
              onChange={(e) => onChange({ phoneHidden: e.target.checked })}
            >
              {t('intake.phoneHidden')}
            </Checkbox>
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={t('intake.callerName')} {...item('callerName')}>
            <Input
              data-testid="intake-caller-name"
              autoComplete="off"
              value={values.callerName}
              onChange={(e) => onChange({ callerName: e.target.value })}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('intake.region')} {...item('region')}>
        <RegionPicker testId="intake-region" value={values.region} onChange={(region) => onChange({ region })} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label={t('intake.channel')} {...item('channel')}>
            <Select
              components={{ input: inputs.channel }}
              value={values.channel}
              options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
              onChange={(channel) => onChange({ channel })}
            />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label={t('intake.category')} required {...item('category')}>
            <Select
              components={{ input: inputs.category }}
              showSearch={{ optionFilterProp: 'label' }}
              value={values.category}
              placeholder={t('intake.categoryPlaceholder')}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
              onChange={(category) => onChange({ category })}
              status={errors.category ? 'error' : undefined}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label={t('intake.subject')} {...item('subject')}>
            <AutoComplete
              value={values.subject}
              options={subjects}
              onChange={(subject: string) => onChange({ subject })}
            >
              {/* An antd Input child keeps the field's look and carries the test id on the real <input>. */}
              <Input data-testid="intake-subject" placeholder={t('intake.subjectPlaceholder')} />
            </AutoComplete>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('intake.question')} required {...item('question')}>
        <Input.TextArea
          data-testid="intake-question"
          autoSize={{ minRows: 3, maxRows: 8 }}
          value={values.question}
          placeholder={t('intake.questionPlaceholder')}
          onChange={(e) => onChange({ question: e.target.value })}
          status={errors.question ? 'error' : undefined}
        />
      </Form.Item>
      <Form.Item label={t('intake.answer')} {...item('answer')}>
        <Input.TextArea
          data-testid="intake-answer"
          autoSize={{ minRows: 3, maxRows: 10 }}
          value={values.answer}
          placeholder={t('intake.answerPlaceholder')}
          onChange={(e) => onChange({ answer: e.target.value })}
          status={errors.answer ? 'error' : undefined}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label={t('intake.status')} {...item('status')}>
            <Select
              components={{ input: inputs.status }}
              value={values.status}
              options={INITIAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
              onChange={(status) => onChange({ status })}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          {values.status === 'to_expert' && (
            <Form.Item label={t('intake.expert')} required {...item('expertId')}>
              <Select
                components={{ input: inputs.expert }}
                showSearch={{ optionFilterProp: 'label' }}
                value={values.expertId}
                placeholder={t('intake.expertPlaceholder')}
                options={lists.experts.map((e) => ({
                  value: e.id,
                  label: `${e.name} · ${e.specialty} · ${e.organization}`,
                }))}
                onChange={(expertId) => onChange({ expertId })}
                status={errors.expertId ? 'error' : undefined}
              />
            </Form.Item>
          )}
          {values.status === 'to_department' && (
            <Form.Item label={t('intake.department')} required {...item('departmentId')}>
              <Select
                components={{ input: inputs.department }}
                showSearch={{ optionFilterProp: 'label' }}
                value={values.departmentId}
                placeholder={t('intake.departmentPlaceholder')}
                options={lists.departments.map((d) => ({ value: d.id, label: d.name, title: d.duties }))}
                onChange={(departmentId) => onChange({ departmentId })}
                status={errors.departmentId ? 'error' : undefined}
              />
            </Form.Item>
          )}
        </Col>
        <Col span={8}>
          <Form.Item label={t('intake.priority')}>
            <Segmented
              value={values.priority}
              options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
              onChange={(priority) => onChange({ priority })}
            />
          </Form.Item>
        </Col>
      </Row>
      {(values.status === 'closed' || values.note !== '' || errors.note) && (
        <Form.Item label={t('intake.note')} {...item('note')}>
          <Input.TextArea
            data-testid="intake-note"
            autoSize={{ minRows: 1, maxRows: 4 }}
            value={values.note}
            placeholder={t('intake.notePlaceholder')}
            onChange={(e) => onChange({ note: e.target.value })}
            status={errors.note ? 'error' : undefined}
          />
        </Form.Item>
      )}
    </Form>
  );
}
