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

  // Similar topics while a new topic's title is typed: the server renders the list (the
  // Preview button shows the same list without script).
  function similarTopics() {
    if (!window.fetch) { return; }
    document.querySelectorAll("input[data-similar-target]").forEach(function (input) {
      var target = document.getElementById(input.getAttribute("data-similar-target"));
      var url = input.getAttribute("data-similar-url");
      if (!target || !url) { return; }
      var timer, controller, last = input.value.trim();
      input.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(function () {
          var title = input.value.trim();
          if (title === last) { return; }
          last = title;
          if (controller) { controller.abort(); }
          if (title.length < 5) { target.innerHTML = ""; return; }
          controller = window.AbortController ? new AbortController() : null;
          fetch(url + "?title=" + encodeURIComponent(title),
              { credentials: "same-origin", headers: { Accept: "text/html" }, signal: controller && controller.signal })
            .then(function (response) { return response.ok ? response.text() : ""; })
            .then(function (html) { target.innerHTML = html; })
            .catch(function () { /* a newer request replaced this one, or the network failed: keep what is shown */ });
        }, 350);
      });
    });
  }

  // A running search index rebuild: refresh its progress until it finishes (without script,
  // the page has a Refresh link).
  function refreshProgress() {
    var box = document.querySelector("[data-refresh]");
    if (!box || !window.fetch) { return; }
    function poll() {
      fetch(box.getAttribute("data-refresh"), { credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (html === null) { return; }
          var holder = document.createElement("div");
          holder.innerHTML = html.trim();
          var fresh = holder.firstElementChild;
          if (!fresh) { return; }
          box.replaceWith(fresh);
          box = fresh;
          if (box.hasAttribute("data-refresh")) { setTimeout(poll, 1000); }
        })
        .catch(function () { /* try again on the next page load */ });
    }
    setTimeout(poll, 1000);
  }

  // The SOS wait: the page shows the time left when it loads (and a link to look again);
  // with script the bar and the minutes move by themselves.
  function sosTimer() {
    document.querySelectorAll("[data-sos-until]").forEach(function (box) {
      var until = Date.parse(box.getAttribute("data-sos-until"));
      var bar = box.querySelector("progress");
      var label = box.querySelector("[data-sos-remaining]");
      if (isNaN(until) || !bar || !label) { return; }
      var total = Number(bar.getAttribute("max"));
      var template = label.textContent.replace(/^\d+/, "{n}");
      function tick() {
        var left = Math.max(0, Math.round((until - Date.now()) / 1000));
        bar.value = total - left;
        if (left === 0) { return; }
        var minutes = Math.ceil(left / 60);
        if (template.indexOf("{n}") === 0) { label.textContent = template.replace("{n}", minutes); }
        setTimeout(tick, 1000);
      }
      tick();
    });
  }

  // Drafts while typing: a form with data-draft-place is posted to data-draft-url a few seconds
  // after the typing stops, only when it changed, one request at a time, and never again once the
  // server refused (a slow phone sends little). Without script the draft is kept when the form is sent.
  function drafts() {
    if (!window.fetch || !window.URLSearchParams || !window.FormData) { return; }
    document.querySelectorAll("form[data-draft-place]").forEach(function (form) {
      var url = form.getAttribute("data-draft-url");
      var status = form.querySelector("[data-draft-status]");
      if (!url) { return; }
      var timer, busy = false, again = false, stopped = false;
      var last = fields();
      function fields() {
        var params = new URLSearchParams();
        new FormData(form).forEach(function (value, name) {
          if (name !== "formToken" && name !== "preview" && typeof value === "string") { params.append(name, value); }
        });
        params.set("place", form.getAttribute("data-draft-place"));
        return params.toString();
      }
      function tell(text) { if (status) { status.textContent = text; } }
      function save() {
        if (stopped) { return; }
        if (busy) { again = true; return; }
        var body = fields();
        if (body === last) { return; }
        busy = true;
        fetch(url, { method: "POST", credentials: "same-origin", body: body,
            headers: { "Content-Type": "application/x-www-form-urlencoded" } })
          .then(function (response) {
            if (response.status === 204) {
              last = body;
              tell(status && status.getAttribute("data-saved"));
              return null;
            }
            // Refused (too long) or the session ended: say so once and stop; sending the form keeps it.
            stopped = true;
            return response.status === 400 ? response.text() : (status && status.getAttribute("data-not-saved"));
          })
          .then(function (text) { if (text) { tell(text); } })
          .catch(function () { /* offline: the next pause in typing tries again */ })
          .then(function () {
            busy = false;
            if (again) { again = false; schedule(); }
          });
      }
      function schedule() { clearTimeout(timer); timer = setTimeout(save, 4000); }
      form.addEventListener("input", schedule);
      form.addEventListener("submit", function () { stopped = true; clearTimeout(timer); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drafts();
    sosTimer();
    detectZone();
    similarTopics();
    refreshProgress();
  });
})();

// Ask before destructive actions; without scripts the button simply submits.
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var message = button && button.getAttribute("data-confirm");
  if (message && !window.confirm(message)) { event.preventDefault(); }
});
