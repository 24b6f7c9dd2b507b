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

  /* -- pan and zoom: a centre and a scale, shown through the SVG's viewBox --
     The scale is drawing units per CSS pixel; the viewBox follows the viewport's
     size, so a resized window or an opened panel keeps the zoom and the centre. */
  var full = svg.viewBox.baseVal;
  var home = { x: full.x, y: full.y, w: full.width, h: full.height };
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
  // Claim text is READ_PX tall when zoomed in to read (Graphviz's 11 pt at 1:1);
  // a whole drawing whose text would be below LEGIBLE_PX opens zoomed in instead.
  var READ_PX = 11, LEGIBLE_PX = 7;
  var sample = svg.querySelector("g.node[data-id] text");
  var font = (sample && parseFloat(sample.getAttribute("font-size"))) || 11;
  var view = { cx: home.x + home.w / 2, cy: home.y + home.h / 2, s: 1 }, mode = "start";
  // Where the drawing is on screen, measured once per layout (a measure forces one).
  var measured = null;
  function frame() {
    if (!measured) {
      var r = svg.getBoundingClientRect();
      measured = { left: r.left, top: r.top, w: Math.max(r.width, 1), h: Math.max(r.height, 1) };
    }
    return measured;
  }
  function apply() {
    if (printed) return;
    var b = frame(), w = b.w * view.s, h = b.h * view.s;
    svg.setAttribute("viewBox", [view.cx - w / 2, view.cy - h / 2, w, h].join(" "));
    if (overview) overview.show();
  }
  function showsWhole() {
    var b = frame(), w = b.w * view.s, h = b.h * view.s;
    return view.cx - w / 2 <= home.x + 1 && view.cx + w / 2 >= home.x + home.w - 1 &&
           view.cy - h / 2 <= home.y + 1 && view.cy + h / 2 >= home.y + home.h - 1;
  }
  function fitScale() { var b = frame(); return Math.max(home.w / b.w, home.h / b.h); }
  function readScale() { return font / READ_PX; }
  function clampScale(s) {
    return Math.min(Math.max(s, readScale() / 4), Math.max(fitScale() * 2, readScale()));
  }
  function fit() {
    view = { cx: home.x + home.w / 2, cy: home.y + home.h / 2, s: fitScale() };
    mode = "fit";
    apply();
  }
  function toSvg(clientX, clientY) {
    var b = frame();
    return { x: view.cx + (clientX - b.left - b.w / 2) * view.s,
             y: view.cy + (clientY - b.top - b.h / 2) * view.s };
  }
  // Zoom to scale `s` about a point on screen (the middle by default), which stays put
  // (or brings `anchor`, a point of the drawing, under it).
  function zoomAbout(s, clientX, clientY, anchor) {
    var b = frame();
    if (clientX === undefined) { clientX = b.left + b.w / 2; clientY = b.top + b.h / 2; }
    anchor = anchor || toSvg(clientX, clientY);
    view.s = clampScale(s);
    view.cx = anchor.x - (clientX - b.left - b.w / 2) * view.s;
    view.cy = anchor.y - (clientY - b.top - b.h / 2) * view.s;
    mode = "free";
    apply();
  }
  function zoom(factor, clientX, clientY) { zoomAbout(view.s * factor, clientX, clientY); }
  viewport.addEventListener("wheel", function (e) {
    e.preventDefault();
    zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY);
  }, { passive: false });
  // Drag with a mouse, a pen or one finger; pinch with two. A press that moves less
  // than a few pixels stays a click (or a tap), so a claim opens wherever a drag may start.
  var pointers = {}, gesture = null, moved = false;
  function held() { return Object.keys(pointers).map(function (k) { return pointers[k]; }); }
  function middle(p) {
    var x = 0, y = 0;
    p.forEach(function (q) { x += q.x / p.length; y += q.y / p.length; });
    return { x: x, y: y };
  }
  function spread(p) { return p.length < 2 ? 0 : Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y); }
  function begin() {
    var p = held(), c = middle(p);
    gesture = p.length ? { x: c.x, y: c.y, d: spread(p), s: view.s, anchor: toSvg(c.x, c.y) } : null;
  }
  viewport.addEventListener("pointerdown", function (e) {
    if (e.pointerType === "mouse" && e.button !== 0) return;
    if (!held().length) moved = false;
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    begin();
  });
  viewport.addEventListener("pointermove", function (e) {
    if (!pointers[e.pointerId] || !gesture) return;
    pointers[e.pointerId] = { x: e.clientX, y: e.clientY };
    var p = held(), c = middle(p);
    if (!moved && p.length < 2 && Math.hypot(c.x - gesture.x, c.y - gesture.y) < 5) return;
    if (!moved) {
      moved = true;
      viewport.classList.add("dragging");
    }
    if (viewport.setPointerCapture && !viewport.hasPointerCapture(e.pointerId)) {
      viewport.setPointerCapture(e.pointerId);
    }
    var s = gesture.d && p.length > 1 ? gesture.s * gesture.d / Math.max(spread(p), 1) : gesture.s;
    zoomAbout(s, c.x, c.y, gesture.anchor);
  });
  function release(e) {
    if (!pointers[e.pointerId]) return;
    delete pointers[e.pointerId];
    begin();
    if (!gesture) viewport.classList.remove("dragging");
  }
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);
  viewport.addEventListener("click", function (e) {
    if (moved) { e.stopPropagation(); e.preventDefault(); }
  }, true);
  document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.3); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.3); });
  document.getElementById("fit").addEventListener("click", fit);
  // A claim's box in the drawing's coordinates (those of the viewBox), from the
  // transforms between it and the <svg>: the same whatever is on screen.
  function boxOf(id) {
    var g = nodes[id], b = g.getBBox(), m = svg.createSVGMatrix();
    for (var e = g; e && e !== svg; e = e.parentNode) {
      var t = e.transform && e.transform.baseVal.consolidate();
      if (t) m = t.matrix.multiply(m);
    }
    var p = svg.createSVGPoint(), q = svg.createSVGPoint();
    p.x = b.x; p.y = b.y; q.x = b.x + b.width; q.y = b.y + b.height;
    p = p.matrixTransform(m); q = q.matrixTransform(m);
    return { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y),
             w: Math.abs(q.x - p.x), h: Math.abs(q.y - p.y) };
  }
  function middleOf(id) {
    var b = boxOf(id);
    return { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  }
  function centre(id) {
    if (!nodes[id]) return;
    var p = middleOf(id);
    // Close enough to read: claim text at least READ_PX tall.
    view = { cx: p.x, cy: p.y, s: Math.min(view.s, readScale()) };
    mode = "free";
    apply();
  }
  // Bring a claim fully into view, moving as little as needed and keeping the zoom
  // (a claim tapped near the bottom of a phone stays in sight when the panel opens).
  function reveal(id) {
    if (!nodes[id]) return;
    var c = boxOf(id), f = frame(), w = f.w * view.s, h = f.h * view.s, pad = 8 * view.s;
    function shift(lo, size, centre, seen) {
      var left = centre - seen / 2;
      if (size + 2 * pad > seen) return lo + size / 2;
      if (lo - pad < left) return centre - (left - lo + pad);
      if (lo + size + pad > left + seen) return centre + (lo + size + pad - left - seen);
      return centre;
    }
    var cx = shift(c.x, c.w, view.cx, w), cy = shift(c.y, c.h, view.cy, h);
    if (cx === view.cx && cy === view.cy) return;
    view.cx = cx;
    view.cy = cy;
    mode = "free";
    apply();
  }
  // The first view: the whole drawing when its text is legible there; else the
  // drawing's full height, or failing that its text at reading size, around the
  // first central claim (the first claim when none is central), kept inside the drawing.
  function start() {
    var b = frame(), s = home.h / b.h;
    if (font / fitScale() >= LEGIBLE_PX) { fit(); mode = "start"; return; }
    if (font / s < LEGIBLE_PX) s = readScale();
    var ids = Object.keys(nodes), first = ids[0];
    for (var i = 0; i < ids.length; i++) {
      if (claims[ids[i]] && claims[ids[i]].central) { first = ids[i]; break; }
    }
    var p = first ? middleOf(first) : { x: home.x + home.w / 2, y: home.y + home.h / 2 };
    function inside(c, lo, span, seen) {
      return seen >= span ? lo + span / 2 : Math.min(Math.max(c, lo + seen / 2), lo + span - seen / 2);
    }
    view = { cx: inside(p.x, home.x, home.w, b.w * s), cy: inside(p.y, home.y, home.h, b.h * s), s: s };
    mode = "start";
    apply();
  }
  // A resized window, a phone turned or the panel opened keeps the view's centre and
  // zoom; a view that was fitted stays fitted, and the first view, untouched, is redone.
  function resized() {
    measured = null;
    if (mode === "fit") fit();
    else if (mode === "start") start();
    else apply();
  }
  if (window.ResizeObserver) new ResizeObserver(resized).observe(viewport);
  else window.addEventListener("resize", resized);
  window.addEventListener("scroll", function () { measured = null; }, { passive: true });
  // Print the whole drawing, whatever the screen shows.
  var printing = window.matchMedia("print"), printed = false;
  function forPrint(on) {
    printed = on;
    if (on) svg.setAttribute("viewBox", [home.x, home.y, home.w, home.h].join(" "));
    else apply();
  }
  window.addEventListener("beforeprint", function () { forPrint(true); });
  window.addEventListener("afterprint", function () { forPrint(false); });
  if (printing.addEventListener) printing.addEventListener("change", function () { forPrint(printing.matches); });
  /* -- the overview: every claim as a small box, and the part on screen --------
     Shown while the screen holds less than the whole drawing; a tap or a drag in it
     moves the view there. Search matches and the open claim show in it too. */
  var NS = svg.namespaceURI, overview = null;
  function make(tag, attrs, parent) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(e);
    return e;
  }
  function buildOverview() {
    var o = make("svg", { id: "overview", viewBox: [home.x, home.y, home.w, home.h].join(" "),
                          preserveAspectRatio: "none", "aria-hidden": "true" });
    var boxes = {};
    Object.keys(nodes).forEach(function (id) {
      var b = boxOf(id), shape = nodes[id].querySelector("path, polygon, ellipse");
      // The speaker's outline colour: their pastel fill fades at this size.
      var ink = shape && (shape.getAttribute("stroke") || shape.getAttribute("fill"));
      boxes[id] = make("rect", { x: b.x, y: b.y, width: b.w, height: b.h,
                                 fill: !ink || ink === "none" ? "#888" : ink }, o);
    });
    var seen = make("rect", { "class": "seen" }, o);
    viewport.appendChild(o);
    // It can be folded away (it covers a corner of the map): a button on its corner
    // folds it into a small one that brings it back.
    var folded = false, toggle = document.createElement("button");
    toggle.id = "overview-toggle";
    toggle.type = "button";
    viewport.appendChild(toggle);
    toggle.addEventListener("pointerdown", function (e) { e.stopPropagation(); });
    toggle.addEventListener("click", function (e) {
      e.stopPropagation();
      folded = !folded;
      shown();
    });
    function shown() {
      toggle.textContent = folded ? "overview" : "\u00d7";
      toggle.setAttribute("aria-label", folded ? "Show the overview" : "Hide the overview");
      toggle.title = toggle.getAttribute("aria-label");
      o.style.display = folded ? "none" : "";
      toggle.classList.toggle("folded", folded);
      if (!folded) {
        size();
        // On the overview's top right corner (an <svg> has no offsetWidth: measure it).
        var r = o.getBoundingClientRect(), v = viewport.getBoundingClientRect();
        toggle.style.left = (r.right - v.left - toggle.offsetWidth / 2) + "px";
        toggle.style.bottom = (v.bottom - r.top - toggle.offsetHeight / 2) + "px";
      } else {
        toggle.style.left = "";
        toggle.style.bottom = "";
      }
    }
    function size() {
      var b = frame(), room = Math.min(b.w * 0.6, 260), high = Math.min(b.h * 0.25, 90);
      var w = Math.min(room, high * home.w / home.h);
      o.style.width = w + "px";
      o.style.height = (w * home.h / home.w) + "px";
    }
    function follow(e) {
      var r = o.getBoundingClientRect();
      view.cx = home.x + (e.clientX - r.left) / r.width * home.w;
      view.cy = home.y + (e.clientY - r.top) / r.height * home.h;
      mode = "free";
      apply();
    }
    var held = false;
    o.addEventListener("pointerdown", function (e) {
      e.stopPropagation();
      held = true;
      if (o.setPointerCapture) o.setPointerCapture(e.pointerId);
      follow(e);
    });
    o.addEventListener("pointermove", function (e) { if (held) { e.stopPropagation(); follow(e); } });
    o.addEventListener("pointerup", function () { held = false; });
    o.addEventListener("pointercancel", function () { held = false; });
    o.addEventListener("click", function (e) { e.stopPropagation(); });
    return {
      element: o,
      boxes: boxes,
      show: function () {
        var b = frame(), w = b.w * view.s, h = b.h * view.s, whole = showsWhole();
        o.style.display = whole ? "none" : "";
        toggle.style.display = whole ? "none" : "";
        if (whole) return;
        shown();
        // The part on screen, at least a few pixels wide so that it can be seen.
        var least = home.w / 40;
        seen.setAttribute("x", view.cx - Math.max(w, least) / 2);
        seen.setAttribute("y", view.cy - Math.max(h, least) / 2);
        seen.setAttribute("width", Math.max(w, least));
        seen.setAttribute("height", Math.max(h, least));
      }
    };
  }

  /* -- the panel ---------------------------------------------------------- */
  var selected = null;
  // A claim's mark (selected, match) on the drawing and in the overview alike.
  function flag(id, cls, on) {
    nodes[id].classList.toggle(cls, on);
    if (overview.boxes[id]) overview.boxes[id].classList.toggle(cls, on);
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function open(id, move) {
    var claim = claims[id];
    if (!claim) return;
    if (selected && nodes[selected]) flag(selected, "selected", false);
    selected = id;
    if (nodes[id]) flag(id, "selected", true);
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
    measured = null;
    // A first view that was zoomed in to read stays as it is when the panel takes room.
    if (mode === "start" && !showsWhole()) mode = "free";
    if (move) centre(id);
    else { resized(); reveal(id); }
    if (location.hash !== "#" + id) history.replaceState(null, "", "#" + id);
  }
  function shut() {
    if (selected && nodes[selected]) {
      flag(selected, "selected", false);
      nodes[selected].focus();
    }
    selected = null;
    panel.hidden = true;
    resized();
    history.replaceState(null, "", location.pathname + location.search);
  }
  Object.keys(nodes).forEach(function (id) {
    nodes[id].addEventListener("click", function () { open(id, false); });
    nodes[id].addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(id, false); }
    });
    // Tab brings each claim into sight in turn (a click or a tap does not move the map).
    nodes[id].addEventListener("focus", function () {
      var keyboard = true;
      try { keyboard = nodes[id].matches(":focus-visible"); } catch (err) { keyboard = true; }
      if (keyboard) reveal(id);
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      if (!panel.hidden) shut();
      else if (search.value) { search.value = ""; find(""); }
    } else if (e.target === document.body && (e.key === "+" || e.key === "=")) zoom(1 / 1.3);
    else if (e.target === document.body && e.key === "-") zoom(1.3);
    else if (e.target === document.body && e.key === "0") fit();
  });
  window.addEventListener("hashchange", function () { fromHash(true); });
  function fromHash(move) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && claims[id]) open(id, move);
  }

  /* -- search and the legend ---------------------------------------------- */
  function mark(ids, label) {
    Object.keys(nodes).forEach(function (id) { flag(id, "match", !!ids[id]); });
    var n = Object.keys(ids).length;
    svg.classList.toggle("dimmed", label !== "");
    overview.element.classList.toggle("dimmed", label !== "");
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
    shown = -1;
  }
  search.addEventListener("input", function () { find(search.value); });
  // Enter moves the view to the next match (Shift+Enter: the previous), in drawing order.
  var shown = -1;
  search.addEventListener("keydown", function (e) {
    if (e.key !== "Enter") return;
    e.preventDefault();
    var hits = Object.keys(nodes).filter(function (id) { return nodes[id].classList.contains("match"); });
    if (!hits.length) return;
    shown = shown < 0 ? (e.shiftKey ? hits.length - 1 : 0)
      : (shown + (e.shiftKey ? hits.length - 1 : 1)) % hits.length;
    centre(hits[shown]);
  });
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

  overview = buildOverview();
  start();
  fromHash(true);
  document.documentElement.setAttribute("data-ready", "true");
  // Milliseconds from navigation to interactive, for measurements (benchmarks/html.py).
  document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
})();
