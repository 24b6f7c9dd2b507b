/* argmap interactive map: pan and zoom, a claim's panel, search, legend, permalinks.
   Reads its data from <script id="argmap-data" type="application/json">; fetches nothing. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var svg = document.querySelector("#viewport svg");
  var viewport = document.getElementById("viewport");
  var panel = document.getElementById("panel");
  var search = document.getElementById("search");
  var count = document.getElementById("count");
  var claims = data.claims;
  var nodes = {};
  Array.prototype.forEach.call(svg.querySelectorAll("g.node[data-id]"), function (g) {
    nodes[g.getAttribute("data-id")] = g;
    var claim = claims[g.getAttribute("data-id")];
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    if (claim) g.setAttribute("aria-label", claim.speaker_name + ": " + claim.text);
    var title = g.querySelector("title");
    if (title) title.parentNode.removeChild(title);
  });

  /* -- pan and zoom: the SVG's viewBox ----------------------------------- */
  var full = svg.viewBox.baseVal;
  var home = { x: full.x, y: full.y, w: full.width, h: full.height };
  var view = { x: home.x, y: home.y, w: home.w, h: home.h };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  function apply() { svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].join(" ")); }
  function fit() { view = { x: home.x, y: home.y, w: home.w, h: home.h }; apply(); }
  function scale() {
    var r = svg.getBoundingClientRect();
    return Math.max(view.w / r.width, view.h / r.height);
  }
  function zoom(factor, cx, cy) {
    var w = Math.min(Math.max(view.w * factor, home.w / 40), home.w * 4);
    var f = w / view.w;
    if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
    view = { x: cx - (cx - view.x) * f, y: cy - (cy - view.y) * f, w: view.w * f, h: view.h * f };
    apply();
  }
  function toSvg(clientX, clientY) {
    var r = svg.getBoundingClientRect(), s = scale();
    return { x: view.x + (clientX - r.left - (r.width - view.w / s) / 2) * s,
             y: view.y + (clientY - r.top - (r.height - view.h / s) / 2) * s };
  }
  viewport.addEventListener("wheel", function (e) {
    e.preventDefault();
    var p = toSvg(e.clientX, e.clientY);
    zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y);
  }, { passive: false });
  var drag = null;
  viewport.addEventListener("pointerdown", function (e) {
    if (e.target.closest && e.target.closest("g.node[data-id]")) return;
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, s: scale() };
    viewport.classList.add("dragging");
    viewport.setPointerCapture(e.pointerId);
  });
  viewport.addEventListener("pointermove", function (e) {
    if (!drag) return;
    view.x = drag.vx - (e.clientX - drag.x) * drag.s;
    view.y = drag.vy - (e.clientY - drag.y) * drag.s;
    apply();
  });
  function endDrag() { drag = null; viewport.classList.remove("dragging"); }
  viewport.addEventListener("pointerup", endDrag);
  viewport.addEventListener("pointercancel", endDrag);
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.3); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.3); });
  document.getElementById("fit").addEventListener("click", fit);
  function centre(id) {
    var g = nodes[id];
    if (!g) return;
    var b = g.getBBox(), m = g.getCTM(), root = svg.getCTM();
    var x = b.x + b.width / 2, y = b.y + b.height / 2;
    if (m && root) {
      var p = svg.createSVGPoint(); p.x = x; p.y = y;
      p = p.matrixTransform(root.inverse().multiply(m)); x = p.x; y = p.y;
    }
    // Close enough to read: at most one drawing point per screen pixel.
    var s = Math.max(scale(), 1);
    var w = view.w / s, h = view.h / s;
    view = { x: x - w / 2, y: y - h / 2, w: w, h: h };
    apply();
  }

  /* -- the panel ---------------------------------------------------------- */
  var selected = null;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function open(id, move) {
    var claim = claims[id];
    if (!claim) return;
    if (selected && nodes[selected]) nodes[selected].classList.remove("selected");
    selected = id;
    if (nodes[id]) nodes[id].classList.add("selected");
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    var close = el("button", "×", "close");
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", shut);
    panel.appendChild(close);
    panel.appendChild(el("h2", claim.text));
    var who = claim.speaker_name + (claim.central ? " ★ central claim" : "");
    panel.appendChild(el("p", who, "speaker"));
    if (claim.status) panel.appendChild(el("p", "Status: " + claim.status, "status"));
    var src = claim.source || {};
    var where = [src.title, src.outlet, src.date].filter(Boolean).join(" · ");
    if (where) panel.appendChild(el("p", where, "meta source"));
    if (claim.quote) panel.appendChild(el("blockquote", "“" + claim.quote + "”", "quote"));
    panel.appendChild(el("p", claim.id, "meta id"));
    var groups = {};
    claim.relations.forEach(function (r) { (groups[r.kind] = groups[r.kind] || []).push(r); });
    Object.keys(groups).forEach(function (kind) {
      panel.appendChild(el("h3", kind));
      var ul = el("ul");
      groups[kind].forEach(function (r) {
        var li = el("li");
        var known = claims[r.other];
        var text = known ? known.text : r.text;
        var speaker = known ? known.speaker_name : r.speaker_name;
        if (r.drawn) {
          var a = el("a", text);
          a.href = "#" + r.other;
          a.addEventListener("click", function (e) {
            e.preventDefault();
            open(r.other, true);
            if (nodes[r.other]) nodes[r.other].focus();
          });
          li.appendChild(a);
        } else {
          li.appendChild(el("span", text));
        }
        var tail = [speaker, r.inferred ? "inferred" : ""].filter(Boolean).join(", ");
        if (tail) li.appendChild(el("span", " (" + tail + ")", "meta"));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    });
    panel.hidden = false;
    if (move) centre(id);
    if (location.hash !== "#" + id) history.replaceState(null, "", "#" + id);
  }
  function shut() {
    if (selected && nodes[selected]) {
      nodes[selected].classList.remove("selected");
      nodes[selected].focus();
    }
    selected = null;
    panel.hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
  }
  Object.keys(nodes).forEach(function (id) {
    nodes[id].addEventListener("click", function () { open(id, false); });
    nodes[id].addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(id, false); }
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      if (!panel.hidden) shut();
      else if (search.value) { search.value = ""; find(""); }
    } else if (e.target === document.body && (e.key === "+" || e.key === "=")) zoom(1 / 1.3);
    else if (e.target === document.body && e.key === "-") zoom(1.3);
  });
  window.addEventListener("hashchange", function () { fromHash(true); });
  function fromHash(move) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && claims[id]) open(id, move);
  }

  /* -- search and the legend ---------------------------------------------- */
  function mark(ids, label) {
    Object.keys(nodes).forEach(function (id) { nodes[id].classList.toggle("match", !!ids[id]); });
    var n = Object.keys(ids).length;
    svg.classList.toggle("dimmed", label !== "");
    count.textContent = label === "" ? "" : n + (n === 1 ? " claim" : " claims") + " " + label;
  }
  function find(query) {
    var q = query.trim().toLowerCase(), ids = {};
    pressSpeaker(null);
    if (q) {
      Object.keys(nodes).forEach(function (id) {
        var c = claims[id];
        if (!c) return;
        var hay = (c.text + " " + c.id + " " + c.speaker_name + " " + (c.quote || "")).toLowerCase();
        if (hay.indexOf(q) >= 0) ids[id] = true;
      });
    }
    mark(ids, q ? "match" : "");
  }
  search.addEventListener("input", function () { find(search.value); });
  var speakerButtons = document.querySelectorAll("#legend button.speaker");
  function pressSpeaker(button) {
    Array.prototype.forEach.call(speakerButtons, function (b) {
      b.setAttribute("aria-pressed", b === button ? "true" : "false");
    });
  }
  Array.prototype.forEach.call(speakerButtons, function (button) {
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      search.value = "";
      pressSpeaker(on ? button : null);
      var ids = {}, who = button.getAttribute("data-speaker");
      if (on) Object.keys(nodes).forEach(function (id) {
        if (claims[id] && claims[id].speaker === who) ids[id] = true;
      });
      mark(ids, on ? "by " + button.textContent : "");
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("#legend input[data-kind]"), function (box) {
    box.addEventListener("change", function () {
      svg.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });

  fit();
  fromHash(true);
  document.documentElement.setAttribute("data-ready", "true");
  // Milliseconds from navigation to interactive, for measurements (benchmarks/html.py).
  document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
})();
