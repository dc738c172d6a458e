// Hostile text (a sender name, a file name, a feed name) reaches the analyst's terminal through the real
// `ringfence` binary: no escape sequence, control character or bidi override may get through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { terminalJson, terminalLine, terminalText } from '../../cli/terminal-text.ts';
import { ringfence } from './support/run-ringfence.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Sets the window title, clears the screen, homes the cursor, returns the carriage and prints a fake verdict;
// then an 8-bit CSI, a bell, a right-to-left override and an isolate.
const ATTACK = 'Ledger Security\x1b]0;ringfence: all clear\x07\x1b[2J\x1b[H\r\nNONE    invoice.eml\n\x9b31m\x07\u202eriah\u2066x\u2069';
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

let dir: string;
let message: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ringfence-terminal-'));
  const fixture = await readFile(join(root, 'test/fixtures/saas/zendesk-abuse-ticket-wallet.eml'), 'utf8');
  const hostile = fixture.replace(/^From: Ledger Security </m, `From: ${encodedWord(ATTACK)} <`);
  expect(hostile).not.toBe(fixture);
  message = join(dir, 'wallet\x1b[2J\u202e.eml');
  await writeFile(message, hostile);
  // A message with a number, so that cluster lists its subject.
  const jira = await readFile(join(root, 'test/fixtures/saas/jira-abuse-invite-billing-callback.eml'), 'utf8');
  const subject = jira.replace(/^Subject: .*$/m, `Subject: ${encodedWord(`Renewal ${ATTACK}`)}`);
  expect(subject).not.toBe(jira);
  await writeFile(join(dir, 'callback.eml'), subject);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ringfence output on a terminal', () => {
  it('scan prints the sender name without escape sequences, controls or bidi overrides, on its own line', async () => {
    const { stdout, stderr } = await ringfence('scan', dir);
    expect(stdout).toContain('Ledger Security');
    expect(stdout).not.toMatch(UNSAFE);
    expect(stderr).not.toMatch(UNSAFE);
    // The fake verdict stays inside the reason text: no output line starts with it.
    expect(stdout).not.toMatch(/^NONE/m);
    expect(stdout).toMatch(/^DANGER /m);
  }, 60_000);

  it('scan --json keeps the data (escaped) and prints nothing a terminal obeys', async () => {
    const { stdout } = await ringfence('scan', '--json', dir);
    expect(stdout).not.toMatch(UNSAFE);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; reasons: { message: string }[] });
    const line = out.find((o) => o.file === message);
    expect(line!.reasons.map((r) => r.message).join(' ')).toContain('\u202eriah');
  }, 60_000);

  it('cluster and feed validate do the same', async () => {
    const cluster = await ringfence('cluster', dir);
    expect(cluster.stdout).toContain('Renewal Ledger Security');
    expect(cluster.stdout + cluster.stderr).not.toMatch(UNSAFE);
    const feed = join(dir, 'feed.json');
    await writeFile(feed, JSON.stringify({ format: 'ringfence-feed/1', name: `Intel\x1b[2J\u202e`, entries: [{ number: '+18083014471', verdict: 'scam' }] }));
    const validate = await ringfence('feed', 'validate', feed);
    expect(validate.stdout).toContain('Intel');
    expect(validate.stdout + validate.stderr).not.toMatch(UNSAFE);
    const built = await ringfence('feed', 'build', feed);
    expect(built.stdout).not.toMatch(UNSAFE);
    expect((JSON.parse(built.stdout) as { name: string }).name).toBe(`Intel\x1b[2J\u202e`);
  }, 60_000);
});

describe('terminal text', () => {
  it('removes escape sequences whole, and other controls and bidi overrides', () => {
    expect(terminalText('a\x1b[31;1mred\x1b[0m b\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\ c\x9b2Jd\x1bce\x07\x00\x7f\u202ef')).toBe('ared blink cdef');
    expect(terminalText('line\r\nnext\rover\u2028sep\ttab')).toBe('line\nnext\nover\nsep\ttab');
    expect(terminalLine('one\ntwo\tthree\r\nfour')).toBe('one two three four');
  });

  it('stops an unterminated title sequence at the end of the line, keeping later lines', () => {
    expect(terminalText('x\x1b]0;title without end\nkept')).toBe('x\nkept');
  });

  it('writes JSON that parses back to the same data', () => {
    const value = { name: ATTACK, more: '\u2028\u0085' };
    const json = terminalJson(value);
    expect(json).not.toMatch(UNSAFE);
    expect(JSON.parse(json)).toEqual(value);
  });
});
