import type { OnlineMessages } from '../online/serverRequest';

/** The KB's online-only features (history, helpful marks, writing articles) when the server cannot help. */
export const KB_SERVER_MESSAGES: OnlineMessages = {
  offline: '无法连接中心服务器：离线时无法查看历史版本、提交评价或编写知识。联网后再试；检索本机知识库不受影响。',
  noServer: '尚未设置服务器地址：历史版本、评价和知识编写需要连接中心服务器。请在“设置”中填写服务器地址。',
  notLoggedIn: '请先联网登录，再查看历史版本、提交评价或编写知识。',
  sessionEnded: '登录已失效，请重新登录后再试。',
  forbidden: '当前账号不能进行这项操作，请联系班长或管理员。',
  notFound: '服务器上没有这条知识（可能已下线）。',
  badAnswer: '服务器的应答格式不对，请稍后再试；如持续出现请联系管理员。',
  unavailable: '中心服务器暂时无法处理，请稍后再试。',
};
