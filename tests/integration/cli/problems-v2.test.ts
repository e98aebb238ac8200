// `deeprecall problems` / `grade` / `cards` with the formula core v2 (issue 15).
import { describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => (err += s.endsWith('\n') ? s : `${s}\n`) });
  return { code, out, err };
}

describe('deeprecall problems/grade on v2 templates', () => {
  it('prints llm.params.llama variants with the contract parameter names and an integer answer', async () => {
    const r = await run('problems', '--template', 'llm.params.llama', '--count', '5', '--seed', '3', '--json');
    expect(r.code, r.err).toBe(0);
    const list = JSON.parse(r.out) as { template: string; seed: number; params: Record<string, unknown>; answer: number }[];
    expect(list.map((p) => p.seed)).toEqual([3, 4, 5, 6, 7]);
    for (const p of list) {
      expect(p.template).toBe('llm.params.llama');
      expect(Object.keys(p.params)).toEqual(['V', 'd', 'L', 'h', 'n_kv', 'f', 'tied']);
      expect(Number.isInteger(p.answer)).toBe(true);
    }
  });

  it('grades an answer typed with a magnitude suffix, and names a known mistake', async () => {
    const [p] = JSON.parse((await run('problems', '--template', 'llm.params.llama', '--seed', '11', '--json')).out) as { answer: number; params: { V: number; d: number; tied: boolean } }[];
    const right = JSON.parse((await run('grade', '--template', 'llm.params.llama', '--seed', '11', '--answer', `${p!.answer / 1e9}B`, '--json')).out);
    expect(right).toMatchObject({ status: 'right', quality: 5 });
    // Counting the output layer the wrong way round (tied ↔ untied) is a recognised mistake.
    const typed = p!.answer + (p!.params.tied ? 1 : -1) * p!.params.V * p!.params.d;
    const wrong = JSON.parse((await run('grade', '--template', 'llm.params.llama', '--seed', '11', '--answer', String(typed), '--json')).out);
    expect(wrong).toMatchObject({ status: 'wrong', quality: 2, mistake: { id: 'tied-wrong' } });
    const half = await run('grade', '--template', 'llm.params.llama', '--seed', '11', '--answer', '1e', '--json');
    expect(JSON.parse(half.out)).toMatchObject({ status: 'unparseable' });
  });

  it('lists the Problems part of the bundled deck with its explanatory cards', async () => {
    const r = await run('cards', '--json');
    expect(r.code, r.err).toBe(0);
    const cards = JSON.parse(r.out) as { kind: string; section: string[] }[];
    for (const s of ['Transformers', 'LLM cost', 'Detection', 'Decoding', 'Sequence metrics']) {
      expect(cards.some((c) => c.kind === 'section' && c.section.join('/') === `Problems/${s}`), s).toBe(true);
    }
    expect(cards.filter((c) => c.kind === 'problem' && c.section[0] === 'Problems').length).toBeGreaterThanOrEqual(12);
  });
});
