/**
 * Farmers often tell what happened before they ask (前些天下了场冻雨，棚膜上结了冰，黄瓜苗用啥药好):
 * the clause that asks says what an answer must be about, the story around it only hints. A clause
 * asks when it holds a question word, asks "V not V" or ends on a question particle (还能种不, 有用没).
 */
const QUESTION_WORDS = ['什么', '啥', '咋', '哪', '怎', '如何', '为何', '多少', '是否', '能否', '可否', '吗', '呢'];
/** A verb asked as "V not V" (要不要, 能不能, 是不是). */
const A_NOT_A = /(\p{Script=Han})[不没]\1/u;
/** Clause-final particles that make a statement a question. */
const FINAL_PARTICLE = /[不没吗呢么嘛吧][啊呀哇]?$/u;
const CLAUSE_BREAK = /[\s,.!?;:，。！？；：、…~～]+/u;

const asks = (clause: string) =>
  QUESTION_WORDS.some((w) => clause.includes(w)) || A_NOT_A.test(clause) || FINAL_PARTICLE.test(clause);

/**
 * The clauses of `text` that ask, when it has several and not all of them ask; null when there is
 * nothing to tell apart (one clause, or none asks).
 */
export function askingClauses(text: string): string[] | null {
  const clauses = text.split(CLAUSE_BREAK).filter((c) => /\p{Script=Han}/u.test(c));
  if (clauses.length < 2) return null;
  const asking = clauses.filter(asks);
  return asking.length > 0 && asking.length < clauses.length ? asking : null;
}
