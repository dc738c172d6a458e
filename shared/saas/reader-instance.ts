import type { PlatformMatch } from './types.ts';

/**
 * The instance's own name when it is one a reader can be shown in any language (a repository owner/name, an
 * organisation, a host or an address); undefined for descriptions such as `merchant "J. Smith"` that rules
 * build in English.
 */
export function readerInstance(match: Pick<PlatformMatch, 'instance'>): string | undefined {
  const instance = match.instance.trim();
  return /^[\p{L}\p{N}._@+-]+(?:\/[\p{L}\p{N}._-]+)?$/u.test(instance) ? instance : undefined;
}
