// Chinese keys and headings: is this a name (a concept a card can ask
// about) or a clause, an activity, a lead-in? "初始化方法有：…" announces a
// list, "首先要先导入keras包：" is a step, "增加训练数据：" is one item of an
// answer, and "猜数字" is a puzzle, not a method — none of them reads well as
// "X是什么？". Plain-text tests; pure.

/** Verbs that open an activity or an action: "增加训练数据", "使用合适的模型", "评价翻译结果". */
const ACTION = /^(?:增加|增大|减少|减小|降低|提高|提升|加快|加速|加入|添加|引入|使用|采用|利用|应用|限制|改变|改进|改善|修改|调整|设置|设定|选择|选取|结合|通过|借助|从|对(?!比|称|偶|数|象|应|于)|将|把|给(?!定)|强化|获取|去掉|去除|删除|替换|避免|防止|保证|确保|简化|固定|扩大|缩小|扩充|构建|构造|搭建|建立|定义|实现|读取|加载|导入|准备|预处理|求解|更新|进行|得到|判断|解决|理解|找出|找到|考虑|评价|观察|比较|下载|安装|编写|训练(?:模型|网络)|(?:训练|评估|预测|生成|计算|处理|检测|优化)(?!误差|数据|集|样本|过程|时间|阶段|技巧|策略|方法|指标|结果|函数|模型|式|对抗|图|量|复杂度|器|头|算法|问题|$))/;

/** A key that is a sentence or its lead-in, not a name: "ResNet的前两层跟…一样", "得到的答案", "将8个瓶子进行如下编码";
 *  a definition pointing back ("定义该超平面关于训练集$T$的函数间隔为：$…$", "上述…"). */
const CLAUSE = /(?:如下|以下|一样|相同|类似|所示|得到|可得|可知|即为|就是|也就是|是指|叫做|称为|记为|可以|能够|需要|应该|要先|之后|之前|的时候|时候|进行|不合理|不好|不能|没有|为了|主要有|可归纳|可以分为|分为两|由两部分|定义如下)|.{3,}(?:是|为)$|(?:的|了|呢|吧|吗|啊)$|^(?:定义|给定).{2}|[^应]该|上述|^(?:一般来说|一般|通常|首先|其次|然后|最后|另外|此外|同时|综合起来|总之|总的来说|具体|具体来说|简单来说|其实|目前|现在|我们|你)/;

/** "初始化方法有", "常用的激活函数包括": a list announced by its subject, asked "…有哪些？". */
const ENUMERATION = /^(.{2,20}?)(?:主要|通常|一般)?(?:有|包括|包含|分为)$/;

/** The subject of an enumeration key ("初始化方法有" → "初始化方法"), or undefined. */
export function enumerationSubject(plain: string): string | undefined {
  const p = plain.trim().replace(/^(?:一般来说|一般|通常|常见的|常用的)[，,]?/, '');
  const m = ENUMERATION.exec(p);
  if (!m) return undefined;
  const subject = m[1]!.replace(/(?:主要|通常|一般|可以|还)$/, '');
  if (subject.length < 2 || /[，,。；;]|我们|可以|需要/.test(subject) || ACTION.test(subject)) return undefined;
  return subject;
}

const cjk = (s: string) => (s.match(/[\u3400-\u9fff]/g) ?? []).length;

/** A Chinese key that reads as a clause or a lead-in, never a term (an enumeration subject is still one). */
export function isZhClause(plain: string): boolean {
  const p = plain.trim();
  if (cjk(p) < 2) return false;
  if (enumerationSubject(p)) return false;
  return CLAUSE.test(p) || (cjk(p) >= 12 && /[\u3400-\u9fff]{2,}(?:是|有|为|跟|与|和)[\u3400-\u9fff]{2,}/.test(p));
}

/** An action or activity ("增加训练数据", "从数据上提升性能"), not a concept. */
export function isZhAction(plain: string): boolean {
  const p = plain.trim().replace(/\s*[(（][^)）]*[)）]\s*$/, '');
  if (/的/.test(p) && CONCEPT_HEAD.test(p) && !/(?:模型|函数|参数|数据|数据集)$/.test(p)) return false; // "使用重复元素的网络" names a network
  // "优化在深度学习中的挑战" names a problem and "应用：基于…的语言模型" a topic, whatever verb they open with.
  if (/[：:]/.test(p) || /的(?:挑战|问题|影响|意义|作用|区别|关系|原因|难点|局限性?|缺点|优点|结果|现象|困难)$/.test(p)) return false;
  return cjk(p) >= 2 && ACTION.test(p);
}

/** Heads of names that a learner asks "是什么？为什么用？" about: methods, models, mechanisms. */
const CONCEPT_HEAD = /(?:算法|模型|网络|函数|机制|方法|法|层|块|卷积|池化|化|损失|器|率|度|熵|向量|矩阵|编码|解码|回归|分类|聚类|分布|估计|假设|定理|原理|策略|结构|架构|变换|采样|搜索|学习|注意力|树|森林|核|梯度|下降|传播|衰减|裁剪|连接|嵌入|模块|单元|门|机|集|值|项|数|量|距离|指标|曲线|图|模式|技术|范式|框架|语法|特征|表示|对齐|蒸馏|微调|剪枝|量化|增强|检测|分割|识别|生成|推断|推理|优化|初始化|正则|惩罚|约束|范数|系数|参数|权重|偏差|方差|误差|过拟合|欠拟合|拟合|训练|预测|插值|近似|函数族|空间|序列|网格|token|Token)$/;

const EN_CONCEPT_HEAD = /^(?:functions?|rates?|models?|networks?|nets?|layers?|loss|regression|descent|gradients?|normali[sz]ation|dropout|pooling|convolution|attention|embeddings?|encoders?|decoders?|kernels?|trees?|forests?|boosting|bagging|algorithms?|methods?|machines?|classifiers?|learning|units?|cells?|transformers?|autoencoders?|encoding|entropy|estimation|initiali[sz]ation|regulari[sz]ation|optimi[sz]ers?|momentum|distributions?|metrics?|measures?|mechanisms?)$/i;

/** True when a Chinese heading names a method, model or mechanism (a short noun), not a topic, a task or a puzzle. */
export function isZhConcept(plain: string): boolean {
  const p = plain.trim().replace(/\s*[(（][^)）]*[)）]\s*$/, '');
  if (!p) return false;
  // A name in Latin letters: "AlexNet", "one-hot向量", "Adam", "BLEU" — but not an English phrase ("matrix expression").
  if (/^[\x00-\x7f]+$/.test(p)) {
    const words = p.split(/\s+/);
    // "learning rate", "Supervised Generative Model": an English name whose head is a method or a model.
    if (words.length <= 4 && EN_CONCEPT_HEAD.test(words[words.length - 1]!) && !/\s(?:of|for|in|on|with|vs\.?|v\.s\.)\s/i.test(p)) return true; // not "Limitation of Logistic Regression"
    return words.length <= 2 && !/^[a-z]+\s+[a-z]+$/.test(p) && /[A-Z0-9-]|^[a-z]+$/.test(p);
  }
  // "使用重复元素的网络", "预测时的批量归一化": a noun phrase whose head is a concept, whatever verb its modifier opens with.
  if (/的/.test(p) && CONCEPT_HEAD.test(p) && !isZhClause(p) && cjk(p) <= 14) return true;
  if (isZhAction(p) || isZhClause(p)) return false;
  if (cjk(p) > 12) return false;
  return CONCEPT_HEAD.test(p) || /[A-Za-z]{2,}/.test(p);
}
