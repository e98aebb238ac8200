// Lecture notes describe their slides: "下图中的红色曲线代表了square loss的损失函数：$…$",
// "紫线代表了hinge loss的损失函数：$…$", "如图所示，…". A front that opens with such a
// pointer depends on a figure the learner does not see on the card; without it the
// front names what the line states ("square loss的损失函数的公式是什么？"). Pure.

const NUM = String.raw`(?:\s*\d+(?:[.\-－]\d+)*)?`;
/** "如图所示，" / "如下图所示，" / "如图5.1所示，". */
const AS_SHOWN = new RegExp(String.raw`^如(?:上|下)?图${NUM}所示[，,:：]?\s*`);
/** "下图中的红色曲线代表了" / "紫线代表了" / "左边这张图里的蓝色虚线表示". */
const COLOURED = new RegExp(
  String.raw`^(?:(?:(?:上|下|左|右)(?:边|面)?(?:这张|这幅|的)?图${NUM}|图${NUM})(?:中|里|上)?的?)?[红橙黄绿青蓝紫黑灰白]色?的?(?:曲线|直线|虚线|实线|线|点|框|区域|部分)(?:代表了?|表示了?|就是|是|为)\s*`,
);

/** The front without a leading pointer at a figure, or as it was when nothing would be left. */
export function withoutFigureLead(front: string): string {
  const m = AS_SHOWN.exec(front) ?? COLOURED.exec(front);
  if (!m) return front;
  const rest = front.slice(m[0].length).trim();
  return rest.replace(/[\s\p{P}]/gu, '').length >= 2 ? rest : front;
}

const REMOTE_IMAGE = /!\[[^\]\n]{0,500}\]\(\s*<?https?:\/\/[^)\n]{0,2000}\)|<img\b[^>\n]{0,1000}?\bsrc\s*=\s*["']?https?:\/\/[^>\n]{0,1000}>/gi;
const ANY_IMAGE = /!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)|!\[\[[^\]\n]{0,500}\]\]|<img\b[^>\n]{0,2000}>/gi;

/**
 * An answer that is only images on other sites ("![img](https://picx.zhimg.com/…)",
 * `<center><img src="https://…"></center>`): the app does not load remote images,
 * so the card would show a bare link and nothing to recall. A local figure (shown
 * on the card) or a word of text keeps the card.
 */
export function isRemoteImageOnly(md: string): boolean {
  const remote = md.match(REMOTE_IMAGE)?.length ?? 0;
  if (!remote || remote !== (md.match(ANY_IMAGE)?.length ?? 0)) return false;
  const rest = md.replace(ANY_IMAGE, ' ').replace(/<\/?[a-z][^>\n]{0,200}>/gi, ' ').replace(/[\s>*_|-]/g, '');
  return rest === '';
}
