// Styles live inside the banner's shadow root: the page cannot restyle it, it cannot restyle the page.
export const BANNER_CSS = `
:host { all: initial; display: block; margin: 8px 0 12px; contain: content; }
.banner {
  --accent: #b3261e; --bg: #fdecea; --fg: #3b0a07; --muted: #5f2b27; --button-bg: #ffffff; --button-fg: #3b0a07;
  position: relative;
  font: 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--fg); background: var(--bg); border: 1px solid var(--accent); border-left: 6px solid var(--accent);
  border-radius: 6px; padding: 8px 10px; max-width: 100%; box-sizing: border-box;
}
.banner[data-level="warning"] { --accent: #9a4a07; --bg: #fff4e5; --fg: #3d2303; --muted: #5c3d12; --button-fg: #3d2303; }
.banner[data-level="caution"] { --accent: #1f5fa8; --bg: #edf4fc; --fg: #0d2a4a; --muted: #2c4a6b; --button-fg: #0d2a4a; }
@media (prefers-color-scheme: dark) {
  .banner { --accent: #f2b8b5; --bg: #3a1512; --fg: #fde7e5; --muted: #f0c9c6; --button-bg: #2a0f0d; --button-fg: #fde7e5; }
  .banner[data-level="warning"] { --accent: #fbbf77; --bg: #3a2608; --fg: #fff1dc; --muted: #f4d9b0; --button-bg: #2a1b05; --button-fg: #fff1dc; }
  .banner[data-level="caution"] { --accent: #9cc4f2; --bg: #11263d; --fg: #e3efff; --muted: #bcd3ee; --button-bg: #0b1a2b; --button-fg: #e3efff; }
}
@media (forced-colors: active) { .banner { border-color: CanvasText; } }
p { margin: 0; }
.live { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.badge { display: inline-block; font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .04em;
  color: var(--bg); background: var(--accent); border-radius: 3px; padding: 0 5px; margin-right: 4px; vertical-align: 1px; }
.title { font-weight: 600; font-size: 14px; padding-right: 28px; }
.title:focus { outline: none; }
.title:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.dismiss { position: absolute; top: 4px; right: 4px; background: transparent; border: 0; color: var(--fg); font-size: 18px;
  line-height: 1; padding: 3px 7px; cursor: pointer; border-radius: 4px; min-width: 24px; min-height: 24px; }
.number-line { margin-top: 4px; }
.number { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tag, .more { color: var(--muted); }
.reason { margin-top: 4px; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; align-items: center; }
button.action { font: inherit; font-size: 13px; color: var(--button-fg); background: var(--button-bg);
  border: 1px solid var(--accent); border-radius: 4px; padding: 2px 9px; cursor: pointer; min-height: 24px; }
button.action[aria-disabled="true"] { opacity: .8; cursor: default; }
button:focus-visible { outline: 2px solid var(--fg); outline-offset: 2px; }
.status { font-size: 13px; }
.status:not(:empty) { margin-top: 6px; }
.status:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
.details:not([hidden]) { margin-top: 8px; border-top: 1px solid var(--accent); padding-top: 6px; font-size: 13px; }
.details-heading { font-weight: 600; margin-top: 6px; }
.details ul { margin: 2px 0 0; padding-left: 18px; }
.advice { margin-top: 4px; color: var(--muted); }
.codes { margin: 2px 0 0; }
.codes dt { margin-top: 2px; }
.codes dd { margin: 0 0 0 12px; overflow-wrap: anywhere; color: var(--muted); }
code { font: 12px ui-monospace, "Cascadia Mono", Consolas, monospace; }
.chip { display: flex; align-items: center; flex-wrap: wrap; gap: 2px 4px; padding: 4px 8px; }
`;
