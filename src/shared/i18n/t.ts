// t(key, params): a message of the catalogue in the running request's language. Messages
// reach callers only through here, so every one has both languages (the type says so).
import { catalogue, type Catalogue } from '../../messages/catalogue.js';
import { currentLanguage, type Language } from './language.js';

export type MessageKey = keyof Catalogue;
type ParamsOf<K extends MessageKey> = Parameters<Catalogue[K]['zh']>[0];
type Args<K extends MessageKey> = undefined extends ParamsOf<K> ? [params?: ParamsOf<K>] : [params: ParamsOf<K>];

declare const localised: unique symbol;
/** A message rendered from the catalogue: errors take this, not a bare string. */
export type Text = string & { readonly [localised]: true };

export function t<K extends MessageKey>(key: K, ...args: Args<K>): Text {
  return render(currentLanguage(), key, ...args);
}

export function render<K extends MessageKey>(language: Language, key: K, ...args: Args<K>): Text {
  const entry = catalogue[key] as { zh: (p: unknown) => string; en: (p: unknown) => string };
  return (language === 'en' ? entry.en : entry.zh)(args[0]) as Text;
}
