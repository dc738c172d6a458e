// The public API of the Ringfence core: pure TypeScript, shared by the CLI, the extension and the add-in.
export type * from './types.ts';
export { LEVELS } from './types.ts';
export { parseEml, MailParseError } from './mime/parse-eml.ts';
export { fillAttachmentText } from './mime/attachment-text.ts';
export { scan } from './scan.ts';
export { mergePolicy } from './policy/merge-policy.ts';
export { validatePolicy } from './policy/validate-policy.ts';
export { DEFAULT_POLICY } from './policy/defaults.ts';
export { atLeast, maxLevel } from './verdict/levels.ts';
