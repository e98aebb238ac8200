// The user's own card syntax (Obsidian Spaced Repetition defaults).
import { describe, expect, it } from 'vitest';
import { fixture, parse } from './helpers.ts';

describe('explicit card syntax', () => {
  const cards = parse(fixture('explicit.md'), 'mine').cards;
  const of = (kind: string) => cards.filter((c) => c.kind === kind);

  it('reads Q::A and Q:::A lines', () => {
    const qa = of('qa');
    expect(qa.find((c) => c.front === 'ReLU 的导数')?.back).toBe('$x>0$ 时为 1，否则为 0');
    const reversed = qa.filter((c) => c.front === 'Adam' || c.back === 'Adam');
    expect(reversed.map((c) => [c.front, c.back])).toEqual([
      ['Adam', 'Momentum + RMSprop'],
      ['Momentum + RMSprop', 'Adam'],
    ]);
  });

  it('reads a paragraph split by a ? line (?? for both directions)', () => {
    const multi = of('qa').find((c) => c.front.startsWith('为什么深层网络'));
    expect(multi?.front).toBe('为什么深层网络  \n需要残差连接？');
    expect(multi?.back).toBe('梯度可以沿恒等映射直接回传，  \n缓解梯度消失。');
    expect(of('qa').filter((c) => c.front === 'BN' || c.back === 'BN')).toHaveLength(2);
  });

  it('makes one cloze card per ==deletion==', () => {
    const cloze = of('cloze');
    expect(cloze.map((c) => c.front)).toEqual([
      'Dropout 在训练时以概率 [[…]] 丢弃神经元，测试时 不丢弃。',
      'Dropout 在训练时以概率 p 丢弃神经元，测试时 [[…]]。',
    ].map((s) => s.replace('[[…]]', '[…]')));
    expect(cloze[0]!.back).toBe('Dropout 在训练时以概率 ==p== 丢弃神经元，测试时 不丢弃。');
    expect(new Set(cloze.map((c) => c.id)).size).toBe(2);
  });

  it('a highlighted definition in a section with text of its own is a cloze and stays the section card\'s answer', () => {
    const md = '# LoRA\n\nLoRA freezes the pretrained weights and learns a ==low-rank update== of each matrix.\n\nKey hyperparameters are the rank and the scale alpha.\n';
    const cs = parse(md, 'LoRA').cards;
    expect(cs.map((c) => c.kind).sort()).toEqual(['cloze', 'section']);
    const section = cs.find((c) => c.kind === 'section')!;
    expect(section.back.startsWith('LoRA freezes the pretrained weights')).toBe(true);
    expect(section.back).toContain('Key hyperparameters');
  });

  it('a section of clozes only (an OSR deck) makes no section card repeating them', () => {
    const md = '# Dropout\n\nDropout drops units with probability ==p== in training.\n\nAt test time the weights are scaled by ==1-p==.\n';
    expect(parse(md, 'Dropout').cards.map((c) => c.kind)).toEqual(['cloze', 'cloze']);
  });

  it('keeps a cloze id when the hidden text is edited', () => {
    const src = fixture('explicit.md');
    const edited = parse(src.replace('==p==', '==p（保留概率 1-p）=='), 'mine').cards.filter((c) => c.kind === 'cloze');
    expect(edited.map((c) => c.id)).toEqual(of('cloze').map((c) => c.id));
  });

  it('works without headings, and does not turn explicit lines into term cards', () => {
    expect(cards.some((c) => c.kind === 'term' && c.key.includes('::'))).toBe(false);
    const bare = parse('问题一::答案一\n\n问题二\n?\n答案二').cards;
    expect(bare.map((c) => [c.kind, c.section, c.front, c.back])).toEqual([
      ['qa', [], '问题一', '答案一'],
      ['qa', [], '问题二', '答案二'],
    ]);
  });
});
