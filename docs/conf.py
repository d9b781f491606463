"""Sphinx configuration for the diplo_events docs (furo theme, MyST Markdown, autodoc)."""

import importlib.metadata

project = "diplo_events"
author = "diplo_events maintainers"
copyright = "2026, diplo_events maintainers"
release = importlib.metadata.version("diplo_events")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

html_theme = "furo"
html_title = f"diplo_events {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True

# The build runs offline (no intersphinx), so references to the standard
# library and to dependencies cannot resolve; everything of our own must.
nitpicky = True
nitpick_ignore_regex = [
    ("py:class", r"(datetime|typing|collections\.abc|enum|uuid|os|io|builtins|pathlib)\..*"),
    ("py:class", r"(attrs|attr|cattrs|msgspec)\..*"),
    ("py:class", r"(Self|T|_T|_R|_E|NoneType|IO|Any|Final|PathLike|SearchStrategy)"),
    ("py:class", r"(str|int|float|bool|bytes|object|type|tuple|list|dict)"),
    ("py:class", r"diplo_events(\.\w+)*\._[A-Z]"),  # type variables
    ("py:class", r"hypothesis\..*"),
]
