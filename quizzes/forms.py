"""The knowledge check's admin form: a check whose bank cannot give every learner
a fair draw is refused when it is published or sent for moderation. Drafts may be
saved while the bank is being written."""

from wagtail.admin.forms import WagtailAdminModelForm

from quizzes.bank import BankEntry, bank_problems

REFUSED = "This knowledge check cannot be published yet."


def _lesson_problems(questions, module) -> list[str]:
    problems = []
    for number, child in enumerate(questions, start=1):
        lesson = child.value.get("lesson")
        if lesson is None:
            problems.append(f"Question {number} needs the lesson that teaches it.")
        elif module is not None and not lesson.path.startswith(module.path):
            problems.append(f"Question {number}'s lesson is not in {module.title}.")
    return problems


class KnowledgeCheckForm(WagtailAdminModelForm):
    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        questions, draw = cleaned.get("questions"), cleaned.get("draw")
        if self.is_deferred_validation or questions is None or draw is None:
            return cleaned
        topics = [topic.value["slug"] for topic in cleaned.get("topics") or []]
        bank = [
            BankEntry(
                key=child.id or str(number),
                topic=child.value.get("topic") or "",
                not_with=(child.value.get("not_with") or "").strip(),
            )
            for number, child in enumerate(questions)
        ]
        problems = bank_problems(questions=bank, draw=draw, topics=topics)
        problems += _lesson_problems(questions, cleaned.get("module"))
        if problems:
            self.add_error(None, " ".join([REFUSED, *problems]))
        return cleaned
