"""Files that ship inside the package: the model, the default taxonomy, the training config and
the case-name filters.

They live under ``src/casetagger/data/`` and are read through ``importlib.resources``, so an
installed wheel finds them exactly where a checkout does; training in the checkout
(``pipeline/project.yml``, ``casetagger train --out``) writes to the same folder.
"""

from importlib.resources import files
from pathlib import Path


def data_path(*parts: str) -> Path:
    """A file or folder under the package's ``data/``; the package is always installed unzipped."""
    return Path(str(files("casetagger").joinpath("data", *parts)))


DEFAULT_MODEL = data_path("models", "casetagger-da")
DEFAULT_TAXONOMY = data_path("taxonomy.yaml")
DEFAULT_CONFIG = data_path("configs", "linear.yaml")
CASE_STOPLIST = data_path("case_stoplist.yaml")
FIRST_NAMES = data_path("danish_first_names.txt")
