"""Files that ship inside the package: the model, the default taxonomy, the training config and
the case-name filters.

They live under ``src/casetagger/data/`` and are read through ``importlib.resources``, so an
installed wheel finds them exactly where a checkout does; training in the checkout
(``pipeline/project.yml``, ``casetagger train --out``) writes to the same folder. ``read_yaml``
reads them, and a user's own taxonomy or config, with coded errors.
"""

from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from casetagger.errors import CasetaggerError, Errors


def data_path(*parts: str) -> Path:
    """A file or folder under the package's ``data/``; the package is always installed unzipped."""
    return Path(str(files("casetagger").joinpath("data", *parts)))


DEFAULT_MODEL = data_path("models", "casetagger-da")
DEFAULT_TAXONOMY = data_path("taxonomy.yaml")
DEFAULT_CONFIG = data_path("configs", "linear.yaml")
CASE_STOPLIST = data_path("case_stoplist.yaml")
FIRST_NAMES = data_path("danish_first_names.txt")


# libyaml's safe loader when PyYAML was built with it: the taxonomy in 2 ms instead of 15, before
# a batch's workers can start
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, invalid: str) -> Any:
    """A YAML file's content; a missing file is E001, broken YAML the error ``invalid`` (with
    ``path`` and ``detail``), so a config or taxonomy typo is one line naming the file."""
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except FileNotFoundError:
        raise CasetaggerError(Errors.E001.format(path=path)) from None
    except yaml.YAMLError as e:
        raise CasetaggerError(invalid.format(path=path, detail=f"not YAML ({e})")) from None
