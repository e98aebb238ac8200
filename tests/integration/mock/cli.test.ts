import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../../cards/problems/generate.ts';
import { main } from '../../../cli/main.ts';
import { tmpDir } from '../../helpers/tmp.ts';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(['node', 'deeprecall', ...argv], { out: (s) => (out += s.endsWith('\n') ? s : `${s}\n`), err: (s) => (err += s.endsWith('\n') ? s : `${s}\n`) });
  return { code, out, err };
}

describe('deeprecall mock', () => {
  it('prints the drawn question set, the same for the same seed', async () => {
    const db = path.join(tmpDir(), 'cli.db');
    const a = await run('mock', '--db', db, '--questions', '5', '--seed', '77', '--json');
    expect(a.code).toBe(0);
    const draw = JSON.parse(a.out);
    expect(draw.seed).toBe(77);
    expect(draw.questions).toHaveLength(5);
    const b = JSON.parse((await run('mock', '--db', db, '--questions', '5', '--seed', '77', '--json')).out);
    expect(b).toEqual(draw);
    const human = await run('mock', '--db', db, '--questions', '3', '--seed', '77', '--sections', 'KL散度');
    expect(human.out).toMatch(/seed 77 · 3 questions/);
    expect(human.out.match(/^ *\d\. \[\w+\] KL散度/gm)?.length).toBe(3);
  });

  it('runs a mock from scripted answers and saves the report; --report, --history, --out and --html read it back', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'cli.db');
    const draw = JSON.parse((await run('mock', '--db', db, '--questions', '4', '--seed', '5', '--mix', '0.5', '--json')).out);
    const lines = draw.questions.map((q: { kind: string; problem?: { templateId: string; seed: number } }, i: number) => {
      if (q.kind === 'concept') return i === 0 ? 'q:2 forgot the formula' : 'q:5';
      const ans = generate(q.problem!.templateId, q.problem!.seed).answer;
      return Array.isArray(ans) ? `[${ans.join(', ')}]` : String(ans);
    });
    const file = path.join(dir, 'answers.txt');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await run('mock', '--db', db, '--questions', '4', '--seed', '5', '--mix', '0.5', '--answers', file, '--json');
    expect(r.code, r.err).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.status).toBe('finished');
    expect(report.questions.map((q: { cardId: string }) => q.cardId)).toEqual(draw.questions.map((q: { cardId: string }) => q.cardId));
    expect(report.counts.answered).toBe(4);
    if (draw.questions[0].kind === 'concept') expect(report.questions[0]).toMatchObject({ quality: 2, notes: 'forgot the formula' });

    const out = path.join(dir, 'r.json');
    const html = path.join(dir, 'r.html');
    const shown = await run('mock', '--db', db, '--report', String(report.mockId), '--out', out, '--html', html, '--lang', 'en');
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(new RegExp(`mock #${report.mockId} · finished · score ${report.score}/100`));
    expect(JSON.parse(fs.readFileSync(out, 'utf8'))).toEqual(report);
    expect(fs.readFileSync(html, 'utf8')).toContain('@media print');

    const hist = await run('mock', '--db', db, '--history', '--json');
    expect(JSON.parse(hist.out)[0]).toMatchObject({ id: report.mockId, status: 'finished' });
  });

  it('fewer answer lines than questions end the mock early', async () => {
    const dir = tmpDir();
    const db = path.join(dir, 'cli.db');
    const file = path.join(dir, 'a.txt');
    fs.writeFileSync(file, 'skip\n');
    const r = await run('mock', '--db', db, '--questions', '3', '--seed', '1', '--answers', file, '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).counts).toMatchObject({ answered: 1, correct: 0, unreached: 2 });
  });

  it('bad input: a one-line error and a non-zero exit', async () => {
    const db = path.join(tmpDir(), 'cli.db');
    for (const args of [
      ['--questions', '0'],
      ['--questions', '100000'],
      ['--sections', 'nope'],
      ['--per-question', '0'],
      ['--total', 'abc'],
    ]) {
      const r = await run('mock', '--db', db, ...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    const missing = await run('mock', '--db', db, '--report', '999');
    expect(missing.err).toMatch(/no mock with id 999/);
  });
});
