import { Col, DatePicker, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import { CATEGORIES } from '../../shared/domain/categories';
import { KB_SEASONS } from '../../shared/domain/kb';
import { seatToday } from '../i18n/dates';
import { useT } from '../i18n/I18nProvider';
import { useReferenceLists } from '../reference/useReferenceLists';
import { RegionsPicker } from '../region/RegionsPicker';
import { fieldErrors, type DraftValues } from './draftValues';

type Props = {
  form: FormInstance<DraftValues>;
  initial: DraftValues;
  disabled: boolean;
  onEdited: () => void;
  /** A new article: the expert starts with its title. */
  focusTitle: boolean;
};

/**
 * The article as an expert writes it; errors from the shared KbDraft schema are set on the fields
 * when saving, and a validity date already past is named as soon as it is picked.
 */
export function DraftForm({ form, initial, disabled, onEdited, focusTitle }: Props) {
  const t = useT();
  const { lists } = useReferenceLists();
  const words = (testId: string, options: string[] = []) => (
    <Select
      data-testid={testId}
      mode="tags"
      tokenSeparators={[',', '，', '、']}
      placeholder={t('kbEdit.field.wordsHint')}
      options={options.map((s) => ({ value: s, label: s }))}
    />
  );

  return (
    <Form<DraftValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={disabled}
      onValuesChange={(changed: Partial<DraftValues>) => {
        form.setFields(
          Object.keys(changed).map((name) => ({
            name: name as keyof DraftValues,
            errors: name === 'validUntil' ? fieldErrors(form.getFieldsValue(true), 'validUntil', seatToday()) : [],
          })),
        );
        onEdited();
      }}
      className="kbedit-form"
    >
      <Form.Item name="title" label={t('kbEdit.field.title')}>
        <Input data-testid="kbedit-title" maxLength={200} autoFocus={focusTitle} />
      </Form.Item>
      <Form.Item name="answer" label={t('kbEdit.field.answer')}>
        <Input.TextArea data-testid="kbedit-answer" autoSize={{ minRows: 5, maxRows: 16 }} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="category" label={t('kbEdit.field.category')}>
            <Select
              data-testid="kbedit-category"
              showSearch={{ optionFilterProp: 'label' }}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="season" label={t('kbEdit.field.season')}>
            <Select
              data-testid="kbedit-season"
              options={KB_SEASONS.map((s) => ({ value: s, label: t(`kb.seasonName.${s}`) }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="subjects" label={t('kbEdit.field.subjects')}>
            {words('kbedit-subjects', lists.subjects)}
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="tags" label={t('kbEdit.field.tags')}>
            {words('kbedit-tags')}
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="regions" label={t('kbEdit.field.regions')}>
        <RegionsPicker testId="kbedit-regions" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="validUntil" label={t('kbEdit.field.validUntil')} extra={t('kbEdit.field.validUntilHint')}>
            <DatePicker data-testid="kbedit-valid-until" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="reviewEachSeason" label={t('kbEdit.field.reviewEachSeason')} valuePropName="checked">
            <Switch data-testid="kbedit-review-each-season" />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
