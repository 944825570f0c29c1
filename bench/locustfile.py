"""The simulated people of bench/load.py. LOAD_PLAN (JSON) names the learners,
their password, the course, its lessons and its knowledge checks."""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

PLAN = json.loads(os.environ["LOAD_PLAN"])
EMAILS = itertools.cycle(PLAN["emails"])
COMPLETE = re.compile(r'action="(/learning/enrolments/\d+/lessons/\d+/complete/)"')
SUBMIT = re.compile(r'action="(/knowledge-checks/attempts/\d+/submit/)"')
ANSWER = re.compile(r'name="(answer-[^"]+)"\s+type="(?:radio|checkbox)"\s+value="([^"]+)"')


class Learner(HttpUser):
    weight = 9
    wait_time = between(1, 3)

    def _cookies(self) -> dict:
        # Production cookies are Secure, which a client will not send over plain
        # http; loopback stands in for the TLS proxy, so send them by hand.
        jar = self.client.cookies
        return {"Cookie": "; ".join(f"{c.name}={c.value}" for c in jar)}

    def _get(self, url, name):
        return self.client.get(url, name=name, headers=self._cookies())

    def _post(self, url, data, name):
        data = {**data, "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", "")}
        return self.client.post(url, data, name=name, headers=self._cookies())

    def on_start(self):
        self._get("/accounts/login/", "sign in")
        self._post(
            "/accounts/login/", {"login": next(EMAILS), "password": PLAN["password"]}, "sign in"
        )
        self._post(f"/learning/courses/{PLAN['course']}/start/", {}, "start course")

    @task(6)
    def read_lesson(self):
        self._get(random.choice(PLAN["lessons"]), "lesson page")

    @task(2)
    def complete_lesson(self):
        page = self._get(random.choice(PLAN["lessons"]), "lesson page")
        if match := COMPLETE.search(page.text):
            self._post(match.group(1), {}, "complete lesson")

    @task(1)
    def take_check(self):
        if not PLAN["checks"]:
            return
        check = random.choice(PLAN["checks"])
        self._post(f"/knowledge-checks/{check}/start/", {}, "start check")
        page = self._get(f"/knowledge-checks/{check}/", "knowledge check")
        if not (match := SUBMIT.search(page.text)):
            return
        answers = {}
        for name, value in ANSWER.findall(page.text):
            answers.setdefault(name, []).append(value)
        chosen = {name: random.choice(values) for name, values in answers.items()}
        self._post(match.group(1), chosen, "submit check")


class Visitor(HttpUser):
    weight = 1
    wait_time = between(1, 3)

    @task
    def home(self):
        self.client.get("/", name="home page")
