// The fit trains on the most recent items only (MAX_TRAIN_ITEMS): the
// evaluation reports how many it kept of how many, and the Stats panel says
// so, in English and Chinese, only when the cap applied.
import { describe, expect, it } from 'vitest';
import { trainCap } from '../../../renderer/screens/stats/trainCap.ts';
import { fsrs } from '../../../renderer/i18n/fsrs.ts';
import { loadBinding } from '../../../service/fsrs/binding.ts';
import { evaluateLog } from '../../../service/fsrs/evaluate.ts';
import { syntheticLog } from '../../../srs/eval/synthetic.ts';

// The i18n index needs Svelte's runes; its {name} filling, on the fsrs strings directly.
const tIn = (lang: 'en' | 'zh', key: keyof typeof fsrs.en, p: Record<string, string>) => fsrs[lang][key].replace(/\{(\w+)\}/g, (_, k: string) => p[k]!);

const noOptimizer = loadBinding(() => {
  throw new Error('not here');
});

describe('the training cap', () => {
  const log = syntheticLog({ seed: 5, cards: 200, reviews: 3000 });

  it('the evaluation reports the items before the split and the most recent ones it kept', async () => {
    const all = await evaluateLog(log, noOptimizer);
    expect(all.trainTotal).toBeGreaterThan(500);
    expect(all.trainItems).toBe(all.trainTotal); // under the cap: everything trains
    const capped = await evaluateLog(log, noOptimizer, { trainCap: 500 });
    expect(capped.trainItems).toBe(500);
    expect(capped.trainTotal).toBe(all.trainTotal);
    expect(capped.models).toEqual(all.models); // the cap only changes the fit, absent here
  });

  it('the panel says it only when the cap applied, with both numbers', () => {
    expect(trainCap({ trainItems: 800, trainTotal: 800 })).toBeNull();
    expect(trainCap({ trainItems: 800 })).toBeNull(); // a host without the field
    const cap = trainCap({ trainItems: 20_000, trainTotal: 31_234 })!;
    expect(cap).toEqual({ kept: '20,000', total: '31,234' });
    expect(tIn('en', 'fsrs.eval.capped', cap)).toBe('FSRS (your parameters) was fitted on the 20,000 most recent of 31,234 earlier answers: training is capped at 20,000.');
    expect(tIn('zh', 'fsrs.eval.capped', cap)).toContain('31,234');
    expect(tIn('zh', 'fsrs.eval.capped', cap)).toContain('最近的 20,000 次');
  });
});
