// Enhances the account menu, which already opens on hover and keyboard focus through CSS alone:
// the button toggles it for taps and clicks, Escape closes it and gives focus back to the button.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('account-menu-button');
  var menu = document.getElementById('account-menu');
  if (!button || !menu) {
    return;
  }
  var nav = button.parentElement;
  function setOpen(open) {
    button.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  }
  button.addEventListener('click', function () {
    setOpen(button.getAttribute('aria-expanded') !== 'true');
  });
  nav.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      setOpen(false);
      button.focus();
    }
    if (event.key === 'ArrowDown' && event.target === button) {
      event.preventDefault();
      setOpen(true);
      var first = menu.querySelector('a, button');
      if (first) {
        first.focus();
      }
    }
  });
  nav.addEventListener('focusout', function (event) {
    if (!nav.contains(event.relatedTarget)) {
      setOpen(false);
    }
  });
});
