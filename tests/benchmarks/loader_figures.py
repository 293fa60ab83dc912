"""Benchmark: how long loading ``data/`` takes with many suppliers, and how much memory it peaks at.
Prints figures; asserts nothing.

Run: ``python tests/benchmarks/loader_figures.py [SUPPLIERS ...]`` (default 300 3000). The shipped
suppliers are repeated with new ids until there are SUPPLIERS of them (the other files as shipped),
then the folder is loaded cold (parsed, validated, cross-checked) and once more unchanged (what a
``mkdocs serve`` rebuild pays when another file changed).
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "hooks"))
from aapenhet.model import loader
from aapenhet.model.loader import load_statement_data

PROJECT = Path(__file__).resolve().parents[2]


def suppliers_file(count: int) -> str:
    """``suppliers.yml`` with the shipped suppliers repeated, each copy with its own id."""
    text = (PROJECT / "data" / "suppliers.yml").read_text(encoding="utf-8")
    head, body = text.split("suppliers:\n", 1)
    blocks = [block for block in re.split(r"(?m)^(?=  - id: )", body) if block.startswith("  - id: ")]
    copies = (
        re.sub(r"- id: ([a-z0-9-]+)", rf"- id: \g<1>-{index}", blocks[index % len(blocks)], count=1)
        for index in range(count)
    )
    return head + "suppliers:\n" + "".join(copies)


def main(counts: list[int]) -> None:
    print(f"{'suppliers':>9} {'file MB':>8} {'cold s':>7} {'peak MB':>8} {'unchanged s':>12}")
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            data = shutil.copytree(PROJECT / "data", Path(folder) / "data")
            (data / "suppliers.yml").write_text(suppliers_file(count), encoding="utf-8")
            start = time.perf_counter()
            loaded = load_statement_data(data)
            cold = time.perf_counter() - start
            assert len(loaded.suppliers.suppliers) == count
            start = time.perf_counter()
            load_statement_data(data)
            again = time.perf_counter() - start
            # Memory apart: tracing slows the load several times over.
            loader._loaded_files.clear()
            tracemalloc.start()
            load_statement_data(data)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            size = (data / "suppliers.yml").stat().st_size
            print(f"{count:9} {size / 1e6:8.1f} {cold:7.2f} {peak / 1e6:8.0f} {again:12.3f}")


if __name__ == "__main__":
    main([int(argument) for argument in sys.argv[1:]] or [300, 3000])
