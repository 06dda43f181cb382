/** The stylesheet of package pages (`runtime/upstream.css`): readable, printable, no web fonts. */
export const PAGE_CSS = `:root { color-scheme: light; --ink: #1d2430; --muted: #4a5568; --line: #c8ced8; --accent: #0b5cad; --ok: #17643a; --bad: #9b1c1c; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0; font: 1.05rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.7rem; line-height: 1.25; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
a { color: var(--accent); }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; } th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; }
.segment-title { color: var(--muted); }
aside.note, .upstream-note, .upstream-private, .upstream-pointer { border-left: 4px solid var(--line); padding: .25rem .9rem; color: var(--muted); }
.upstream-private { border-color: var(--accent); }
fieldset.upstream-item { border: 1px solid var(--line); border-radius: 6px; margin: 1rem 0; padding: .75rem 1rem; }
fieldset.upstream-item legend { font-weight: 600; padding: 0 .3rem; }
.upstream-choice { margin: .35rem 0; }
.upstream-choice input { margin-right: .4rem; }
.upstream-fb { margin: .3rem 0 .3rem 1.6rem; font-size: .95rem; }
[data-result="correct"] .upstream-mark { color: var(--ok); font-weight: 600; }
[data-result="incorrect"] .upstream-mark { color: var(--bad); font-weight: 600; }
.upstream-result { font-weight: 600; }
textarea, input[type="text"] { width: 100%; font: inherit; padding: .4rem; }
button { font: inherit; padding: .45rem 1.1rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button:disabled { opacity: .45; cursor: default; }
button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
#upstream-nav { display: flex; gap: 1rem; align-items: center; justify-content: space-between; border-top: 1px solid var(--line); margin-top: 2rem; padding-top: 1rem; }
#upstream-nav[hidden] { display: none; }
.upstream-skip { position: absolute; left: -999px; } .upstream-skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .3rem; }
@media print { #upstream-nav { display: none; } .upstream-page[hidden] { display: block !important; } }
`;
