// Card fronts phrased the way a candidate would write them ("空洞卷积是什么？
// 为什么用？", "ACC怎么计算？"), chosen from the shape of the heading or term.
// Plain-text tests decide; the Markdown (math kept) is what gets shown.
import type { Term } from './classify.ts';
import type { Lang } from './lang.ts';
import { enumerationSubject, isZhConcept, isZhAction } from './zhterm.ts';
import { lectureGenericQuestion, lectureHeadingQuestion } from './lecture.ts';
import { isPitfallHeading, pitfallQuestion, troubleQuestion } from './englishAspect.ts';

export type HeadingShape = 'question' | 'calc' | 'list' | 'pair' | 'concept';

const noMath = (s: string) => s.replace(/\$[^$]*\$/g, 'x');

const EN_QUESTION = /^(?:what|why|how|when|which|who|whom|whose|where|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|has|have)\b/i;
export const EN_IMPERATIVE = /^(?:explain|describe|compare|contrast|derive|prove|show|give|list|define|name|state|discuss|outline|summari[sz]e|write|implement|calculate|compute|find|design|draw|sketch|illustrate|justify|identify|estimate|suggest|propose|walk me through|tell me|talk about)\b/i;
const EN_LIST = /^(?:(?:the\s+)?(?:advantages|disadvantages|pros(?: and cons)?|cons|benefits|drawbacks|limitations|types|kinds|steps|methods|techniques|properties|features|applications|differences|examples|challenges|tips|tricks|characteristics|strategies|approaches|variants|use cases|metrics|assumptions|components|problems|issues|causes|solutions|reasons|categories|stages|ways)\b)|\b(?:advantages|disadvantages|pros and cons|benefits|drawbacks|limitations|types|kinds|steps|methods|techniques|properties|features|applications|differences|examples|challenges|tips|tricks|characteristics|strategies|approaches|variants|use cases|metrics|assumptions|components|categories|stages)$/i;
const EN_CALC = /\b(?:computation|calculation|complexity|cost|size|number of parameters|parameter count)$/i;

/** "训练模型", "定义损失函数": a task whose object names nothing without its section's topic. */
const GENERIC_OBJECT = /^\S{2,3}?(?:模型|数据|数据集|数据迭代器|参数|模型参数|损失函数|优化算法|预测函数|网络|小批量|运算|模型并预测)$/;
const ZH_QUESTION = /为什么|为何|如何|怎么|怎样|什么|哪些|哪个|哪种|是否|多少|吗[。.]?$|么[。.]?$/;
const ZH_IMPERATIVE = /^(?:简述|简要介绍|简单介绍|简要说明|介绍一下|介绍|比较|对比|说说|说一下|谈谈|讲讲|讲一下|聊聊|聊一下|解释|推导|证明|描述|列举|手写|写出|画出|请|(?:简要|简单)?(?:阐述|分析|叙述|复述|概述)(?:一下)?)/;
/** "…检测器，请简单说明其中的含义。", "…差距较大，解释原因。": the task follows the set-up. */
const ZH_LATE_TASK = /[，,。；;]\s*(?:请|试)?(?:简单|简要)?(?:说明|解释|阐述|分析|叙述|描述|列举|比较|推导|证明|谈谈|讲讲|说说)/;
/** "YOLOV1、YOLOV2、YOLOV3复述一遍 YOLOv1到v3的发展历程。": a heading that is a task sentence, asked as written. */
const ZH_TASK_SENTENCE = /(?:复述|简述|介绍|阐述|描述|推导|谈谈|讲讲|说说|列举|写出|画出)(?:一遍|一下)?[^？?。]{0,80}。$/;
/** "<字节跳动-二面（2019）>": where a question was asked is no part of it. */
export const stripAskedAt = (s: string): string => stripStudyNote(s.replace(/\s*(?:\\?<|＜)[^\n]{0,160}?(?:面|笔试|实习|校招|社招|20\d\d)[^\n]{0,200}$/, '').trim() || s);

// "为什么L1比L2更容易获得稀疏解？（重点）": the bracketed note marks how often it is asked, not what is asked.
const STUDY_NOTE = /\s*[（(【\[]\s*(?:重点|高频|超高频|常考|必考|必问|必会|重要|难点|加分项)\s*[）)】\]]\s*$/;
export const stripStudyNote = (s: string): string => s.replace(STUDY_NOTE, '').trim() || s;

/** A question heading as a question: "逻辑回归为什么要离散化" → "…？", "简述BERT" → "简述BERT。". */
function asQuestion(md: string, plain: string, lang: Lang): string {
  const t = md.trim();
  if (/[？?。！!]$/.test(t.replace(/(?:\*\*|__|\*|_)+$/, ''))) return t.replace(/。$/, ZH_IMPERATIVE.test(plain) || (ZH_LATE_TASK.test(plain) && !ZH_QUESTION.test(plain)) ? '。' : '？');
  if (lang === 'en' || /^[\x00-\x7f]+$/.test(plain)) return t + (EN_IMPERATIVE.test(plain) ? '.' : '?');
  return t + ((ZH_IMPERATIVE.test(plain) || ZH_LATE_TASK.test(plain)) && !ZH_QUESTION.test(plain) ? '。' : '？');
}

export function headingShape(plain: string, lang: Lang = 'zh'): HeadingShape {
  const p = noMath(plain).trim();
  if (/[？?]$/.test(p)) return 'question';
  if (lang === 'en') {
    // ("state", "design" alone name a thing: an imperative needs its object.)
    if (EN_QUESTION.test(p) || (EN_IMPERATIVE.test(p) && /\s\S/.test(p))) return 'question';
    if (EN_CALC.test(p)) return 'calc';
    if (EN_LIST.test(p)) return 'list';
    if (/\S\s+(?:vs\.?|versus|VS)\s+\S/.test(p)) return 'pair';
    if (/^[^,]{1,40}\s(?:and|&)\s[^,]{1,40}$/.test(p) && p.split(/\s+/).length <= 6) return 'pair';
    return 'concept';
  }
  if (ZH_QUESTION.test(p) || ZH_IMPERATIVE.test(p) || ZH_LATE_TASK.test(p) || ZH_TASK_SENTENCE.test(p)) return 'question';
  if (/^[\x00-\x7f]+$/.test(p) && (/^(?:what|why|how|when|which)\s/i.test(p) || EN_IMPERATIVE.test(p))) return 'question'; // "Why CNN for Playing Go" in Chinese notes
  if (/(?:计算|大小|尺寸|复杂度)$|参数量|计算量/.test(p)) return 'calc';
  // The list word is the head ("CNN的特点以及优势", "常用的归一化方法"), not a modifier ("图像分类数据集", "文本情感分类：使用…").
  if (/(?:特点|优势|优点|缺点|区别|作用|方法|指标|技巧|种类|类型|分类|步骤|(?:常见|相关|面试|典型|经典|主要|基本|(?<!一个重要)的)问题|面试题|真题)(?:概览|一览|汇总)?(?:\s*[(（][^)）]*[)）])?$|哪些|(?:特点|优势|优点|缺点|区别|方法|指标|技巧|步骤)(?:[和与及、]|以及)/.test(p)) return 'list';
  if (/\S(?:和|与|及|vs\.?|VS)\S/.test(p)) return 'pair';
  return 'concept';
}

/** "感受野计算" → "感受野": the thing being computed. */
function calcSubject(md: string): string {
  return md.replace(/的?计算$/, '').trim() || md;
}

/** Headings that only make sense under their topic: "Definition" → "Precision and recall: definition?". */
const GENERIC_EN = /^(?:definitions?|overview|introduction|intro|intuitions?|examples?|summary|notes?|motivation|background|key ideas?|main ideas?|(?:the )?idea|basic idea|core idea|properties|applications|use cases|proof|derivation|formulas?|formulation|equations?|implementation|code|pseudocode|algorithm|pros and cons|advantages|disadvantages|limitations|details|explanation|how it works|interpretation|remarks|conclusions?|answer|solution|discussion|goal|problem|setup|usage|when to use|why|how|what|concept|theory|math|mathematics|illustration|visuali[sz]ation|related|see also|references?|resources|further reading|links|questions|interview questions|clarifying questions|tl;?dr|key points|key takeaways|takeaways|recap|review|comparison|pros|cons|use when|best for|when to use it|why it works|why it matters|trade-?offs?|fix|fixes|issue|issues|challenges?|impact|benefits?|drawbacks?|key insights?|insights?|purpose|role|mechanism|observation|observations|assumptions?|caveats?|pitfalls?|complexity|time complexity|space complexity|loss|objective|training|inference|architecture|hyperparameters|results?|evaluation|metrics?|input|output|intuition behind it|description|range|others?|misc|miscellaneous|parameters|key parameters|types|variants|update rules?|pro|con|strengths?|weaknesses?|key properties|key features|characteristics|when to use it|use case|best practices|practical considerations|common pitfalls|considerations|notes and tips|tips|steps|core concepts?|key concepts?|problem formulation|problem statement|initiali[sz]ation|variations|options|computation|formal setup|other techniques|techniques|approaches|practical applications?|data|features|feature engineering|model|modeling|model development|offline evaluation|online evaluation|serving|deployment|monitoring|scaling|data collection|data preparation|prediction service|inference service|high level design|system design|design)$/i;
const GENERIC_ZH = /^(?:定义|概述|概念|简介|介绍|引言|直觉|直观理解|直观解释|例子|示例|举例|实例|总结|小结|原理|基本原理|应用|应用场景|优缺点|优点|缺点|优势|不足|局限性?|特点|特性|性质|作用|意义|公式|推导|公式推导|证明|实现|代码|代码实现|伪代码|算法|算法流程|流程|步骤|方法|参数|超参数|背景|动机|思想|基本思想|核心思想|主要思想|解释|原理解释|说明|详解|理解|问题|答案|解答|讨论|参考|参考资料|相关问题|面试题|常见问题|补充|拓展|扩展|用处|用途|好处|注意事项|注意要点|要点|核心公式|简洁实现|从零开始实现|概念描述|概念介绍|过程描述|本章总结|本章节总结|思考|解析|题目|相同点|不同点|共同点|区别|联系|改进|缺陷|难点|目的|目标|结论|分析|细节|实验|结果|评价|其他|发展|类型|分类|种类)$/;

/** More template headings of English notes: system-design outlines ("ML objective", "Use case(s) and business goal") and note scaffolding. */
const GENERIC_EN_MORE = /^(?:(?:not )?(?:ideal|good|best|suitable|bad|well suited) for|why (?:this|it) works|(?:comparison|summary|overview|quick reference|cheat ?sheet) tables?|tables?|cheat ?sheet|quick reference|mathematical foundations?|math(?:ematical)? formulation|mathematics behind it|the math behind it|(?:core |key )?equations|core equations|visual intuition|production readiness|intuitive (?:meaning|explanation|interpretation|understanding|picture)|(?:production|deployment|design|implementation|engineering|operational|practical|ethical|security|performance|cost) considerations|why (?:this|it) is (?:problematic|important|useful|needed)|why (?:this|it) matters|what it (?:does|is|solves|measures)|how to use it|when (?:not )?to use|limitation|weakness|strength|advantage|disadvantage|benefit|drawback|(?:(?:ideal|good|poor|bad|typical|common|best|main|key|practical|real-world) )?use cases?\s*(?:\(s\))?(?: and business goals?)?|business (?:goals?|objectives?|metrics?)|ml (?:objectives?|formulation|categor(?:y|ies)|problem)|other topics|requirements|functional requirements|non-?functional requirements|constraints|scope|solution approach|overall design|high-level design|architectural components(?: \(mvp logic\))?|online testing(?: and deployment)?|model deployment|a\/b testing|data (?:preparation|sources?|pipeline)|labell?ing|training data|offline metrics|online metrics)$/i;

/** True for a heading that needs its parent's name to mean anything on a card. */
export function isGenericHeading(plain: string): boolean {
  const p = noMath(plain).replace(/[:：?？。.]+$/, '').trim();
  if (GENERIC_EN.test(p) || GENERIC_ZH.test(p) || GENERIC_EN_MORE.test(p)) return true;
  // "The Visual Intuition", "Key Mathematical Foundation": a generic heading with a modifier.
  const bareP = p.replace(/^(?:the|key|core|main|basic|general|important|some)\s+/i, '');
  if (bareP !== p && (GENERIC_EN.test(bareP) || GENERIC_EN_MORE.test(bareP))) return true;
  // "Core Intuition: \"Don't Change Too Much\"": a generic label with a motto names no topic of its own (notes-en5).
  const label = /^([A-Za-z][A-Za-z ]{2,30})[:：]\s*["“'‘]/.exec(p)?.[1]?.trim();
  if (label && (GENERIC_EN.test(label) || GENERIC_EN_MORE.test(label) || GENERIC_EN.test(label.replace(/^(?:the|key|core|main|basic|general|important|some)\s+/i, '')))) return true;
  // "Data Collection and Preparation", "Scaling, Monitoring, and Updates", "Metrics (Offline and Online)": steps of a template.
  const parts = p.replace(/\s*[(（][^)）]*[)）]\s*$/, '').split(/\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+/).filter(Boolean);
  if (parts.length && parts.length <= 4 && p.length <= 80 && parts.every((x) => GENERIC_EN.test(x) || /^(?:preparation|updates?|testing|online testing|architectural components|components|requirements|constraints|assumptions)$/i.test(x))) return true;
  // "When to choose it", "Why this works": about whatever "it" is.
  if (p.split(/\s+/).length <= 6 && /^(?:how|why|when|what|where)\b/i.test(p) && /\b(?:it|this|they|these|them)$/i.test(p)) return true;
  // A question with no subject of its own: "用处是什么？", "How does it work?", "Why is this important?".
  if (/[?？]$/.test(plain.trim())) {
    if (GENERIC_ZH.test(p.replace(/^(?:它的|其|它)/, '').replace(/(?:是什么|是啥|有哪些|有什么|在哪里|在哪|怎么样|如何)$/, ''))) return true;
    if (p.split(/\s+/).length <= 6 && /^(?:how|why|when|what|where)\b/i.test(p) && /\b(?:it|this|they|these|that)\b/i.test(p) && !/\b(?:this|these|that)\s+(?!is\b|are\b|works?\b|matters?\b)\w+/i.test(p)) return true;
  }
  return false;
}

/**
 * The head noun of an English heading or term is plural ("Loss functions",
 * "ML Systems at Big Companies", "GANs"), so it is asked with "are".
 */
export function isPluralEn(plain: string): boolean {
  const head = noMath(plain)
    .replace(/\s*[(（].*$/, '')
    .split(/\s+(?:at|in|for|of|with|on|from|to|across|by|vs\.?|versus|under|over|via)\s+/i)[0]!
    .trim();
  const words = head.split(/\s+/);
  const w = words.pop() ?? '';
  // "The problem PPO solves", "What it does": a verb after its subject, not a plural noun.
  if (/^(?:[A-Z0-9]{2,}|it|we|they|you|one|he|she)$/.test(words[words.length - 1] ?? '') && words.length >= 2) return false;
  if (/^[A-Z0-9]{2,}s$/.test(w)) return true; // LLMs, GANs, CNNs
  if (/^(?:metrics|statistics|heuristics|characteristics|topics|graphics|analytics)$/i.test(w)) return true;
  if (/(?:ss|us|is|ics|ness|sis|ous|as|ys)$/i.test(w)) return false;
  return /^[A-Za-z][a-z-]*[a-z]s$/.test(w) && w.length > 3;
}

/** "Handling categorical features", "Choosing an embedding model": an activity, not a concept. */
const EN_GERUND = /^(?:handling|choosing|using|building|designing|dealing|avoiding|preventing|improving|reducing|selecting|evaluating|deploying|debugging|implementing|understanding|comparing|combining|getting|making|setting up|managing|measuring|tuning|optimizing|optimising|interpreting|adding|applying|creating|defining|detecting|fixing|mitigating|putting|running|speeding up|writing|going|moving|putting|storing|serving|training (?:a|an|the|your|on|with)|scaling (?:up|out|a|an|the)|working with|thinking about)\b/i;

/** "Train a Reward Model", "calculate distance", "Define relevance": a step to take, asked "how". */
const EN_ACTION_STRONG = /^(?:train|build|collect|fine-tune|finetune|define|choose|pick|create|evaluate|deploy|compute|calculate|prepare|preprocess|identify|estimate|detect|avoid|prevent|mitigate|improve|handle|fix|remove|add|use|apply|design|implement)\s+\S/i;
const EN_ACTION = /^(?:split|load|clean|tune|optimi[sz]e|measure|monitor|store|index|retrieve|generate|rank|filter|fetch|embed|chunk|encode|decode|normali[sz]e|sample|label|annotate|aggregate|combine|merge|update|initiali[sz]e|convert|transform|map|serve|cache|scale|select|reduce|increase|decrease)\s+(?:a|an|the|each|all|your|our|its|their|them|it)\b/i;
/** "Naive RAG is sufficient for", "Why Query Transformations are needed": a clause, not a name. */
const EN_CLAUSE = /\s(?:is|are|was|were|can|cannot|can't|should|must|does|do|doesn't|don't|will|won't|has|have|needs?|works?|fails?|helps?|makes?|becomes?)\s/i;
const ENDS_IN_PREPOSITION = /\s(?:for|to|with|when|on|in|of|at|by|from|because|if|about|into|like)$/i;

/** A heading or term that is a clause or a step, phrased as a question; null for a name. */
export function clauseQuestion(md: string, plain: string): string | null {
  const p = noMath(plain).replace(/[:：;；.,]+$/, '').trim();
  const t = md.replace(/[:：;；.,]+$/, '').trim();
  // "Use Long Context Windows if:" — the list says when.
  if (/\s(?:if|when)$/i.test(p) && (EN_ACTION_STRONG.test(p) || EN_ACTION.test(p))) return `When should you ${lowerFirst(t.replace(/\s+(?:if|when)$/i, ''))}?`;
  if ((EN_ACTION_STRONG.test(p) || EN_ACTION.test(p)) && p.split(/\s+/).length <= 8 && !/[(（]/.test(p)) return `How do you ${lowerFirst(t)}?`;
  if (ENDS_IN_PREPOSITION.test(p) && EN_CLAUSE.test(` ${p} `)) return `${t} …?`;
  if (EN_CLAUSE.test(` ${p} `) && p.split(/\s+/).length >= 3 && !/^(?:what|why|how|when|which|who|where)\b/i.test(p)) return `${t}: what are the key points?`;
  return null;
}

/** "What is X?" / "What are X?" by number. */
export const whatIs = (md: string, plain: string): string => `${isPluralEn(plain) ? 'What are' : 'What is'} ${md.replace(/^The\s(?=[a-z]|[A-Z][a-z])/, 'the ')}?`;

/** "Feature Engineering" → "feature engineering" (Title Case is the heading's style, not names); acronyms and names inside stay. */
export const lowerFirst = (s: string) => {
  if (!/^[A-Z][a-z]/.test(s)) return s;
  const words = s.split(' ');
  if (words.length > 1 && words.every((w) => /^(?:[A-Z][a-z]+|[a-z]+|&|-)$/.test(w))) return words.map((w) => w.toLowerCase()).join(' ');
  return s[0]!.toLowerCase() + s.slice(1);
};
const endsWithMark = (s: string) => /[？?。.！!]$/.test(s.trim());

/** "Definition" under "Precision and recall" → "Precision and recall: definition?" */
export function genericQuestion(topicIn: string, titleMd: string, titlePlain: string, lang: Lang): string {
  // "…kmeans算法<小米-一面（2020）>": where a question was asked is no part of the topic.
  let topicMd = stripAskedAt(topicIn.replace(/\s*<[^<>\n]{1,120}>\s*$/, '').trim() || topicIn);
  const t = titleMd.replace(/[:：]+$/, '').trim();
  // "简单介绍一下kmeans算法": the subject is what the task is about ("kmeans算法的优点有哪些？").
  if (lang !== 'en') {
    const subject = topicMd.replace(ZH_IMPERATIVE, '').replace(/^一下/, '').trim();
    if (subject !== topicMd && subject.length >= 2 && subject.length <= 24 && !ZH_QUESTION.test(subject) && !/[，,。；;？?]/.test(subject)) topicMd = subject;
  }
  // "简单介绍一下kmeans算法，有哪些优点" asks even without its mark.
  const topicAsks = endsWithMark(topicMd) || (lang !== 'en' && headingShape(noMath(topicMd)) === 'question');
  // "Answer" under "What is overfitting?": the card asks the question above it.
  if (/^(?:answers?|solutions?|答案?|解答?|参考答案|回答)$/i.test(noMath(titlePlain).replace(/[:：]+$/, '').trim())) {
    return topicAsks ? topicMd : lang === 'en' ? `${topicMd}?` : `${topicMd}？`;
  }
  const lectureLabel = lang === 'en' ? null : lectureGenericQuestion(topicMd, titlePlain); // "Introduction" under "Clustering" → "什么是Clustering？"
  if (lectureLabel) return lectureLabel;
  if (topicAsks) return lang === 'en' ? `${topicMd} (${lowerFirst(t)})` : `${endsWithMark(topicMd) ? topicMd : asQuestion(topicMd, noMath(topicMd), 'zh')}（${t}）`;
  if (endsWithMark(t)) {
    if (lang === 'en') return `${topicMd}: ${lowerFirst(t)}`;
    return /^(?:它的|其)/.test(t) ? `${topicMd}${t.replace(/^(?:它的|其)/, '的')}` : GENERIC_ZH.test(t.replace(/(?:是什么|是啥|有哪些|有什么|在哪里|在哪|怎么样|如何)?[？?]$/, '')) ? `${topicMd}的${t}` : `${topicMd}：${t}`;
  }
  if (lang === 'en') {
    const label = noMath(titlePlain).replace(/[:：]+$/, '').trim();
    // Lead-in labels of a note's lists: "Why It Works", "Best For", "Strengths".
    if (/^why (?:it|this) works$/i.test(label)) return `${topicMd}: why does it work?`;
    // "Other topics", "Other talking points" of a design: what else is worth raising.
    const other = /^other\s+((?:talking\s+)?(?:topics|points|considerations|extensions|issues))$/i.exec(label);
    if (other) return `${topicMd}: what other ${other[1]!.toLowerCase()} are worth discussing?`;
    if (/^how (?:it|this) works$/i.test(label)) return `${topicMd}: how does it work?`;
    if (/^(?:best for|best used for)$/i.test(label)) return `${topicMd}: what is it best for?`;
    if (/^(?:not )?(?:ideal|good|suitable|bad|well suited) for$/i.test(label)) return `${topicMd}: what is it ${label.toLowerCase()}?`;
    if (/^(?:strengths|weaknesses|trade-?offs|pitfalls|common pitfalls|key features|key properties|best practices|considerations|practical considerations|caveats|use cases|pros|cons|insights|key insights|key takeaways|takeaways|key points)$/i.test(label)) return `${topicMd}: what are the ${lowerFirst(t)}?`;
    if (EN_LIST.test(noMath(titlePlain))) return `${topicMd}: what are the ${lowerFirst(t)}?`;
    return `${topicMd}: ${lowerFirst(t)}?`;
  }
  // "从零开始实现" / "简洁实现" / "代码实现": a task on the topic.
  // "算法" under "RMSProp算法", "区别" under "A与B的区别": never "X的X".
  if (t.length >= 2 && topicMd.endsWith(t)) return t === '算法' || t === '算法流程' ? `${topicMd}的步骤是什么？` : `${topicMd}是什么？`;
  if (/^从零开始实现$/.test(t)) return `如何从零开始实现${topicMd}？`;
  if (/^简洁实现$/.test(t)) return `如何简洁地实现${topicMd}？`;
  if (/^(?:代码)?实现$/.test(t)) return `如何实现${topicMd}？`;
  if (/优缺点|优点|缺点|优势|不足|局限|特点|特性|性质|应用|步骤|流程|例子|示例|举例|实例|问题|要点/.test(t)) return `${topicMd}的${t}有哪些？`;
  return `${topicMd}的${t}是什么？`;
}

function englishSection(titleMd: string, titlePlain: string, enumeration: boolean): string {
  const p = noMath(titlePlain).trim();
  const t = titleMd.trim();
  if (/\bcomparison$/i.test(p)) return `${t}: how do they compare?`;
  switch (headingShape(titlePlain, 'en')) {
    case 'question':
      if (endsWithMark(t)) return t;
      // "How to squeeze … constant? (Simplified Example)": the note after the question keeps its "?" (notes-en5).
      if (/[?？]\s*[(（][^()（）]{1,40}[)）]$/.test(t)) return t;
      return EN_IMPERATIVE.test(p) ? `${t}.` : `${t}?`;
    case 'calc':
      return `How is the ${lowerFirst(t.replace(/\s+(?:computation|calculation)$/i, ''))} computed?`;
    case 'list':
      if (EN_GERUND.test(p)) return `${t}: what are the key points?`;
      return /^the\s/i.test(p) ? `What are ${lowerFirst(t)}?` : EN_LIST.test(p.split(/\s+/)[0] ?? '') || /^\w+\s+(?:of|for|in)\s/i.test(p) ? `What are the ${lowerFirst(t)}?` : `${t}: what are they?`;
    case 'pair':
      return /\s(?:and|&)\s/.test(p) ? `What are ${t}?` : `${t}: how do they differ?`;
    default: {
      const clause = clauseQuestion(t, p);
      if (clause) return clause;
      if (enumeration) return `What ${isPluralEn(p) ? 'do' : 'does'} ${t} include?`;
      // "Gradient descent" reads as a concept; "Training a network on small data" or "ML systems at big companies" as a topic.
      if (EN_GERUND.test(p) || p.split(/\s+/).length > 5) return `${t}: what are the key points?`;
      if (p.split(/\s+/).length >= 4 && /\s(?:at|in|for|on|with|from|across|under|via)\s/i.test(p.replace(/\s*[(（].*$/, ''))) return `${t}: what are the key points?`;
      return whatIs(t, p);
    }
  }
}

/** Section question. `enumeration`: the answer is one "a、b、c" list, so ask for its members. */
export function sectionQuestion(titleMd: string, titlePlain: string, enumeration: boolean, lang: Lang = 'zh', topicMd?: string): string {
  if (lang === 'en') return englishSection(titleMd, titlePlain, enumeration);
  titleMd = stripAskedAt(titleMd);
  titlePlain = stripAskedAt(titlePlain);
  // "Adaboost和随机森林算法的异同点": one comparison, not two things.
  if (/(?:异同点?|区别与联系|联系与区别|的关系|的联系)$/.test(titlePlain.trim()) && headingShape(titlePlain) !== 'question') return `${titleMd}是什么？`;
  // Lecture shapes: "Tips for X", "A V.s. B", a claim, "Speech"/"Case 1" under a topic (lecture.ts).
  const lecture = lectureHeadingQuestion(titleMd, titlePlain, topicMd, headingShape(titlePlain) === 'question');
  if (lecture) return lecture;
  switch (headingShape(titlePlain)) {
    case 'question':
      // "为什么会这样？" under "$f^*$取决于model的复杂程度": a short question about its parent heading says so.
      if (topicMd && titlePlain.trim().length <= 12 && /这样|这个|这种|如此|这是|它|其/.test(titlePlain)) return `${topicMd}：${asQuestion(titleMd, titlePlain, 'zh')}`;
      return asQuestion(titleMd, titlePlain, 'zh');
    case 'calc':
      return `${calcSubject(titleMd)}怎么计算？`;
    case 'list':
      return `${titleMd}有哪些？`;
    case 'pair':
      // "有什么作用" fits two methods ("训练误差和泛化误差"), not two phenomena ("衰减和爆炸", "填充和步幅").
      // ("欠拟合和过拟合", "梯度消失与爆炸" are phenomena: they have no use.)
      return titlePlain.split(/和|与|及/).every((x) => isZhConcept(x) && !/(?:拟合|爆炸|消失|衰减|现象|问题)$/.test(x)) ? `${titleMd}分别是什么？有什么作用？` : `${titleMd}分别是什么？`;
    default:
      if (enumeration) return `${titleMd}包括哪些？`;
      // "读取数据", "训练模型": a task, not a concept; "如何训练模型？" names what it trains when the heading does not.
      if (isZhAction(titlePlain) || /^简洁实现/.test(titlePlain.trim())) return topicMd && GENERIC_OBJECT.test(titlePlain.trim()) ? `如何${titleMd}（${topicMd}）？` : `如何${titleMd}？`;
      // "是什么？为什么用？" fits a method, model or mechanism; a topic, a puzzle or an English phrase asks for its key points.
      // "…可能的原因", "GAN网络的思想", "Adaboost 算法流程": an aspect of something is asked for directly.
      // "SVM直观解释", "Transformer核心思想": an aspect glued to its subject is asked as the subject's aspect.
      const glued = /^([A-Za-z][\w.+-]*(?:\s[A-Za-z][\w.+-]*)?)\s*((?:直观|核心|基本|主要)?(?:解释|理解|思想|原理)|直观解释|直观理解)(?:详解)?$/.exec(titleMd.trim());
      if (glued) return `${glued[1]}的${glued[2]}是什么？`; // ("kmeans原理详解" → "kmeans的原理是什么？")
      // "k值的选取", "K-means中空聚类的处理": a step to take, asked how — under its topic when it names none.
      const step = /^([^的，,。？?]{1,16})的(选取|选择|确定|设置|设定|处理|调整|初始化)$/.exec(titleMd.trim());
      // ("决策树对离散值的处理" → "决策树如何处理离散值？")
      const on = step && /^(.{2,12}?)对(.{1,10})$/.exec(step[1]!);
      if (on) return `${on[1]}如何${step![2]}${on[2]}？`;
      if (step) {
        const topic = topicMd ? stripAskedAt(topicMd).replace(/(?:常见)?(?:面试题|面试真题|常见问题|问题汇总)$/, '').trim() : '';
        const named = !topic || /[A-Za-z]/.test(step[1]!.replace(/^[a-z]值?$/i, '')) || step[1]!.includes(topic) || !/^[\w\u3400-\u9fff.+\- ]{2,20}$/.test(topic);
        return named ? `如何${step[2]}${step[1]}？` : `${topic}中如何${step[2]}${step[1]}？`;
      }
      // "梯度下降法直观理解": "直观…" never belongs to a longer noun, so any subject takes "的".
      const intuition = /^([^的]{2,20}?)(直观解释|直观理解)$/.exec(titleMd.trim());
      if (intuition) return `${intuition[1]}的${intuition[2]}是什么？`;
      if (/(?:原因|目的|意义|含义|作用|好处|影响|思路|思想|原理|流程|过程|关系|直观解释|直观理解)$/.test(titlePlain.trim())) return `${titleMd}是什么？`;
      // "逻辑回归的损失函数" is a part of something: asked what it is, not why it is used.
      if (isZhConcept(titlePlain)) return /的/.test(titlePlain) && !/^[^的]*(?:的网络|的模型)/.test(titlePlain) ? `${titleMd}是什么？` : `${titleMd}是什么？为什么用？`;
      // "model description" under "Linear SVM": a lower-case English label in Chinese lecture notes names no subject; its topic does.
      if (topicMd && /[A-Za-z]{2,}/.test(topicMd) && /^[a-z]+(?:\s+[a-z]+){1,3}$/.test(titlePlain.trim()) && !topicMd.toLowerCase().includes(titlePlain.trim()) && !titlePlain.includes(topicMd.toLowerCase())) return `${topicMd}（${titleMd}）：要点是什么？`;
      return `${titleMd}：要点是什么？`;
  }
}

/** Keys that name no subject of their own: "解决办法", "损失函数", "注意要点", "公式". */
const SUBJECTLESS_KEY = /^(?:求解方法|计算方法|实现方法|具体方法|常用方法|主要方法|解决办法|解决方法|解决方案|办法|方法|做法|具体做法|思路|解题思路|解析|损失函数|目标函数|代价函数|优化目标|公式|计算公式|核心公式|步骤|具体步骤|过程|流程|原理|结论|注意要点|注意事项|要点|定义|更新公式|更新规则|推导|表达式|函数的定义|函数定义|函数的表达式|函数表达式|定义式|初始化|递推|终止|回溯|返回路径|迭代|输入|输出)$/;

export const isSubjectlessKey = (plain: string): boolean => SUBJECTLESS_KEY.test(plain.trim());

const ASPECT = /(作用|意义|含义|思想|原理|定义|区别|优缺点|优点|缺点|特点|条件|目的|原因|概念|用途|公式)$/;

/** "池化作用" → "池化的作用". */
function possessive(md: string): string {
  const m = ASPECT.exec(md);
  if (!m || md.length === m[0].length) return md;
  const head = md.slice(0, md.length - m[0].length);
  return head.includes('的') ? md : `${head}的${m[0]}`;
}

export interface TermContext {
  headingMd: string;
  headingPlain: string;
  group?: string; // "**卷积层**：" above "FLOPs：…" lines
  attachedFormulas: boolean; // formula lines followed the definition
  allDerivatives: boolean;
  anyDerivative: boolean;
  mathBody: boolean; // the answer holds TeX, not just an ASCII equation
  parentItem?: string; // the list item this term is nested under ("Offline metrics" above "- CTR: …")
  topicMd?: string; // what the section is about: its heading, or its parent's when the heading is generic ("Key ideas")
  inSequence?: boolean; // the term is an item of a numbered list: a step, not a case
}

const bare = (md: string) => md.replace(/[*_`\\]|\$[^$]*\$/g, '').trim();
const STOP = /^(?:a|an|the|of|and|or|in|on|for|to|with|vs\.?|versus|&|-|—)$/i;
const stem = (w: string) => w.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/(?<=\w{4})ing$/, '').replace(/(?:es|s)$/, '');

/** The term already names its topic ("Dropout rate" under "Dropout") or is one side of it ("Asymmetric models" under "Asymmetric vs Symmetric Models"). */
function namesTopic(term: string, topic: string): boolean {
  const tw = bare(term).split(/\s+/).filter((w) => !STOP.test(w)).map(stem).filter(Boolean);
  const hw = new Set(bare(topic).split(/\s+/).filter((w) => !STOP.test(w)).map(stem));
  const termWords = new Set(tw);
  // One side of "Batch vs Online prediction" names it only with the shared head noun ("Online" alone loses "prediction").
  const versus = bare(topic).split(/\s+(?:vs\.?|versus)\s+/i);
  const head = versus.length === 2 && versus[1]!.trim().split(/\s+/).length >= 2 ? stem(versus[1]!.trim().split(/\s+/).pop()!) : '';
  if (tw.length && tw.every((w) => hw.has(w)) && (!head || termWords.has(head))) return true;
  return [...hw].length > 0 && [...hw].every((w) => termWords.has(w));
}

/** "Offline metrics: what is CTR?"; a topic holding a colon takes a dash ("Layer 2: Prompt architecture — what is …?"). */
function underTopic(topic: string, question: string): string {
  const q = question[0]!.toLowerCase() + question.slice(1);
  return /[:：]/.test(bare(topic)) ? `${topic} — ${q}` : `${topic}: ${q}`;
}

/** Words that lead into a formula without naming it. */
const FORMULA_LEADIN = /^(?:common (?:choices|forms|options)|typical (?:choices|values)|subject to(?: (?:the )?constraints?)?|s\.t\.|interpret(?:ing|ation of) (?:the )?terms|more details|in (?:practice|words|matrix form|vector form)|equivalently|similarly|expanding|rewriting|rewritten|substituting|plugging in|combining|simplifying|where|which (?:gives|yields)|this (?:gives|yields)|we (?:get|have|obtain)|it becomes|becomes|so|thus|hence|therefore|then|finally|recall|note)$/i;

function englishTerm(t: Term, formula: boolean, ctx: TermContext): string {
  const md = t.md;
  const topic = ctx.parentItem ?? ctx.topicMd ?? ctx.headingMd;
  if (formula && /^(?:formulas?|equations?|math|formulation)$/i.test(t.plain.trim()) && topic) return headingFormulaQuestion(topic, 'en');
  if (!formula) {
    // An item under "Where RAG Struggles" or "The Problem PPO Solves" is a case of trouble, not a thing to define (englishAspect.ts).
    const trouble = !ctx.parentItem && !isGenericHeading(t.plain) ? troubleQuestion(ctx.headingMd, ctx.headingPlain, md, !!ctx.inSequence) : undefined;
    if (trouble) return trouble;
    // An item under "Common Pitfalls" is a mistake, not a thing to define (englishAspect.ts).
    if (isPitfallHeading(ctx.parentItem ?? ctx.headingPlain) && ctx.topicMd && !endsWithMark(ctx.topicMd) && !isGenericHeading(t.plain)) return pitfallQuestion(ctx.topicMd, md);
    // "Pro", "Range", "Description": asked about what they describe ("Mean absolute error: range?").
    if (isGenericHeading(t.plain) && topic) return genericQuestion(topic, md, t.plain, 'en');
    // "Define relevance", "calculate distance": a step, asked how it is done.
    const clause = /^[A-Za-z]/.test(t.plain) ? clauseQuestion(md, t.plain) : null;
    if (clause && topic && !endsWithMark(topic)) return underTopic(topic, clause);
    if (clause) return clause;
    // A term only means something in its section ("Overlap" under "Fixed-size chunking"), unless it names the section itself.
    if (topic && !endsWithMark(topic) && !namesTopic(t.plain, topic)) return underTopic(topic, whatIs(md, t.plain));
    return whatIs(md, t.plain);
  }
  if (ctx.group) return `How is the ${md} of ${ctx.group} computed?`;
  // "Subject to constraints:", "Common choices:", "They're closely related:" lead into a formula; they name none of it.
  if (topic && !endsWithMark(topic) && !namesTopic(t.plain, topic)) {
    if (FORMULA_LEADIN.test(t.plain.trim())) return underTopic(topic, `formula (${lowerFirst(md.replace(/[:：]\s*$/, ''))})?`);
    if (/^[A-Za-z]/.test(t.plain) && (/^(?:they|it|this|these|the two)(?:'re|'s| are| is)\b/i.test(t.plain.trim()) || clauseQuestion(md, t.plain))) return headingFormulaQuestion(topic, 'en');
  }
  // "Update Rule", "Parameters" under "SARSA": the formula of the topic, not of the label ("SARSA: formula for the update rule?").
  if (isGenericHeading(t.plain) && topic && !endsWithMark(topic)) return underTopic(topic, `formula for the ${lowerFirst(md)}?`);
  if (headingShape(ctx.headingPlain, 'en') === 'calc') return `How is the ${lowerFirst(ctx.headingMd)} computed (${md})?`;
  if (t.lead || (ctx.attachedFormulas && t.body)) return `What is ${md}? Give the formula.`;
  if (ctx.allDerivatives) return `Gradient of ${md}?`;
  if (ctx.anyDerivative) return `${md}: formula and derivative?`;
  return ctx.mathBody ? `Formula for ${md}?` : `How is ${md} computed?`;
}

export function termQuestion(t: Term, formula: boolean, ctx: TermContext, lang: Lang = 'zh'): string {
  const md = t.md;
  if (/[？?]$/.test(md)) return md;
  if (lang === 'en') return englishTerm(t, formula, ctx);
  // "初始化方法有：Xavier初始化、…" announces a list.
  // ("**无中生有**就是…" defines an idiom that happens to end in 有: a definition, not a list.)
  const listed = t.lead || /^(?:就是|是|指|即|意思是)/.test(t.body.trim()) ? undefined : enumerationSubject(t.plain);
  if (listed) return `${listed}有哪些？`;
  // "- 优点" › "缺失值处理：…" under "XGBoost的优缺点": the parent item alone names nothing.
  if (!formula && ctx.parentItem && GENERIC_ZH.test(ctx.parentItem.replace(/[*_]/g, '').trim()) && ctx.topicMd) return `${stripAskedAt(ctx.topicMd)}（${ctx.parentItem}）：${md}指什么？`;
  if (!formula && ctx.parentItem) return `${ctx.parentItem}：${md}指什么？`;
  // "解决办法", "损失函数", "注意要点": asked about the section's subject ("岭回归的损失函数的公式是什么？").
  // A list item ("杰卡德相似度" above "公式：…") names it more closely than the heading.
  const topic = stripAskedAt(ctx.parentItem ?? ctx.topicMd ?? ctx.headingMd);
  if (topic && isSubjectlessKey(t.plain) && !topic.includes(t.plain.trim())) {
    const what = formula && !/公式$/.test(t.plain) ? `${md}，写出公式` : md;
    // "函数的定义为：$f(x)=…$" under "1. sigmoid 激活函数" is that function's formula.
    if (formula && /(?:定义|表达式|定义式)$/.test(t.plain) && !endsWithMark(topic) && headingShape(noMath(topic)) !== 'question') return `${topic}的公式是什么？`;
    if (endsWithMark(topic) || headingShape(noMath(topic)) === 'question') return `${endsWithMark(topic) ? topic : asQuestion(topic, noMath(topic), 'zh')}（${what}）`;
    return formula && !/公式$/.test(t.plain) ? `${topic}的${md}的公式是什么？` : `${topic}的${md}是什么？`;
  }
  if (!formula && GENERIC_ZH.test(t.plain) && ctx.headingMd && (!ASPECT.test(t.plain) || ASPECT.exec(t.plain)![0] === t.plain)) return genericQuestion(ctx.topicMd ?? ctx.headingMd, md, t.plain, 'zh');
  if (formula && /^(?:公式|formula|equation)$/i.test(t.plain) && ctx.headingMd) return headingFormulaQuestion(ctx.headingMd);
  if (formula && /公式$/.test(t.plain) && !ctx.group && headingShape(ctx.headingPlain) !== 'calc') return `${md}是什么？`;
  const shape = headingShape(ctx.headingPlain);
  if (!formula) {
    if (t.lead) return `什么是${md}？`;
    if (ASPECT.test(md)) return `${possessive(md)}是什么？`;
    // In a "CNN的特点以及优势" list, "局部连接" only makes sense with its heading.
    if (/特点|优势|优点|缺点|作用/.test(ctx.headingPlain)) return `${ctx.headingMd}：${md}指什么？`;
    if (/方法|算法/.test(ctx.headingPlain) && /法$/.test(t.plain)) return `${md}有什么特点？`;
    return `${md}是什么？`;
  }
  // "**交叉熵**的描述：…$l=…$": the formula is the cross entropy's, not its description's.
  const described = /^(.{2,}?)的(?:描述|定义|解释|介绍|说明|表述)$/.exec(md);
  if (described && !ctx.group && shape !== 'calc') return `${described[1]}的公式是什么？`;
  if (ctx.group) return `${ctx.group}的${md}怎么计算？`;
  if (shape === 'calc') return `${calcSubject(ctx.headingMd)}怎么计算（${calcSubject(md)}）？`;
  if (t.lead) return `什么是${md}？写出公式。`;
  if (ctx.attachedFormulas && t.body) return `${ASPECT.test(md) ? possessive(md) : md}是什么？写出公式。`;
  if (ctx.allDerivatives) return `${md}的梯度是什么？`;
  if (ctx.anyDerivative) return `${md}的公式及导数？`;
  return ctx.mathBody ? `${md}的公式是什么？` : `${md}怎么计算？`;
}

/** Heading-keyed formula (a section that is one formula, e.g. 标签平滑). */
export function headingFormulaQuestion(titleMd: string, lang: Lang = 'zh'): string {
  // A question heading whose answer is a formula ("3.5 Adaboost算法如何加入正则项?") is asked as written, the formula requested.
  const asked = /[？?]\s*$/.test(titleMd) ? stripAskedAt(titleMd).trim().replace(/\s*[？?]$/, '') : '';
  if (asked) return lang === 'en' ? `${asked}? (Give the formula.)` : `${asked}？（写出公式）`;
  return lang === 'en' ? `Formula for ${titleMd}?` : `${stripAskedAt(titleMd)}的公式是什么？`;
}

const IMPERATIVE = /^(?:手写|推导|实现|写出|画出|证明|描述|解释|比较|列举|简述|谈谈|讲讲|说说)/;

/** An open question as listed in the notes, given its question mark. */
export function promptQuestion(item: string, lang: Lang = 'zh'): string {
  const s = item.trim();
  // "[What is your proudest project?](https://…)": the question mark is inside the link text.
  if (/[？?。！!.]$/.test(s.replace(/\]\([^)\s]*\)$/, '').replace(/(?:\*\*|__|\*|_)+$/, ''))) return s;
  // An English question never takes a Chinese mark, whatever it ends with ("…is given by:", "$$").
  if (lang === 'en') return EN_IMPERATIVE.test(s) ? `${s.replace(/[:：]$/, '')}.` : `${s.replace(/[:：]$/, '')}?`;
  return IMPERATIVE.test(s) ? `${s}。` : `${s}？`;
}

/** Starts like a question or a task: "Why…", "Explain…", "为什么…", "简述…". */
export function looksLikeQuestion(plain: string): boolean {
  const s = plain.trim();
  if (/[？?]$/.test(s)) return true;
  // Without a question mark, only a real question: "How would…", "What's…", "Why do…" (not "How it works", "When needed").
  if (/^(?:what|why|how|when|which|who|where)(?:'s|’s|\s+(?:is|are|was|were|do|does|did|can|could|would|should|will|might|may|to|happens?|makes?|causes?|if)\b)/i.test(s)) return true;
  if (EN_IMPERATIVE.test(s) && s.length > 12) return true;
  // "Given a vector u, find…", "已知…，求…": a set-up, then the task.
  if (/^(?:given|suppose|assume|let|consider|if|imagine|you|say|for a|for an|for the)\b.*?[,.;:]\s*(?:find|compute|calculate|show|prove|derive|determine|what|how|why|which|when|explain|give|describe|write|estimate|design|implement)\b/i.test(s)) return true;
  if (/^(?:已知|设|假设|若|如果|给定|考虑).*?[，,。：:；;]\s*(?:求|试|证明|推导|计算|说明|判断|问|请)/.test(s)) return true;
  if (/\S(?:对比|比较|区别|异同|优缺点)$/.test(s)) return true;
  return /^(?:为什么|为何|如何|怎么|怎样|什么是|什么叫|何为|简述|简要说明|说明|比较|对比|推导|证明|解释|描述|列举|写出|画出|手写|谈谈|讲讲|说说|介绍一下|请问)/.test(s);
}
