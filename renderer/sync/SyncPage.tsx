import { IssueInbox } from './IssueInbox';
import { SyncPanel } from './SyncPanel';

/** 同步 (Alt+4): the sync facts with 立即同步, and the 冲突与退回 inbox below them. */
export function SyncPage() {
  return (
    <div className="sync-page">
      <SyncPanel />
      <IssueInbox />
    </div>
  );
}
