"""The PySide6 desktop UI: the only package that imports Qt. Widgets call services."""
