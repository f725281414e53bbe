"""One table of coded, user-facing error messages (after spaCy's ``errors.py``).

Messages name the file and the reason in one line; the CLI prints them without a traceback.
"""


class ErrorsWithCodes(type):
    def __getattribute__(cls, code: str) -> str:
        msg: str = super().__getattribute__(code)
        if code.startswith("__"):
            return msg
        return f"[{code}] {msg}"


class Errors(metaclass=ErrorsWithCodes):
    # input files
    E001 = "{path}: file not found"
    E002 = "{path}: empty file (0 bytes)"
    E003 = "{path}: not a PDF (the file does not start with a PDF header)"
    E004 = "{path}: file is {size_mb:.0f} MB, over the limit of {limit_mb} MB"
    E005 = "{path}: encrypted PDF that needs a password"
    E006 = "{path}: corrupt or unreadable PDF ({detail})"
    E007 = "{path}: {pages} pages, over the limit of {limit} pages"
    E008 = "{path}: parsing took longer than {seconds} s and was stopped"
    E009 = "{path}: parsing needed more than {limit_mb} MB of memory and was stopped"
    E010 = "{path}: the parsing worker crashed (exit code {code})"
    E011 = "{path}: page {page} could not be read ({detail})"
    E012 = "{path}: no text found; {scanned} of {pages} pages are scanned images (use --ocr)"
    E013 = "{path}: OCR failed ({detail})"
    E015 = "{path}: cannot be read ({detail})"
    E016 = "{path}: unexpected error while laying out the text ({detail}); please report it"
    E017 = "unknown extractor '{name}' (known: {known})"
    E018 = "{path}: no readable text: most glyphs have no Unicode mapping on page(s) {pages}"
    E019 = "no PDF files found in {paths}"
    # cluster runs (casetagger run --cluster)
    E020 = "--cluster needs Dask: pip install 'casetagger[cluster]' ({detail})"
    E021 = "--cluster '{spec}': expected a scheduler address such as tcp://host:8786, or local:N"
    E022 = "--cluster '{spec}': cannot reach the scheduler ({detail})"
    E023 = "{url}: cannot open this URL; is the filesystem package for it installed? ({detail})"
    E024 = "{path}: the cluster could not finish this document ({detail})"
    E025 = "{url}: URLs are read by cluster workers; run with --cluster (local:N on one machine)"
    E026 = "unknown store '{name}' (known: {known})"
    E027 = "{path}: no casetagger store here (run 'casetagger run ... --out {path}' first)"
    E028 = "{path}: --municipality and --year select partitions of a Parquet store; this store is SQLite"
    E029 = "--store parquet needs pyarrow: pip install 'casetagger[cluster]' ({detail})"
    E030 = ("{path}: the temporary folder {folder} cannot hold the document's lines or passages ({detail}); "
            "free space there or point TMPDIR elsewhere")
    E031 = "{path}: the worker's passages could not be handed over ({detail}); parse it again"
    E032 = "{path}: unexpected error while masking, tagging, analysing or writing the passages ({detail}); please report it"
    E033 = "{path}: its writer stopped without finishing (exit code {code}); run 'casetagger report' to write it again"
    E034 = "{path}: case-name stoplist is invalid: {detail}"
    # taxonomy and corpus
    E101 = "{path}: taxonomy is invalid: {detail}"
    E102 = "{path}: line {line}: {detail}"
    # model
    E201 = "{path}: no model found here (expected a model card model.json)"
    E202 = "{path}: model was trained for taxonomy {model_hash}, but the taxonomy given is {taxonomy_hash}"
    E203 = "{path}: line {line}: input needs '{field}'"
    E206 = "{path}: no model version {version} in the registry"
    E207 = "{path}: nothing to roll back to"
    E208 = "{path}: no corrections found"
    E205 = "{path}: not a casetagger model file, or a damaged one ({detail})"
    E204 = "{path}: refusing to load a model file that holds untrusted types: {types}"
    E209 = "{path}: training config is invalid: {detail}"
    E210 = "{path}: the registry's state file is corrupt ({detail}); fix or remove it, the versions beside it are kept"
    E211 = "{path}: bad model card ({detail})"
    E212 = ("{path}: no model for taxonomy '{taxonomy}' yet (the shipped model is for another): train one "
            "with `casetagger train --taxonomy FILE --out DIR` and give it as --model DIR")
    # the follow-up draft
    E301 = "{path}: no inventory here; run `casetagger run ... --out {path}` first"
    E302 = "{path}: this taxonomy is not the one the model that tagged {folder} was trained for"
    E303 = "{path}: not a Word document or template (.docx, .dotx) that can be opened ({detail})"
    # the run's store
    E401 = "{path}: the store is read-only; nothing can be saved until its owner makes it writable"
    E402 = "{path}: the disk is full; nothing was saved (free some space and try again)"
    E403 = "{path}: the store could not be used ({detail})"


class Warnings(metaclass=ErrorsWithCodes):
    W001 = "{path}: {scanned} scanned page(s) without text: {pages}"
    W002 = "{path}: OCR requested but not available: {detail}"
    W003 = "{path}: {count} unmapped glyph(s) (cid) dropped"
    W004 = "{path}: most glyphs have no Unicode mapping on page(s) {pages}; their text is missing"
    W005 = "{path}: vertical text left out on page(s) {pages}"
    W006 = "{path}: text in repeated letters (such as 'DDeettttee') on page(s) {pages}; read as it stands"
    W007 = "{path}: the PDF parser reported: {message} ({count}x)"


class CasetaggerError(Exception):
    """An error whose message is meant for the user as it stands."""


def describe(error: BaseException) -> str:
    """An unexpected error as the ``{detail}`` of a coded message: its type says more than its text alone."""
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
