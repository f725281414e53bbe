"""casetagger: find and tag concrete initiatives in Danish municipal documents."""

__version__ = "0.1.0"
