"""Knowledge checks, and the attempts learners make at them."""

from quizzes.models.attempts import Attempt, Response
from quizzes.models.knowledge_check import KnowledgeCheck, QuestionOrder

__all__ = ["Attempt", "KnowledgeCheck", "QuestionOrder", "Response"]
