import { foldText } from './fold-text.ts';

/** What a matched name stands for. `brand` null marks a harmless phrase ("apple pie") that hides a weak alias. */
export interface AliasEntry {
  brand: string | null;
  weak: boolean;
  /** Depths (letters from the start) where the alias itself has a space or punctuation: a split there is free. */
  freeSplits: ReadonlySet<number>;
  length: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries: AliasEntry[];
}

export interface BrandTrie {
  root: TrieNode;
  maxLength: number;
}

// Leetspeak and symbol swaps folded to one letter class each; "l" and "1" and "I" all read as "i".
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's', '|': 'i', '!': 'i', '€': 'e', l: 'i' };

/** The letter class of a folded character, or '' when it is not part of a word. */
export function letterClass(c: string): string {
  const leet = LEET[c];
  if (leet) return leet;
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '';
}

export function newTrie(): BrandTrie {
  return { root: { next: new Map(), entries: [] }, maxLength: 0 };
}

/** Adds one alias; returns false when it is too short to match safely. */
export function addAlias(trie: BrandTrie, alias: string, brand: string | null, weak: boolean): boolean {
  const folded = foldText(alias).text;
  let node = trie.root;
  let depth = 0;
  const freeSplits = new Set<number>();
  for (const c of folded) {
    const cls = /[a-z0-9]/.test(c) ? letterClass(c) : '';
    if (!cls) {
      if (depth > 0) freeSplits.add(depth);
      continue;
    }
    let child = node.next.get(cls);
    if (!child) {
      child = { next: new Map(), entries: [] };
      node.next.set(cls, child);
    }
    node = child;
    depth++;
  }
  if (depth < 3) return false;
  freeSplits.delete(depth);
  node.entries.push({ brand, weak, freeSplits, length: depth });
  trie.maxLength = Math.max(trie.maxLength, depth);
  return true;
}
