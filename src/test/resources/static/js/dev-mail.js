// The dev mailbox reloads itself when a mail arrives: it polls the mail count (same origin) every two seconds.
(function () {
  var main = document.getElementById('main');
  var shown = main && main.getAttribute('data-mail-count');
  var url = main && main.getAttribute('data-count-url');
  if (shown === null || !url || !window.fetch) {
    return;
  }
  function poll() {
    if (document.hidden) {
      return;
    }
    fetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (body && String(body.count) !== shown) {
          window.location.reload();
        }
      })
      .catch(function () { /* the service is restarting: try again at the next tick */ });
  }
  setInterval(poll, 2000);
}());
