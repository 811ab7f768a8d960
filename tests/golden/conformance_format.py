"""Writing loss-conformance/1 files: shared by the gen_*.py scripts."""

import json
import math
import pathlib

import torch


def number(v):
    """A JSON value for v: "nan", "inf" and "-inf" for what JSON cannot hold."""
    if isinstance(v, (int, str)):
        return v
    if math.isnan(v):
        return "nan"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    return v


def tensor_json(t, integer=False):
    """{"shape", "data"} of a tensor, row-major; integer=True for class indices."""
    t = torch.as_tensor(t)
    data = t.reshape(-1).tolist()
    if integer:
        data = [int(v) for v in data]
    return {"shape": list(t.shape), "data": [number(v) for v in data]}


def write_cases(path, cases, script):
    """Writes the file one case a line, so a regenerated file diffs case by case."""
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    head = {"format": "loss-conformance/1", "generator": f"PyTorch {torch.__version__} float64 ({script})"}
    lines = ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases)
    pathlib.Path(path).write_text(json.dumps(head, separators=(",", ":"))[:-1] + ',"cases":[\n' + lines + "\n]}\n")
    print(f"wrote {len(cases)} cases to {path}")
