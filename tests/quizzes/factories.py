"""Knowledge checks for tests, and the answers a learner's form would send.

Questions are written as StreamField raw data with fixed uuids, as the admin and
the loader store them.
"""

import uuid

import factory

from quizzes.answers import FIELD_PREFIX
from quizzes.models import KnowledgeCheck, QuestionOrder
from quizzes.services import attempt_submit


def _id() -> str:
    return str(uuid.uuid4())


def option(text: str, correct: bool = False, feedback: str = "") -> dict:
    return {
        "type": "item",
        "id": _id(),
        "value": {"text": text, "correct": correct, "feedback": feedback},
    }


def single(text="What is the defining feature of CSE?", options=None, explanation=None) -> dict:
    options = options or [
        option("Something is exchanged for sexual activity", True),
        option("Money is paid to the child", feedback="Money is only one example."),
        option("A stranger is involved", feedback="CSE is not defined by strangers."),
    ]
    value = {"text": text, "options": options, "explanation": explanation or f"Why: {text}"}
    return {"type": "single", "id": _id(), "value": value}


def multiple(text="Which can be the 'something' in CSE?", options=None, kind="multiple") -> dict:
    options = options or [
        option("Affection", True),
        option("Somewhere to stay", True),
        option("Only money", feedback="Money is only one example."),
    ]
    value = {"text": text, "options": options, "explanation": f"Why: {text}"}
    if kind == "scenario":
        value["scenario"] = "<p>Jade, 14, has missed school and has a new phone.</p>"
    return {"type": kind, "id": _id(), "value": value}


def scenario(text="Which of these are warning signs?", options=None) -> dict:
    options = options or [
        option("Missing school", True),
        option("A phone from someone her family does not know", True),
        option("Playing netball", feedback="Sport is not a warning sign."),
    ]
    return multiple(text=text, options=options, kind="scenario")


def myth_fact(text="Only girls are victims of CSE.", answer="myth") -> dict:
    value = {"text": text, "answer": answer, "explanation": f"Why: {text}"}
    return {"type": "myth_fact", "id": _id(), "value": value}


def one_of_each() -> list[dict]:
    return [single(), multiple(), myth_fact(), scenario()]


def many(count: int) -> list[dict]:
    """``count`` questions, cycling through the four types."""
    makers = [single, multiple, myth_fact, scenario]
    return [makers[n % 4](text=f"Question {n}?") for n in range(count)]


class KnowledgeCheckFactory(factory.django.DjangoModelFactory):
    """A published check with fixed order and unshuffled options, so tests can
    predict the layout; it asks every question unless ``draw`` says fewer. Pass
    ``module``."""

    class Meta:
        model = KnowledgeCheck

    title = factory.Sequence(lambda n: f"Knowledge check {n}")
    pass_mark = 80
    question_order = QuestionOrder.FIXED
    shuffle_options = False
    max_attempts = None
    live = True
    questions = factory.LazyFunction(one_of_each)
    draw = factory.LazyAttribute(lambda check: len(check.questions))


def answers(attempt, *, wrong: int = 0) -> dict[str, list[str]]:
    """Answers to ``attempt`` by question key: every question right, except the
    first ``wrong`` ones, which get a wrong option."""
    questions = attempt.quiz.question_map()
    chosen = {}
    for n, entry in enumerate(attempt.layout):
        question = questions[entry["question"]]
        if n < wrong:
            chosen[question.key] = [next(o.key for o in question.options if not o.correct)]
        else:
            chosen[question.key] = sorted(question.correct_keys)
    return chosen


def answer_post(attempt, *, wrong: int = 0) -> dict[str, list[str]]:
    """The same answers as the learner's form posts them."""
    return {f"{FIELD_PREFIX}{key}": keys for key, keys in answers(attempt, wrong=wrong).items()}


def submitted(attempt, *, wrong: int = 0):
    """Submit ``attempt`` through the service, as the view would."""
    return attempt_submit(attempt=attempt, answers=answers(attempt, wrong=wrong))


def topics(*slugs: str) -> list[dict]:
    """A check's topics as StreamField raw data, labelled after their slugs."""
    return [
        {"type": "topic", "id": _id(), "value": {"slug": slug, "label": f"Topic {slug}"}}
        for slug in slugs
    ]


def taught(question: dict, *, topic: str, lesson=None, principle=None, not_with="") -> dict:
    """``question`` tagged with its topic, the lesson that teaches it and its principle."""
    question["value"].update(
        topic=topic,
        lesson=getattr(lesson, "pk", lesson),
        principle=principle or f"The principle behind: {question['value']['text']}",
        not_with=not_with,
    )
    return question


def bank(size: int, *, topic_slugs=("a", "b", "c"), lessons=()) -> list[dict]:
    """``size`` questions cycling through the four types, the topics and ``lessons``."""
    return [
        taught(
            question,
            topic=topic_slugs[n % len(topic_slugs)],
            lesson=lessons[n % len(lessons)] if lessons else None,
        )
        for n, question in enumerate(many(size))
    ]
