// The language a request's messages are written in: Chinese unless the caller's
// Accept-Language prefers English. Held per request (like the tenancy) so that services and
// schemas render a message where they raise it, without passing the language around.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';

export type Language = 'zh-CN' | 'en';

const storage = new AsyncLocalStorage<Language>();

/** The request's language: English only when Accept-Language ranks it above Chinese. */
export const languageOf = (req: Pick<Request, 'acceptsLanguages'>): Language => (req.acceptsLanguages('zh', 'en') === 'en' ? 'en' : 'zh-CN');

/** The language of the running request; Chinese outside one (command-line tools, seeds). */
export const currentLanguage = (): Language => storage.getStore() ?? 'zh-CN';

export const inLanguage = <T>(language: Language, run: () => T): T => storage.run(language, run);
