"""Gates on sources and on the built site: safe HTML, links, spelling, reading level, copied or repeated text."""
