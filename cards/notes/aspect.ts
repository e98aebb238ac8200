// Chinese sub-headings and keys that name only an aspect of something
// ("隐藏状态" under an LSTM section, "预测问题" in HMM notes, "模型预测及评价"
// under softmax回归) mean nothing on a card without the topic they belong
// to: "长短期记忆（LSTM）的隐藏状态：要点是什么？". A heading that names a
// thing of its own ("权重衰减", "数据预处理") is left alone, and so is an
// aspect whose nearest named ancestor is a chapter or a container ("深度学习
// 基础", "CV基础知识", a file name) rather than a method or a model. Pure.
import { stripNumbering } from './numbering.ts';
import { isGenericHeading } from './questions.ts';
import { isZhAction, isZhClause } from './zhterm.ts';

const cjk = (s: string) => (s.match(/[\u3400-\u9fff]/g) ?? []).length;

/** Heads of aspect nouns: a state, a problem, a formula, a step of a method — always somebody's. */
const ASPECT_HEAD = /(?:状态|问题|(?:趋势|季节|周期|节假日|残差|正则|偏置|误差)项(?:模型)?|公式|参数|训练|预测|损失|损失函数|优缺点|改进(?:算法|方法|策略)?|原理|步骤|结构|评价|表达式|过程|流程|定义|求解|推导|假设|性质|目标函数|细节|(?:决策|目标|代价|评分|打分|激活|映射)函数)$/;

/**
 * True for a short Chinese aspect noun without a subject of its own: "隐藏状态", "预测问题",
 * "模型训练", "模型预测及评价", "分类决策函数"; false for names ("权重衰减"), tasks ("训练模型"),
 * phrases with a subject ("LSTM的隐藏状态", "线性回归的基本要素") and generic labels ("公式", "原理"),
 * which are asked about their topic elsewhere (questions.ts genericQuestion).
 */
export function isAspectNoun(plain: string): boolean {
  const p = plain.trim().replace(/^(?:相应的|对应的|其|该)/, '');
  if (!p || /[A-Za-z0-9$的，,。；;？?：:（(]/.test(p) || isGenericHeading(p)) return false;
  // "初始化模型参数", "做一个假设": a step or a clause, not a noun.
  if (/^(?:初始化|定义|计算|更新|求|设置|选择|构造|构建|做|有|用)|一个|一种/.test(p)) return false;
  const parts = p.split(/和|与|及|、/);
  // ("评价" after "模型预测及" is a noun; a phrase that opens with a verb is a step.)
  return !isZhAction(parts[0]!) && parts.every((x) => x.length >= 2 && cjk(x) === x.length && x.length <= 7 && ASPECT_HEAD.test(x));
}

/** Headings that hold a chapter, a subject area or a bank of questions, never one method or model. */
const CONTAINER = /(?:基础|基础知识|知识|知识点|知识体系|概述|概论|简介|介绍|部分|篇|章|面试题|问题|真题|笔记|总结|小结|汇总|合集|整理|入门|教程|实战|实践|专题|系列|题目|要素|基本概念|概念|方法|技巧|应用|详解|解释|原理|理解|实现|从零开始实现|简洁实现)$|^第|^(?:机器学习|深度学习|强化学习|自然语言处理|计算机视觉|推荐系统|数学|概率论|统计学|线性代数|大模型|人工智能|AI|NLP|CV|ML|DL)$/i;

/** "K-means面试题", "SVM直观解释", "线性回归的基本要素": the thing the heading is about, else the heading. */
function subjectOf(p: string): string {
  const bank = /^(.{2,30}?)(?:常见)?(?:面试题|面试真题|常见问题|问题汇总)$/.exec(p);
  if (bank) return bank[1]!.trim();
  const own = /^([^的]{2,20})的[^的]{2,12}$/.exec(p);
  if (own && !isZhClause(own[1]!)) return own[1]!.trim();
  // "SVM直观解释", "kmeans原理详解": a Latin name before a generic word.
  const latin = /^([A-Za-z][A-Za-z0-9.+-]*(?:\s[A-Za-z][A-Za-z0-9.+-]*)?)\s*([\u3400-\u9fff]{2,8})$/.exec(p);
  if (latin && (isGenericHeading(latin[2]!) || CONTAINER.test(latin[2]!))) return latin[1]!;
  return p;
}

/** A named method, model or concept that an aspect can belong to: "HMM", "softmax回归", "长短期记忆（LSTM）". */
export function isTopicName(plain: string): boolean {
  const p = plain.trim();
  if (!p || p.length > 30 || /[，,。；;？?！!：:]/.test(p) || CONTAINER.test(p) || isGenericHeading(p)) return false;
  if (/[_/\\]|^[a-z]+(?:-[a-z]+)+$/.test(p)) return false; // a file name: "cv-fundamentals", "3.2_linear-regression"
  const bare = p.replace(/\s*[（(][^）)]*[）)]\s*$/, '');
  if (/^[\x00-\x7f]+$/.test(bare)) return bare.split(/\s+/).length <= 3 && /[A-Za-z]{2,}/.test(bare);
  return cjk(bare) >= 2 && cjk(bare) <= 10 && !/的/.test(bare) && !isZhAction(bare) && !isZhClause(bare);
}

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>#|$])/g, '\\$1');

/**
 * The topic an aspect heading belongs to, as Markdown, given its heading path as
 * shown (outermost first, its own heading last) and the note's title: the nearest
 * ancestor that names a method or a model; generic ancestors ("注意要点") are skipped,
 * any other ancestor stops the search. Undefined when the heading is no aspect.
 */
export function aspectOwner(crumbs: readonly string[], title?: string): string | undefined {
  const own = stripNumbering(crumbs[crumbs.length - 1] ?? '').replace(/[:：]\s*$/, '').trim();
  if (!isAspectNoun(own)) return undefined;
  const candidates = [...crumbs.slice(0, -1)].reverse();
  if (title) candidates.push(title);
  for (const c of candidates) {
    const p = stripNumbering(c).replace(/[:：]\s*$/, '').trim();
    if (!p) continue;
    const subject = subjectOf(p);
    if (subject.includes(own) || own.includes(subject)) return undefined;
    // "损失函数" under "模型训练" under "线性回归": an aspect's aspect belongs to the topic above both.
    if (isAspectNoun(subject)) continue;
    if (isTopicName(subject)) return escapeMd(subject);
    // "注意要点", "面试真题" name nothing: look further up. A chapter or any other heading is where the aspect belongs.
    if (subject === p && (isGenericHeading(p) || /(?:面试题|问题|真题)$/.test(p))) continue;
    return undefined;
  }
  return undefined;
}

/** The owner of an aspect key ("预测问题") from the section's topic ("HMM", "SVM直观解释"), or undefined. */
export function keyOwner(keyPlain: string, topicMd: string | undefined): string | undefined {
  if (!topicMd || !isAspectNoun(keyPlain)) return undefined;
  const topic = subjectOf(stripNumbering(topicMd.replace(/\\(?=[\\`*_[\]<>#|$])/g, '').replace(/[*_`]/g, '')).replace(/[:：]\s*$/, '').trim());
  // An English phrase ("Taylor Series") heads lecture notes whose Chinese keys translate it, not its parts.
  if (!isTopicName(topic) || topic.includes(keyPlain.trim()) || /^[A-Za-z]+\s+[A-Za-z]/.test(topic)) return undefined;
  return escapeMd(topic);
}

/**
 * The topic a short noun sub-heading is a part of, when its own text says so: "填充和步幅"
 * under "池化层" whose text reads "同卷积层一样，池化层也可以…填充…" is the pooling layer's
 * padding and stride, not the chapter on padding. The parent heading must name a method or
 * a model (`isTopicName`), the heading be a short Chinese noun phrase without that name
 * (no question, no task, no clause), and the section's first sentences (`textOf()`) name the
 * parent (or its alias in brackets: "长短期记忆（LSTM）" → "LSTM"), read only when the headings qualify. Undefined otherwise.
 */
export function namedOwner(crumbs: readonly string[], textOf: () => string): string | undefined {
  if (crumbs.length < 2) return undefined;
  const own = stripNumbering(crumbs[crumbs.length - 1]!).replace(/[:：]\s*$/, '').trim();
  // "训练数据", "填充和步幅", "候选记忆细胞": 2–8 CJK characters, "和/与/及" allowed.
  if (!/^[\u3400-\u9fff]{2,8}$/.test(own) || isGenericHeading(own) || isZhAction(own) || isZhClause(own) || CONTAINER.test(own)) return undefined;
  // "生成数据集", "初始化模型参数": a step of the code, not a part of the model.
  if (/^(?:初始化|定义|计算|更新|求|设置|选择|构造|构建|生成|读取|获取|加载|实现|使用|训练|预测|评估|做|有|用)/.test(own)) return undefined;
  const parent = subjectOf(stripNumbering(crumbs[crumbs.length - 2]!).replace(/[:：]\s*$/, '').trim());
  if (!isTopicName(parent) || parent.includes(own) || own.includes(parent)) return undefined;
  const alias = /^(.+?)\s*[（(]([^）)]+)[）)]$/.exec(parent);
  const names = alias ? [alias[1]!.trim(), alias[2]!.trim()] : [parent];
  // (A link's title — "[卷积神经网络的感受野](…)" — is a reference, not the section saying so.)
  const prose = textOf().replace(/!?\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)/g, '');
  return names.some((n) => n.length >= 2 && prose.includes(n)) ? escapeMd(parent) : undefined;
}

/**
 * "优点：效率高…" under "优缺点及改进算法" (an aspect heading of K-means): the label repeats
 * part of its heading, so it is the owner's ("K-means的优点有哪些？"), not the heading's
 * ("优缺点及改进算法的优点有哪些？"). Undefined when the heading does not hold the label.
 */
export function labelOwner(headingPlain: string, labelPlain: string, aspectOf: string | undefined): string | undefined {
  const label = labelPlain.trim();
  if (!aspectOf || !isGenericHeading(label) || !/^[\u3400-\u9fff]{2,4}$/.test(label)) return undefined;
  const covers = headingPlain.includes(label) || (/优缺点|优劣/.test(headingPlain) && /^(?:优点|缺点|优势|劣势|不足)$/.test(label));
  return covers ? aspectOf : undefined;
}
