import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Segmented, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../account/SessionContext';
import { useT } from '../i18n/I18nProvider';
import { ArticleEditor } from './ArticleEditor';
import { kbRights } from '../kb/rights';
import { WorkList } from './WorkList';
import { KbEditFailure } from './KbEditFailure';
import type { UnsavedRef } from './unsavedEdits';
import { useWorkList, WORK_VIEWS, type WorkView } from './useWorkList';

/** Which article the editor shows: an existing one by id, or a new one (id null). */
export type EditorTarget = { id: string | null } | null;

type Props = {
  editing: EditorTarget;
  onEdit: (target: EditorTarget) => void;
  /** False while another page is shown; the page stays mounted so an open article keeps its edits. */
  active: boolean;
  unsavedRef: UnsavedRef;
};

/**
 * 知识维护 (issue 4 §3): experts write and revise, supervisors review and publish. Work lists by
 * view, one editor drawer; everything lives on the central server and needs an online login.
 */
export function KbEditPage({ editing, onEdit, active, unsavedRef }: Props) {
  const t = useT();
  const rights = kbRights(useSession().session?.user);
  const views = WORK_VIEWS.filter((v) => v !== 'mine' || rights.author);
  const [view, setView] = useState<WorkView>(rights.author ? 'mine' : 'review');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const list = useWorkList(view, q);
  const { reload } = list;
  const wasActive = useRef(active);

  // Others review and publish meanwhile: coming back to the page shows the lists as they are now.
  useEffect(() => {
    if (active && !wasActive.current) reload();
    wasActive.current = active;
  }, [active, reload]);

  return (
    <Card
      size="small"
      className="kbedit-page"
      title={t('kbEdit.page.title')}
      extra={
        rights.author && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="kbedit-new" onClick={() => onEdit({ id: null })}>
            {t('kbEdit.new')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Segmented<WorkView>
            data-testid="kbedit-views"
            value={view}
            onChange={setView}
            options={views.map((v) => ({ value: v, label: t(`kbEdit.view.${v}`) }))}
          />
          {view === 'all' && (
            <Input.Search
              data-testid="kbedit-search"
              allowClear
              style={{ width: 320 }}
              placeholder={t('kbEdit.search')}
              value={typed}
              onChange={(e) => setTyped(e.target.value.slice(0, 100))}
              onSearch={setQ}
            />
          )}
        </Space>
        {list.error ? (
          <KbEditFailure error={list.error} title={t('kbEdit.loadFailed')} onRetry={list.reload} />
        ) : (
          <WorkListBlock list={list} view={view} onOpen={(id) => onEdit({ id })} />
        )}
      </Space>
      {editing && (
        <ArticleEditor
          key={editing.id ?? 'new'}
          id={editing.id}
          onOpen={(id) => onEdit({ id })}
          onClose={() => onEdit(null)}
          onChanged={list.reload}
          visible={active}
          unsavedRef={unsavedRef}
        />
      )}
    </Card>
  );
}

function WorkListBlock({
  list,
  view,
  onOpen,
}: {
  list: ReturnType<typeof useWorkList>;
  view: WorkView;
  onOpen: (id: string) => void;
}) {
  const t = useT();
  return (
    <>
      <WorkList
        rows={list.rows}
        loading={list.loading}
        onOpen={onOpen}
        emptyText={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`kbEdit.empty.${view}`)} />}
      />
      {list.nextCursor && (
        <Button data-testid="kbedit-more" loading={list.loading} onClick={list.loadMore}>
          {t('kbEdit.loadMore')}
        </Button>
      )}
    </>
  );
}
