// Keyboard first: label keys toggle labels, Enter saves and moves on, j / k walk the queue, ? helps.
(function () {
  "use strict";
  function typing(event) {
    const t = event.target;
    return t && (t.tagName === "TEXTAREA" || (t.tagName === "INPUT" && t.type !== "checkbox") || t.tagName === "SELECT");
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const help = document.getElementById("help");
    if (event.key === "?") { help.hidden = !help.hidden; event.preventDefault(); return; }
    if (typing(event)) return;
    const form = document.getElementById("decision");
    if (event.key === "Enter" && form) { event.preventDefault(); form.requestSubmit(); return; }
    if (event.key === "j" || event.key === "k") {
      const link = document.getElementById(event.key === "j" ? "next" : "prev");
      if (link) { window.location.href = link.href; }
      return;
    }
    const label = document.querySelector('label.label[data-key="' + CSS.escape(event.key) + '"] input');
    if (label) { label.checked = !label.checked; event.preventDefault(); }
  });
})();
