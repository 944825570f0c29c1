"""Reading a learner's answers from a submission, and refusing what the attempt
did not offer.

Checks run before anything is written. A submission that names a question the
attempt does not hold, an option its question was not offered with, or two
options for a question that takes one cannot come from the form the server
rendered: it is refused whole, with a message, and nothing is recorded.
"""

from collections.abc import Mapping, Sequence

from quizzes.questions import Question

FIELD_PREFIX = "answer-"


class AnswersRejected(Exception):
    """The submission does not match the attempt. ``str(error)`` is for the learner."""


class AnswersIncomplete(Exception):
    """Some questions have no answer; ``missing`` holds their keys."""

    def __init__(self, missing: list[str], chosen: dict[str, frozenset[str]]):
        super().__init__(f"{len(missing)} unanswered")
        self.missing = missing
        self.chosen = chosen


def answers_from_form(data) -> dict[str, list[str]]:
    """``answer-<question key>`` fields of a POST, as {question key: [option keys]}."""
    return {
        name.removeprefix(FIELD_PREFIX): [value for value in data.getlist(name) if value]
        for name in data
        if name.startswith(FIELD_PREFIX)
    }


def checked_answers(
    *,
    layout: Sequence[dict],
    questions: Mapping[str, Question],
    answers: Mapping[str, Sequence[str]],
) -> dict[str, frozenset[str]]:
    """The chosen option keys for each question still in the quiz, in layout order.

    Raises AnswersRejected for anything the attempt did not offer, and then
    AnswersIncomplete if a question was left unanswered.
    """
    offered = {entry["question"]: set(entry["options"]) for entry in layout}
    for key, chosen in answers.items():
        if key not in offered:
            raise AnswersRejected("An answer was sent for a question that is not in this attempt.")
        if not set(chosen) <= offered[key]:
            raise AnswersRejected("An answer was sent that is not one of its question's options.")
        question = questions.get(key)
        if question is not None and not question.takes_several and len(set(chosen)) > 1:
            raise AnswersRejected("More than one answer was sent for a question that takes one.")
    # Questions an editor removed since the attempt started are not asked or scored.
    chosen = {key: frozenset(answers.get(key, ())) for key in offered if key in questions}
    missing = [key for key, options in chosen.items() if not options]
    if missing:
        raise AnswersIncomplete(missing, chosen)
    return chosen
