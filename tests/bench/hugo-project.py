#!/usr/bin/env python3
# hugo-project.py SITE DIR [ROWS] -- the Hugo side of make bench: a
# multilingual Hugo project (kk, ru) whose pages carry regsite's own
# per-quarter language CSV rows (SITE/data/<quarter>/<form>-<lang>.csv)
# in JSON front matter, ROWS a page (default 100), rendered as a table
# by one layout.  Only the record tables: the comparison's floor.
import csv
import json
import os
import sys

site, out = sys.argv[1], sys.argv[2]
rpp = int(sys.argv[3]) if len(sys.argv) > 3 else 100
csv.field_size_limit(1 << 30)

os.makedirs(os.path.join(out, "layouts", "_default"), exist_ok=True)
with open(os.path.join(out, "config.toml"), "w") as f:
    f.write('baseURL = "http://localhost:8000/"\n'
            'defaultContentLanguage = "kk"\n'
            'defaultContentLanguageInSubdir = true\n'
            'disableKinds = ["taxonomy", "term", "RSS", "sitemap", '
            '"robotsTXT", "404"]\n'
            '[languages.kk]\ncontentDir = "content/kk"\nweight = 1\n'
            '[languages.ru]\ncontentDir = "content/ru"\nweight = 2\n')
with open(os.path.join(out, "layouts", "_default", "single.html"),
          "w") as f:
    f.write('<!DOCTYPE html>\n<html lang="{{ .Lang }}"><head>'
            '<meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body><h1>{{ .Title }}</h1><table><thead><tr>'
            '{{ range .Params.header }}<th>{{ . }}</th>{{ end }}'
            '</tr></thead><tbody>{{ range .Params.rows }}<tr>'
            '{{ range . }}<td>{{ . }}</td>{{ end }}</tr>{{ end }}'
            '</tbody></table></body></html>\n')
with open(os.path.join(out, "layouts", "_default", "list.html"),
          "w") as f:
    f.write('<!DOCTYPE html>\n<html lang="{{ .Lang }}"><head>'
            '<meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
            '{{ .Title }}</a></li>{{ end }}</ul></body></html>\n')

pages = 0
rows = 0
data = os.path.join(site, "data")
for q in sorted(os.listdir(data)):
    if q == "all" or not os.path.isdir(os.path.join(data, q)):
        continue
    for lang in ("kk", "ru"):
        for form in ("incidents", "insurance"):
            src = os.path.join(data, q, "%s-%s.csv" % (form, lang))
            if not os.path.exists(src):
                continue
            with open(src, newline="", encoding="utf-8-sig") as f:
                r = list(csv.reader(f))
            header, body = r[0], r[1:]
            d = os.path.join(out, "content", lang, q, form)
            os.makedirs(d, exist_ok=True)
            for i in range(0, max(len(body), 1), rpp):
                n = i // rpp + 1
                fm = {"title": "%s %s %d" % (q, form, n),
                      "header": header, "rows": body[i:i + rpp]}
                with open(os.path.join(d, "page-%d.md" % n), "w",
                          encoding="utf-8") as g:
                    json.dump(fm, g, ensure_ascii=False)
                    g.write("\n")
                pages += 1
            if lang == "kk":
                rows += len(body)
print("hugo project: %d pages, %d records a language" % (pages, rows))
