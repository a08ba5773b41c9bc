/** The 工单 page's full-history search through the server (issue 4 §5), kept apart so zh-CN.ts stays readable. */
export const caseSearchZhCN = {
  'cases.mode.label': '检索范围',
  'cases.mode.local': '本机工单',
  'cases.mode.server': '全部历史（服务器）',

  'cases.server.searchPlaceholder': '输入关键词，回车检索全部历史工单（Ctrl+F）',
  'cases.server.search': '检索',
  'cases.server.hint': '检索中心服务器上的全部历史工单。输入关键词后按回车；来电号码只显示部分数字。',
  'cases.server.searching': '正在检索服务器…',
  'cases.server.shown': '已显示 {shown} 条',
  'cases.server.shownMore': '已显示 {shown} 条，还有更多',
  'cases.server.empty': '服务器上没有符合“{q}”的工单',
  'cases.server.loadMore': '加载更多',
  'cases.server.offline': '离线：只能检索本机工单',
  'cases.server.blocked.noServer': '尚未设置服务器地址，只能检索本机工单。请在“设置”中填写服务器地址。',
  'cases.server.blocked.unreachable': '现在连不上中心服务器，只能检索本机工单。网络恢复后仍可输入关键词按回车检索。',
  'cases.server.blocked.offlineLogin': '当前是离线登录，检索全部历史工单需要联网登录；本机工单仍可检索。',
  'cases.server.blocked.notLoggedIn': '检索全部历史工单需要先联网登录；本机工单仍可检索。',
  'cases.server.some': '没有同时包含全部关键词的工单。下面 {n} 条包含其中部分关键词，按相近程度排列。',
  'cases.server.failed': '服务器检索失败',
  'cases.server.backToLocal': '改为检索本机工单',
  'cases.server.seat': '坐席',
  'cases.server.tableLabel': '服务器检索结果：Tab 键逐条选择，回车打开',
  'cases.server.hitTitle': '工单 {caseNo}（服务器记录）',
  'cases.server.notLocal': '本机没有这张工单，以下是服务器检索结果中的摘要，只读。',
  'cases.server.phone': '来电号码',
  'cases.server.subject': '对象',
  'cases.server.answer': '答复',
  'cases.server.kbArticle': '引用的知识',
} as const;

export type CaseSearchMessageKey = keyof typeof caseSearchZhCN;
