/** What the operator reads about KB updates: what happened and what to do next, in plain Chinese. */
export const REPLICA_MESSAGES = {
  noServer: '未设置服务器地址，知识库使用本机现有内容；设置服务器后会自动更新',
  notRegistered: '本坐席尚未注册或注册已失效，知识库使用本机现有内容；请登录后再更新',
  offline: '连不上服务器，知识库使用本机现有内容，网络恢复后会自动更新',
  corrupt: '下载的知识库数据校验不符，已丢弃损坏部分，稍后会自动重新下载',
  replaced: '服务器已生成新的知识库版本，稍后会自动改为下载新版本',
  internal: '更新知识库时发生内部错误，已记录日志，稍后会自动重试；搜索仍可使用',
  unavailable: (detail: string) => `服务器暂时无法提供知识库更新（${detail}），稍后会自动重试`,
};
