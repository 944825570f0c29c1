from organisations.models import Organisation, OrganisationDomain


def organisation_for_email(email: str) -> Organisation | None:
    """The organisation whose registered domain matches ``email``, if any.

    Subdomains count: ``nurse@ward.trust.example`` matches ``trust.example`` when
    ``ward.trust.example`` is not itself registered. The most specific wins.
    """
    _, at, domain = email.strip().lower().rpartition("@")
    if not at or not domain:
        return None
    labels = domain.split(".")
    candidates = [".".join(labels[i:]) for i in range(len(labels) - 1)]
    matches = {
        row.domain: row.organisation
        for row in OrganisationDomain.objects.filter(domain__in=candidates).select_related(
            "organisation"
        )
    }
    return next((matches[c] for c in candidates if c in matches), None)
