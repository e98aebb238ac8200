// Chinese textbooks (issue 11): a section that builds an example in code and
// narrates it gives no card; a section that states what a thing is before its
// code keeps it. Excerpts in the style of d2l chapters.
import { describe, expect, it } from 'vitest';
import { parseNotes } from '../../../cards/notes/parse.ts';

const parse = (md: string) => parseNotes(md, { deck: 'd' }).cards;
const fence = (...code: string[]) => ['```python', ...code, '```'];

describe('a code walk-through is no card', () => {
  it('drops "下面我们来看一个…首先我们构造…" narrating an example in code', () => {
    const md = [
      '# 5.1 二维卷积层',
      '## 5.1.3 图像中物体边缘检测',
      '下面我们来看一个卷积层的简单应用：检测图像中物体的边缘，即找到像素变化的位置。首先我们构造一张$6\\times 8$的图像。它中间4列为黑（0），其余为白（1）。',
      '',
      ...fence('X = torch.ones(6, 8)', 'X[:, 2:6] = 0'),
      '',
      '然后我们构造一个高和宽分别为1和2的卷积核`K`。当它与输入做互相关运算时，如果横向相邻元素相同，输出为0；否则输出为非0。',
      '',
      ...fence('K = torch.tensor([[1, -1]])', 'Y = corr2d(X, K)'),
      '',
      '可以看出，我们将从白到黑的边缘和从黑到白的边缘分别检测成了1和-1。其余部分的输出全是0。',
      '',
    ].join('\n');
    expect(parse(md).some((c) => c.key === '图像中物体边缘检测')).toBe(false);
  });

  it('drops a task section that only says which API the code calls', () => {
    const md = [
      '# 3.3 线性回归的简洁实现',
      '## 3.3.4 初始化模型参数',
      '在使用`net`前，我们需要初始化模型参数，如线性回归模型中的权重和偏差。我们通过`init.normal_`将权重参数每个元素初始化为随机采样于均值为0、标准差为0.01的正态分布。偏差会初始化为零。',
      '',
      ...fence('from torch.nn import init', 'init.normal_(net[0].weight, mean=0, std=0.01)'),
      '',
    ].join('\n');
    expect(parse(md).some((c) => c.key === '初始化模型参数')).toBe(false);
  });

  it('keeps a section that states what the thing is before its code', () => {
    const md = [
      '# 5.1 二维卷积层',
      '## 5.1.2 二维卷积层',
      '二维卷积层将输入和卷积核做互相关运算，并加上一个标量偏差来得到输出。卷积层的模型参数包括了卷积核和标量偏差。在训练模型的时候，通常我们先对卷积核随机初始化，然后不断迭代卷积核和偏差。',
      '',
      '下面基于`corr2d`函数来实现一个自定义的二维卷积层。',
      '',
      ...fence('class Conv2D(nn.Module):', '    pass'),
      '',
      '## 5.4.3 填充和步幅',
      '同卷积层一样，池化层也可以在输入的高和宽两侧的填充并调整窗口的移动步幅来改变输出形状。池化层填充和步幅与卷积层填充和步幅的工作机制一样。我们将通过`nn`模块里的二维最大池化层`MaxPool2d`来演示池化层填充和步幅的工作机制。',
      '',
      ...fence('X = torch.arange(16, dtype=torch.float).view((1, 1, 4, 4))'),
      '',
    ].join('\n');
    const cards = parse(md);
    expect(cards.some((c) => c.key === '二维卷积层' && c.kind === 'section')).toBe(true);
    expect(cards.some((c) => c.key === '填充和步幅' && c.kind === 'section')).toBe(true);
  });

  it('keeps narration without code (a section with a formula is no walk-through)', () => {
    const md = '# 6.1 语言模型\n## 6.1.1 语言模型的计算\n下面我们计算它。\n\n$$P(w_1,\\ldots,w_T)=\\prod_t P(w_t\\mid w_1,\\ldots,w_{t-1})$$\n\n```python\np = 1\n```\n';
    expect(parse(md).some((c) => c.key === '语言模型的计算')).toBe(true);
  });
});
