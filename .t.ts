import { renderMarkdown } from './cards/render/render.ts';
for (const s of [
  '<center>图 1 $x^2$</center>',
  '<div align=center><img width="400" src="../img/chapter03/3.1_linreg.svg"/></div>',
  '<center><img src="https://x.org/a.png" alt="pic"></center>',
  'a<br>b<sup>2</sup> H<sub>2</sub>O <font color=red>red</font> <EOS> and <s> tokens </s> <unk>',
  '<details><summary>Answer</summary>\n\n- one **b**\n- two\n\n</details>',
  '<ul><li>x</li><li>y</li></ul>',
  '<table><tr><td style="color:red">a</td></tr></table>',
  '<script>alert(1)</script> <iframe src="https://evil"></iframe> <p onclick="x()">p</p> <a href="javascript:alert(1)">j</a> <a href="https://ok.org">ok</a>',
  '| a | b |\n|:-:|--:|\n| 1 | 2 |',
  'x <img src="data:image/png;base64,AAA"> y',
  '<!-- comment --> visible',
  'A < B and C > D, 3<5',
  '![](media:' + 'b'.repeat(64) + '.png)',
]) console.log(JSON.stringify(s), '\n', renderMarkdown(s, { math: 'dom' }).html, '\n------');
