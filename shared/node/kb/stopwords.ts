/**
 * Function words and question words of spoken Chinese (incl. common Northeast forms such as 咋, 俺,
 * 啥). They carry no topic, so they are neither indexed nor counted when judging how well an article
 * covers a query. A general list, not tuned to any query set.
 */
const STOPWORDS = new Set(
  [
    '的 地 得 了 着 过 吗 嘛 呢 吧 啊 呀 哇 哦 噢 喽 啦 么 哈 呐 嗯 诶 欸',
    '是 在 和 与 及 或 或者 并 而 但 但是 就 都 也 还 又 再 才 很 太 更 最 挺 特别 非常 比较 有点 有些',
    '我 你 他 她 它 我们 你们 他们 咱 咱们 俺 俺们 自己 人家 大家 您',
    '这 那 这个 那个 这些 那些 这样 那样 这么 那么 这种 那种 这儿 那儿 这里 那里 这边 那边',
    '什么 啥 啥样 哪 哪个 哪些 哪里 哪儿 怎么 怎样 怎么样 怎么办 如何 咋 咋整 咋办 咋弄 咋样 咋搞 怎么搞 怎么弄 为什么 为啥 干啥',
    '回事 怎么回事 咋回事 这是 到底',
    '多少 几 是否 能否 可否 有没有 是不是 能不能 要不要 会不会 行不行 好不好',
    '能 可以 可 要 会 该 应该 应当 得 需要 想 想要 打算 准备 知道 请问 问 问问 一下 一点 一些 些',
    '有 没 没有 不 别 不要 不用 把 被 给 让 对 从 到 向 跟 比 为 为了 因为 所以 如果 要是 的话 然后 还是',
    '个 上 下 里 中 后 前 时 时候 现在 今年 去年 今天 昨天 最近 一直 已经 刚 刚刚 总是 老是',
    '好 行 对 嗯 喂 您好 你好 谢谢 麻烦 帮 帮忙 一 二 两',
  ]
    .join(' ')
    .split(' '),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}
