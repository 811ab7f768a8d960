#!/usr/bin/python3
"""Writes overflow/pytorch-overflow.json: finite inputs whose loss or
gradient overflows float64, and what PyTorch computes for each.

lossplay refuses such a result with code "overflow_like_pytorch" when the
loss's registry entry names a PyTorch function (our arithmetic follows it)
and "overflow" otherwise. tests/cpp/overflow-test.cpp checks, case by case,
that the code is the one the entry implies and, for the PyTorch ones, that
PyTorch's result is also Infinity or NaN at the very element the error
names: the message's "as it does in PyTorch" is checked, not assumed.

For a loss PyTorch lacks, "torch" is null: no claim is made about it.
The file sits in a subdirectory because it is not a loss-conformance/1 file
(tests/golden/*.json are).

Run: /usr/bin/python3 tests/golden/gen_overflow.py
"""
import pathlib

import torch
import torch.nn.functional as F

from conformance_format import tensor_json

HERE = pathlib.Path(__file__).parent
BIG = 1.7976931348623157e308  # the largest float64


def t(values, shape=None):
    x = torch.tensor(values, dtype=torch.float64)
    return x.reshape(shape) if shape is not None else x


# id, loss, prediction arg, args (in PyTorch's positional order), options, reduction
CASES = [
    ("mse-square", "mse_loss", "input", {"input": t([1e155, 1.0]), "target": t([0.0, 0.0])}, {}, "mean"),
    ("mse-square-none", "mse_loss", "input", {"input": t([1.0, -1e155]), "target": t([0.0, 0.0])}, {}, "none"),
    ("mse-sum-of-finite-squares", "mse_loss", "input", {"input": t([1e154, 1e154]), "target": t([0.0, 0.0])}, {}, "sum"),
    ("l1-difference", "l1_loss", "input", {"input": t([BIG, 2.0]), "target": t([-BIG, 1.0])}, {}, "mean"),
    ("l1-difference-none", "l1_loss", "input", {"input": t([0.0, -1e308]), "target": t([0.0, 1e308])}, {}, "none"),
    ("huber-delta", "huber_loss", "input", {"input": t([1e155]), "target": t([0.0])}, {"delta": 1e300}, "mean"),
    ("huber-difference", "huber_loss", "input", {"input": t([1.0, BIG]), "target": t([0.0, -BIG])}, {}, "none"),
    ("smooth-l1-difference", "smooth_l1_loss", "input", {"input": t([BIG]), "target": t([-1e308])}, {}, "mean"),
    ("multilabel-soft-margin", "multilabel_soft_margin_loss", "input",
     {"input": t([[1e300, -BIG, 2.0]]), "target": t([[0.0, 1.0, 1.0]])}, {}, "mean"),
    ("poisson-nll-exp", "poisson_nll_loss", "input", {"input": t([1.0, 1000.0]), "target": t([1.0, 2.0])}, {}, "none"),
    ("margin-ranking", "margin_ranking_loss", "input1",
     {"input1": t([BIG]), "input2": t([-BIG]), "target": t([-1.0])}, {}, "mean"),
    ("quantile-difference", "quantile", "input", {"input": t([BIG]), "target": t([-BIG])}, {}, "mean"),
    ("rmse-square", "rmse", "input", {"input": t([1e300, 0.0]), "target": t([0.0, 0.0])}, {}, "mean"),
    ("log-cosh-difference", "log_cosh", "input", {"input": t([BIG]), "target": t([-BIG])}, {}, "mean"),
    ("mape-scale", "mape", "input", {"input": t([1e308]), "target": t([0.0])}, {}, "mean"),
]


def torch_result(loss, pred, args, options, reduction):
    """PyTorch's loss (as asked and unreduced) and gradient, or None if it lacks the loss."""
    f = getattr(F, loss, None)
    if f is None:
        return None
    names = list(args)

    def run(red):
        xs = {k: v.clone().requires_grad_(k == pred) for k, v in args.items()}
        out = f(*[xs[k] for k in names], **options, reduction=red)
        return xs, out

    xs, out = run(reduction)
    out.sum().backward()
    _, none = run("none")
    return {
        "loss": tensor_json(out.detach()),
        "loss_none": tensor_json(none.detach()),
        "grad": tensor_json(xs[pred].grad),
    }


def main():
    cases = []
    for case_id, loss, pred, args, options, reduction in CASES:
        cases.append({
            "id": case_id,
            "loss": loss,
            "args": {k: tensor_json(v) for k, v in args.items()},
            "options": options,
            "reduction": reduction,
            "torch": torch_result(loss, pred, args, options, reduction),
        })
    path = HERE / "overflow" / "pytorch-overflow.json"
    head = f'{{"format":"lossplay-overflow/1","generator":"PyTorch {torch.__version__} float64 (gen_overflow.py)","cases":[\n'
    import json
    path.write_text(head + ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases) + "\n]}\n")
    print(f"wrote {len(cases)} cases to {path}")


if __name__ == "__main__":
    main()
