import socket
import threading

import pytest

from certificates.models import Certificate
from certificates.services import certificate_issue, certificate_issue_on_completion
from tests.certificates.factories import completed_enrolment, course_index, course_page
from tests.organisations.factories import MembershipFactory, OrganisationFactory


@pytest.fixture(autouse=True)
def _media(request, settings, tmp_path):
    """Each test stores PDFs in its own folder. The services lane shares the
    worker process's folder instead, so both see the same files."""
    if request.node.get_closest_marker("services") is None:
        settings.MEDIA_ROOT = tmp_path / "media"
        settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture
def course(db):
    return course_page(course_index())


@pytest.fixture
def learner(user):
    """Sam, a practitioner in an organisation of the Northvale partnership."""
    organisation = OrganisationFactory(partnership__name="Northvale")
    MembershipFactory(user=user, organisation=organisation)
    return user


@pytest.fixture
def enrolment(learner, course):
    return completed_enrolment(user=learner, course=course)


@pytest.fixture
def pending(enrolment) -> Certificate:
    """A certificate as the completing transaction leaves it (not yet rendered)."""
    return certificate_issue_on_completion(enrolment=enrolment)


@pytest.fixture
def issued(pending) -> Certificate:
    """A certificate rendered and issued, as the worker leaves it."""
    return certificate_issue(certificate_id=pending.pk)


class LoopbackServer:
    """A TCP server on a free loopback port that only counts connections."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while not self._stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self):
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def loopback_server():
    server = LoopbackServer()
    yield server
    server.close()
