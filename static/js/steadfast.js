// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Pre-select the browser's time zone in a fresh join form, if it is one of the choices.
  function detectZone() {
    var zone;
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return; }
    document.querySelectorAll("select[data-detect-zone]").forEach(function (select) {
      if (select.value) { return; }
      for (var i = 0; i < select.options.length; i++) {
        if (select.options[i].value === zone) { select.value = zone; return; }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    detectZone();
  });
})();

// Ask before destructive actions; without scripts the button simply submits.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var message = button && button.getAttribute("data-confirm");
  if (message && !window.confirm(message)) { event.preventDefault(); }
});
