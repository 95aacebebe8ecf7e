"""Languages: which language a briefing is in, and how text in each script is cut up.

- ``tags``: BCP 47 language tags (RFC 5646), checked and compared with langcodes;
- ``identify``: the language of a record's text, by py3langid's offline model;
- ``resolve``: the document language of a debate, in order: the record's own tag, the
  parliament's language, identification from the text (reported in a warning);
- ``segment``: sentences and word counts for every script (UAX #29 through uniseg where
  the tuned Latin-script splitter does not apply).
"""
