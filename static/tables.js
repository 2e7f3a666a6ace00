/*
 * tables.js -- the record table tools, loaded by the table pages only
 * (after regsite.js, which lends it say() and make()): filters by the
 * coded columns, free-word search across every page of the quarter,
 * sorting by any column, the count of matching rows in a live region,
 * and the state kept in the address so that a filtered view can be
 * shared.  The records come from the quarter's records.json.gz; when it
 * cannot be fetched (a page opened from a file) the search and sorting
 * work on the current page only.  Without it every row is still
 * reachable through the pages.
 */
(function () {
	"use strict";

	var doc = document;
	var root = doc.documentElement;
	var say, make;

	/*
	 * Lower case, NFC, ё read as е: what the free-word search
	 * compares.  Kazakh and Russian letters lower-case one to one,
	 * so positions in the folded text match the original's.
	 */
	/* A count as fmt_int (format.c) writes it: U+202F between groups,
	 * four digits ungrouped (toLocaleString writes "3,000" for
	 * Kazakh).  The same function is in explore.js. */
	function fmtInt(v) {
		var d = String(Math.abs(v));

		if (d.length > 4)
			d = d.replace(/\B(?=(\d{3})+$)/g, "\u202f");
		return (v < 0 ? "\u2212" : "") + d;
	}

	function fold(s, lang) {
		return s.normalize("NFC").toLocaleLowerCase(lang)
		    .replace(/ё/g, "е");
	}

	function words(q, lang) {
		return fold(q, lang).split(/\s+/).filter(function (w) {
			return w.length > 0;
		});
	}

	/* Append text to el with every occurrence of a word in <mark>. */
	function appendMarked(el, text, ws, lang) {
		var low = fold(text, lang);
		var spans = [];
		var i, at, from, w;

		if (ws.length === 0 || low.length !== text.length) {
			el.appendChild(doc.createTextNode(text));
			return;
		}
		for (i = 0; i < ws.length; i++) {
			w = ws[i];
			for (from = 0; (at = low.indexOf(w, from)) !== -1;
			    from = at + w.length)
				spans.push([at, at + w.length]);
		}
		spans.sort(function (a, b) { return a[0] - b[0]; });
		from = 0;
		for (i = 0; i < spans.length; i++) {
			if (spans[i][1] <= from)
				continue;
			at = Math.max(spans[i][0], from);
			if (at > from)
				el.appendChild(doc.createTextNode(
				    text.slice(from, at)));
			el.appendChild(make("mark", null,
			    text.slice(at, spans[i][1])));
			from = spans[i][1];
		}
		if (from < text.length)
			el.appendChild(doc.createTextNode(text.slice(from)));
	}

	/* The text of a table row without the "more"/"less" switches. */
	function rowText(tr) {
		var walk = doc.createTreeWalker(tr, NodeFilter.SHOW_TEXT);
		var out = [], n;

		while ((n = walk.nextNode()) !== null) {
			if (!n.parentNode.closest(".more, .less, .note-ref"))
				out.push(n.nodeValue);
		}
		return out.join(" ");
	}

	var CHUNK = 500;	/* result rows rendered at a time */

	function TableTools(box) {
		this.box = box;
		this.lang = root.getAttribute("lang") || "kk";
		this.table = doc.getElementById("records");
		this.wrap = this.table.closest(".table-scroll") ||
		    this.table;
		this.pagers = doc.querySelectorAll(".pager");
		this.collator = new Intl.Collator(this.lang,
		    { numeric: true, sensitivity: "base" });
		this.records = null;	/* the quarter's, once loaded */
		this.filters = [];
		this.offline = false;
		this.state = { codes: {}, q: "", sort: -1, dir: "asc" };
		this.shown = 0;
		this.matches = [];
		this.classes = [];
		this.pageRows = Array.prototype.slice.call(
		    this.table.tBodies[0] ? this.table.tBodies[0].rows : []);
	}

	/* The form: filters (filled later), search, clear, status. */
	TableTools.prototype.build = function () {
		var self = this, box = this.box, head;
		var form, fs, search, actions, hint;

		/* Each column's kind is its heading's class (the cells
		 * carry none). */
		head = this.table.tHead && this.table.tHead.rows[0];
		if (head) {
			this.classes = Array.prototype.map.call(head.cells,
			    function (c) { return c.className; });
		}
		form = make("form", {
			"class": "tt-form",
			role: "search",
			"aria-labelledby": "tt-legend"
		});
		fs = make("fieldset");
		fs.appendChild(make("legend", { id: "tt-legend" },
		    say(box, "legend")));
		this.filterBox = make("div", { "class": "tt-filters" });
		search = make("div", { "class": "tt-search" });
		search.appendChild(make("label", { "for": "tt-q" },
		    say(box, "search")));
		hint = make("span", { "class": "tt-hint", id: "tt-q-hint" },
		    say(box, "searchHint"));
		this.hint = hint;
		search.appendChild(hint);
		this.input = make("input", {
			type: "search", id: "tt-q", name: "q",
			autocomplete: "off", spellcheck: "false",
			"aria-describedby": "tt-q-hint"
		});
		search.appendChild(this.input);
		fs.appendChild(search);
		fs.appendChild(this.filterBox);
		actions = make("div", { "class": "tt-actions" });
		this.clear = make("button", {
			type: "button", "class": "secondary", id: "tt-clear"
		}, say(box, "clear"));
		actions.appendChild(this.clear);
		this.status = make("p", {
			"class": "tt-status", id: "tt-status", role: "status",
			"aria-live": "polite", "aria-atomic": "true"
		});
		actions.appendChild(this.status);
		fs.appendChild(actions);
		this.note = make("p", { "class": "tt-note", hidden: true },
		    say(box, "offline"));
		fs.appendChild(this.note);
		form.appendChild(fs);
		box.appendChild(form);

		/* The results: a table with the page's own headings. */
		this.results = make("div", {
			"class": "table-scroll tt-results", role: "region",
			"aria-labelledby": "tt-caption", tabindex: "0",
			hidden: true
		});
		this.wrap.parentNode.insertBefore(this.results, this.wrap);
		this.more = make("button", {
			type: "button", "class": "secondary tt-more",
			hidden: true
		});
		this.results.parentNode.insertBefore(this.more,
		    this.results.nextSibling);

		this.addSortButtons(this.table.tHead);
		box.hidden = false;

		form.addEventListener("submit", function (ev) {
			ev.preventDefault();
			self.readForm();
			self.update(true);
		});
		form.addEventListener("change", function (ev) {
			if (ev.target.tagName === "SELECT") {
				self.readForm();
				self.update(true);
			}
		});
		this.input.addEventListener("input", function () {
			clearTimeout(self.timer);
			self.timer = setTimeout(function () {
				self.readForm();
				self.update(true);
			}, 250);
		});
		this.clear.addEventListener("click", function () {
			self.state = { codes: {}, q: "", sort: -1,
			    dir: "asc" };
			self.writeForm();
			self.update(true);
			self.status.textContent = say(box, "cleared");
		});
		this.more.addEventListener("click", function () {
			var row = self.renderMore();

			/* Keep the keyboard in the table it extended. */
			if (row)
				row.querySelector("a").focus();
		});
		/* Sort buttons of both tables (the results' are clones). */
		this.box.closest("main").addEventListener("click",
		    function (ev) {
			var b = ev.target.closest("button.sort");

			if (b)
				self.sortBy(+b.getAttribute("data-col"));
		});
	};

	/* Wrap each heading's content in a button that sorts by it. */
	TableTools.prototype.addSortButtons = function (thead) {
		var cells = thead.rows[0].cells;
		var i, b;

		for (i = 0; i < cells.length; i++) {
			b = make("button", {
				type: "button", "class": "sort",
				"data-col": String(i)
			});
			while (cells[i].firstChild)
				b.appendChild(cells[i].firstChild);
			cells[i].appendChild(b);
		}
	};

	/* JSON or gzip-compressed JSON (regsite.js). */
	function fetchJSON(url) {
		return window.regsite.fetchJSON(url);
	}

	TableTools.prototype.goOffline = function () {
		this.offline = true;
		this.note.hidden = false;
		this.hint.textContent = say(this.box, "searchHintPage");
	};

	/*
	 * Fetch the filters (a few kilobytes); the quarter's records only
	 * when a filter, a search or a sort asks for them.  On failure (a
	 * page opened from a file) fall back to this page alone.
	 */
	TableTools.prototype.load = function () {
		var self = this;

		this.indexURL = new URL(this.box.getAttribute("data-index"),
		    window.location.href);
		return fetchJSON(new URL(this.box.getAttribute("data-filters"),
		    window.location.href)).then(function (fx) {
			self.filters = fx.filters || [];
			self.buildFilters();
		}).catch(function () {
			self.goOffline();
		}).then(function () {
			self.restore();
			self.update(false);
		});
	};

	/* The quarter's records, fetched once. */
	TableTools.prototype.ensureRecords = function () {
		var self = this;

		if (this.records || this.offline)
			return Promise.resolve();
		if (!this.loading) {
			this.status.textContent = say(this.box, "loading");
			this.loading = fetchJSON(this.indexURL).then(
			    function (ix) {
				self.records = (ix.records || []).map(
				    function (r) {
					r.text = fold(r.ref + " " +
					    r.cells.join(" "), self.lang);
					return r;
				});
			}).catch(function () {
				self.goOffline();
			});
		}
		return this.loading;
	};

	TableTools.prototype.buildFilters = function () {
		var self = this;

		this.filters.forEach(function (f) {
			var field, sel;

			/* A filter with one value cannot narrow anything. */
			if (!f.values || f.values.length < 2)
				return;
			field = make("div", { "class": "tt-field" });
			field.appendChild(make("label",
			    { "for": "tt-f-" + f.key }, f.label));
			sel = make("select", { id: "tt-f-" + f.key,
			    name: f.key });
			sel.appendChild(make("option", { value: "" },
			    say(self.box, "all")));
			f.values.forEach(function (v) {
				sel.appendChild(make("option",
				    { value: v.code }, v.label));
			});
			field.appendChild(sel);
			self.filterBox.appendChild(field);
		});
	};

	/* State from the address: ?KEY=CODE&q=WORDS&sort=N&dir=desc. */
	TableTools.prototype.restore = function () {
		var p = new URLSearchParams(window.location.search);
		var st = { codes: {}, q: "", sort: -1, dir: "asc" };
		var n = this.table.tHead.rows[0].cells.length, col;

		this.filters.forEach(function (f) {
			var v = p.get(f.key);

			if (v !== null && f.values.some(function (x) {
				return x.code === v;
			}))
				st.codes[f.key] = v;
		});
		st.q = (p.get("q") || "").slice(0, 200);
		col = parseInt(p.get("sort") || "", 10);
		if (col >= 1 && col <= n) {
			st.sort = col - 1;
			st.dir = p.get("dir") === "desc" ? "desc" : "asc";
		}
		this.state = st;
		this.writeForm();
	};

	TableTools.prototype.readForm = function () {
		var self = this;

		this.state.codes = {};
		this.filterBox.querySelectorAll("select").forEach(
		    function (s) {
			if (s.value !== "")
				self.state.codes[s.name] = s.value;
		});
		this.state.q = this.input.value.trim();
	};

	TableTools.prototype.writeForm = function () {
		var self = this;

		this.filterBox.querySelectorAll("select").forEach(
		    function (s) {
			s.value = self.state.codes[s.name] || "";
		});
		this.input.value = this.state.q;
	};

	TableTools.prototype.active = function () {
		return Object.keys(this.state.codes).length > 0 ||
		    this.state.q !== "" || this.state.sort >= 0;
	};

	/* The address carries the state (replaceState: no history spam). */
	TableTools.prototype.saveURL = function () {
		var p = new URLSearchParams();
		var st = this.state, url;

		Object.keys(st.codes).sort().forEach(function (k) {
			p.set(k, st.codes[k]);
		});
		if (st.q)
			p.set("q", st.q);
		if (st.sort >= 0) {
			p.set("sort", String(st.sort + 1));
			if (st.dir === "desc")
				p.set("dir", "desc");
		}
		url = window.location.pathname + (p.toString() ? "?" +
		    p.toString() : "") + window.location.hash;
		window.history.replaceState(null, "", url);
	};

	TableTools.prototype.sortBy = function (col) {
		var st = this.state, th;

		if (st.sort === col)
			st.dir = st.dir === "asc" ? "desc" : "asc";
		else {
			st.sort = col;
			st.dir = "asc";
		}
		this.update(true);
		/* The clicked button may now be hidden: focus its twin. */
		th = this.visibleTable().tHead.rows[0].cells[col];
		if (th && th.querySelector("button") !== doc.activeElement)
			th.querySelector("button").focus();
	};

	TableTools.prototype.visibleTable = function () {
		return this.results.hidden ? this.table :
		    this.results.querySelector("table");
	};

	/* Sort key of a record for column col (0 is the № column). */
	TableTools.prototype.key = function (r, col) {
		if (col === 0)
			return r.no;
		if (this.classes[col] === "c-date" && r.codes &&
		    r.codes.month)
			return r.codes.month === "*" ? "\uffff" :
			    r.codes.month;
		return r.cells[col - 1] || "";
	};

	TableTools.prototype.compare = function (a, b) {
		if (typeof a === "number" && typeof b === "number")
			return a - b;
		return this.collator.compare(String(a), String(b));
	};

	/* Recompute and show; announce = update the live region. */
	TableTools.prototype.update = function (announce) {
		var self = this;

		if (announce)
			this.saveURL();
		if (!this.offline && !this.records && this.active()) {
			this.ensureRecords().then(function () {
				self.update(false);
			});
			return;
		}
		if (this.offline || !this.records)
			this.updatePage();
		else
			this.updateAll();
	};

	TableTools.prototype.setSortState = function (thead) {
		var st = this.state;

		Array.prototype.forEach.call(thead.rows[0].cells,
		    function (th, i) {
			if (i === st.sort)
				th.setAttribute("aria-sort", st.dir ===
				    "asc" ? "ascending" : "descending");
			else
				th.removeAttribute("aria-sort");
		});
	};

	TableTools.prototype.sortMessage = function () {
		var th, col;

		if (this.state.sort < 0)
			return "";
		th = this.table.tHead.rows[0].cells[this.state.sort];
		col = th.textContent.replace(/^\s*\d+\s*/, "").trim();
		return " " + say(this.box, "sorted", {
			col: col,
			dir: say(this.box, this.state.dir)
		});
	};

	/* Every page of the quarter, from records.json.gz. */
	TableTools.prototype.updateAll = function () {
		var self = this, st = this.state;
		var ws = words(st.q, this.lang);
		var keys = Object.keys(st.codes);
		var sign = st.dir === "desc" ? -1 : 1;
		var list;

		if (!this.active()) {
			this.results.hidden = true;
			this.more.hidden = true;
			this.wrap.hidden = false;
			this.pagers.forEach(function (p) { p.hidden = false; });
			this.status.textContent = "";
			return;
		}
		list = this.records.filter(function (r) {
			var i;

			for (i = 0; i < keys.length; i++)
				if (!r.codes || r.codes[keys[i]] !==
				    st.codes[keys[i]])
					return false;
			for (i = 0; i < ws.length; i++)
				if (r.text.indexOf(ws[i]) === -1)
					return false;
			return true;
		});
		if (st.sort >= 0) {
			list.sort(function (a, b) {
				return sign * self.compare(self.key(a,
				    st.sort), self.key(b, st.sort)) ||
				    a.no - b.no;
			});
		}
		this.matches = list;
		this.words = ws;
		this.renderResults();
		this.status.textContent = say(this.box, "count", {
			n: fmtInt(list.length),
			total: fmtInt(this.records.length)
		}) + this.sortMessage();
	};

	TableTools.prototype.renderResults = function () {
		var table = this.results.querySelector("table");
		var cap, thead;

		if (!table) {
			table = make("table", { "class": this.table.className });
			cap = make("caption", { id: "tt-caption" },
			    say(this.box, "caption"));
			table.appendChild(cap);
			thead = this.table.tHead.cloneNode(true);
			table.appendChild(thead);
			table.appendChild(make("tbody"));
			this.results.appendChild(table);
		}
		this.setSortState(table.tHead);
		table.removeChild(table.tBodies[0]);
		table.appendChild(make("tbody"));
		this.shown = 0;
		this.results.hidden = false;
		this.wrap.hidden = true;
		this.pagers.forEach(function (p) { p.hidden = true; });
		if (this.matches.length === 0) {
			var tr = make("tr"), td;

			td = make("td", { colspan: String(
			    table.tHead.rows[0].cells.length) },
			    say(this.box, "none"));
			tr.appendChild(td);
			table.tBodies[0].appendChild(tr);
		}
		this.renderMore();
	};

	/* Render the next CHUNK matches; returns the first row added. */
	TableTools.prototype.renderMore = function () {
		var tbody = this.results.querySelector("tbody");
		var end = Math.min(this.matches.length, this.shown + CHUNK);
		var frag = doc.createDocumentFragment();
		var first = null, i, j, r, tr, th, td, left;

		for (i = this.shown; i < end; i++) {
			r = this.matches[i];
			tr = make("tr");
			th = make("th", { scope: "row", "class": "c-no" });
			th.appendChild(make("span", { "class": "rowno" },
			    String(r.no)));
			th.appendChild(make("a", {
				"class": "ref",
				href: new URL(r.href, this.indexURL).href
			}, r.ref));
			tr.appendChild(th);
			for (j = 0; j < r.cells.length; j++) {
				/* Its card label comes from the style sheet;
				 * its kind from its heading, as on the page. */
				td = make("td");
				appendMarked(td, r.cells[j], this.words,
				    this.lang);
				tr.appendChild(td);
			}
			frag.appendChild(tr);
			if (!first)
				first = tr;
		}
		tbody.appendChild(frag);
		this.shown = end;
		left = this.matches.length - this.shown;
		this.more.hidden = left <= 0;
		this.more.textContent = say(this.box, "more",
		    { n: fmtInt(Math.min(left, CHUNK)) });
		return first;
	};

	/* Offline: search and sort the rows of this page only. */
	TableTools.prototype.updatePage = function () {
		var self = this, st = this.state;
		var ws = words(st.q, this.lang);
		var sign = st.dir === "desc" ? -1 : 1;
		var tbody = this.table.tBodies[0];
		var rows = this.pageRows.slice(), n = 0;

		if (!tbody)
			return;
		rows.forEach(function (tr) {
			var text = fold(rowText(tr), self.lang);
			var hit = ws.every(function (w) {
				return text.indexOf(w) !== -1;
			});

			tr.hidden = !hit;
			if (hit)
				n++;
		});
		if (st.sort >= 0) {
			rows.sort(function (a, b) {
				var x = a.cells[st.sort], y = b.cells[st.sort];
				var kx = st.sort === 0 ? +a.querySelector(
				    ".rowno").textContent : x.textContent;
				var ky = st.sort === 0 ? +b.querySelector(
				    ".rowno").textContent : y.textContent;

				return sign * self.compare(kx, ky);
			});
		}
		rows.forEach(function (tr) { tbody.appendChild(tr); });
		this.setSortState(this.table.tHead);
		this.status.textContent = this.active() ?
		    say(this.box, "countPage", { n: n, total: rows.length }) +
		    this.sortMessage() : "";
	};

	function initTableTools() {
		var box = doc.getElementById("table-tools");
		var tt;

		if (!window.regsite || !box || !doc.getElementById("records") ||
		    !doc.getElementById("records").tHead ||
		    !box.getAttribute("data-index") || !window.fetch ||
		    !window.URLSearchParams)
			return;
		tt = new TableTools(box);
		tt.build();
		tt.load();
	}

	if (window.regsite) {
		say = window.regsite.say;
		make = window.regsite.make;
	}
	if (doc.readyState === "loading")
		doc.addEventListener("DOMContentLoaded", initTableTools);
	else
		initTableTools();
}());
