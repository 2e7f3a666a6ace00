/*
 * regsite.js -- enhancements for every page of the registry site.
 * Every page works without it; it is loaded from the site's own origin
 * (no inline script, no eval, no inline style: it runs under the strict
 * CSP) and does nothing on pages without the parts it enhances.
 *
 *  - the version for visually impaired visitors: remembered in
 *    localStorage (without JavaScript the #a11y link turns it on for
 *    the page through CSS :target);
 *  - the skip link moves the keyboard focus to the main content;
 *  - the language switch keeps the query and the fragment;
 *  - on narrow screens the main menu folds behind a button;
 *  - folded texts open for printing.
 *
 * Loaded in <head>: the visually impaired version applies before the
 * page is drawn.  tables.js and explore.js use its window.regsite.
 *
 * The interface words come from the page (data-l-* attributes written
 * from the translation catalog): the script itself has no language.
 */
(function () {
	"use strict";

	var doc = document;
	var root = doc.documentElement;
	var A11Y_KEY = "regsite-a11y";

	root.classList.add("js");

	/* localStorage may be missing or refuse (private modes, file://). */
	function storeGet(key) {
		try {
			return window.localStorage.getItem(key);
		} catch (e) {
			return null;
		}
	}

	function storeSet(key, value) {
		try {
			if (value === null)
				window.localStorage.removeItem(key);
			else
				window.localStorage.setItem(key, value);
		} catch (e) {
			/* Not remembered; the mode still applies to this page. */
		}
	}

	/* Applied before the body is parsed: no flash of the normal page. */
	if (storeGet(A11Y_KEY) === "1")
		root.classList.add("a11y");

	/* Interface text from data-l-NAME, with {name} placeholders. */
	function say(el, name, vars) {
		var key = "l" + name.charAt(0).toUpperCase() + name.slice(1);
		var s = el.dataset[key] || "";

		return s.replace(/\{(\w+)\}/g, function (m, v) {
			return vars && v in vars ? String(vars[v]) : m;
		});
	}

	function make(tag, attrs, text) {
		var el = doc.createElement(tag);
		var k;

		for (k in attrs || {}) {
			if (attrs[k] === true)
				el.setAttribute(k, "");
			else if (attrs[k] !== false && attrs[k] !== null)
				el.setAttribute(k, attrs[k]);
		}
		if (text !== undefined)
			el.textContent = text;
		return el;
	}

	/* ------------------------------------------------------------ */
	/* Version for visually impaired visitors.                        */

	function setA11y(on) {
		root.classList.toggle("a11y", on);
		/* Overrides a #a11y :target left in the address. */
		root.classList.toggle("a11y-no", !on);
		storeSet(A11Y_KEY, on ? "1" : null);
	}

	function initA11y() {
		var bar = doc.getElementById("a11y");

		if (!bar)
			return;
		if (window.location.hash === "#a11y")
			setA11y(true);
		bar.addEventListener("click", function (ev) {
			var a = ev.target.closest("a");
			var on, next;

			if (!a)
				return;
			on = a.classList.contains("a11y-on");
			if (!on && !a.classList.contains("a11y-off"))
				return;
			ev.preventDefault();
			setA11y(on);
			/* Keep the keyboard where it was: on the other link. */
			next = bar.querySelector(on ? ".a11y-off" : ".a11y-on");
			if (next)
				next.focus();
		});
	}

	/* The same ids and parameters in both languages. */
	function initLangSwitch() {
		var a = doc.querySelector("a.lang-switch"), base;

		if (!a)
			return;
		base = a.getAttribute("href").replace(/[?#].*/, "");
		["pointerdown", "focus", "click"].forEach(function (ev) {
			a.addEventListener(ev, function () {
				a.href = base + location.search + location.hash;
			});
		});
	}

	/* ------------------------------------------------------------ */
	/* Skip link and menu.                                            */

	function focusTarget(el) {
		if (!el)
			return;
		if (!el.hasAttribute("tabindex"))
			el.setAttribute("tabindex", "-1");
		el.focus();
	}

	function initSkipLink() {
		var skip = doc.querySelector(".skip-link");

		if (!skip)
			return;
		skip.addEventListener("click", function () {
			focusTarget(doc.getElementById(
			    skip.getAttribute("href").slice(1)));
		});
	}

	function initMenu() {
		var nav = doc.querySelector(".site-nav[data-l-menu]");
		var tools = doc.querySelector(".header-tools");
		var list = nav && nav.querySelector(".nav-list");
		var button;

		if (!nav || !nav.id || !tools || !list)
			return;
		button = make("button", {
			type: "button",
			"class": "menu-toggle",
			"aria-controls": nav.id,
			"aria-expanded": "false"
		}, say(nav, "menu"));
		nav.classList.add("folded");
		button.addEventListener("click", function () {
			var open = nav.classList.toggle("folded") === false;

			button.setAttribute("aria-expanded", open ? "true" :
			    "false");
		});
		tools.insertBefore(button, tools.firstChild);
	}

	/*
	 * Printing: folded texts and chart data in full.  Every closed
	 * <details> opens before printing and closes again after.
	 */
	function initPrint() {
		var opened = [];

		window.addEventListener("beforeprint", function () {
			doc.querySelectorAll("main details:not([open])")
			    .forEach(function (d) {
				d.open = true;
				opened.push(d);
			});
		});
		window.addEventListener("afterprint", function () {
			opened.forEach(function (d) { d.open = false; });
			opened = [];
		});
	}

	/* For tables.js. */
	/*
	 * Fetch JSON, or gzip-compressed JSON (the record indexes,
	 * records.json.gz), whether or not the server undid the
	 * compression on the way.  Without DecompressionStream (an old
	 * browser) a compressed index fails like an unreachable one.
	 */
	function fetchJSON(url) {
		var href = String(url);

		return window.fetch(href, { credentials: "same-origin" })
		    .then(function (r) {
			if (!r.ok)
				throw new Error(r.status + " " + href);
			return r.arrayBuffer();
		}).then(function (buf) {
			var b = new Uint8Array(buf);

			if (b.length < 2 || b[0] !== 0x1f || b[1] !== 0x8b)
				return new TextDecoder().decode(b);
			if (typeof window.DecompressionStream !== "function")
				throw new Error("gzip: " + href);
			return new Response(new Blob([b]).stream().pipeThrough(
			    new window.DecompressionStream("gzip"))).text();
		}).then(JSON.parse);
	}

	window.regsite = { say: say, make: make, fetchJSON: fetchJSON };

	function init() {
		initA11y();
		initSkipLink();
		initLangSwitch();
		initMenu();
		initPrint();
	}

	if (doc.readyState === "loading")
		doc.addEventListener("DOMContentLoaded", init);
	else
		init();
}());
