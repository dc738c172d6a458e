import type { Link } from '../types.ts';
import { htmlToText } from './html-to-text.ts';
import type { TextGroup } from './run-postal-mime.ts';
import { plainTextLinks } from './plain-links.ts';
import { plainAddsContent } from './plain-adds-content.ts';
import { repairC1 } from './windows-1252.ts';

export interface BodyText {
  /** What the reader sees: each HTML part rendered, or the plain part where there is no HTML. */
  text: string;
  hidden: string;
  html?: string;
  links: Link[];
  /** Plain-text alternatives that say something their HTML does not (shown to plain-text readers). */
  plainAlternatives: string[];
}

const MARKUP_START = /^\s*(?:<!doctype html|<html|<head|<body|<div|<table|<p[\s>]|<center|<span|<meta|<style|<br)/i;
const MARKUP_END = /<\/(?:html|body|div|table|p|center|span)>\s*$/i;

/** A text/plain part that is really an HTML document or fragment. */
function isMarkup(text: string): boolean {
  return MARKUP_START.test(text) && MARKUP_END.test(text.slice(-200));
}

function hasContent(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/**
 * Builds the visible body from the message's text parts. Where a part has HTML, the HTML rendering is the
 * body: that is what a webmail reader sees, hidden text is kept apart, and hard-wrapped plain text does not
 * split numbers. A plain alternative joins only as an extra part, and only when it adds content; it is the
 * body when the HTML shows no text (an image-only HTML part).
 */
export function bodyText(groups: readonly TextGroup[]): BodyText {
  const sections: string[] = [];
  const hidden: string[] = [];
  const htmlParts: string[] = [];
  const links: Link[] = [];
  const plainAlternatives: string[] = [];
  for (const raw of groups) {
    const group = { plain: raw.plain.map(repairC1), html: raw.html.map(repairC1) };
    // Senders often label HTML as text/plain; such a part is rendered like the HTML it is.
    const markup = group.plain.filter(isMarkup);
    const html = markup.length ? [...group.html, ...markup] : group.html;
    const plain = group.plain.filter((p) => !isMarkup(p)).map((p) => p.trim()).filter(hasContent).join('\n\n');
    if (html.length === 0) {
      if (plain) {
        sections.push(plain);
        links.push(...plainTextLinks(plain));
      }
      continue;
    }
    const rendered = html.map((part) => htmlToText(part));
    htmlParts.push(...group.html);
    const visible = rendered.map((r) => r.visible).filter(Boolean).join('\n\n');
    const hiddenText = rendered.map((r) => r.hidden).filter(Boolean).join('\n');
    if (hiddenText) hidden.push(hiddenText);
    for (const r of rendered) links.push(...r.links);
    if (!hasContent(visible)) {
      if (plain) {
        sections.push(plain);
        links.push(...plainTextLinks(plain));
      }
      continue;
    }
    sections.push(visible);
    const combined = { visible, hidden: hiddenText, links: rendered.flatMap((r) => r.links) };
    if (plain && plainAddsContent(plain, combined)) plainAlternatives.push(plain);
  }
  const body: BodyText = { text: sections.join('\n\n'), hidden: hidden.join('\n'), links, plainAlternatives };
  if (htmlParts.length) body.html = htmlParts.join('\n');
  return body;
}
