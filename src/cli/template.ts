/** --template PROFILE.json: a template profile (the column map of src/core/profile.ts), read and checked before any workbook. */
import { readFileSync } from 'fs';
import type { Lang } from '../core/types';
import { parseProfile, ProfileError, type TemplateProfile } from '../core/profile';

/** The profile file is missing or wrong: the message says which and why, in the chosen language (exit 2). */
export class TemplateFileError extends Error {}

const TEXT = {
  'zh-CN': {
    missing: (p: string) => `模板配置文件不存在或无法读取：${p}`,
    bad: (p: string, problems: string[]) => `模板配置文件有误：${p}\n${problems.map((x) => `  - ${x}`).join('\n')}`,
  },
  'en-US': {
    missing: (p: string) => `template profile not found or unreadable: ${p}`,
    bad: (p: string, problems: string[]) => `template profile is not valid: ${p}\n${problems.map((x) => `  - ${x}`).join('\n')}`,
  },
};

export function loadTemplate(path: string | undefined, lang: Lang): TemplateProfile | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new TemplateFileError(TEXT[lang].missing(path));
  }
  try {
    return parseProfile(text, lang);
  } catch (e) {
    if (e instanceof ProfileError) throw new TemplateFileError(TEXT[lang].bad(path, e.problems));
    throw e;
  }
}
