"""An installed (not editable) package carries what it reads at run time: the schema and reader data."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_ships_schema_stylesheets_and_reader_data(tmp_path):
    # a clean copy: setuptools would otherwise reuse a stale build/lib of the working tree
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("edition-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {"toolchain/schema/edition.xsd", "toolchain/schema/xml.xsd", "toolchain/readers/data/given_names.txt"}
    expected |= {f"toolchain/schema/rules/{p.name}" for p in (ROOT / "schema" / "rules").glob("*.sch")}
    # the stylesheets of every output, with the Typst library and the HTML assets
    expected |= {f"toolchain/xslt/{p.relative_to(ROOT / 'xslt')}" for p in (ROOT / "xslt").rglob("*") if p.is_file()}
    # every module of the package and every data file of the readers (the default conventions among them)
    package = ROOT / "toolchain"
    expected |= {f"toolchain/{p.relative_to(package)}" for p in package.rglob("*.py")}
    expected |= {f"toolchain/readers/data/{p.name}" for p in (package / "readers" / "data").iterdir()}
    assert expected <= names, sorted(expected - names)
