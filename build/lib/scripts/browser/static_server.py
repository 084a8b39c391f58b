"""A small static file server that gzips text responses, as real hosting does.

Used by the browser tests, Lighthouse and the benchmarks, so page weight is measured as readers get it.
`python -m scripts.browser.static_server SITE_DIR [PORT]` serves until stopped.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


class GzipRequestHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urllib.parse.urlsplit(self.path).path.endswith("/"):
                # /aftercare -> 301 /aftercare/, as real hosting does, so relative links resolve the same way.
                return super().send_head()
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serving(site_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve site_dir on 127.0.0.1 in a background thread; yields the base URL."""
    handler = functools.partial(GzipRequestHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m scripts.browser.static_server SITE_DIR [PORT]", file=sys.stderr)
        return 2
    port = int(argv[1]) if len(argv) > 1 else 8000
    with serving(Path(argv[0]), port) as url:
        print(f"Serving {argv[0]} at {url} (Ctrl+C to stop)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
