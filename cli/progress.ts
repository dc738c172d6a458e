// The progress line on standard error: messages done, rate, errors, and an ETA when the input size is known.
import { terminalLine } from './terminal-text.ts';

export interface ProgressOptions {
  /** Redrawn in place on a terminal; one line every few seconds otherwise (only with --progress). */
  tty: boolean;
  totalBytes?: number;
  write?: (text: string) => void;
  now?: () => number;
}

export class Progress {
  private messages = 0;
  private errors = 0;
  private bytes = 0;
  private readonly started: number;
  private lastDrawn = 0;
  private drawnWidth = 0;
  private readonly write: (text: string) => void;
  private readonly now: () => number;

  constructor(private readonly options: ProgressOptions) {
    this.write = options.write ?? ((text) => process.stderr.write(text));
    this.now = options.now ?? (() => Date.now());
    this.started = this.now();
  }

  addBytes(bytes: number): void {
    this.bytes += bytes;
  }

  done(error: boolean): void {
    this.messages++;
    if (error) this.errors++;
    const at = this.now();
    if (at - this.lastDrawn >= (this.options.tty ? 200 : 5000)) {
      this.lastDrawn = at;
      this.draw(at);
    }
  }

  /** Clears the line on a terminal (the summary follows); prints a last line otherwise. */
  finish(): void {
    if (this.options.tty) this.clear();
    else this.draw(this.now());
  }

  /** Wipes the drawn line on a terminal, so a result printed to the same terminal starts at the left edge. */
  clear(): void {
    if (!this.options.tty || !this.drawnWidth) return;
    this.write(`\r${' '.repeat(this.drawnWidth)}\r`);
    this.drawnWidth = 0;
  }

  line(at: number): string {
    const seconds = Math.max(0.001, (at - this.started) / 1000);
    const rate = this.messages / seconds;
    let text = `${this.messages} message${this.messages === 1 ? '' : 's'}, ${rate.toFixed(rate < 10 ? 1 : 0)}/s, ${this.errors} error${this.errors === 1 ? '' : 's'}`;
    const total = this.options.totalBytes;
    if (total && this.bytes > 0) {
      const share = Math.min(1, this.bytes / total);
      const left = share >= 1 ? 0 : (seconds / share) * (1 - share);
      text += `, ${(share * 100).toFixed(0)}% read, ETA ${duration(left)}`;
    }
    return terminalLine(text);
  }

  private draw(at: number): void {
    const text = this.line(at);
    if (this.options.tty) {
      this.write(`\r${text.padEnd(this.drawnWidth)}`);
      this.drawnWidth = text.length;
    } else this.write(`${text}\n`);
  }
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
