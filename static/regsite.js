/*
 * regsite.js -- small enhancements; every page works without it.
 * Loaded with defer from the site's own origin (no inline script).
 */
(function () {
	"use strict";
	document.documentElement.classList.add("js");
}());
