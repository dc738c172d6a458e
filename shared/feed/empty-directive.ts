/** A text or CSV feed with no entries on purpose says so on a line of its own: `# empty`. */
export const EMPTY_DIRECTIVE = '# empty';

export function isEmptyDirective(line: string): boolean {
  return /^#\s*empty\s*$/i.test(line.trim());
}
