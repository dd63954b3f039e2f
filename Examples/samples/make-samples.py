#!/usr/bin/env python3
"""Writes the sample files of Examples/samples/ with Python's standard library only.

Every file is a genuinely valid file of its format, built byte by byte and deterministic (no dates, fixed zip
timestamps), so re-running the script reproduces the committed files exactly:

    python3 Examples/samples/make-samples.py          # writes the files next to this script
    python3 Examples/samples/make-samples.py --check  # fails if a committed file differs from what it would write

manifest.json records, for each file, the type a browser derives from its extension, the type libmagic should
detect from its content, and whether the two disagree; the ContentSniffing tests hold libmagic to it.
"""
import io
import json
import struct
import sys
import unicodedata
import zipfile
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def pdf(text: str) -> bytes:
    """A one-page PDF 1.4 showing `text` in Helvetica, with a correct cross-reference table."""
    content = f"BT /F1 24 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def png() -> bytes:
    """A 2x2 8-bit RGB PNG: red, green / blue, white."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"\x00" + bytes([255, 0, 0, 0, 255, 0]) + b"\x00" + bytes([0, 0, 255, 255, 255, 255])
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def jpeg() -> bytes:
    """An 8x8 mid-grey baseline JFIF JPEG: one component, one block whose DC difference is 0 and whose AC
    coefficients end at once (EOB). Each Huffman table holds a single one-bit code, so the scan is the bits
    `0` (DC category 0) and `0` (EOB), padded with ones."""
    def segment(marker: int, payload: bytes) -> bytes:
        return struct.pack(">BBH", 0xFF, marker, len(payload) + 2) + payload

    one_code = bytes([1] + [0] * 15)
    return (b"\xff\xd8"
            + segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
            + segment(0xDB, b"\x00" + bytes([1] * 64))
            + segment(0xC0, struct.pack(">BHHB", 8, 8, 8, 1) + b"\x01\x11\x00")
            + segment(0xC4, b"\x00" + one_code + b"\x00")
            + segment(0xC4, b"\x10" + one_code + b"\x00")
            + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
            + b"\x3f"
            + b"\xff\xd9")


def zip_of(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def docx() -> bytes:
    """A minimal WordprocessingML package: content types first (libmagic and Word both rely on the order),
    the package relationships, and one paragraph."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '</Types>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/>'
        '</Relationships>')
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:body><w:p><w:r><w:t>UploadGate sample report.</w:t></w:r></w:p></w:body>'
        '</w:document>')
    return zip_of([("[Content_Types].xml", content_types.encode()), ("_rels/.rels", rels.encode()),
                   ("word/document.xml", document.encode())])


TEXT = "Plain text, not a PDF.\nUploadGate sample.\n".encode()
SCRIPT = b"#!/bin/sh\n# A shell script wearing a .pdf name. Harmless: it only prints.\necho 'not a document'\n"
CSV = ("name,city,amount\r\nAna,S\u00e3o Paulo,10.50\r\nBruno,Rio de Janeiro,7.25\r\n"
       "Carla,Belo Horizonte,3.00\r\n").encode()

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NFD_NAME = unicodedata.normalize("NFD", "Relat\u00f3rio.pdf")
ZWJ_NAME = "notas-\U0001F469\u200D\U0001F4BB.txt"

# (file name, bytes, browser type from the extension, libmagic type, what it shows)
SAMPLES = [
    ("document.pdf", pdf("UploadGate sample"), "application/pdf", "application/pdf",
     "A one-page PDF."),
    ("CONTRATO.PDF", pdf("Contrato"), "application/pdf", "application/pdf",
     "A PDF with an upper-case extension."),
    ("image.png", png(), "image/png", "image/png", "A 2x2 PNG."),
    ("photo.jpg", jpeg(), "image/jpeg", "image/jpeg", "An 8x8 grey baseline JPEG."),
    ("report.docx", docx(), DOCX_TYPE, DOCX_TYPE, "A minimal Word document (OOXML zip)."),
    ("table.csv", CSV, "text/csv", "text/csv", "A UTF-8 CSV with a header row."),
    ("archive.zip", zip_of([("readme.txt", TEXT)]), "application/zip", "application/zip",
     "A zip holding one text file."),
    ("readme.txt", TEXT, "text/plain", "text/plain", "Plain text with a matching name."),
    ("empty.txt", b"", "text/plain", "inode/x-empty", "An empty file (libmagic names no content type)."),
    ("text-renamed.pdf", TEXT, "application/pdf", "text/plain", "Plain text named .pdf: mismatch."),
    ("pdf-renamed.jpg", pdf("Not a photo"), "image/jpeg", "application/pdf", "A PDF named .jpg: mismatch."),
    ("script.pdf", SCRIPT, "application/pdf", "text/x-shellscript",
     "A #!/bin/sh script named .pdf: mismatch, and executable content."),
    (NFD_NAME, pdf("Relatorio"), "application/pdf", "application/pdf",
     "A PDF whose name is in NFD (o + U+0301), as macOS writes it."),
    (ZWJ_NAME, TEXT, "text/plain", "text/plain",
     "Text whose name holds a ZWJ emoji sequence (woman technologist)."),
]


def main() -> int:
    check = "--check" in sys.argv[1:]
    manifest = []
    stale = []
    for name, data, browser, detected, note in SAMPLES:
        path = HERE / name
        if check:
            if not path.exists() or path.read_bytes() != data:
                stale.append(name)
        else:
            path.write_bytes(data)
        manifest.append({"file": name, "bytes": len(data), "browserType": browser, "contentType": detected,
                         "mismatch": browser != detected and detected != "inode/x-empty", "note": note})
    text = json.dumps({"samples": manifest}, ensure_ascii=False, indent=2) + "\n"
    manifest_path = HERE / "manifest.json"
    if check:
        if manifest_path.read_text(encoding="utf-8") != text:
            stale.append("manifest.json")
        for name in stale:
            print(f"make-samples: {name} differs from what the script writes", file=sys.stderr)
        return 1 if stale else 0
    manifest_path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
