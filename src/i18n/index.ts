/** UI strings: zh-CN (default) and en-US, looked up with t(lang, key, params). */
export type { Lang } from '../core/types';
export type { MessageKey } from './zh-CN';
export { t, pickLang, LANGS, DEFAULT_LANG, type Params } from './t';
export { errorText, isHostErrorLike, type HostErrorLike } from './errors';
