// Column widths that fit a table's content: each column as wide as its longest cell, the one
// flexible column (the name) taking what is left of the page, so short columns (序号, 级别,
// 日期) never wrap and the name keeps its room. Widths in twentieths of a point.

/** How wide a text is, in em: Chinese characters and full-width punctuation 1, others about half. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F“”‘’—…]/.test(ch) ? 1 : 0.55;
  return ems;
}

/** Left and right cell margins (Word's default, 0.19 cm each) and a little slack. */
const CELL_PADDING = 260;
/** No fixed column takes more than this share of the width; the flexible one at least MIN_FLEX_EMS. */
const MAX_SHARE = 0.3;
const MIN_FLEX_EMS = 8;

export function fittedWidths(head: string[], rows: string[][], flex: number, totalWidth: number, emWidth: number): number[] {
  const need = head.map((h, i) => Math.max(textEms(h), ...rows.map((r) => textEms(r[i] ?? ''))) * emWidth + CELL_PADDING);
  const widths = need.map((w, i) => (i === flex ? 0 : Math.min(w, totalWidth * MAX_SHARE)));
  const fixed = widths.reduce((a, b) => a + b, 0);
  const minFlex = MIN_FLEX_EMS * emWidth + CELL_PADDING;
  // Too many wide columns: shrink the fixed ones alike (they wrap), keeping the name's minimum.
  const scale = totalWidth - fixed < minFlex ? (totalWidth - minFlex) / fixed : 1;
  const scaled = widths.map((w) => Math.floor(w * scale));
  scaled[flex] = totalWidth - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}
