// Search box suggestions: an ARIA 1.2 combobox over /shop/search/suggest/ (products, crafts,
// cooperatives, stories). Arrow keys move, Enter opens the highlighted suggestion, Escape closes; with
// nothing highlighted Enter submits the search as usual. Works without it: the form still submits.
(function () {
  "use strict";
  var input = document.getElementById("site-search");
  if (!input || !window.fetch) return;
  var form = input.form;
  var endpoint = form.getAttribute("data-suggest-url");
  if (!endpoint) return;
  var labels = {
    products: form.getAttribute("data-label-products") || "Pieces",
    categories: form.getAttribute("data-label-categories") || "Crafts",
    cooperatives: form.getAttribute("data-label-cooperatives") || "Cooperatives",
    stories: form.getAttribute("data-label-stories") || "Stories",
    all: form.getAttribute("data-label-all") || "See all results for"
  };

  var list = document.createElement("div");
  list.id = "site-search-suggestions";
  list.className = "suggest";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", form.getAttribute("data-label-listbox") || "Suggestions");
  list.hidden = true;
  form.appendChild(list);
  var live = document.createElement("div");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  live.setAttribute("aria-live", "polite");
  form.appendChild(live);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  var options = [];
  var active = -1;
  var timer = null;
  var controller = null;
  var lastQuery = "";

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function open() {
    if (!options.length) return close();
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function highlight(index) {
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === index ? "true" : "false");
    });
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function option(id, url, text, detail, image) {
    var el = document.createElement("a");
    el.id = id;
    el.href = url;
    el.className = "suggest__option";
    el.setAttribute("role", "option");
    el.setAttribute("aria-selected", "false");
    el.tabIndex = -1;
    if (image !== undefined) {
      var media = document.createElement(image ? "img" : "span");
      media.className = "suggest__thumb";
      if (image) { media.src = image; media.alt = ""; media.width = 40; media.height = 40; }
      el.appendChild(media);
    }
    var body = document.createElement("span");
    body.className = "suggest__text";
    var main = document.createElement("span");
    main.className = "suggest__title";
    main.textContent = text;
    body.appendChild(main);
    if (detail) {
      var small = document.createElement("span");
      small.className = "suggest__detail";
      small.textContent = detail;
      body.appendChild(small);
    }
    el.appendChild(body);
    el.addEventListener("mousedown", function (event) { event.preventDefault(); });
    return el;
  }

  function group(name, items, build) {
    if (!items.length) return;
    var box = document.createElement("div");
    box.setAttribute("role", "group");
    var head = document.createElement("div");
    head.className = "suggest__group";
    head.id = list.id + "-" + name;
    head.textContent = labels[name];
    head.setAttribute("role", "presentation");
    box.setAttribute("aria-labelledby", head.id);
    box.appendChild(head);
    items.forEach(function (item, i) {
      var el = build(item, list.id + "-" + name + "-" + i);
      options.push(el);
      box.appendChild(el);
    });
    list.appendChild(box);
  }

  function render(data, query) {
    list.textContent = "";
    options = [];
    group("products", data.products || [], function (p, id) { return option(id, p.url, p.title, p.cooperative, p.image || ""); });
    group("categories", data.categories || [], function (c, id) { return option(id, c.url, c.name, ""); });
    group("cooperatives", data.cooperatives || [], function (c, id) { return option(id, c.url, c.name, c.city); });
    group("stories", data.stories || [], function (s, id) { return option(id, s.url, s.title, ""); });
    var all = option(list.id + "-all", form.action + "?q=" + encodeURIComponent(query), labels.all + " “" + query + "”", "");
    all.classList.add("suggest__all");
    options.push(all);
    list.appendChild(all);
    live.textContent = options.length - 1 ? (options.length - 1) + " " + (form.getAttribute("data-label-count") || "suggestions") : "";
    highlight(-1);
    open();
  }

  function fetchSuggestions() {
    var query = input.value.trim();
    if (query.length < 2) { lastQuery = query; list.textContent = ""; options = []; return close(); }
    if (query === lastQuery && options.length) return open();
    lastQuery = query;
    if (controller) controller.abort();
    controller = "AbortController" in window ? new AbortController() : null;
    fetch(endpoint + "?q=" + encodeURIComponent(query), {
      headers: { Accept: "application/json" },
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) { if (data && input.value.trim() === query) render(data, query); })
      .catch(function () { /* network hiccup or aborted: the plain search still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("focus", function () { if (options.length && input.value.trim() === lastQuery) open(); });
  input.addEventListener("blur", function () { setTimeout(close, 100); });
  input.addEventListener("keydown", function (event) {
    var expanded = !list.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (!expanded) { fetchSuggestions(); open(); return; }
      highlight(active + 1 >= options.length ? 0 : active + 1);
    } else if (event.key === "ArrowUp") {
      if (!expanded) return;
      event.preventDefault();
      highlight(active - 1 < 0 ? options.length - 1 : active - 1);
    } else if (event.key === "Enter") {
      if (expanded && active >= 0) {
        event.preventDefault();
        window.location.assign(options[active].href);
      }
    } else if (event.key === "Escape") {
      if (expanded) { event.preventDefault(); close(); } else { input.value = ""; }
    } else if (event.key === "Home" || event.key === "End") {
      if (expanded && active >= 0) highlight(-1);
    }
  });
  document.addEventListener("click", function (event) { if (!form.contains(event.target)) close(); });
})();
