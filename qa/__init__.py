"""qa: a translation-quality checker for machine-translated Italian→Hindi press releases."""

__version__ = "0.1.0"
