// "Leave quickly": the link works without this file; with it, leaving replaces this page in the
// tab's history (so Back does not return here, as far as the browser allows), and pressing Esc
// twice within a moment does the same from anywhere on the page.
(function () {
  "use strict";
  var WINDOW_MS = 1500;
  var lastEsc = 0;

  function target() {
    var link = document.querySelector("a[data-quick-exit]");
    return link && link.href;
  }

  function leave(url) {
    document.title = "";
    document.documentElement.style.visibility = "hidden";
    window.location.replace(url);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-quick-exit]");
    if (!link) { return; }
    event.preventDefault();
    leave(link.href);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var now = Date.now();
    if (now - lastEsc <= WINDOW_MS) {
      var url = target();
      if (url) { leave(url); }
      lastEsc = 0;
    } else {
      lastEsc = now;
    }
  });

  // From here on leaving replaces the page: said on the page, for whoever needs to know (tests).
  document.documentElement.setAttribute("data-quick-exit-ready", "");
})();
