// Issue 15's table: ids and parameter names of the formula core v2, and where
// each template lives in the default deck.
import { readFileSync } from 'node:fs';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../../cards/notes/parse.ts';
import { problemCards } from '../../../../cards/problems/cards.ts';
import { getTemplate, TEMPLATES } from '../../../../cards/problems/catalogue.ts';
import { checkNoteFormulas } from '../../../../cards/problems/checkNotes.ts';
import { PART_SECTIONS, problemPartCards } from '../../../../cards/problems/part.ts';
import { V2_SECTION_OF } from '../../../../cards/problems/sections.ts';
import { interleaveProblems } from '../../../../service/library.ts';
import { headingPaths, mathSpans, NOTES } from '../helpers.ts';

export const V2_CONTRACT: Record<string, string[]> = {
  'attn.mha.params': ['d', 'h', 'bias'],
  'attn.gqa.params': ['d', 'h', 'n_kv'],
  'attn.core.flops': ['b', 'n', 'd', 'h'],
  'attn.weights': ['q', 'K'],
  'pos.sinusoidal': ['d', 'pos', 'j'],
  'pos.rope.rotate': ['x', 'm', 'base'],
  'dec.temperature': ['z', 'T', 'k'],
  'dec.top_p.count': ['probs', 'p'],
  'dec.beam.best': ['p1', 'p2', 'k'],
  'llm.params.gpt': ['V', 'n_ctx', 'd', 'h', 'L', 'tied'],
  'llm.params.llama': ['V', 'd', 'L', 'h', 'n_kv', 'f', 'tied'],
  'llm.flops.train': ['N', 'D', 'ask', 'gpus', 'peak_tflops', 'mfu'],
  'llm.mem.train': ['N', 'optimizer', 'unit'],
  'llm.mem.zero': ['psi', 'nd', 'stage', 'unit'],
  'llm.mem.kv_cache': ['L', 'd', 'h', 'n_kv', 'seq', 'batch', 'dtype', 'unit'],
  'llm.mem.quant': ['N', 'bits', 'group', 'unit'],
  'llm.lora.params': ['L', 'd', 'h', 'n_kv', 'f', 'r', 'targets'],
  'llm.moe.params': ['d', 'f', 'E', 'k', 'which'],
  'rnn.params': ['cell', 'x', 'h', 'layers', 'bidirectional'],
  'rnn.lstm.step': ['x', 'h0', 'c0', 'w_i', 'u_i', 'b_i', 'w_f', 'u_f', 'b_f', 'w_g', 'u_g', 'b_g', 'w_o', 'u_o', 'b_o'],
  'norm.layer.forward': ['x', 'gamma', 'beta', 'eps'],
  'norm.rms.forward': ['x', 'g', 'eps'],
  'norm.group.forward': ['x', 'G', 'c', 'eps'],
  'norm.params': ['kind', 'C', 'H', 'G'],
  'conv.dwsep.params': ['cin', 'cout', 'k', 'bias'],
  'conv.dwsep.flops': ['cin', 'cout', 'k', 'H', 'ask'],
  'det.iou': ['a', 'b'],
  'det.nms.kept': ['boxes', 'scores', 'thr'],
  'det.anchors.count': ['H', 'W', 'strides', 'A'],
  'det.ap.allpoint': ['tp', 'n_gt'],
  'seq.ppl': ['p'],
  'seq.bleu': ['ref', 'cand', 'N'],
  'opt.adam.step': ['theta', 'g', 'lr', 'beta1', 'beta2', 'eps'],
  'opt.adamw.step': ['theta', 'g', 'lr', 'beta1', 'beta2', 'eps', 'wd'],
  'opt.sgd.momentum': ['theta', 'g', 'lr', 'mu', 'nesterov'],
  'opt.lr.warmup_cosine': ['peak', 'min_lr', 'W', 'T', 't'],
  'opt.grad_accum': ['micro', 'accum', 'world', 'seq', 'ask'],
  'reg.dropout.inverted': ['p', 'x', 'ask'],
  'rl.dpo.loss': ['beta', 'ref_w', 'ref_l', 'pol_w', 'pol_l'],
  'gan.optimal_value': ['p_data', 'p_g'],
};

// This branch's 18; the other 22 are checked whenever they are present.
const MINE = Object.keys(V2_CONTRACT).filter((id) => /^(attn|pos|dec|llm)\./.test(id));
const same = (a: readonly string[], b: readonly string[]) => a.join('/') === b.join('/');

describe('formula core v2 catalogue', () => {
  it('covers the 40 ids of the issue, 18 of them here', () => {
    expect(Object.keys(V2_CONTRACT)).toHaveLength(40);
    expect(new Set(Object.keys(V2_SECTION_OF))).toEqual(new Set(Object.keys(V2_CONTRACT)));
    expect(MINE).toHaveLength(18);
    for (const id of MINE) expect(getTemplate(id), id).toBeDefined();
  });

  it('uses exactly the contract parameter names, in order', () => {
    for (const [id, names] of Object.entries(V2_CONTRACT)) {
      const t = getTemplate(id);
      if (t) expect(t.params.map((p) => p.name), id).toEqual(names);
    }
  });

  it('places every v2 template where the section map says, and every section exists', () => {
    const notes = new Set(headingPaths(NOTES).map((h) => h.path.join(' / ')));
    const part = new Set(PART_SECTIONS.map((s) => s.path.join(' / ')));
    for (const [id, path] of Object.entries(V2_SECTION_OF)) {
      const key = path.join(' / ');
      expect(notes.has(key) || part.has(key), `${id}: ${key}`).toBe(true);
      const t = getTemplate(id);
      if (t) expect(same(t.section, path), id).toBe(true);
    }
    // Existing notes sections are preferred: the part only holds what the notes lack.
    for (const p of part) expect(notes.has(p), p).toBe(false);
    // Every part section is used by at least one template id.
    for (const s of PART_SECTIONS) expect(Object.values(V2_SECTION_OF).some((p) => same(p, s.path)), s.path.join('/')).toBe(true);
  });
});

describe('default deck identity', () => {
  const deck = 'dl-interview-notes';
  const notes = parseNotes(readFileSync(new URL('../../../../decks/dl-interview-notes.md', import.meta.url), 'utf8'), { deck, check: checkNoteFormulas }).cards;
  const drafts = interleaveProblems([...notes, ...problemPartCards(deck)], problemCards(deck));
  const before = JSON.parse(readFileSync(new URL('./default-deck-ids.json', import.meta.url), 'utf8')) as { id: string; kind: string; section: string[]; key: string }[];

  it('keeps every card id of the default deck from before v2, with its section and key', () => {
    expect(before.length).toBeGreaterThan(100);
    const byId = new Map(drafts.map((c) => [c.id, c]));
    for (const c of before) {
      const now = byId.get(c.id);
      expect(now, `${c.kind} ${c.section.join('/')} ${c.key}`).toBeDefined();
      expect(now && { kind: now.kind, section: now.section, key: now.key }).toEqual({ kind: c.kind, section: c.section, key: c.key });
    }
  });

  it('writes the explanatory cards in KaTeX that renders', () => {
    const bad: string[] = [];
    for (const c of problemPartCards(deck)) {
      for (const tex of mathSpans(`${c.front}\n${c.back}`)) {
        try {
          katex.renderToString(tex, { throwOnError: true, strict: 'error' });
        } catch (e) {
          bad.push(`${tex}: ${(e as Error).message}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('adds one explanatory card per Problems section, followed by its problems', () => {
    const ids = new Set(drafts.map((c) => c.id));
    expect(ids.size).toBe(drafts.length);
    for (const s of PART_SECTIONS) {
      const i = drafts.findIndex((c) => c.kind === 'section' && same(c.section, s.path));
      expect(i, s.path.join('/')).toBeGreaterThanOrEqual(0);
      const problems = drafts.filter((c) => c.kind === 'problem' && same(c.section, s.path));
      for (const p of problems) expect(drafts.indexOf(p)).toBeGreaterThan(i);
    }
    expect(drafts.filter((c) => c.kind === 'problem')).toHaveLength(TEMPLATES.length);
  });
});
