"""``--store parquet``: passages and their tags as Parquet partitioned by municipality and year.

For archives too large for one SQLite file. The worker that tagged a document writes its
passages to ``DIR/parquet/municipality=M/year=Y/<sha256>.parquet`` (one file per document: a
rerun overwrites it, never adds to it) and hands them off; the driver then stores the
document's summary in the run's SQLite store as for any run, so "already done" means the same
thing and a kill between the two costs a re-parse, not a duplicate. ``casetagger report DIR``
reads the passages back (all, or one municipality / year) with pandas.

Columns: ``id``, ``doc_id``, ``seq``, ``model`` (version that tagged it), ``labels`` (a list, for
queries with pandas or Dask dataframes), ``record`` (the masked passage, JSON) and ``tags``
(scores, labels, evidence, JSON); ``municipality`` and ``year`` come from the folder names.
"""

import json
import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from casetagger.ingest.document import DocumentResult
from casetagger.inventory.store import encode_rows, no_tags

FOLDER = "parquet"
UNKNOWN = "ukendt"
MUNICIPALITY = re.compile(r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?) Kommune\b")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def partition(result: DocumentResult) -> tuple[str, str]:
    """Municipality: the "<Name> Kommune" the document names most; year: the first year in the
    file name, else in its folders, else in its headings. ``ukendt`` when there is none."""
    texts = [p.get("heading", "") + " " + p.get("text", "") for p in result.passages]
    named = Counter(m for text in texts for m in MUNICIPALITY.findall(text))
    municipality = named.most_common(1)[0][0] if named else UNKNOWN
    path = Path(result.file)
    # an archive laid out as .../kommune/år/fil.pdf: the two nearest folders only
    places = [path.name, *list(reversed(path.parent.parts))[:2], *(p.get("heading", "") for p in result.passages)]
    year = next((m.group(1) for place in places if (m := YEAR.search(place))), UNKNOWN)
    return municipality, year


class WriteParquet:
    """Runs in the worker after tagging: the document's passages into its partition, then handed off."""

    def __init__(self, root: Path, model_version: str, finish: Callable[[DocumentResult], DocumentResult] | None = None):
        self.root = str(root)
        self.model_version = model_version
        self.finish = finish  # what runs first (tagging)

    def __call__(self, result: DocumentResult) -> DocumentResult:
        if self.finish is not None:
            result = self.finish(result)
        if not result.passages:
            return result
        import pyarrow as pa
        import pyarrow.parquet as pq

        municipality, year = partition(result)
        folder = Path(self.root, FOLDER, f"municipality={municipality}", f"year={year}")
        folder.mkdir(parents=True, exist_ok=True)
        passages = cast(list[dict[str, Any]], result.passages)  # tagged in the worker: with their tags
        rows = encode_rows(passages, self.model_version)  # as the SQLite store encodes them
        table = pa.table({
            "id": [pid for pid, _, _ in rows],
            "doc_id": [result.doc_id] * len(rows),
            "seq": list(range(len(rows))),
            "model": [self.model_version if tags else None for _, _, tags in rows],
            "labels": [list(p.get("labels", [])) for p in passages],
            "record": [record for _, record, _ in rows],
            "tags": [tags for _, _, tags in rows],
        })
        target = folder / f"{result.doc_id}.parquet"
        partial = folder / f".{result.doc_id}.parquet.part"  # readers skip dot-files; rename is atomic
        pq.write_table(table, partial)
        os.chmod(partial, 0o600)  # unmasked file paths, as in the SQLite store: the owner's alone
        os.replace(partial, target)
        result.hand_off()
        return result


def has_parquet(out: Path) -> bool:
    return (out / FOLDER).is_dir()


def read_passages(out: Path, model_version: str, municipality: str | None = None,
                  year: str | None = None) -> list[dict[str, Any]]:
    """The passages under ``out`` with their tags from ``model_version`` (none from another model),
    in document order, as ``RunStore.tagged_passages`` gives them."""
    import pandas as pd

    filters = [(column, "==", value) for column, value in (("municipality", municipality), ("year", year)) if value]
    frame = pd.read_parquet(out / FOLDER, columns=["seq", "model", "record", "tags"], filters=filters or None)
    keyed = []
    for seq, model, record, tags in zip(frame["seq"], frame["model"], frame["record"], frame["tags"]):
        passage = json.loads(record)
        tagged = isinstance(tags, str) and model == model_version
        passage.update(json.loads(tags) if tagged else no_tags())
        passage["model"] = model_version if tagged else None
        keyed.append(((passage["file"], passage["doc_id"], int(seq)), passage))
    keyed.sort(key=lambda pair: pair[0])
    return [passage for _, passage in keyed]
