/**
 * The preview's browser script, served at `/__upstream/live.js` and injected into every page.
 * It listens for rebuilds on a same-origin EventSource, reloads on a good one, and shows the
 * errors of a bad one over the page (built with DOM calls and textContent only: diagnostics
 * quote the author's text, which must not become markup).
 */
export const LIVE_JS = `(function () {
  'use strict';
  var meta = document.querySelector('meta[name="upstream-preview-version"]');
  var version = meta ? meta.getAttribute('content') : '';
  var overlay = null;
  function hide() { if (overlay) { overlay.remove(); overlay = null; } }
  function show(errors) {
    hide();
    overlay = document.createElement('div');
    overlay.id = 'upstream-overlay';
    overlay.setAttribute('role', 'alert');
    Object.assign(overlay.style, { position: 'fixed', inset: '0', zIndex: '2147483647', overflow: 'auto', background: 'rgba(20,20,20,0.94)',
      color: '#fff', font: '15px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', padding: '24px' });
    var h = document.createElement('h2');
    h.textContent = errors.length + (errors.length === 1 ? ' error' : ' errors') + ': the page shows the last good build';
    Object.assign(h.style, { color: '#ffb4b4', margin: '0 0 16px', font: 'bold 20px/1.3 system-ui, sans-serif' });
    overlay.appendChild(h);
    var list = document.createElement('ol');
    errors.forEach(function (e) {
      var li = document.createElement('li');
      li.style.marginBottom = '14px';
      var where = document.createElement('div');
      where.className = 'where';
      where.textContent = e.file + ':' + e.line + ':' + e.column + (e.ruleId ? '  [' + e.ruleId + ']' : '');
      where.style.color = '#9fd3ff';
      var what = document.createElement('div');
      what.className = 'message';
      what.textContent = e.message;
      li.appendChild(where);
      li.appendChild(what);
      if (e.hint) {
        var hint = document.createElement('div');
        hint.className = 'hint';
        hint.textContent = 'fix: ' + e.hint;
        hint.style.color = '#c8f7c5';
        li.appendChild(hint);
      }
      list.appendChild(li);
    });
    overlay.appendChild(list);
    var note = document.createElement('p');
    note.textContent = 'Save a fix and this page reloads by itself.';
    overlay.appendChild(note);
    document.body.appendChild(overlay);
  }
  var source = new EventSource('/__upstream/events');
  source.onmessage = function (event) {
    var state = JSON.parse(event.data);
    if (state.errors.length > 0) show(state.errors);
    else if (String(state.version) !== version) location.reload();
    else hide();
  };
})();
`;
