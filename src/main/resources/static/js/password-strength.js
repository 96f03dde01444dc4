/*
 * Password strength meter: progressive enhancement, no dependencies, CSP-safe (no inline script, no eval).
 * Load with <script src="/js/password-strength.js" defer></script>. Without JavaScript the form works unchanged.
 *
 * Markup contract (the page supplies the translated labels, from password.strength.* messages):
 *
 *   <input type="password" id="password" name="password" autocomplete="new-password"
 *          data-strength-meter="password-strength" data-min-length="15">
 *   <label for="password-strength">Password strength</label>
 *   <meter id="password-strength" min="0" max="4" low="2" high="3" optimum="4" value="0" hidden
 *          data-label-0="Very weak" data-label-1="Weak" data-label-2="Fair"
 *          data-label-3="Strong" data-label-4="Very strong"></meter>
 *   <span id="password-strength-text" aria-live="polite" hidden></span>
 *
 * data-strength-meter holds the id of the <meter>; the text label is the element with that id plus "-text".
 * The estimate is only a hint: length in code points against data-min-length, character variety and a penalty
 * for repeats. The server's policy (length, common passwords, personal words) decides. The password never
 * leaves this script: nothing is sent, stored or logged.
 */
(function () {
  'use strict';

  var DEFAULT_MIN_LENGTH = 15;

  function characterClasses(chars) {
    var tests = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /\s/u, /[^\p{L}\p{N}\s]/u];
    var found = 0;
    tests.forEach(function (test) {
      if (chars.some(function (c) { return test.test(c); })) {
        found++;
      }
    });
    return found;
  }

  // Length that counts: runs like "aaaa" count once, and few distinct characters cap it ("abababab").
  function effectiveLength(chars) {
    var collapsed = 0;
    var distinct = new Set();
    chars.forEach(function (c, i) {
      distinct.add(c);
      if (i === 0 || c !== chars[i - 1]) {
        collapsed++;
      }
    });
    return Math.min(collapsed, distinct.size * 4);
  }

  function score(password, minLength) {
    var chars = Array.from(password); // code points, so an emoji counts once
    var effective = effectiveLength(chars);
    if (effective < minLength / 2) {
      return 0;
    }
    if (effective < minLength) {
      return 1;
    }
    var result = 2;
    if (effective >= minLength * 1.5) {
      result++;
    }
    if (effective >= minLength * 2 || characterClasses(chars) >= 3) {
      result++;
    }
    return Math.min(result, 4);
  }

  function attach(input) {
    var meterId = input.getAttribute('data-strength-meter');
    var meter = meterId ? document.getElementById(meterId) : null;
    if (!meter) {
      return;
    }
    var text = document.getElementById(meterId + '-text');
    var minLength = parseInt(input.getAttribute('data-min-length'), 10);
    if (!(minLength > 0)) {
      minLength = DEFAULT_MIN_LENGTH;
    }

    function update() {
      var value = input.value;
      var level = value ? score(value, minLength) : 0;
      meter.value = level;
      if (text) {
        text.textContent = value ? (meter.getAttribute('data-label-' + level) || '') : '';
      }
    }

    meter.hidden = false;
    if (text) {
      text.hidden = false;
    }
    input.addEventListener('input', update);
    update();
  }

  function init() {
    var inputs = document.querySelectorAll('input[data-strength-meter]');
    Array.prototype.forEach.call(inputs, attach);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  }
  else {
    init();
  }
})();
