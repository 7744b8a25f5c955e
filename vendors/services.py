"""Write-side rules of cooperatives."""

from django.db import transaction
from django.utils import timezone

from .models import Cooperative, CooperativeStatusChange

ALLOWED_TRANSITIONS: dict[str, set[str]] = {
    Cooperative.Status.APPLIED: {Cooperative.Status.IN_REVIEW, Cooperative.Status.REJECTED},
    Cooperative.Status.IN_REVIEW: {
        Cooperative.Status.VERIFIED,
        Cooperative.Status.REJECTED,
        Cooperative.Status.APPLIED,
    },
    Cooperative.Status.VERIFIED: {Cooperative.Status.SUSPENDED},
    Cooperative.Status.SUSPENDED: {Cooperative.Status.VERIFIED},
    Cooperative.Status.REJECTED: {Cooperative.Status.IN_REVIEW},
}


class InvalidStatusChange(ValueError):
    pass


@transaction.atomic
def cooperative_set_status(
    *, cooperative: Cooperative, status: str, by=None, reason: str = ""
) -> Cooperative:
    """Move a cooperative to `status`, recording who did it, when and why.

    Only the transitions in ALLOWED_TRANSITIONS are accepted; suspending and rejecting need a
    reason, since the cooperative is told it.
    """
    current = cooperative.status
    if status == current:
        return cooperative
    if status not in ALLOWED_TRANSITIONS.get(current, set()):
        raise InvalidStatusChange(f"A cooperative cannot go from {current} to {status}.")
    if status in (Cooperative.Status.SUSPENDED, Cooperative.Status.REJECTED) and not reason.strip():
        raise InvalidStatusChange("Suspending or rejecting a cooperative needs a reason.")
    now = timezone.now()
    cooperative.status = status
    cooperative.status_changed_at = now
    cooperative.save(update_fields=["status", "status_changed_at", "updated_at"])
    CooperativeStatusChange.objects.create(
        cooperative=cooperative, from_status=current, to_status=status, changed_by=by, reason=reason
    )
    return cooperative
