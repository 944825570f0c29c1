"""Which questions an attempt shows, and in what order, decided once by the server.

The layout is stored on the attempt as ``[{"question": key, "options": [key, ...]}]``
so that the learner sees the same order on every reload and the submission can be
checked against exactly what was offered.
"""

import random
from collections.abc import Mapping, Sequence

from quizzes.questions import Option, Question


def attempt_layout(
    *,
    questions: Sequence[Question],
    random_order: bool,
    shuffle_options: bool,
    rng: random.Random,
) -> list[dict]:
    """Every question, in the editor's order or shuffled, each with its options in
    order or shuffled. Myth and fact always keep their order."""
    questions = list(questions)
    if random_order:
        rng.shuffle(questions)
    layout = []
    for question in questions:
        keys = [option.key for option in question.options]
        if shuffle_options and question.kind != "myth_fact":
            rng.shuffle(keys)
        layout.append({"question": question.key, "options": keys})
    return layout


def laid_out(
    layout: Sequence[dict], questions: Mapping[str, Question]
) -> list[tuple[Question, list[Option]]]:
    """The attempt's questions and options as its layout orders them. Questions and
    options an editor has removed since the attempt started are left out."""
    shown = []
    for entry in layout:
        question = questions.get(entry["question"])
        if question is None:
            continue
        options = [question.option(key) for key in entry["options"]]
        shown.append((question, [option for option in options if option is not None]))
    return shown
