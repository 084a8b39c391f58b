"""The local server the browser tests and benchmarks use behaves like real static hosting."""

from __future__ import annotations

import gzip
import http.client
import urllib.parse

import pytest

from scripts.browser.static_server import serving

PAGE = "<!doctype html><title>Aftercare</title><p>" + "Keep the skin clean. " * 50 + "</p>"


@pytest.fixture
def server(tmp_path):
    (tmp_path / "aftercare").mkdir()
    (tmp_path / "aftercare" / "index.html").write_text(PAGE, encoding="utf-8")
    with serving(tmp_path) as url:
        yield urllib.parse.urlsplit(url).netloc


def get(netloc: str, path: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(netloc, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate"})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_a_folder_without_its_slash_redirects_like_real_hosting(server):
    response = get(server, "/aftercare")
    assert response.status == 301
    assert response.getheader("Location") == "/aftercare/"
    assert get(server, "/aftercare?from=menu").getheader("Location") == "/aftercare/?from=menu"


def test_a_page_is_sent_gzipped_with_its_length(server):
    response = get(server, "/aftercare/")
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert int(response.getheader("Content-Length")) == len(response.body) < len(PAGE)
    assert gzip.decompress(response.body).decode("utf-8") == PAGE


def test_a_missing_page_is_not_found(server):
    assert get(server, "/no-such-page/").status == 404
