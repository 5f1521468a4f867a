"""The hi catalog: one module per feature, merged in bot/texts/__init__.py."""
