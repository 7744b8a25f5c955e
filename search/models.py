from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """An index update the search engine could not take; replayed when it answers again.

    One row per object: the update re-reads the object, so a second change while the engine
    is down needs nothing more.
    """

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="pending_index_update_once")
        ]

    def __str__(self):
        return f"{self.kind} #{self.object_id}"


class QueryLog(models.Model):
    """One buyer search, for the export observatory. No personal data: no user, session or IP."""

    text = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=8)
    country = models.CharField(
        _("buyer country"),
        max_length=2,
        blank=True,
        help_text=_("From a geo header or the browser language."),
    )
    results = models.PositiveIntegerField(_("results"))
    used_fallback = models.BooleanField(_("database fallback"), default=False)
    clicked_product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("clicked result"),
    )
    clicked_at = models.DateTimeField(_("clicked at"), null=True, blank=True)
    created_at = models.DateTimeField(_("searched at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        indexes = [models.Index(fields=["results", "created_at"], name="querylog_zero_results")]

    def __str__(self):
        return self.text
