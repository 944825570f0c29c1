from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def my_learning(request):
    """The learner's own enrolments, completions and refreshers due."""
    return render(request, "courses/my_learning.html", {"enrolments": []})
