"""schema.org MedicalWebPage JSON-LD for an article, so search engines see review dates and citations."""

from __future__ import annotations

import json

from scripts.site.page_metadata import PageMetadata
from scripts.site.references import Reference


def medical_web_page(metadata: PageMetadata, references: list[Reference], page_url: str | None, site_name: str) -> str:
    """The JSON-LD text, safe to place inside a <script> element."""
    document = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": metadata.title,
        "description": metadata.description,
        "lastReviewed": metadata.last_reviewed.isoformat(),
        "inLanguage": "en",
        "medicalAudience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "isPartOf": {"@type": "WebSite", "name": site_name},
        "citation": [
            {
                "@type": "CreativeWork",
                "name": reference.citation,
                **({"url": str(reference.url)} if reference.url else {}),
            }
            for reference in references
        ],
    }
    if page_url:
        document["url"] = page_url
    # Inside a script element "</" ends it early and "<!--" can stop its end tag counting; JSON writes any "<" as
    # \u003c, which the script parser never reads as markup.
    return json.dumps(document, ensure_ascii=False, indent=None, sort_keys=False).replace("<", "\\u003c")
