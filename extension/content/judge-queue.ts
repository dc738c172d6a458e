// Starts judgements a few at a time, messages on screen first, in short slices of tasks so that opening a
// long conversation never starts a hundred DOM reads, fetches and scans in one go.

/** How long one task may go on starting jobs. */
const SLICE_MS = 12;

export interface QueueOptions {
  /** Judgements running at once. */
  concurrency: number;
  /** How long a new message waits for the first visibility report before it is started anyway. */
  visibilityWaitMs: number;
}

interface Waiting {
  element: Element;
  start: () => Promise<void>;
  addedAt: number;
}

export class JudgeQueue<Job extends object> {
  private readonly waiting = new Map<Job, Waiting>();
  // Weak: a visibility report can arrive after its job started, and must not keep the element alive.
  private readonly onScreen = new WeakSet<Element>();
  private readonly reported = new WeakSet<Element>();
  private readonly observer: IntersectionObserver | undefined;
  private running = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = 0;
  private closed = false;

  constructor(private readonly options: QueueOptions) {
    this.observer =
      typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => {
            for (const entry of entries) {
              this.reported.add(entry.target);
              if (entry.isIntersecting) this.onScreen.add(entry.target);
              else this.onScreen.delete(entry.target);
            }
            this.schedule(0);
          })
        : undefined;
  }

  /** Queues a job; `start` resolves when the job no longer needs its slot (its part in the page is done). */
  add(job: Job, element: Element, start: () => Promise<void>): void {
    if (this.closed) return;
    this.waiting.set(job, { element, start, addedAt: performance.now() });
    this.observer?.observe(element);
    this.schedule(0);
  }

  /** The job's message is now shown by another element (the webmail re-rendered it). */
  retarget(job: Job, element: Element): void {
    const waiting = this.waiting.get(job);
    if (!waiting || waiting.element === element) return;
    this.forget(waiting.element);
    waiting.element = element;
    this.observer?.observe(element);
  }

  remove(job: Job): void {
    const waiting = this.waiting.get(job);
    if (!waiting) return;
    this.waiting.delete(job);
    this.forget(waiting.element);
  }

  clear(): void {
    for (const job of [...this.waiting.keys()]) this.remove(job);
  }

  close(): void {
    this.closed = true;
    this.clear();
    this.observer?.disconnect();
    if (this.timer) clearTimeout(this.timer);
  }

  private forget(element: Element): void {
    this.observer?.unobserve(element);
    this.onScreen.delete(element);
  }

  /** Runs pump after `delay` ms, or sooner when it is already due sooner. */
  private schedule(delay: number): void {
    if (this.closed) return;
    const due = performance.now() + delay;
    if (this.timer) {
      if (this.timerDue <= due) return;
      clearTimeout(this.timer);
    }
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, delay);
  }

  /**
   * Starts jobs for up to SLICE_MS of one task (their DOM reads share one style recalculation, and no banner
   * is inserted in between), then gives the page its turn.
   */
  private pump(): void {
    const began = performance.now();
    while (!this.closed && this.running < this.options.concurrency && this.waiting.size > 0) {
      const picked = this.pick();
      if (!picked) return;
      const [job, waiting] = picked;
      this.remove(job);
      this.running++;
      const done = () => {
        this.running--;
        this.schedule(0);
      };
      waiting.start().then(done, done);
      if (performance.now() - began >= SLICE_MS) break;
    }
    if (this.running < this.options.concurrency && this.waiting.size > 0) this.schedule(0);
  }

  /** The first job on screen; else, once every job's visibility is known (or waited for), the first in page order. */
  private pick(): [Job, Waiting] | undefined {
    let first: [Job, Waiting] | undefined;
    let oldestUnknown: number | undefined;
    const now = performance.now();
    for (const entry of this.waiting) {
      const { element, addedAt } = entry[1];
      if (this.onScreen.has(element)) return entry;
      first ??= entry;
      const age = now - addedAt;
      if (this.observer && !this.reported.has(element) && age < this.options.visibilityWaitMs) {
        oldestUnknown = Math.max(oldestUnknown ?? 0, age);
      }
    }
    if (oldestUnknown !== undefined) {
      this.schedule(Math.ceil(this.options.visibilityWaitMs - oldestUnknown));
      return undefined;
    }
    return first;
  }
}
