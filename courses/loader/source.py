"""Reading a course's source folder: course.md, each module folder and its lessons."""

from dataclasses import dataclass, field
from pathlib import Path

from kits.content.source import ContentError, SourceFile, read_front_matter

# Part of every hash: bump it when the conversion changes, so that pages nobody
# has edited are converted again on the next load.
LOADER_VERSION = "1"

__all__ = ["ContentError", "SourceFile", "read_course"]


@dataclass
class ModuleSource:
    file: SourceFile
    lessons: list[SourceFile] = field(default_factory=list)


@dataclass
class CourseSource:
    file: SourceFile
    modules: list[ModuleSource] = field(default_factory=list)


def read_source_file(path: Path) -> SourceFile:
    return read_front_matter(path, version=LOADER_VERSION)


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
