// Styles live inside the banner's shadow root: the page cannot restyle it, it cannot restyle the page.
export const BANNER_CSS = `
:host { all: initial; display: block; margin: 8px 0 12px; contain: content; }
.banner {
  --accent: #b3261e; --bg: #fdecea; --fg: #3b0a07; --muted: #5f2b27; --button-bg: #ffffff; --button-fg: #3b0a07;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--fg); background: var(--bg); border: 1px solid var(--accent); border-left: 6px solid var(--accent);
  border-radius: 6px; padding: 10px 12px; max-width: 100%; box-sizing: border-box;
}
.banner[data-level="warning"] { --accent: #b45309; --bg: #fff4e5; --fg: #3d2303; --muted: #5c3d12; --button-fg: #3d2303; }
.banner[data-level="caution"] { --accent: #1f5fa8; --bg: #edf4fc; --fg: #0d2a4a; --muted: #2c4a6b; --button-fg: #0d2a4a; }
@media (prefers-color-scheme: dark) {
  .banner { --accent: #f2b8b5; --bg: #3a1512; --fg: #fde7e5; --muted: #f0c9c6; --button-bg: #2a0f0d; --button-fg: #fde7e5; }
  .banner[data-level="warning"] { --accent: #fbbf77; --bg: #3a2608; --fg: #fff1dc; --muted: #f4d9b0; --button-bg: #2a1b05; --button-fg: #fff1dc; }
  .banner[data-level="caution"] { --accent: #9cc4f2; --bg: #11263d; --fg: #e3efff; --muted: #bcd3ee; --button-bg: #0b1a2b; --button-fg: #e3efff; }
}
@media (forced-colors: active) { .banner { border-color: CanvasText; } }
.head { display: flex; align-items: flex-start; gap: 8px; }
.badge { flex: none; font-weight: 700; text-transform: uppercase; font-size: 12px; letter-spacing: .04em;
  color: var(--bg); background: var(--accent); border-radius: 3px; padding: 1px 6px; margin-top: 1px; }
.title { flex: 1; font-weight: 600; margin: 0; font-size: 14px; }
.dismiss { flex: none; background: transparent; border: 0; color: var(--fg); font-size: 18px; line-height: 1;
  padding: 2px 6px; cursor: pointer; border-radius: 4px; }
.numbers { margin: 6px 0 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 6px 14px; }
.number { font-weight: 700; font-variant-numeric: tabular-nums; }
.tag { font-size: 12px; color: var(--muted); margin-left: 4px; }
.reasons { margin: 6px 0 0; padding-left: 18px; }
.advice { margin: 6px 0 0; color: var(--muted); }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; align-items: center; }
button.action { font: inherit; font-size: 13px; color: var(--button-fg); background: var(--button-bg);
  border: 1px solid var(--accent); border-radius: 4px; padding: 3px 10px; cursor: pointer; }
button.action[disabled] { opacity: .7; cursor: default; }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.status { font-size: 13px; }
.details { margin-top: 8px; border-top: 1px solid var(--accent); padding-top: 6px; font-size: 13px; }
.details dt { font-weight: 600; margin-top: 4px; }
.details dd { margin: 0 0 0 12px; overflow-wrap: anywhere; }
`;
