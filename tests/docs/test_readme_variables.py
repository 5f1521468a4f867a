"""The README's variable table is generated from VARIABLES; UPDATE_README=1 rewrites it."""

import os
import re
from pathlib import Path

from bot.config import markdown_table

README = Path(__file__).parents[2] / "README.md"
BLOCK = re.compile(r"(<!-- variables:[^>]*-->\n)(.*?)(<!-- /variables -->)", re.DOTALL)


def test_the_readme_table_is_the_generated_one():
    text = README.read_text()
    match = BLOCK.search(text)
    assert match, "README.md lost its <!-- variables --> markers"
    if os.environ.get("UPDATE_README"):
        README.write_text(text[: match.start(2)] + markdown_table() + text[match.end(2) :])
        return
    assert match.group(2) == markdown_table(), "run UPDATE_README=1 pytest " + __file__
