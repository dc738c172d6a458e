// Writes Chromium managed policy for the extension (3rdparty.extensions.<ID>) and removes it afterwards.
import { mkdir, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Policy } from '../../../shared/types.ts';
import { EXTENSION_ID } from '../../../extension/extension-id.ts';

export const POLICY_DIR = '/etc/chromium/policies/managed';

export interface PolicyFile {
  path: string;
  write(policy: Policy): Promise<void>;
  remove(): Promise<void>;
}

export async function managedPolicyFile(name: string): Promise<PolicyFile> {
  await mkdir(POLICY_DIR, { recursive: true });
  const path = join(POLICY_DIR, `ringfence-test-${name}.json`);
  return {
    path,
    async write(policy) {
      // Atomic: Chromium's watcher must never read a half-written file.
      const temp = join(POLICY_DIR, `.ringfence-test-${name}.tmp`);
      await writeFile(temp, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2));
      await rename(temp, path);
    },
    remove: () => rm(path, { force: true }),
  };
}
