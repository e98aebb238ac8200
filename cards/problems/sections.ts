// Heading paths of the default deck (decks/dl-interview-notes.md) that each
// template exercises; a test checks every path exists in the notes.
export const SECTIONS = {
  convOut: ['卷积', '卷积输出大小'],
  deconv: ['卷积', '转置卷积'],
  rf: ['卷积', '感受野计算'],
  cost: ['卷积', '卷积层的参数量、计算量'],
  preprocess: ['CNN的训练', '数据预处理'],
  init: ['CNN的训练', '参数初始化'],
  bn: ['CNN的训练', '归一化'],
  weightDecay: ['CNN的训练', '正则化', '权重衰减'],
  labelSmoothing: ['CNN的训练', '正则化', '标签平滑'],
  sigmoidSoftmax: ['CNN的训练', 'sigmoid和softmax'],
  metrics: ['CNN的训练', '分类指标'],
  kl: ['KL散度'],
} as const satisfies Record<string, readonly string[]>;
