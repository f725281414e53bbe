"""PDF ingestion: municipal PDFs into clean, traceable passages.

``extract`` reads pdfplumber's words into plain records; ``layout``, ``blocks`` and ``passages``
work on those records alone; ``document`` and ``batch`` run it per file, in isolation.
"""

from casetagger.ingest.batch import BatchLimits, find_pdfs, ingest_one, ingest_paths
from casetagger.ingest.document import DocumentResult, IngestOptions, Status, parse_document

__all__ = ["BatchLimits", "DocumentResult", "IngestOptions", "Status", "find_pdfs", "ingest_one",
           "ingest_paths", "parse_document"]
