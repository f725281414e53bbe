"""Hostile PDFs, written byte by byte: each one broke or stalled a part of casetagger once.

``write_hostile(folder)`` writes them all and returns {name: path}; ``EXPECTED`` says which coded
error each must end in (or None where reading it in part is right).
"""

import zlib
from pathlib import Path


def pdf_bytes(content: bytes, media_box: bytes = b"[0 0 595 842]", compress: bool = True,
              extra_objects: list[bytes] = ()) -> bytes:
    """A one-page PDF with a Helvetica font and the given content stream, with a correct xref."""
    stream = zlib.compress(content) if compress else content
    filters = b"/Filter /FlateDecode " if compress else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box
               + b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
               b"<< " + filters + b"/Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
               *extra_objects]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_content(lines: list[str], size: int = 11) -> bytes:
    ops = [b"BT /F1 %d Tf 72 770 Td 14 TL" % size]
    for line in lines:
        ops.append(b"(" + line.encode("cp1252").replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj T*")
    return b"\n".join(ops + [b"ET"])


HOSTILE = {
    # masking's e-mail pattern once rescanned this word from each of its letters: minutes
    "long_word.pdf": lambda: pdf_bytes(text_content(["Et ord:", "x" * 200_000])),
    # pdf.close() raised over the E006 of a broken page box, and it was reported as our bug (E016)
    "corrupt_page_box.pdf": lambda: pdf_bytes(text_content(["Kassen er forkert."]), media_box=b"[0 0 /Foo null]"),
    # a 14400 pt page: the review app rendered it in its own process (4.1 GB)
    "huge_page.pdf": lambda: pdf_bytes(text_content(["En meget stor side."]), media_box=b"[0 0 14400 14400]"),
    # 400 MB of zeros in one content stream, 400 KB on disk: must end in the memory error
    "decompression_bomb.pdf": lambda: pdf_bytes(b"%" + b"0" * (400 * 2**20)),
    # cut off half way: no xref, no trailer
    "truncated.pdf": lambda: pdf_bytes(text_content(["Afskåret dokument."] * 40))[:420],
    "garbage.pdf": lambda: b"%PDF-1.4\n" + bytes(range(256)) * 64,
}

EXPECTED = {  # with pdfium, the coded error each must end in; None: read (in part), no error required
    "long_word.pdf": None,
    "corrupt_page_box.pdf": None,  # pdfium falls back to a letter-size box; pdfplumber: E006
    "huge_page.pdf": None,
    "decompression_bomb.pdf": "E009",
    "truncated.pdf": "E006",
    "garbage.pdf": "E006",
}


def write_hostile(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, make in HOSTILE.items():
        paths[name] = folder / name
        paths[name].write_bytes(make())
    return paths
