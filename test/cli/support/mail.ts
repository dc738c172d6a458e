// Small RFC 822 messages built in tests: a sender, a date and a body holding the numbers under test.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const root = fileURLToPath(new URL('../../..', import.meta.url));

export function eml(subject: string, date: string, body: string, from = 'Norton Billing <billing@example.net>'): string {
  return [`From: ${from}`, 'To: analyst@example.org', `Subject: ${subject}`, `Date: ${date}`, `Message-ID: <${subject.replace(/\W+/g, '.')}@example.net>`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', body, ''].join('\n');
}

/** An mboxrd file: each message after a `From ` envelope line, body lines starting `>*From ` quoted with one more `>`. */
export function mbox(messages: readonly string[]): string {
  return messages.map((m) => `From sender@example.net Mon Mar  2 10:00:00 2026\n${m.replace(/^(>*From )/gm, '>$1')}\n`).join('');
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `ringfence` binary, optionally with standard input. */
export function ringfence(args: readonly string[], stdin?: Uint8Array | string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile('node', [join(root, 'bin/ringfence.js'), ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (stdin !== undefined) child.stdin!.end(stdin);
    else child.stdin!.end();
  });
}

export const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
