/*
 * explore.js -- the explorer over all quarters (kk/explore/incidents/):
 * a quarter, the table script's filters (merged from every quarter's
 * filters.json) and a free-word search over every quarter's
 * records.json.gz, each fetched only when a search needs it; the matching
 * rows in a table and as a CSV download; a region filter over the
 * protected regional table; the state in the address (?quarter=2025Q2
 * &group=surgical&q=...&region=KZ-75), so that a shared link shows the
 * same rows, and in the citation.  The quarters are read from the
 * page's plain list (#explore-quarters), which serves readers without
 * JavaScript.
 */
(function () {
	"use strict";

	var doc = document;
	var root = doc.documentElement;
	var say, make;
	var CHUNK = 200;

	/* A count as fmt_int (format.c) writes it; as in tables.js. */
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

	/* JSON or gzip-compressed JSON (regsite.js). */
	function fetchJSON(url) {
		return window.regsite.fetchJSON(url);
	}

	/* A CSV field as esc_csv (escape.c) writes it: quoted; a formula
	 * (= + - @ TAB CR first, not a number) gets an apostrophe. */
	function csvField(s) {
		s = String(s);
		if (/^[=+\-@\t\r]/.test(s) && !/^-?[0-9]+([.,][0-9]+)?$/.test(s))
			s = "'" + s;
		return "\"" + s.replace(/"/g, "\"\"") + "\"";
	}

	function Explorer(box) {
		var self = this;

		this.box = box;
		this.lang = root.getAttribute("lang") || "kk";
		this.quarters = Array.prototype.map.call(
		    doc.querySelectorAll("#explore-quarters > li"),
		    function (li) {
			return {
				code: li.getAttribute("data-quarter"),
				label: li.getAttribute("data-label"),
				index: new URL(li.getAttribute("data-index"),
				    window.location.href).href,
				filters: new URL(li.getAttribute(
				    "data-filters"), window.location.href).href,
				records: null
			};
		}).reverse();		/* oldest first */
		this.filters = [];
		this.state = { quarter: "", codes: {}, q: "", region: "" };
		this.matches = [];
		this.shown = 0;
		this.table = doc.getElementById("ex-results");
		this.results = this.table.closest(".table-scroll");
		this.heads = Array.prototype.map.call(
		    this.table.tHead.rows[0].cells, function (c) {
			return c.textContent.trim();
		});
		this.regions = Array.prototype.slice.call(
		    doc.querySelectorAll("#ex-regions tbody"));
		this.citation = doc.getElementById("citation");
		self.seq = 0;
	}

	Explorer.prototype.field = function (id, label, el) {
		var f = make("div", { "class": "tt-field" });

		f.appendChild(make("label", { "for": id }, label));
		f.appendChild(el);
		return f;
	};

	Explorer.prototype.build = function () {
		var self = this, box = this.box;
		var form, fs, search, actions, sel;

		form = make("form", { "class": "tt-form", role: "search",
		    "aria-labelledby": "ex-legend" });
		fs = make("fieldset");
		fs.appendChild(make("legend", { id: "ex-legend" },
		    say(box, "legend")));
		search = make("div", { "class": "tt-search" });
		search.appendChild(make("label", { "for": "ex-q" },
		    say(box, "search")));
		search.appendChild(make("span", { "class": "tt-hint",
		    id: "ex-q-hint" }, say(box, "searchHint")));
		this.input = make("input", { type: "search", id: "ex-q",
		    name: "q", autocomplete: "off", spellcheck: "false",
		    "aria-describedby": "ex-q-hint" });
		search.appendChild(this.input);
		fs.appendChild(search);
		this.filterBox = make("div", { "class": "tt-filters" });
		sel = make("select", { id: "ex-quarter", name: "quarter" });
		sel.appendChild(make("option", { value: "" },
		    say(box, "allQuarters")));
		this.quarters.slice().reverse().forEach(function (q) {
			sel.appendChild(make("option", { value: q.code },
			    q.label));
		});
		this.quarterSel = sel;
		this.filterBox.appendChild(this.field("ex-quarter",
		    say(box, "quarter"), sel));
		fs.appendChild(this.filterBox);
		actions = make("div", { "class": "tt-actions" });
		this.clear = make("button", { type: "button",
		    "class": "secondary", id: "ex-clear" }, say(box, "clear"));
		actions.appendChild(this.clear);
		this.download = make("button", { type: "button",
		    id: "ex-download", disabled: true }, say(box, "download"));
		actions.appendChild(this.download);
		this.status = make("p", { "class": "tt-status",
		    id: "ex-status", role: "status", "aria-live": "polite",
		    "aria-atomic": "true" });
		actions.appendChild(this.status);
		fs.appendChild(actions);
		form.appendChild(fs);
		box.insertBefore(form, box.firstChild);
		this.more = make("button", { type: "button",
		    "class": "secondary tt-more", hidden: true });
		box.appendChild(this.more);
		box.hidden = false;

		form.addEventListener("submit", function (ev) {
			ev.preventDefault();
			self.readForm();
			self.update();
		});
		form.addEventListener("change", function (ev) {
			if (ev.target.tagName === "SELECT") {
				self.readForm();
				self.update();
			}
		});
		this.input.addEventListener("input", function () {
			clearTimeout(self.timer);
			self.timer = setTimeout(function () {
				self.readForm();
				self.update();
			}, 250);
		});
		this.clear.addEventListener("click", function () {
			self.state = { quarter: "", codes: {}, q: "",
			    region: "" };
			self.writeForm();
			self.update();
		});
		this.download.addEventListener("click", function () {
			self.saveCSV();
		});
		this.more.addEventListener("click", function () {
			var row = self.renderMore();

			if (row)
				row.querySelector("a, span").focus();
		});
	};

	/* The region filter, above the regional table. */
	Explorer.prototype.buildRegions = function () {
		var self = this, sec, sel, field;

		if (this.regions.length === 0)
			return;
		sec = doc.getElementById("ex-regions").closest("section");
		sel = make("select", { id: "ex-region", name: "region" });
		sel.appendChild(make("option", { value: "" },
		    say(this.box, "all")));
		this.regions.forEach(function (tb) {
			sel.appendChild(make("option",
			    { value: tb.getAttribute("data-region") },
			    tb.rows[0].cells[0].textContent));
		});
		this.regionSel = sel;
		field = make("div", { "class": "tt-field ex-region" });
		field.appendChild(make("label", { "for": "ex-region" },
		    sec.querySelector("thead th").textContent));
		field.appendChild(sel);
		sec.insertBefore(field, sec.querySelector(".region-links"));
		sel.addEventListener("change", function () {
			self.state.region = sel.value;
			self.showRegions();
			self.saveURL();
		});
	};

	Explorer.prototype.showRegions = function () {
		var r = this.state.region;

		this.regions.forEach(function (tb) {
			tb.hidden = r !== "" && tb.getAttribute("data-region")
			    !== r;
		});
	};

	/* Every quarter's filters, merged: labels from the newest. */
	Explorer.prototype.load = function () {
		var self = this;

		return Promise.all(this.quarters.map(function (q) {
			return fetchJSON(q.filters).then(function (fx) {
				return fx.filters || [];
			});
		})).then(function (all) {
			var byKey = {}, order = [];

			all.forEach(function (fl) {
				fl.forEach(function (f) {
					var m = byKey[f.key];

					if (!m) {
						m = byKey[f.key] = { key: f.key,
						    label: f.label, values: [],
						    seen: {} };
						order.push(f.key);
					}
					f.values.forEach(function (v) {
						if (!(v.code in m.seen)) {
							m.seen[v.code] = 1;
							m.values.push(v);
						}
					});
				});
			});
			self.filters = order.map(function (k) {
				return byKey[k];
			}).filter(function (f) {
				return f.values.length >= 2;
			});
			self.filters.forEach(function (f) {
				var sel = make("select", { id: "ex-f-" + f.key,
				    name: f.key });

				sel.appendChild(make("option", { value: "" },
				    say(self.box, "all")));
				f.values.sort(function (a, b) {
					return a.code < b.code ? -1 :
					    a.code > b.code ? 1 : 0;
				}).forEach(function (v) {
					sel.appendChild(make("option",
					    { value: v.code }, v.label));
				});
				self.filterBox.appendChild(self.field(
				    "ex-f-" + f.key, f.label, sel));
			});
		}).catch(function () {
			self.status.textContent = say(self.box, "failed");
		}).then(function () {
			self.restore();
			self.update();
		});
	};

	Explorer.prototype.restore = function () {
		var p = new URLSearchParams(window.location.search);
		var st = { quarter: "", codes: {}, q: "", region: "" };
		var v = p.get("quarter");

		if (v && this.quarters.some(function (q) {
			return q.code === v;
		}))
			st.quarter = v;
		this.filters.forEach(function (f) {
			var c = p.get(f.key);

			if (c !== null && f.values.some(function (x) {
				return x.code === c;
			}))
				st.codes[f.key] = c;
		});
		st.q = (p.get("q") || "").slice(0, 200);
		v = p.get("region");
		if (v && this.regions.some(function (tb) {
			return tb.getAttribute("data-region") === v;
		}))
			st.region = v;
		this.state = st;
		this.writeForm();
		this.showRegions();
	};

	Explorer.prototype.readForm = function () {
		var self = this;

		this.state.quarter = this.quarterSel.value;
		this.state.codes = {};
		this.filterBox.querySelectorAll("select").forEach(
		    function (s) {
			if (s !== self.quarterSel && s.value !== "")
				self.state.codes[s.name] = s.value;
		});
		this.state.q = this.input.value.trim();
	};

	Explorer.prototype.writeForm = function () {
		var self = this;

		this.quarterSel.value = this.state.quarter;
		this.filterBox.querySelectorAll("select").forEach(
		    function (s) {
			if (s !== self.quarterSel)
				s.value = self.state.codes[s.name] || "";
		});
		this.input.value = this.state.q;
		if (this.regionSel)
			this.regionSel.value = this.state.region;
	};

	Explorer.prototype.params = function () {
		var p = new URLSearchParams(), st = this.state;

		if (st.quarter)
			p.set("quarter", st.quarter);
		Object.keys(st.codes).sort().forEach(function (k) {
			p.set(k, st.codes[k]);
		});
		if (st.q)
			p.set("q", st.q);
		if (st.region)
			p.set("region", st.region);
		return p;
	};

	Explorer.prototype.saveURL = function () {
		var p = this.params().toString();
		var url = window.location.pathname + (p ? "?" + p : "") +
		    window.location.hash;

		window.history.replaceState(null, "", url);
		/* The citation names the filtered view. */
		this.citation.textContent = this.citation.getAttribute(
		    "data-head") + ". " + window.location.href;
	};

	Explorer.prototype.active = function () {
		return this.state.quarter !== "" || this.state.q !== "" ||
		    Object.keys(this.state.codes).length > 0;
	};

	/* The records of the quarters a search needs, fetched once. */
	Explorer.prototype.ensure = function (qs) {
		var self = this;

		return Promise.all(qs.map(function (q) {
			if (q.records)
				return q.records;
			if (!q.loading)
				q.loading = fetchJSON(q.index).then(
				    function (ix) {
					q.records = (ix.records || []).map(
					    function (r) {
						r.quarter = q;
						r.url = new URL(r.href || "",
						    q.index).href;
						r.text = fold(r.ref + " " +
						    r.cells.join(" "), self.lang);
						return r;
					});
					return q.records;
				});
			return q.loading;
		}));
	};

	Explorer.prototype.update = function () {
		var self = this, st = this.state, seq = ++this.seq, qs, ws;

		this.saveURL();
		if (!this.active()) {
			this.matches = [];
			this.results.hidden = true;
			this.more.hidden = true;
			this.download.disabled = true;
			this.status.textContent = "";
			return Promise.resolve();
		}
		qs = this.quarters.filter(function (q) {
			return !st.quarter || q.code === st.quarter;
		});
		ws = fold(st.q, this.lang).split(/\s+/).filter(Boolean);
		if (qs.some(function (q) { return !q.records; }))
			this.status.textContent = say(this.box, "loading");
		return this.ensure(qs).then(function (lists) {
			var all = [], total = 0;

			if (seq !== self.seq)
				return;
			lists.forEach(function (rs) {
				total += rs.length;
				rs.forEach(function (r) {
					var ok = Object.keys(st.codes).every(
					    function (k) {
						return r.codes[k] ===
						    st.codes[k];
					}) && ws.every(function (w) {
						return r.text.indexOf(w) !== -1;
					});

					if (ok)
						all.push(r);
				});
			});
			self.matches = all;
			self.render();
			self.status.textContent = all.length === 0 ?
			    say(self.box, "none") : say(self.box, "count",
			    { n: fmtInt(all.length),
			    total: fmtInt(total) });
		}).catch(function () {
			if (seq === self.seq)
				self.status.textContent = say(self.box,
				    "failed");
		});
	};

	Explorer.prototype.render = function () {
		var tb = this.table.tBodies[0];

		while (tb.firstChild)
			tb.removeChild(tb.firstChild);
		this.shown = 0;
		this.results.hidden = this.matches.length === 0;
		this.download.disabled = this.matches.length === 0;
		this.renderMore();
	};

	Explorer.prototype.renderMore = function () {
		var tb = this.table.tBodies[0], first = null, end, i, r, tr,
		    th, heads = this.heads;

		end = Math.min(this.matches.length, this.shown + CHUNK);
		for (i = this.shown; i < end; i++) {
			r = this.matches[i];
			tr = make("tr");
			th = make("th", { scope: "row", "class": "c-no" });
			if (r.href)
				th.appendChild(make("a", { "class": "ref",
				    href: r.url }, r.ref));
			else
				th.appendChild(make("span", { "class": "ref",
				    tabindex: "-1" }, r.ref));
			tr.appendChild(th);
			/* data-label: a card's heading (style.css). */
			tr.appendChild(make("td", { "class": "c-quarter",
			    "data-label": heads[1] }, r.quarter.label));
			r.cells.forEach(function (c, k) {
				tr.appendChild(make("td",
				    { "data-label": heads[k + 2] || null }, c));
			});
			tb.appendChild(tr);
			if (!first)
				first = tr;
		}
		this.shown = end;
		this.more.hidden = this.shown >= this.matches.length;
		this.more.textContent = say(this.box, "more",
		    { n: Math.min(CHUNK, this.matches.length - this.shown) });
		return first;
	};

	/* The rows as the quarter CSVs (dl_csv.c): BOM, ';', CRLF.  Named
	 * after the filters, not the search words. */
	Explorer.prototype.saveCSV = function () {
		var lines = [this.heads.map(csvField).join(";")], a, url,
		    name = this.box.getAttribute("data-form"), parts = [];

		this.matches.forEach(function (r) {
			lines.push([r.ref, r.quarter.code].concat(r.cells)
			    .map(csvField).join(";"));
		});
		url = URL.createObjectURL(new Blob(["\ufeff" +
		    lines.join("\r\n") + "\r\n"], { type: "text/csv" }));
		this.params().forEach(function (v, k) {
			if (k === "q")
				parts.push("search");
			else if (/^[A-Za-z0-9_]+$/.test(k) &&
			    /^[A-Za-z0-9_]+$/.test(v))
				parts.push(v);
			else
				parts.push(k.replace(/[^A-Za-z0-9]+/g, ""));
		});
		parts = parts.filter(Boolean);
		if (parts.length)
			name += "-" + parts.join("-").slice(0, 80);
		a = make("a", { href: url, download: name + ".csv",
		    hidden: true });
		doc.body.appendChild(a);
		a.click();
		doc.body.removeChild(a);
		setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
	};

	function init() {
		var box = doc.getElementById("explorer"), ex;

		if (!window.regsite || !box || !window.fetch ||
		    !window.URLSearchParams || !window.Promise)
			return;
		say = window.regsite.say;
		make = window.regsite.make;
		ex = new Explorer(box);
		ex.build();
		ex.buildRegions();
		ex.load();
	}

	if (doc.readyState === "loading")
		doc.addEventListener("DOMContentLoaded", init);
	else
		init();
}());
