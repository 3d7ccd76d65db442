/** One message in both languages; `P` is what it says about (none for a fixed sentence). */
export interface Message<P> {
  zh: (p: P) => string;
  en: (p: P) => string;
}

/** A message with parameters. */
export const say = <P>(zh: (p: P) => string, en: (p: P) => string): Message<P> => ({ zh, en });

/** A fixed sentence. */
export const fixed = (zh: string, en: string): Message<undefined> => ({ zh: () => zh, en: () => en });
