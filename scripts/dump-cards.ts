// Dev tool: parse every Markdown file of a folder as notes (title = file name)
// and print statistics, or the cards. Usage:
//   npx tsx scripts/dump-cards.ts DIR [--cards] [--sample N] [--seed S] [--file SUBSTR] [--dropped] [--nocards]
import fs from 'node:fs';
import path from 'node:path';
import { parseNotes } from '../cards/notes/parse.ts';
import type { CardDraft } from '../cards/types.ts';

const args = process.argv.slice(2);
const dir = args[0] ?? '.';
const flag = (name: string) => args.includes(name);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function walk(d: string, out: string[]): void {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(md|markdown)$/i.test(e.name)) out.push(p);
  }
}

const files: string[] = [];
if (fs.statSync(dir).isDirectory()) walk(dir, files);
else files.push(dir);
files.sort();
const only = opt('--file');
const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
const NUMBERED = /^\s*(?:\d+(?:\.\d+)*[.、)）]?\s|\d+(?:\.\d+)+|[（(]\d+[)）]|第[一二三四五六七八九十百\d]+[章节部分]|[一二三四五六七八九十]+[、.]|Q\d+[.:：)]?)/i;

const all: { file: string; card: CardDraft }[] = [];
const byKind: Record<string, number> = {};
const byLang: Record<string, number> = {};
let enScaffold = 0;
let numbered = 0;
let long = 0;
const noCards: string[] = [];
let totalMs = 0;
const droppedByRule: Record<string, number> = {};
const dropped: string[] = [];
for (const f of files) {
  if (only && !f.includes(only)) continue;
  const md = fs.readFileSync(f, 'utf8');
  const title = path.basename(f).replace(/\.(md|markdown)$/i, '');
  const t0 = performance.now();
  const r = parseNotes(md, {
    deck: path.relative(dir, f),
    title,
    onDrop: (d) => {
      droppedByRule[d.rule] = (droppedByRule[d.rule] ?? 0) + 1;
      dropped.push(`${path.relative(dir, f)}:${d.line} [${d.rule}] ${d.section.join(' › ')}`);
    },
  } as Parameters<typeof parseNotes>[1]);
  totalMs += performance.now() - t0;
  const body = md.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/\s/g, '');
  if (r.cards.length === 0 && body.length > 40) noCards.push(f);
  for (const c of r.cards) {
    all.push({ file: f, card: c });
    byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    const lang = (c as { lang?: string }).lang ?? '?';
    byLang[lang] = (byLang[lang] ?? 0) + 1;
    const cjkShare = [...(c.front + c.back)].filter((ch) => CJK.test(ch)).length;
    const scaffold = /是什么|为什么用|有哪些|怎么计算|的公式|开放问题|阅读清单|分别是什么|指什么|包括哪些/.test(c.front + c.back);
    if (scaffold && cjkShare < 30 && !CJK.test(c.key)) enScaffold++;
    if (NUMBERED.test(c.front)) numbered++;
    if (c.back.length > 1500) long++;
  }
}
console.log(`files ${files.length}, cards ${all.length}, parse ${totalMs.toFixed(0)} ms`);
console.log('by kind', byKind);
console.log('by lang', byLang);
console.log(`english cards with chinese scaffolding ~${enScaffold}; numbered fronts ${numbered}; answers >1500 chars ${long}; files with text but no cards ${noCards.length}`);
console.log('not worth a card (worth.ts), by rule', droppedByRule);
if (flag('--dropped')) for (const d of dropped) console.log('  dropped:', d);
if (flag('--nocards')) for (const f of noCards) console.log('  no cards:', f);
if (flag('--numbered')) for (const { file, card } of all) if (NUMBERED.test(card.front)) console.log(`  ${path.relative(dir, file)}: ${card.front}`);

let pick = all;
const n = opt('--sample');
if (n) {
  let s = Number(opt('--seed') ?? 1);
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  pick = [...all].sort(() => rnd() - 0.5).slice(0, Number(n));
}
if (flag('--cards') || n) {
  for (const { file, card: c } of pick) {
    console.log(`\n── ${path.relative(dir, file)}:${c.line} [${c.kind}/${(c as { lang?: string }).lang ?? '?'}] ${c.section.join(' › ')}  tags=${JSON.stringify((c as { tags?: string[] }).tags ?? [])}`);
    console.log(`Q: ${c.front}`);
    const back = c.back.length > 400 ? c.back.slice(0, 400) + `… (+${c.back.length - 400})` : c.back;
    console.log(`A: ${back.replace(/\n/g, '\n   ')}`);
  }
}
