"""El sitio construido (_build/html), abierto como lo abre una lectora: en Chromium sin cabeza.

Cada página debe mostrar las matemáticas compuestas (MathJax local, sin internet),
ningún resto de sintaxis MyST, ninguna imagen rota, ningún error de JavaScript y
ninguna petición fuera de localhost. Necesita ``make book`` antes (``make test`` lo hace).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RAW_MYST = re.compile(r"\{(exercise|solution|solution-start|glue|cite|code-cell|term|ref|eq|note|admonition)[}:]|^:::|```\{")
RAW_TEX = re.compile(r"\$\$|\\\(|\\\[|\\frac|\\begin\{|\\mathbf|\\sum_|\\partial")
ENGLISH_UI = ["Search this book", "Toggle primary sidebar", "Toggle secondary sidebar", "Skip to main content",
              "Back to top", "Link to this heading", "Print to PDF", "Download source file",
              "Launch Binder", "Show code cell", "Hide code cell", "Click to show", "Exercise ", "Solution to",
              "Contents", "By Las personas"]


def pages() -> list[str]:
    """Las páginas del sitio (sin la redirección que Jupyter Book escribe en index.html)."""
    if not HTML.exists():
        return []
    found = [p for p in HTML.rglob("*.html") if 'http-equiv="Refresh"' not in p.read_text(encoding="utf-8")]
    return sorted(p.relative_to(HTML).as_posix() for p in found
                  if not p.relative_to(HTML).as_posix().startswith(("_static", "_sources")))


def toc_files() -> list[str]:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


@pytest.fixture(scope="module")
def server():
    if not (HTML / "index.html").exists():
        pytest.fail("no hay sitio construido en _build/html: ejecuta make book")
    handler = functools.partial(_QuietHandler, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("falta Chromium (apt-get install chromium); .ci/run lo instala")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def test_every_page_of_the_table_of_contents_was_built():
    built = set(pages())
    for f in toc_files():
        assert f"{f}.html" in built, f"falta {f}.html"


def test_the_colab_buttons_open_the_generated_notebooks():
    for f in toc_files():
        if not re.match(r"book/\d\d-", f):
            continue
        html = (HTML / f"{f}.html").read_text(encoding="utf-8")
        stem = f.split("/")[-1]
        assert re.search(rf"https://colab\.research\.google\.com/github/[\w.-]+/[\w.-]+/blob/main/notebooks/{stem}\.ipynb", html), stem
        assert "colab.research.google.com/github" in html and f"/blob/main/book/{stem}.md" not in html


def test_the_html_has_no_english_interface_leftovers():
    for page in pages():
        html = (HTML / page).read_text(encoding="utf-8")
        left = [s for s in ENGLISH_UI if s in html]
        assert not left, f"{page}: {left}"


def test_math_is_served_locally():
    assert (HTML / "_static" / "mathjax" / "tex-chtml.js").exists()


@pytest.mark.parametrize("page", pages())
def test_page_renders_in_a_browser_without_leaving_localhost(page, server, browser):
    tab = browser.new_page()
    external, failed, errors = [], [], []

    def route(r):
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            r.continue_()
        else:
            external.append(r.request.url)
            r.abort()

    tab.route("**/*", route)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("response", lambda resp: failed.append(f"{resp.status} {resp.url}") if resp.status >= 400 else None)
    tab.on("requestfailed", lambda req: None if req.url in external else failed.append(f"falló {req.url}"))
    tab.goto(f"{server}/{page}", wait_until="load")
    tab.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
    tab.evaluate("""async () => { for (const img of document.images) { img.loading = 'eager';
                   if (!img.complete) await new Promise(r => { img.onload = img.onerror = r; }); } }""")
    report = tab.evaluate("""() => {
        const math = Array.from(document.querySelectorAll('.math'));
        const unrendered = math.filter(m => !m.querySelector('mjx-container')).map(m => m.textContent.slice(0, 60));
        const mathErrors = document.querySelectorAll('mjx-merror').length;
        const broken = Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src);
        const main = document.querySelector('main') || document.body;
        const clone = main.cloneNode(true);
        clone.querySelectorAll('pre, code, script, style, mjx-container, .highlight, textarea').forEach(e => e.remove());
        return {unrendered, mathErrors, broken, text: clone.innerText};
    }""")
    tab.close()
    assert not external, f"peticiones fuera de localhost: {external[:5]}"
    assert not failed, f"recursos que no cargan: {failed[:5]}"
    assert not errors, f"errores de JavaScript: {errors[:3]}"
    assert not report["unrendered"] and report["mathErrors"] == 0, f"matemáticas sin componer: {report['unrendered'][:3]}"
    assert not report["broken"], f"imágenes rotas: {report['broken'][:3]}"
    raw = RAW_MYST.search(report["text"])
    assert not raw, f"sintaxis MyST visible: …{report['text'][max(0, raw.start() - 40):raw.end() + 40]}…"
    tex = RAW_TEX.search(report["text"])
    assert not tex, f"TeX sin componer: …{report['text'][max(0, tex.start() - 40):tex.end() + 40]}…"


def test_exercises_are_numbered_from_one_in_every_chapter_as_in_colab():
    for f in toc_files():
        if re.match(r"book/\d\d-", f):
            html = (HTML / f"{f}.html").read_text(encoding="utf-8")
            numbers = [int(n) for n in re.findall(r"Ejercicio (\d+)", html)]
            assert numbers and sorted(set(numbers)) == list(range(1, max(numbers) + 1)), f
