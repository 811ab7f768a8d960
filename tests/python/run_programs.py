"""Runs Python programs the page generated, each as its own script, in one
process (PyTorch is imported once): reads a JSON list of program texts on
stdin, writes a JSON list of {stdout, error} on stdout. Used by
tests/js/fit-pytorch.test.js. Exits 3 if torch cannot be imported."""
import contextlib
import io
import json
import sys
import traceback

try:
    import torch  # noqa: F401  (imported once for every program)
except ImportError as e:
    print(f"cannot import torch: {e}", file=sys.stderr)
    sys.exit(3)

programs = json.load(sys.stdin)
results = []
for text in programs:
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            exec(compile(text, "<fit program>", "exec"), {"__name__": "__main__"})
        except Exception:  # the test shows the traceback
            error = traceback.format_exc()
    results.append({"stdout": out.getvalue(), "error": error})
json.dump(results, sys.stdout)
