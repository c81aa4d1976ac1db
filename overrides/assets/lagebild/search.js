/*
 * Lagebild: how a Pagefind search result is shown (partials/lagebild-search.html).
 *
 * A result names the kind of its page (Akteur, Quelle …, the page's "Art" filter) and its title,
 * with Pagefind's excerpt. Below it, up to three places on the page that matched: on a source page
 * the sentences themselves (each sentence's <span id="s-3fa2c1d0"> with its position <span id="s3">
 * inside: anchors Pagefind records), titled "Satz 3" and, where the sentence is a statement, who
 * said it with which stance (the page's metadata "s3", see generator/render/source_text.py), each
 * leading to the sentence's own anchor; on other pages the headings Pagefind found.
 * Every line is a plain link, so Tab and the arrow keys move through them.
 *
 * The filters' buttons are comboboxes, whose name does not come from their text: each is named
 * by its visible label ("Art", "Akteur" …) through aria-labelledby, and so is its list of values.
 * Pagefind names each value with its count in English ("Quelle, 5 results"): that becomes German.
 *
 * The list shows 30 results at first (max-results); "Weitere Ergebnisse anzeigen" adds 30 more and
 * moves the focus to the first of them.
 *
 * Speed on large sites: Pagefind starts loading when the reader heads for the search, at most
 * one search runs at a time, the newest waiting one next, the filters load when a filter list is
 * first opened, and closed filter lists are rebuilt only when opened (see warmUp,
 * oneSearchAtATime, filtersOnDemand and lazyFilterLists).
 */
(function () {
  "use strict";

  var MAX_PLACES = 3;
  var SENTENCE = /^s(\d+|-[0-9a-f]+(-\d+)?)$/; // a sentence's anchor: by position or by its words
  var POSITION = /^s(\d+)$/;
  var HEADING = /^h[1-6]$/;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function link(href, className, text) {
    var node = element("a", className, text);
    node.href = href;
    return node;
  }

  /* Pagefind's excerpts are escaped HTML with <mark> around the words found. */
  function excerpt(html, className) {
    var node = element("p", className);
    node.innerHTML = html;
    return node;
  }

  /* The words of a sentence (content positions start … end), the found ones marked. */
  function sentenceExcerpt(words, start, end, hits) {
    var node = element("p", "lb-result__excerpt");
    for (var i = start; i < end; i++) {
      if (i > start) node.appendChild(document.createTextNode(" "));
      if (hits.has(i)) node.appendChild(element("mark", "", words[i]));
      else node.appendChild(document.createTextNode(words[i]));
    }
    return node;
  }

  /* A source's sentences, from the anchors Pagefind recorded: the sentence's own anchor (from its
     words, "s-3fa2c1d0", or from its position, "s3") and, inside it, its position anchor ("s3"),
     both at the same place in the text. Each as {id, number, start, end} (word positions). */
  function sentences(anchors, words) {
    var found = [];
    anchors.forEach(function (anchor, i) {
      var id = anchor.id || "";
      if (!SENTENCE.test(id)) return;
      var last = found[found.length - 1];
      var position = POSITION.exec(id);
      if (last && last.start === anchor.location) {
        if (position && !last.number) last.number = position[1];
        return;
      }
      var next = anchors.slice(i + 1).find(function (a) { return a.location > anchor.location; });
      found.push({ id: id, number: position ? position[1] : "", start: anchor.location, end: next ? next.location : words.length });
    });
    return found;
  }

  /* The sentences of the page that hold the words found: most hits first, then in text order. */
  function sentencePlaces(data) {
    var anchors = (data.anchors || []).slice().sort(function (a, b) { return a.location - b.location; });
    var words = (data.content || "").split(/\s+/);
    var hits = new Set(data.locations || []);
    var found = sentences(anchors, words).map(function (sentence) {
      var count = 0;
      for (var at = sentence.start; at < sentence.end; at++) if (hits.has(at)) count++;
      sentence.count = count;
      return sentence;
    }).filter(function (sentence) { return sentence.count > 0; });
    found.sort(function (a, b) { return b.count - a.count || a.start - b.start; });
    return found.slice(0, MAX_PLACES).map(function (sentence) {
      var title = sentence.number ? "Satz " + sentence.number : "Satz";
      var voice = sentence.number && data.meta && data.meta["s" + sentence.number];
      return {
        url: data.url + "#" + sentence.id,
        title: voice ? title + " · " + voice : title,
        excerpt: sentenceExcerpt(words, sentence.start, sentence.end, hits),
      };
    });
  }

  /* Pagefind's own places (headings), without the page's title heading. */
  function headingPlaces(data) {
    return (data.sub_results || [])
      .filter(function (sub) { return sub.anchor && HEADING.test(sub.anchor.element) && sub.anchor.element !== "h1"; })
      .slice(0, MAX_PLACES)
      .map(function (sub) {
        return { url: sub.url, title: sub.title, excerpt: excerpt(sub.excerpt, "lb-result__excerpt") };
      });
  }

  function render(data) {
    var item = element("li", "lb-result");
    var kind = data.filters && data.filters.Art && data.filters.Art[0];
    var head = element("p", "lb-result__title");
    if (kind) head.appendChild(element("span", "lb-result__kind", kind));
    head.appendChild(link(data.url, "lb-result__link", (data.meta && data.meta.title) || data.url));
    item.appendChild(head);
    item.appendChild(excerpt(data.excerpt || "", "lb-result__excerpt"));
    var places = sentencePlaces(data);
    if (!places.length) places = headingPlaces(data);
    if (places.length) {
      var list = element("ul", "lb-result__places");
      places.forEach(function (place) {
        var entry = element("li", "lb-result__place");
        entry.appendChild(link(place.url, "lb-result__link", place.title));
        entry.appendChild(place.excerpt);
        list.appendChild(entry);
      });
      item.appendChild(list);
    }
    return item;
  }

  function nameFilters() {
    document.querySelectorAll("pagefind-filter-dropdown").forEach(function (dropdown) {
      var trigger = dropdown.querySelector(".pf-dropdown-trigger");
      var label = dropdown.querySelector(".pf-dropdown-trigger-label");
      if (!trigger || !label || !trigger.id) return;
      if (!label.id) label.id = trigger.id + "-name";
      if (trigger.getAttribute("aria-labelledby") !== label.id) trigger.setAttribute("aria-labelledby", label.id);
      var options = dropdown.querySelector('[role="listbox"]');
      if (options && options.getAttribute("aria-labelledby") !== label.id) options.setAttribute("aria-labelledby", label.id);
      dropdown.querySelectorAll('[role="option"][aria-label]').forEach(germanCount);
    });
  }

  function germanCount(option) {
    var found = /^(.*), (\d+) results?$/.exec(option.getAttribute("aria-label"));
    if (found) option.setAttribute("aria-label", found[1] + ", " + found[2] + (found[2] === "1" ? " Ergebnis" : " Ergebnisse"));
  }

  var STEP = 30;

  /* The button under the results: shown while there are more results than the list shows. */
  function installMore() {
    var results = document.querySelector("pagefind-modal pagefind-results");
    var button = document.querySelector(".lb-search__more");
    var components = window.PagefindComponents;
    if (!results || !button || !components) return;
    var instance = components.getInstanceManager().getInstance("default");
    var term = null;
    var focusAt = -1;

    function shown() {
      return Number(results.getAttribute("max-results")) || STEP;
    }

    instance.on("search", function (searched) {
      if (searched !== term) results.setAttribute("max-results", String(STEP));
      term = searched;
    }, button);
    instance.on("results", function (found) {
      var rest = found.results.length - shown();
      button.hidden = rest <= 0;
      button.textContent = "Weitere Ergebnisse anzeigen (" + rest + " weitere)";
    }, button);
    button.addEventListener("click", function () {
      focusAt = shown();
      results.setAttribute("max-results", String(focusAt + STEP));
      instance.triggerSearch(instance.searchTerm);
    });
    /* Once the first added result is drawn, it takes the focus. */
    new MutationObserver(function () {
      if (focusAt < 0) return;
      var items = results.querySelectorAll(".pf-results > li");
      var item = items[focusAt];
      if (!item) return;
      var first = item.querySelector("a");
      if (first) {
        focusAt = -1;
        first.focus();
      } else {
        item.scrollIntoView({ block: "nearest" });
      }
    }).observe(results, { childList: true, subtree: true });
  }

  /* Pagefind loads its script, WebAssembly and metadata on first use. That starts as soon as the
     reader moves towards the search (pointer over or focus on the header's button, or the "/" key),
     so that it is done by the time the first word is typed. */
  function warmUp(instance) {
    var load = function () { instance.triggerLoad(); };
    var trigger = document.querySelector("pagefind-modal-trigger");
    if (trigger) {
      ["pointerenter", "focusin", "touchstart"].forEach(function (type) {
        trigger.addEventListener(type, load, { once: true, passive: true });
      });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" || ((event.ctrlKey || event.metaKey) && event.key === "k")) load();
    }, { passive: true });
  }

  /* While the reader types, every pause of the input's debounce starts a search for the words so
     far, and Pagefind runs searches one after another: on a large site each takes a few hundred
     milliseconds, so the searches for "S", "So", "Sol" … queued up and the last word's results
     came seconds late. Here at most one search runs; one asked for meanwhile waits, and a newer
     one replaces it (the replaced one answers null, which the interface ignores as outdated). */
  function oneSearchAtATime(api) {
    var search = api.search.bind(api);
    var running = false;
    var waiting = null;
    function run(term, options) {
      running = true;
      return search(term, options).finally(function () {
        running = false;
        if (waiting) {
          var next = waiting;
          waiting = null;
          run(next.term, next.options).then(next.resolve, next.reject);
        }
      });
    }
    api.search = function (term, options) {
      if (!running) return run(term, options);
      if (waiting) waiting.resolve(null);
      return new Promise(function (resolve, reject) {
        waiting = { term: term, options: options, resolve: resolve, reject: reject };
      });
    };
  }

  /* With every search, Pagefind counts the results under each value of every filter it has loaded,
     and it loads them all when it starts: at 3,000 articles some 43,000 (page, value) pairs, which
     made a broad search take 200 ms instead of 70. Here the filters load when the reader first
     opens a filter list (`__lbLoadFilters`); until then a search counts nothing, as no list shows counts.
     Loading them counts the current query's results at once, so the list opens with its counts.
     A search that uses a filter loads that filter itself (Pagefind). */
  function filtersOnDemand(api, instance) {
    var filters = api.filters.bind(api);
    var loaded = null;
    function show(available, total) {
      instance.__lbFiltersLoaded = true;
      instance.__dispatch__("filters", { available: available, total: total });
    }
    api.filters = function () {
      return loaded ? loaded.then(filters) : Promise.resolve({});
    };
    api.__lbLoadFilters = function () {
      if (loaded) return loaded;
      loaded = filters();
      loaded.then(function (all) {
        var term = instance.searchTerm;
        if (!term) {
          show(all, all);
          return;
        }
        api.search(term, { filters: instance.searchFilters || {} }).then(function (found) {
          if (found && instance.searchTerm === term) show(found.filters, found.totalFilters || found.filters);
          // else a newer search is on its way, and brings its counts
        });
      });
      return loaded;
    };
  }

  /* Pagefind's filter dropdowns rebuild their option lists after every search, open or not: at
     3,000 articles some 700 options, about 100 ms before the results show. Here a closed dropdown
     only notes that its list is out of date and rebuilds it when it opens. */
  function lazyFilterLists() {
    if (!window.customElements) return;
    customElements.whenDefined("pagefind-filter-dropdown").then(function () {
      var proto = customElements.get("pagefind-filter-dropdown").prototype;
      if (proto.__lbLazy || typeof proto.updateOptions !== "function" || typeof proto.open !== "function") return;
      proto.__lbLazy = true;
      var update = proto.updateOptions;
      var open = proto.open;
      proto.updateOptions = function () {
        if (!this.isOpen) {
          this.__lbStale = true;
          return;
        }
        this.__lbStale = false;
        return update.apply(this, arguments);
      };
      proto.open = function () {
        if (this.instance && this.instance.__lbWantFilters) this.instance.__lbWantFilters();
        // Before the filters are loaded, its list would say it has no values: it shows "loading".
        if (this.__lbStale && !this.isOpen && this.instance && this.instance.__lbFiltersLoaded) {
          this.__lbStale = false;
          update.apply(this);
        }
        return open.apply(this, arguments);
      };
    });
  }

  function quickSearch() {
    var components = window.PagefindComponents;
    if (!components) return;
    var instance = components.getInstanceManager().getInstance("default");
    warmUp(instance);
    /* Pagefind's search API, once loaded, is the instance's __pagefind__: serialise its searches
       the moment it is set, whichever way loading started. */
    var api = null;
    var wanted = false;
    instance.__lbFiltersLoaded = false;
    function prepare(value) {
      oneSearchAtATime(value);
      filtersOnDemand(value, instance);
      if (wanted) value.__lbLoadFilters();
    }
    /* A filter list opened: load the filters now, or as soon as Pagefind is there. */
    instance.__lbWantFilters = function () {
      wanted = true;
      if (api) api.__lbLoadFilters();
    };
    if (instance.__pagefind__) prepare((api = instance.__pagefind__));
    Object.defineProperty(instance, "__pagefind__", {
      configurable: true,
      get: function () { return api; },
      set: function (value) {
        if (value && value !== api) prepare(value);
        api = value;
      },
    });
  }

  function install() {
    quickSearch();
    lazyFilterLists();
    installMore();
    document.querySelectorAll("pagefind-results").forEach(function (results) {
      results.resultTemplate = render;
    });
    nameFilters();
    var filters = document.querySelector(".lb-search__filters");
    var watched = { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-label"] };
    if (filters) new MutationObserver(nameFilters).observe(filters, watched);
  }

  window.LagebildSearch = { oneSearchAtATime: oneSearchAtATime }; // for the browser tests

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", install);
  else install();
})();
