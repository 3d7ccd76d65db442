// The award-like documents the embedded-store benches load.
import type { Collection } from 'mongodb';

export function awardLike(i: number) {
  return {
    year: 2016 + (i % 5),
    level: ['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'DISTRICT', 'INSTITUTION'][i % 5],
    grade: ['FIRST', 'SECOND', 'THIRD', 'EXCELLENCE'][i % 4],
    category: ['SKILLS', 'TEACHING', 'ACADEMIC', 'CULTURE'][i % 4],
    department: `D${i % 40}`,
    staffNo: `S${i}`,
    title: `第${i % 9}届职业技能竞赛`,
    at: new Date(Date.UTC(2016 + (i % 5), i % 12, 1 + (i % 28))),
  };
}

export async function fill(coll: Collection, n: number) {
  for (let i = 0; i < n; i += 1000) await coll.insertMany(Array.from({ length: Math.min(1000, n - i) }, (_, j) => awardLike(i + j)));
}
