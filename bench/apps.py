from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tooling (the bench_data command); installed only by the bench settings."""

    name = "bench"
    label = "bench"
    default_auto_field = "django.db.models.BigAutoField"
