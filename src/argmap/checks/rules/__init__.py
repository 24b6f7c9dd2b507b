"""Check rules, one module each; discovered by :func:`argmap.checks.registry`."""
