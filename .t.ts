import { renderCard } from './cards/render/render.ts';
const para = (n: number) => `Paragraph ${n} ` + 'lorem ipsum dolor sit amet '.repeat(8) + '\n\n';
const long = Array.from({ length: 8 }, (_, i) => para(i)).join('');
console.log(renderCard({ kind: 'section', front: 'q', back: long, links: [] }).backHtml.replace(/lorem ipsum dolor sit amet /g, ''));
const list = Array.from({ length: 20 }, (_, i) => `${i + 1}. item ${i} ` + 'text of the item '.repeat(5)).join('\n');
console.log(renderCard({ kind: 'section', front: 'q', back: list, links: [] }).backHtml.replace(/text of the item /g, ''));
