// Where the second catalogue's RNN, norm, detection, decoding-metric,
// optimiser and misc templates sit in the default deck. The notes only link
// to RNN, GAN, normalisation, grouped convolution, Dropout and optimisers;
// detection and sequence metrics go to the new "Problems" part. The placement
// of all issue-15 templates is owned by sections.ts; these paths are the
// fallback until the two are merged.
export const SECTIONS_B = {
  rnn: ['RNN'],
  norm: ['CNN的训练', '归一化'],
  grouped: ['卷积', '分组卷积'],
  dropout: ['CNN的训练', 'Dropout'],
  optim: ['CNN的训练', '优化方法'],
  gan: ['GAN'],
  detection: ['Problems', 'Detection'],
  seqMetrics: ['Problems', 'Sequence metrics'],
  llm: ['Problems', 'Transformers'],
} as const satisfies Record<string, readonly string[]>;
