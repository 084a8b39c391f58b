"""The content pipeline (pages, references, glossary, structured data) and the thin MkDocs hook adapting it."""
