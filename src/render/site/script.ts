/**
 * The learner site's script, written to `site/upstream.js` and loaded with `defer` (the CSP
 * allows local script files only). It checks quizzes in the browser and keeps reflections in
 * localStorage; it makes no network request. Plain ES2015 so that old LMS browsers run it.
 */
export const SITE_JS = `(function () {
  'use strict';
  var norm = function (s) { return String(s).trim().toLowerCase().replace(/\\s+/g, ' '); };
  var each = function (root, selector, fn) { Array.prototype.forEach.call(root.querySelectorAll(selector), fn); };

  function checkItem(item) {
    var type = item.getAttribute('data-type');
    var answered = false;
    var correct = true;
    if (type === 'short-answer') {
      var input = item.querySelector('input[type="text"]');
      var accept = [];
      try { accept = JSON.parse(input.getAttribute('data-accept') || '[]').map(norm); } catch (e) { accept = []; }
      answered = norm(input.value) !== '';
      correct = answered && accept.indexOf(norm(input.value)) >= 0;
    } else {
      each(item, 'input[type="radio"], input[type="checkbox"]', function (input) {
        var isCorrect = input.getAttribute('data-correct') === 'true';
        if (input.checked) answered = true;
        if (input.checked !== isCorrect) correct = false;
        var fb = document.getElementById(input.id + '-feedback');
        if (fb) fb.hidden = !input.checked;
      });
      correct = answered && correct;
    }
    each(item, '[data-when]', function (fb) {
      var when = fb.getAttribute('data-when');
      fb.hidden = !answered || (when === 'correct' && !correct) || (when === 'incorrect' && correct);
    });
    var result = item.querySelector('.result');
    result.hidden = false;
    result.className = 'result ' + (!answered ? 'unanswered' : correct ? 'correct' : 'incorrect');
    result.textContent = !answered ? 'Not answered.' : correct ? 'Correct.' : 'Not quite.';
    return { answered: answered, correct: correct };
  }

  function clearItem(item) {
    each(item, '.choice-feedback, [data-when], .result', function (el) { el.hidden = true; });
    var result = item.querySelector('.result');
    result.className = 'result';
    result.textContent = '';
  }

  each(document, 'form[data-quiz]', function (form) {
    var score = form.querySelector('.score');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var got = 0, total = 0, right = 0, count = 0, unanswered = 0;
      each(form, 'fieldset[data-checked]', function (item) {
        var points = Number(item.getAttribute('data-points') || '1');
        var r = checkItem(item);
        count += 1; total += points;
        if (r.correct) { right += 1; got += points; }
        if (!r.answered) unanswered += 1;
      });
      score.textContent = 'You answered ' + right + ' of ' + count + ' questions correctly (' + got + ' of ' + total + ' points).' +
        (unanswered ? ' ' + unanswered + ' not answered.' : '') + ' Feedback is under each question.';
    });
    form.addEventListener('reset', function () {
      each(form, 'fieldset[data-checked]', clearItem);
      score.textContent = '';
    });
  });

  var store = null;
  try {
    store = window.localStorage;
    store.setItem('upstream-test', '1');
    store.removeItem('upstream-test');
  } catch (e) { store = null; }

  each(document, '[data-store]', function (box) {
    var key = box.getAttribute('data-store');
    var area = box.querySelector('textarea');
    var status = box.querySelector('.save-status');
    var clear = box.querySelector('button[data-clear]');
    var timer = 0;
    if (!store) {
      status.textContent = 'This browser cannot keep your text: copy it somewhere before you leave the page.';
      if (clear) clear.hidden = true;
      return;
    }
    var saved = store.getItem(key);
    if (saved) { area.value = saved; status.textContent = 'Restored from this browser.'; }
    area.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (area.value) store.setItem(key, area.value); else store.removeItem(key);
        status.textContent = 'Saved in this browser only.';
      }, 400);
    });
    if (clear) clear.addEventListener('click', function () {
      clearTimeout(timer);
      area.value = '';
      store.removeItem(key);
      status.textContent = 'Cleared from this browser.';
      area.focus();
    });
  });
})();
`;
