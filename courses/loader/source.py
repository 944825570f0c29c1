"""Reading a course's source folder: front matter, bodies and content hashes."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# Part of every hash: bump it when the conversion changes, so that pages nobody
# has edited are converted again on the next load.
LOADER_VERSION = "1"


class ContentError(ValueError):
    """The source does not follow docs/content-format.md."""


@dataclass
class SourceFile:
    path: Path
    meta: dict
    body: str
    hash: str

    def require(self, *names: str) -> None:
        missing = [name for name in names if self.meta.get(name) in (None, "")]
        if missing:
            raise ContentError(f"{self.path}: missing {', '.join(missing)} in the front matter")


@dataclass
class ModuleSource:
    file: SourceFile
    lessons: list[SourceFile] = field(default_factory=list)


@dataclass
class CourseSource:
    file: SourceFile
    modules: list[ModuleSource] = field(default_factory=list)


def read_source_file(path: Path) -> SourceFile:
    """Split a file into its YAML front matter and its Markdown body."""
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        raise ContentError(f"{path}: the file must start with '---' front matter")
    front, separator, body = text[4:].partition("\n---")
    if not separator:
        raise ContentError(f"{path}: the front matter has no closing '---'")
    try:
        meta = yaml.safe_load(front) or {}
    except yaml.YAMLError as error:
        raise ContentError(f"{path}: front matter is not valid YAML: {error}") from error
    digest = hashlib.sha256(f"{LOADER_VERSION}\0{text}".encode()).hexdigest()
    return SourceFile(path=path, meta=meta, body=body.partition("\n")[2], hash=digest)


def read_course(folder: Path) -> CourseSource:
    """The course in ``folder``: course.md, then each module folder and its lessons,
    in the order of their (numbered) names."""
    course = CourseSource(file=read_source_file(folder / "course.md"))
    course.file.require("title", "slug", "summary", "audience", "estimated_minutes")
    for module_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        module = ModuleSource(file=read_source_file(module_dir / "module.md"))
        module.file.require("title", "slug", "introduction")
        for lesson_path in sorted(module_dir.glob("*.md")):
            if lesson_path.name == "module.md":
                continue
            lesson = read_source_file(lesson_path)
            lesson.require("title", "slug")
            module.lessons.append(lesson)
        course.modules.append(module)
    return course
