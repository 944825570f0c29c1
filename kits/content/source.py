"""Reading source files: YAML front matter with a Markdown body, or plain YAML.

Every file's hash includes its loader's version string, so bumping the version
makes the next load convert again every object nobody has edited.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml


class ContentError(ValueError):
    """A source file does not follow docs/content-format.md."""


@dataclass
class SourceFile:
    path: Path
    meta: dict
    body: str
    hash: str

    def require(self, *names: str) -> None:
        missing = [name for name in names if self.meta.get(name) in (None, "", [])]
        if missing:
            raise ContentError(f"{self.path}: missing {', '.join(missing)} in the front matter")


def content_hash(text: str, *, version: str) -> str:
    return hashlib.sha256(f"{version}\0{text}".encode()).hexdigest()


def _text_of(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        raise ContentError(f"{path}: the file is not UTF-8 text") from error


def yaml_mapping(text: str, *, where: str, what: str) -> dict:
    """``text`` parsed as a YAML mapping (blank is empty), or a ContentError
    naming ``where`` and ``what`` ("the front matter", "a block")."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ContentError(f"{where}: {what} is not valid YAML: {error}") from error
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise ContentError(f"{where}: {what} must be a YAML mapping")
    return data


def read_front_matter(path: Path, *, version: str) -> SourceFile:
    """Split a file into its YAML front matter (a mapping) and its Markdown body."""
    text = _text_of(path)
    if not text.startswith("---\n"):
        raise ContentError(f"{path}: the file must start with '---' front matter")
    front, separator, body = text[4:].partition("\n---")
    if not separator:
        raise ContentError(f"{path}: the front matter has no closing '---'")
    return SourceFile(
        path=path,
        meta=yaml_mapping(front, where=str(path), what="the front matter"),
        body=body.partition("\n")[2],
        hash=content_hash(text, version=version),
    )


def read_yaml(path: Path, *, version: str) -> SourceFile:
    """A file that is all YAML (a mapping), as a ``SourceFile`` with no body."""
    text = _text_of(path)
    data = yaml_mapping(text, where=str(path), what="the file")
    return SourceFile(path=path, meta=data, body="", hash=content_hash(text, version=version))


def parse_block(fenced: str, where: str) -> dict:
    """The YAML inside a ```` ```block ```` fence, which must be a mapping."""
    return yaml_mapping(fenced, where=where, what="a block")
