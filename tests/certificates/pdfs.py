"""Reading certificates back, as a person's PDF reader would."""

import io

from pypdf import PdfReader


def read_pdf(content: bytes) -> PdfReader:
    assert content.startswith(b"%PDF-"), content[:20]
    return PdfReader(io.BytesIO(content))


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in read_pdf(content).pages)


def page_font_names(content: bytes) -> set[str]:
    names = set()
    for page in read_pdf(content).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names
