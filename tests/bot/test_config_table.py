"""VARIABLES in bot/config.py is the one list of environment variables: everything the code
reads is in it, every Settings field comes from it (or is a named constant), and nothing in
it is stale."""

import re
from dataclasses import fields
from pathlib import Path

from bot.config import CONSTANT_SETTINGS, VARIABLES, Settings
from bot.config_advice import LEGACY_VARIABLES

ROOT = Path(__file__).parents[2]
PACKAGES = ("bot", "web", "dialog", "handlers", "pdf", "tracker", "payments", "sql")
# os.environ.get("X"), os.environ["X"], os.getenv("X"), env.get("X"), _get(env, "X"), …
READ = re.compile(r"\b(?:environ|getenv|env)\b[^\"'\n]{0,20}[\"']([A-Z][A-Z0-9_]{2,})[\"']")


def names_read_by_the_code() -> set[str]:
    found = set()
    for package in PACKAGES:
        for source in (ROOT / package).rglob("*.py"):
            found |= set(READ.findall(source.read_text()))
    return found


def test_every_variable_the_code_reads_is_in_the_table():
    read = names_read_by_the_code()
    assert read, "the pattern no longer finds how the code reads the environment"
    assert read <= {v.name for v in VARIABLES}, read - {v.name for v in VARIABLES}


def test_every_variable_in_the_table_is_read():
    unread = {v.name for v in VARIABLES} - names_read_by_the_code()
    assert not unread, unread


def test_every_setting_comes_from_a_variable_or_is_a_constant():
    from_table = {v.setting for v in VARIABLES if v.setting}
    assert {f.name for f in fields(Settings)} == from_table | CONSTANT_SETTINGS
    assert not from_table & CONSTANT_SETTINGS


def test_names_are_unique_and_none_is_the_original_bots():
    names = [v.name for v in VARIABLES]
    assert len(names) == len(set(names))
    assert not set(names) & set(LEGACY_VARIABLES)


def test_local_only_variables_are_never_secrets_production_needs():
    for variable in VARIABLES:
        assert variable.description and not variable.description.endswith(".")
        if variable.need == "local":
            assert not variable.secret, variable.name
