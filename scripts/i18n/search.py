"""One search index per language, so that readers search their own language's pages with its own stemming."""

from __future__ import annotations

import json

from scripts.i18n.languages import DEFAULT_LANGUAGE, TRANSLATIONS


def language_search_index(index_json: str, language: str) -> str:
    """Material's search index (search_index.json) holding only `language`'s pages, addressed from that language's
    folder (es/aftercare/ becomes aftercare/ in es/search/), with that language's stemmer."""
    index = json.loads(index_json)
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    others = tuple(f"{other}/" for other in TRANSLATIONS if other != language)
    docs = []
    for doc in index["docs"]:
        location = doc["location"]
        if location.startswith(others) or not location.startswith(prefix):
            continue
        docs.append({**doc, "location": location.removeprefix(prefix)})
    index["docs"] = docs
    index["config"] = {**index["config"], "lang": [language]}
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))
