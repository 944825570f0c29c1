"""Reads for screens and reports, one module per topic: ``library`` (the
library and a plan's page), ``deliveries`` (the delivery log) and ``reach``
(lessons and pupils reached, which reports read)."""
