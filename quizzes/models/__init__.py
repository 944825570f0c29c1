"""Knowledge checks, and the attempts learners make at them."""

from quizzes.models.attempts import Attempt, Response
from quizzes.models.knowledge_check import KnowledgeCheck, QuestionOrder
from quizzes.models.rereads import Reread

__all__ = ["Attempt", "KnowledgeCheck", "QuestionOrder", "Reread", "Response"]
