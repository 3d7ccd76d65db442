// Names folded for comparison, and a similarity measure for "probably the same thing,
// spelled differently" (「桐君堂杯」中药材真伪鉴别大赛 vs 桐君堂杯中药材真伪鉴别全国大赛).

const FOLD = /[\s"'“”‘’「」『』《》〈〉<>()（）[\]【】·•、，,.。:：;；!！?？\-—_~～/\\|]/g;

export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(FOLD, '')
    .toLowerCase();
}

function bigrams(s: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of character bigrams of the folded names, 0..1. */
export function similarity(a: string, b: string): number {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  if (x.includes(y) || y.includes(x)) return 0.9;
  const gx = bigrams(x);
  const gy = bigrams(y);
  let shared = 0;
  for (const [g, n] of gx) shared += Math.min(n, gy.get(g) ?? 0);
  return (2 * shared) / (x.length - 1 + y.length - 1);
}

export const SIMILAR_THRESHOLD = 0.6;
