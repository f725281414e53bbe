"""The built wheel is the whole tool: model, taxonomy and training config inside, found by
``importlib.resources`` when installed far from this checkout."""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def build_wheel(dest: Path) -> Path:
    """Built from a copy (no build/ or egg-info in the checkout), offline: the venv's own
    setuptools (the dev extra) instead of an isolated build environment fetched from PyPI."""
    source = dest / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(dest / "dist"), str(source)], check=True, capture_output=True)
    return next((dest / "dist").glob("casetagger-*.whl"))


def fresh_venv(where: Path) -> Path:
    """A new venv holding only the wheel; its dependencies are read from this interpreter's
    site-packages (a .pth line adds the folder but runs none of its .pth files, so the editable
    install of the checkout stays invisible)."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(where)], check=True)
    python = where / "bin" / "python"
    site = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "shared-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


@pytest.mark.slow
def test_package_wheel_installs_and_runs_outside_the_checkout(tmp_path, council_pdf):
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    for data in ("models/casetagger-da/model.json", "models/casetagger-da/model.npz", "taxonomy.yaml",
                 "configs/linear.yaml", "case_stoplist.yaml", "danish_first_names.txt"):
        assert f"casetagger/data/{data}" in names, data
    python = fresh_venv(tmp_path / "venv")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["CASETAGGER_REGISTRY"] = str(tmp_path / "registry")  # empty: the shipped model is current

    where = subprocess.run([python, "-c", "import casetagger, casetagger.resources as r; "
                            "print(casetagger.__file__); print(r.DEFAULT_MODEL)"],
                           cwd=elsewhere, env=env, check=True, capture_output=True, text=True).stdout.split()
    assert all(Path(p).is_relative_to(tmp_path / "venv") for p in where), where

    shutil.copy(council_pdf, elsewhere / "dagsorden.pdf")
    run = subprocess.run([tmp_path / "venv" / "bin" / "casetagger", "run", "dagsorden.pdf", "--out", "out",
                          "--jobs", "1"], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    passages = [json.loads(line) for line in (elsewhere / "out" / "passages.jsonl").read_text().splitlines()]
    assert passages and all(p["model"].startswith("casetagger-da@") for p in passages)
    assert any(p["labels"] for p in passages) and (elsewhere / "out" / "report.html").stat().st_size > 0
