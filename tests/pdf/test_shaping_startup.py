"""Without HarfBuzz, Hindi and Telugu PDFs would go out with broken letters: the app refuses
to serve, in one line, instead."""

import os
import subprocess
import sys

# `python -m bot serve` in a process where uharfbuzz cannot be imported.
WITHOUT_HARFBUZZ = """
import sys
sys.modules["uharfbuzz"] = None
from bot.cli import main
sys.exit(main(["serve", "--port", "0"]))
"""


def test_serve_refuses_in_one_line_when_shaping_is_missing(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_HARFBUZZ],
        env={"PATH": os.environ["PATH"], "DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "cannot start: PDF reports need HarfBuzz shaping: install reportlab[shaping] (uharfbuzz)"
    ]
