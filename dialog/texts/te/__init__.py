"""The te catalog: one module per feature, merged in dialog/texts/__init__.py."""
