/**
 * The runtime every SCO and AU page loads (`runtime/upstream.js` in the package): Upstream's own
 * small script, no library, no CDN. It shows the session one page at a time, scores the session's
 * quizzes, and talks to the LMS:
 * - SCORM 1.2 (`API`) and SCORM 2004 (`API_1484_11`), found by walking window.parent, then
 *   window.opener and its parents;
 * - cmi5: the launch URL's `endpoint`, `fetch`, `actor`, `registration` and `activityId`; it gets the
 *   auth token, reads LMS.LaunchData, sends initialized / completed / passed or failed / terminated
 *   statements, and keeps the learner's place in the xAPI State API;
 * - none found: the page still works, it just reports nothing.
 * Progress is committed on every page turn and on `pagehide` / `visibilitychange`, not on `unload`
 * alone. Reflection text is never sent or stored.
 */
export const SCO_RUNTIME = String.raw`/* Upstream SCO runtime. No dependencies. */
(function () {
  'use strict';
  var cfgEl = document.getElementById('upstream-config');
  if (!cfgEl) return;
  var cfg = JSON.parse(cfgEl.textContent);
  var pages = Array.prototype.slice.call(document.querySelectorAll('.upstream-page'));
  var state = { p: 0, s: [], a: {}, r: null };
  var started = Date.now();
  var finished = false;
  var lms = null;

  function findApi(name) {
    function walk(w) {
      for (var n = 0; w && n < 20; n++) {
        try { if (w[name]) return w[name]; } catch (e) { return null; }
        if (!w.parent || w.parent === w) break;
        w = w.parent;
      }
      return null;
    }
    var found = window.parent && window.parent !== window ? walk(window.parent) : null;
    if (!found) { try { found = walk(window); } catch (e) { found = null; } }
    if (!found && window.opener) { try { found = walk(window.opener); } catch (e) { found = null; } }
    return found;
  }

  function pad(n, w) { n = String(n); while (n.length < w) n = '0' + n; return n; }
  function elapsed() { return Math.max(0, Math.round((Date.now() - started) / 1000)); }

  function scorm12(api) {
    return {
      init: function () { return String(api.LMSInitialize('')) === 'true'; },
      get: function (k) { return api.LMSGetValue(k); },
      set: function (k, v) { return api.LMSSetValue(k, String(v)); },
      commit: function () { api.LMSCommit(''); },
      finish: function () { api.LMSFinish(''); },
      entry: 'cmi.core.entry', location: 'cmi.core.lesson_location',
      report: function (st) {
        var s = st.quiz ? (st.passed ? 'passed' : 'failed') : (st.complete ? 'completed' : 'incomplete');
        this.set('cmi.core.lesson_status', s);
        if (st.quiz) {
          this.set('cmi.core.score.min', 0);
          this.set('cmi.core.score.max', st.max);
          this.set('cmi.core.score.raw', st.raw);
        }
      },
      exit: function (complete) {
        var t = elapsed();
        this.set('cmi.core.session_time', pad(Math.floor(t / 3600), 4) + ':' + pad(Math.floor(t / 60) % 60, 2) + ':' + pad(t % 60, 2));
        this.set('cmi.core.exit', complete ? '' : 'suspend');
      }
    };
  }

  function scorm2004(api) {
    return {
      init: function () { return String(api.Initialize('')) === 'true'; },
      get: function (k) { return api.GetValue(k); },
      set: function (k, v) { return api.SetValue(k, String(v)); },
      commit: function () { api.Commit(''); },
      finish: function () { api.Terminate(''); },
      entry: 'cmi.entry', location: 'cmi.location',
      report: function (st) {
        this.set('cmi.progress_measure', st.progress);
        this.set('cmi.completion_status', st.complete ? 'completed' : 'incomplete');
        if (st.quiz) {
          this.set('cmi.score.min', 0);
          this.set('cmi.score.max', st.max);
          this.set('cmi.score.raw', st.raw);
          this.set('cmi.score.scaled', st.max > 0 ? Math.round((st.raw / st.max) * 10000) / 10000 : 0);
          this.set('cmi.success_status', st.passed ? 'passed' : 'failed');
        }
      },
      exit: function (complete) {
        this.set('cmi.session_time', 'PT' + elapsed() + 'S');
        this.set('cmi.exit', complete ? 'normal' : 'suspend');
      }
    };
  }

  /* cmi5: the launch parameters name an LRS endpoint and a one-time token URL. */
  function cmi5() {
    var q = new URLSearchParams(location.search);
    var endpoint = q.get('endpoint'), fetchUrl = q.get('fetch'), reg = q.get('registration'), act = q.get('activityId');
    var actor; try { actor = JSON.parse(q.get('actor')); } catch (e) { actor = null; }
    if (!endpoint || !fetchUrl || !reg || !act || !actor) return null;
    if (endpoint.charAt(endpoint.length - 1) !== '/') endpoint += '/';
    var auth = null, context = null, sent = {}, saved = null;
    var headers = function () { return { 'Authorization': auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' }; };
    var stateUrl = function (id) {
      return endpoint + 'activities/state?activityId=' + encodeURIComponent(act) + '&agent=' + encodeURIComponent(JSON.stringify(actor)) + '&registration=' + encodeURIComponent(reg) + '&stateId=' + encodeURIComponent(id);
    };
    var uuid = function () {
      var b = new Uint8Array(16); crypto.getRandomValues(b); b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
      var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
      return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    };
    var verbs = {
      initialized: 'http://adlnet.gov/expapi/verbs/initialized', completed: 'http://adlnet.gov/expapi/verbs/completed',
      passed: 'http://adlnet.gov/expapi/verbs/passed', failed: 'http://adlnet.gov/expapi/verbs/failed',
      terminated: 'http://adlnet.gov/expapi/verbs/terminated'
    };
    function statement(verb, result, keepalive) {
      if (!auth) return Promise.resolve();
      var ctx = JSON.parse(JSON.stringify(context || {}));
      ctx.registration = reg;
      ctx.contextActivities = ctx.contextActivities || {};
      /* Every statement here is cmi5-defined; the verdicts and completion also count for moveOn. */
      var cat = ctx.contextActivities.category || [];
      cat.push({ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5', objectType: 'Activity' });
      if (verb === 'passed' || verb === 'failed' || verb === 'completed') cat.push({ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon', objectType: 'Activity' });
      ctx.contextActivities.category = cat;
      var st = { id: uuid(), actor: actor, verb: { id: verbs[verb], display: { 'en-US': verb } }, object: { id: act, objectType: 'Activity' }, context: ctx, timestamp: new Date().toISOString() };
      if (result) st.result = result;
      return fetch(endpoint + 'statements', { method: 'POST', headers: headers(), body: JSON.stringify(st), keepalive: !!keepalive }).catch(function () {});
    }
    return {
      cmi5: true,
      start: function () {
        return fetch(fetchUrl, { method: 'POST' }).then(function (r) { return r.json(); }).then(function (j) {
          auth = 'Basic ' + j['auth-token'];
          return fetch(stateUrl('LMS.LaunchData'), { headers: headers() }).then(function (r) { return r.ok ? r.json() : {}; });
        }).then(function (ld) {
          context = ld && ld.contextTemplate || {};
          if (ld && typeof ld.masteryScore === 'number') cfg.mastery = ld.masteryScore;
          return fetch(stateUrl('upstream.place'), { headers: headers() }).then(function (r) { return r.ok ? r.text() : ''; });
        }).then(function (text) { saved = text || null; return statement('initialized'); }).then(function () { return true; }, function () { return false; });
      },
      restore: function () { return saved; },
      save: function (text, keepalive) {
        if (!auth) return;
        fetch(stateUrl('upstream.place'), { method: 'PUT', headers: headers(), body: text, keepalive: !!keepalive }).catch(function () {});
      },
      report: function (st, keepalive) {
        if (st.complete && !sent.completed) { sent.completed = true; statement('completed', { completion: true, duration: 'PT' + elapsed() + 'S' }, keepalive); }
        if (st.quiz && !sent.judged) {
          var scaled = st.max > 0 ? Math.round((st.raw / st.max) * 10000) / 10000 : 0;
          sent.judged = true; /* cmi5: one passed or failed per session; a retake counts in a later session */
          statement(st.passed ? 'passed' : 'failed', { success: st.passed, score: { scaled: scaled, raw: st.raw, min: 0, max: st.max }, duration: 'PT' + elapsed() + 'S' }, keepalive);
        }
      },
      finish: function () { statement('terminated', { duration: 'PT' + elapsed() + 'S' }, true); }
    };
  }

  function summary() {
    var seen = 0;
    for (var i = 0; i < pages.length; i++) if (state.s[i]) seen++;
    var out = { progress: pages.length ? Math.round((seen / pages.length) * 100) / 100 : 1, complete: seen === pages.length, quiz: false, raw: 0, max: cfg.max, passed: false, scoredAt: null };
    if (state.r) {
      out.quiz = true; out.raw = state.r.raw; out.scoredAt = state.r.at;
      out.passed = cfg.max === 0 || state.r.raw / cfg.max >= (cfg.mastery == null ? 0 : cfg.mastery);
    }
    return out;
  }

  function save(keepalive) {
    if (!lms) return;
    var text = JSON.stringify(state);
    try {
      if (lms.cmi5) {
        lms.save(text, keepalive);
        lms.report(summary(), keepalive);
        return;
      }
      lms.set('cmi.suspend_data', text);
      lms.set(lms.location, String(state.p));
      lms.report(summary());
      lms.commit();
    } catch (e) { /* the LMS refused a value; the page keeps working */ }
  }

  function finish() {
    if (finished || !lms) return;
    finished = true;
    try {
      if (lms.cmi5) { save(true); lms.finish(); return; }
      save(false);
      lms.exit(summary().complete);
      lms.commit();
      lms.finish();
    } catch (e) { /* ignore */ }
  }

  /* Pages */
  var nav = document.getElementById('upstream-nav');
  var counter = document.getElementById('upstream-counter');
  var prev = document.getElementById('upstream-prev');
  var next = document.getElementById('upstream-next');
  function show(i, focus) {
    if (!pages.length) return;
    i = Math.max(0, Math.min(pages.length - 1, i));
    for (var k = 0; k < pages.length; k++) pages[k].hidden = k !== i;
    state.p = i;
    state.s[i] = 1;
    if (counter) counter.textContent = 'Page ' + (i + 1) + ' of ' + pages.length;
    if (prev) prev.disabled = i === 0;
    if (next) next.disabled = i === pages.length - 1;
    document.body.setAttribute('data-page', String(i));
    if (focus) { var h = pages[i].querySelector('h1, h2, h3'); if (h) { h.setAttribute('tabindex', '-1'); h.focus(); } window.scrollTo(0, 0); }
    save(false);
  }
  if (nav) nav.hidden = pages.length < 2;
  if (prev) prev.addEventListener('click', function () { show(state.p - 1, true); });
  if (next) next.addEventListener('click', function () { show(state.p + 1, true); });

  /* Quizzes */
  var key = cfg.key || {};
  function answersOf(form, item) {
    var name = 'q-' + form.getAttribute('data-quiz') + '-' + item.id;
    var els = form.querySelectorAll('[name="' + name + '"]');
    var out = [];
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.type === 'radio' || el.type === 'checkbox') { if (el.checked) out.push(el.value); }
      else if (item.type === 'short-answer' && el.value.trim()) out.push(el.value);
    }
    return out;
  }
  function setAnswers(form, item, values) {
    var name = 'q-' + form.getAttribute('data-quiz') + '-' + item.id;
    var els = form.querySelectorAll('[name="' + name + '"]');
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.type === 'radio' || el.type === 'checkbox') el.checked = values.indexOf(el.value) >= 0;
      else if (item.type === 'short-answer') el.value = values[0] || '';
    }
  }
  function norm(s) { return String(s).trim().toLowerCase().replace(/\s+/g, ' '); }
  function isRight(item, values) {
    if (item.type === 'true-false') return values.length === 1 && values[0] === String(item.answer);
    if (item.type === 'single-choice' || item.type === 'multiple-response') {
      var c = (item.correct || []).slice().sort().join('|');
      return values.length > 0 && values.slice().sort().join('|') === c;
    }
    if (item.type === 'short-answer') return values.length === 1 && (item.accept || []).some(function (a) { return norm(a) === norm(values[0]); });
    return null;
  }
  function mark(form, show) {
    var raw = 0;
    var quizKey = key[form.getAttribute('data-quiz')] || [];
    for (var i = 0; i < quizKey.length; i++) {
      var item = quizKey[i];
      var values = answersOf(form, item);
      state.a[item.id] = values;
      var right = isRight(item, values);
      if (right) raw += item.points;
      if (!show) continue;
      var fs = form.querySelector('[data-item="' + item.id + '"]');
      if (!fs || right === null) continue;
      var fbs = fs.querySelectorAll('.upstream-fb');
      for (var k = 0; k < fbs.length; k++) {
        var f = fbs[k];
        var when = f.getAttribute('data-when'), choice = f.getAttribute('data-choice');
        f.hidden = !(when ? (when === 'correct') === right : values.indexOf(choice) >= 0);
      }
      var m = fs.querySelector('.upstream-mark');
      if (m) m.textContent = right ? 'Correct.' : (values.length ? 'Not quite.' : 'Not answered.');
      fs.setAttribute('data-result', right ? 'correct' : 'incorrect');
    }
    return raw;
  }
  var forms = Array.prototype.slice.call(document.querySelectorAll('form.upstream-quiz'));
  function scoreAll(show) {
    var raw = 0;
    for (var i = 0; i < forms.length; i++) raw += mark(forms[i], show);
    return raw;
  }
  function announce() {
    if (!state.r) return;
    var s = summary();
    var text = 'Score: ' + s.raw + ' of ' + s.max + '. ' + (s.passed ? 'Passed.' : 'Not yet passed: review the feedback and try again.');
    for (var i = 0; i < forms.length; i++) { var r = forms[i].querySelector('.upstream-result'); if (r) r.textContent = text; }
  }
  forms.forEach(function (form) {
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var raw = scoreAll(true);
      state.r = { raw: raw, at: Date.now() };
      announce();
      save(false);
    });
  });

  /* Saving when the learner leaves: pagehide and visibilitychange too, since browsers drop unload. */
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') save(true); });
  window.addEventListener('pagehide', finish);
  window.addEventListener('beforeunload', finish);
  window.addEventListener('unload', finish);

  function begin(restored) {
    if (restored) {
      try {
        var old = JSON.parse(restored);
        if (old && typeof old === 'object') {
          state.s = Array.isArray(old.s) ? old.s : [];
          state.a = old.a && typeof old.a === 'object' ? old.a : {};
          state.r = old.r || null;
          state.p = typeof old.p === 'number' ? old.p : 0;
        }
      } catch (e) { /* unreadable: start again */ }
      forms.forEach(function (form) {
        (key[form.getAttribute('data-quiz')] || []).forEach(function (item) { if (state.a[item.id]) setAnswers(form, item, state.a[item.id]); });
      });
      if (state.r) { scoreAll(true); announce(); }
    }
    show(state.p, false);
    document.documentElement.setAttribute('data-upstream', lms ? 'connected' : 'standalone');
  }

  var api = null;
  if (cfg.standard === 'scorm12') { api = findApi('API'); if (api) lms = scorm12(api); }
  else if (cfg.standard === 'scorm2004') { api = findApi('API_1484_11'); if (api) lms = scorm2004(api); }
  else if (cfg.standard === 'cmi5') lms = cmi5();

  if (lms && lms.cmi5) {
    lms.start().then(function (ok) { if (!ok) lms = null; begin(lms ? lms.restore() : null); });
  } else if (lms) {
    if (!lms.init()) { lms = null; begin(null); }
    else {
      var entry = lms.get(lms.entry);
      var suspended = lms.get('cmi.suspend_data');
      if (!suspended && entry === 'resume') {
        var loc = parseInt(lms.get(lms.location), 10);
        if (!isNaN(loc)) suspended = JSON.stringify({ p: loc });
      }
      begin(suspended || null);
    }
  } else begin(null);
})();
`;
