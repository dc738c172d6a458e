/** Plain words for the system errors a file or folder read meets. */
const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'symbolic link loop',
  ENOTDIR: 'not a folder',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'name too long',
  EIO: 'input/output error',
  Z_DATA_ERROR: 'corrupt gzip data',
  Z_BUF_ERROR: 'gzip data cut short',
};

/** The plain reason for a known error code, else undefined. */
export function knownReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? REASONS[code] : undefined;
}

/** The plain reason, or the error's own message. */
export function errorReason(error: unknown): string {
  return knownReason(error) ?? ((error as Error).message || String(error));
}
