import type { Category } from '../../shared/domain/categories';
import type { Channel, Priority } from '../../shared/domain/inquiry';
import { PHONE_PROBLEM_MESSAGES, type PhoneProblem } from '../../shared/domain/phone';
import {
  STATUS_LABELS_ZH,
  TRANSITION_REFUSAL_MESSAGES,
  type Status,
  type TransitionRefusal,
} from '../../shared/domain/status';
import type { ErrorCode } from '../../shared/errors';

/**
 * Every text of the UI, in Chinese (the default). `en.ts` must have exactly these keys: the type
 * below makes a missing English text a compile error. `{name}` is filled in by `t(key, { name })`.
 * Domain texts that the seat also uses (phone problems, status names) come from shared/ so the
 * two never disagree.
 */
const base = {
  'app.title': '12316 三农热线 · 坐席台',
  'nav.label': '主导航',
  'nav.intake': '受理台',
  'nav.cases': '工单',
  'nav.settings': '设置',

  'common.retry': '重试',
  'common.cancel': '取消',
  'common.dismiss': '知道了',
  'common.colon': '：',

  'startup.loading': '正在打开坐席台…',
  'startup.failed': '坐席台无法启动',

  'banner.offline.title': '与本机坐席服务的连接已断开',
  'banner.offline': '正在自动重新连接。已填写的内容会保留；恢复连接后再保存。如长时间无法恢复，请重新启动坐席台。',
  'banner.noToken.title': '缺少访问令牌',
  'banner.noToken': '请使用启动坐席台时终端里打印的完整地址（包含 ?token=…）打开本页面。',

  'error.code.INVALID_INPUT': '填写的内容有误',
  'error.code.NOT_FOUND': '没有找到该记录',
  'error.code.CONFLICT': '记录已被修改',
  'error.code.OFFLINE': '连接中断',
  'error.code.UNAUTHORIZED': '没有访问权限',
  'error.code.FORBIDDEN': '操作被拒绝',
  'error.code.DB_CORRUPT': '本地数据库已损坏',
  'error.code.DB_READONLY': '本地数据库无法写入',
  'error.code.DB_FROM_FUTURE': '本地数据库版本过新',
  'error.code.INTERNAL': '程序内部错误',
  'error.callDropped':
    '与坐席服务的连接在处理过程中中断，无法确认是否已保存。请等待重新连接后，在“工单”中查找确认，再决定是否重新保存。',
  'error.contractDrift': '坐席服务返回的数据格式与界面版本不一致。请重启程序；如仍出现，请联系技术支持。',
  'error.seatUnreachable': '暂时连不上本机坐席服务，操作没有执行。请等待重新连接后再试，已填写的内容会保留。',

  'bar.seat': '坐席',
  'bar.operator': '话务员',
  'bar.online': '在线',
  'bar.offline': '离线',
  'bar.unsynced': '未同步 {count} 条',
  'bar.oldestPending': '最早一条未同步的修改：{at}',
  'bar.nothingPending': '所有修改均已同步',
  'bar.lastSync': '上次同步：{at}',
  'bar.neverSynced': '尚未与服务器同步（同步功能将在后续版本提供），数据已安全保存在本机',

  'timer.label': '通话',
  'timer.running': '本次通话已进行的时间，保存时一并记录',
  'timer.idle': '按 F2 新建受理后开始计时',

  'intake.new': '新建受理',
  'intake.save': '保存',
  'intake.saveAndNew': '保存并新建',
  'intake.saved': '已保存，工单号 {caseNo}',
  'intake.lastSaved': '上一张受理单已保存：工单号 {caseNo}',
  'intake.cannotSave': '无法保存',
  'intake.draftSaved': '草稿已自动保存（{at}）',
  'intake.draftFailed': '草稿自动保存失败：{reason}',
  'intake.draftRestored': '已恢复未保存的受理单',
  'intake.draftRestoredAt': '这是 {at} 自动保存的内容，请核对后继续填写或保存。',
  'intake.discard.title': '放弃当前受理单？',
  'intake.discard.body': '当前受理单还没有保存。新建后，已填写的内容将被清除。',
  'intake.discard.ok': '放弃并新建',
  'intake.phone': '来电号码',
  'intake.phonePlaceholder': '手机号或带区号的固话',
  'intake.phoneHidden': '号码隐藏',
  'intake.phoneHiddenValue': '号码隐藏',
  'intake.callerName': '来电人姓名',
  'intake.region': '所在地区',
  'intake.channel': '受理渠道',
  'intake.category': '问题分类',
  'intake.categoryPlaceholder': '选择或输入分类',
  'intake.subject': '对象（作物/畜禽）',
  'intake.subjectPlaceholder': '如 玉米、水稻、生猪',
  'intake.question': '问题描述',
  'intake.questionPlaceholder': '记录农户反映的问题：症状、面积、时间、已采取的措施',
  'intake.answer': '答复内容',
  'intake.answerPlaceholder': '直接答复时填写给农户的答复',
  'intake.status': '处理状态',
  'intake.expert': '转交专家',
  'intake.expertPlaceholder': '输入姓名或专业查找专家',
  'intake.department': '承办部门',
  'intake.departmentPlaceholder': '输入部门名称查找',
  'intake.priority': '紧急程度',
  'intake.note': '说明',
  'intake.notePlaceholder': '未答复直接办结时，请说明原因（如 打错电话、重复来电）',
  'intake.required.category': '请选择问题分类',
  'intake.required.question': '请填写问题描述',

  'history.title': '来电历史',
  'history.waitingForNumber': '输入完整号码后显示该号码的历史受理记录',
  'history.hiddenNumber': '号码隐藏，无法查询历史记录',
  'history.failed': '历史记录查询失败',
  'history.firstCall': '该号码首次来电',
  'history.total': '该号码共来电 {count} 次',
  'history.repeat.title': '重复来电：{days} 天内已来电 {count} 次',
  'history.repeat.open': '未办结工单 {caseNo}（{status}，{at} 受理），请先查看该工单再答复。',
  'history.repeat.noOpen': '上次来电 {at}，之前的工单均已办结。',

  'region.placeholder': '输入地名或拼音首字母查找，如 九台、jt',
  'region.searchHint': '输入地名或拼音首字母，如 长春、九台、jt',
  'region.noMatch': '没有匹配的地区，可换个写法或逐级选择',
  'region.browse': '逐级选择地区',
  'region.browseShort': '逐级选择',

  'cases.searchPlaceholder': '搜索问题、答复、来电人（Ctrl+F）',
  'cases.dateRange': '受理日期',
  'cases.status': '状态',
  'cases.category': '分类',
  'cases.region': '地区',
  'cases.operator': '话务员',
  'cases.caller': '来电人',
  'cases.question': '问题',
  'cases.unsyncedShort': '未同步',
  'cases.total': '共 {total} 条，已加载 {shown} 条',
  'cases.loading': '正在加载工单…',
  'cases.loadFailed': '工单列表加载失败',
  'cases.empty': '本机还没有工单。在“受理台”保存的受理单会出现在这里。',
  'cases.emptyFiltered': '没有符合条件的工单',
  'cases.clearFilters': '清除筛选条件',
  'cases.tableLabel': '工单列表：上下方向键选择，回车打开',

  'case.title': '工单 {caseNo}',
  'case.loading': '正在打开工单…',
  'case.loadFailed': '工单打开失败',
  'case.caseNo': '工单号',
  'case.createdAt': '受理时间',
  'case.operator': '话务员',
  'case.callDuration': '通话时长',
  'case.assignee': '转交对象',
  'case.pendingSync': '未同步',
  'case.edit': '编辑',
  'case.timeline': '办理记录',
  'case.note': '本次修改说明',
  'case.noteHint': '退回、重新受理或未答复办结时必须填写',
  'case.save': '保存修改',
  'case.saved': '工单 {caseNo} 已更新',
  'case.nothingChanged': '没有需要保存的修改',
  'case.conflict.title': '该工单已被修改',
  'case.conflict.body':
    '在您编辑期间，该工单已有新的修改。请点击“重新加载”查看最新内容，再重新修改（您当前的修改需要重新填写）。',
  'case.reload': '重新加载',

  'field.callerName': '来电人姓名',
  'field.regionCode': '地区',
  'field.channel': '受理渠道',
  'field.category': '问题分类',
  'field.subject': '对象',
  'field.question': '问题描述',
  'field.answer': '答复内容',
  'field.priority': '紧急程度',
  'field.expertId': '转交专家',
  'field.departmentId': '承办部门',
  'field.status': '状态',

  'timeline.created': '受理登记（{status}）',
  'timeline.statusChanged': '状态：{from} → {to}',
  'timeline.statusChangedPlain': '状态变更',
  'timeline.edited': '修改了 {fields}',
  'timeline.note': '说明：{text}',
  'timeline.empty': '暂无办理记录',

  'settings.title': '坐席设置',
  'settings.seatCode': '坐席编号',
  'settings.seatCodeHint': '工单号以坐席编号开头，如 S01-261128-0001；同一热线内每个坐席的编号不能重复',
  'settings.operatorName': '话务员姓名',
  'settings.serverUrl': '同步服务器地址',
  'settings.serverUrlHint': '用于与热线中心同步工单（后续版本启用）；留空表示仅在本机保存',
  'settings.ui': '界面',
  'settings.locale': '界面语言',
  'settings.fontSize': '字号',
  'settings.fontSize.standard': '标准',
  'settings.fontSize.large': '大字',
  'settings.confirmLeave': '关闭前确认',
  'settings.confirmLeaveHint': '受理单未保存时关闭窗口前先询问（草稿始终自动保存）',
  'settings.save': '保存设置',
  'settings.saved': '设置已保存',
  'settings.about': '程序信息',
  'settings.version': '版本',
  'settings.mode': '运行方式',
  'settings.mode.electron': '桌面程序',
  'settings.mode.browser': '浏览器模式',
  'settings.dataDir': '数据目录',
  'settings.dbPath': '数据库文件',
  'settings.logFile': '日志文件',
  'settings.settingsFile': '设置文件',

  'channel.phone': '电话',
  'channel.sms': '短信',
  'channel.walk_in': '来访',
  'channel.web': '网络',
  'priority.normal': '一般',
  'priority.high': '较急',
  'priority.urgent': '紧急',
} as const;

type Keyed<P extends string, K extends string> = Record<`${P}.${K}`, string>;

function prefixed<P extends string, K extends string>(prefix: P, texts: Record<K, string>): Keyed<P, K> {
  return Object.fromEntries(Object.entries(texts).map(([k, v]) => [`${prefix}.${k}`, v])) as Keyed<P, K>;
}

const CATEGORY_TEXTS: Record<Category, string> = {
  '种植业-粮食作物': '种植业-粮食作物',
  '种植业-经济作物与园艺': '种植业-经济作物与园艺',
  '植物保护-病虫害': '植物保护-病虫害',
  畜牧兽医: '畜牧兽医',
  水产渔业: '水产渔业',
  农机: '农机',
  农资质量与维权: '农资质量与维权',
  惠农政策: '惠农政策',
  土地与法律: '土地与法律',
  市场与价格: '市场与价格',
  气象与灾害: '气象与灾害',
  农产品质量安全: '农产品质量安全',
  其他: '其他',
};

export type MessageKey =
  | keyof typeof base
  | `status.${Status}`
  | `category.${Category}`
  | `phone.problem.${PhoneProblem}`
  | `transition.${TransitionRefusal}`
  | `channel.${Channel}`
  | `priority.${Priority}`
  | `error.code.${ErrorCode}`;

export type Messages = Record<MessageKey, string>;

export const zhCN: Messages = {
  ...base,
  ...prefixed('status', STATUS_LABELS_ZH),
  ...prefixed('category', CATEGORY_TEXTS),
  ...prefixed('phone.problem', PHONE_PROBLEM_MESSAGES),
  ...prefixed('transition', TRANSITION_REFUSAL_MESSAGES),
};
