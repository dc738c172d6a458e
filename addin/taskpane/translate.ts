// The banner's strings: the extension's English messages, so both surfaces say the same thing.
import type { BannerMessageKey, Translate } from '../../shared/browser/banner/index.ts';
import messages from '../../extension/_locales/en/messages.json';

const table = messages as Record<string, { message: string } | undefined>;

export const translate: Translate = (key: BannerMessageKey, substitutions: string[] = []) => {
  const template = table[key]?.message ?? key;
  return template.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
};
