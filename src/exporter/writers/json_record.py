"""``-f json``: the debate in our record format, with the composed briefing parts."""

from __future__ import annotations

import json
from typing import Any


def write_record(record: dict[str, Any], briefing_parts: dict[str, Any]) -> bytes:
    data = {**record, "briefing": briefing_parts}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
