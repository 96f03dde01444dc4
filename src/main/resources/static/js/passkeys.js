/*
 * Passkeys: sign-in on /login (button and the browser's autofill UI) and adding a passkey on
 * /account/security/passkeys. CSP-safe (no inline script, no eval), no dependencies. It talks to Spring
 * Security's WebAuthn endpoints (/webauthn/authenticate/options, /login/webauthn, /webauthn/register/options)
 * and to ours (/account/security/passkeys), in the JSON Spring Security's own spring-security-webauthn.js sends.
 *
 * Markup contract: an element with data-passkey="sign-in" or data-passkey="register" carries
 *   data-csrf, data-csrf-header  the CSRF token (the cookie is HttpOnly) and its header name
 *   data-context                 the context path with a slash at its end ("/" at the root)
 *   data-msg-*                   the translated messages the script may show (in an element [data-passkey-status])
 * The sign-in element holds the button #passkey-sign-in; the register one #passkey-name and #passkey-register.
 * Buttons start hidden and are shown only where the browser supports WebAuthn.
 */
(function () {
  'use strict';

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return window.btoa(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  }

  function fromBase64Url(value) {
    var text = window.atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function base(root) {
    return (root.dataset.context || '/').replace(/\/$/, '');
  }

  function post(root, path, body) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    headers[root.dataset.csrfHeader] = root.dataset.csrf;
    return fetch(base(root) + path, {
      method: 'POST', headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  }

  function say(root, key, isError) {
    var status = root.querySelector('[data-passkey-status]');
    status.textContent = root.dataset[key] || '';
    status.className = isError ? 'alert alert-error' : (status.textContent ? 'alert alert-ok' : '');
  }

  function descriptors(list) {
    return (list || []).map(function (d) {
      return Object.assign({}, d, { id: fromBase64Url(d.id) });
    });
  }

  var ongoing = null;

  // One options request at a time: the autofill's request (started when the page loads) and a
  // click's must not race, or both would write the session at once (the second answer's
  // challenge must be the one the session keeps).
  var optionsInFlight = Promise.resolve();

  function fetchOptions(root, path) {
    var request = optionsInFlight.then(function () {
      return post(root, path);
    });
    optionsInFlight = request.catch(function () {});
    return request;
  }

  function newSignal() {
    if (ongoing) {
      ongoing.abort('A new passkey ceremony started');
    }
    ongoing = new AbortController();
    return ongoing.signal;
  }

  // The latest sign-in ceremony wins: a click stops the autofill's ceremony at its next step.
  // Once one has a passkey's answer and sends it, no other starts.
  var generation = 0;
  var sending = false;

  async function signIn(root, conditional) {
    var mine = ++generation;
    if (ongoing) {
      ongoing.abort('Another passkey ceremony started');
    }
    var optionsAnswer = await fetchOptions(root, '/webauthn/authenticate/options');
    if (mine !== generation) {
      return;
    }
    if (!optionsAnswer.ok) {
      throw new Error('options ' + optionsAnswer.status);
    }
    var options = await optionsAnswer.json();
    var request = {
      publicKey: Object.assign({}, options, {
        challenge: fromBase64Url(options.challenge),
        allowCredentials: descriptors(options.allowCredentials)
      }),
      signal: newSignal()
    };
    if (conditional) {
      request.mediation = 'conditional';
    }
    var credential = await navigator.credentials.get(request);
    if (mine !== generation || sending) {
      return;
    }
    sending = true;
    var response = credential.response;
    var answer = await post(root, '/login/webauthn', {
      id: credential.id,
      rawId: toBase64Url(credential.rawId),
      response: {
        authenticatorData: toBase64Url(response.authenticatorData),
        clientDataJSON: toBase64Url(response.clientDataJSON),
        signature: toBase64Url(response.signature),
        userHandle: response.userHandle ? toBase64Url(response.userHandle) : undefined
      },
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      authenticatorAttachment: credential.authenticatorAttachment
    });
    if (!answer.ok) {
      sending = false;
    }
    if (answer.status === 429) {
      say(root, 'msgThrottled', true);
      return;
    }
    if (answer.status === 423) {
      window.location.assign(base(root) + '/login?locked');
      return;
    }
    if (!answer.ok) {
      throw new Error('sign-in ' + answer.status);
    }
    var result = await answer.json();
    window.location.assign(result.redirectUrl || base(root) + '/account');
  }

  async function register(root, name) {
    var optionsAnswer = await fetchOptions(root, '/webauthn/register/options');
    if (!optionsAnswer.ok) {
      throw new Error('options ' + optionsAnswer.status);
    }
    var options = await optionsAnswer.json();
    var created = await navigator.credentials.create({
      publicKey: Object.assign({}, options, {
        user: Object.assign({}, options.user, { id: fromBase64Url(options.user.id) }),
        challenge: fromBase64Url(options.challenge),
        excludeCredentials: descriptors(options.excludeCredentials)
      }),
      signal: newSignal()
    });
    var response = created.response;
    var answer = await post(root, '/account/security/passkeys', {
      credential: {
        id: created.id,
        rawId: toBase64Url(created.rawId),
        response: {
          attestationObject: toBase64Url(response.attestationObject),
          clientDataJSON: toBase64Url(response.clientDataJSON),
          transports: response.getTransports ? response.getTransports() : []
        },
        type: created.type,
        clientExtensionResults: created.getClientExtensionResults(),
        authenticatorAttachment: created.authenticatorAttachment
      },
      label: name
    });
    var result = await answer.json().catch(function () { return {}; });
    if (result.registered) {
      window.location.assign(base(root) + '/account/security/passkeys?added');
      return;
    }
    say(root, result.outcome === 'invalid_name' ? 'msgName'
      : result.outcome === 'no_proof' ? 'msgProof'
        : result.outcome === 'too_many' ? 'msgTooMany' : 'msgFailed', true);
  }

  function setUpSignIn(root) {
    var button = root.querySelector('#passkey-sign-in');
    button.hidden = false;
    button.addEventListener('click', function () {
      if (sending) {
        return;
      }
      say(root, 'msgWaiting', false);
      signIn(root, false).catch(function () {
        say(root, 'msgFailed', true);
      });
    });
    if (window.PublicKeyCredential.isConditionalMediationAvailable) {
      window.PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
        if (available) {
          // The browser's autofill offers passkeys in the address field; a refusal or an
          // abort (the button started another ceremony) stays silent.
          signIn(root, true).catch(function () {});
        }
      });
    }
  }

  function setUpRegister(root) {
    var button = root.querySelector('#passkey-register');
    var name = root.querySelector('#passkey-name');
    root.querySelector('[data-passkey-form]').hidden = false;
    button.addEventListener('click', function () {
      if (!name.value.trim()) {
        say(root, 'msgName', true);
        name.focus();
        return;
      }
      button.disabled = true;
      say(root, 'msgWaiting', false);
      register(root, name.value).catch(function () {
        say(root, 'msgFailed', true);
      }).finally(function () {
        button.disabled = false;
      });
    });
  }

  function start() {
    var supported = !!(window.PublicKeyCredential && navigator.credentials && window.fetch);
    document.querySelectorAll('[data-passkey]').forEach(function (root) {
      if (!supported) {
        say(root, 'msgUnsupported', false);
        return;
      }
      if (root.dataset.passkey === 'sign-in') {
        setUpSignIn(root);
      }
      else if (root.dataset.passkey === 'register') {
        setUpRegister(root);
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  }
  else {
    start();
  }
})();
