#!/usr/bin/python3
"""Writes extra-multirank.json: loss-conformance/1 cases for the multiclass
losses (cross_entropy, nll_loss, multi_margin_loss,
multilabel_soft_margin_loss, categorical_hinge) and the ranking losses
(margin_ranking_loss, cosine_embedding_loss, triplet_margin_loss), computed
by PyTorch autograd in float64.

Run with /usr/bin/python3 (PyTorch 1.13) from anywhere; the output is
deterministic. Cases that sit exactly on a kink, or whose gradient PyTorch
gives as NaN, carry no gradient here (a central difference cannot check
them); the native edge tests cover those gradients.
"""
import math
import os

import torch
import torch.nn.functional as F

from conformance_format import number, tensor_json, write_cases

torch.set_default_dtype(torch.float64)

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "extra-multirank.json")
REDUCTIONS = ["none", "mean", "sum"]
PRED = {"margin_ranking_loss": "input1", "cosine_embedding_loss": "input1",
        "triplet_margin_loss": "anchor"}
cases = []


tensor = tensor_json


def categorical_hinge(input, target, reduction="mean"):
    # The README's definition; amax shares the gradient between ties and the
    # clamp passes it at exactly 0.
    neg = torch.amax((1 - target) * input, dim=-1)
    pos = (target * input).sum(-1)
    loss = torch.clamp(neg - pos + 1, min=0)
    if reduction == "mean":
        return loss.mean()
    if reduction == "sum":
        return loss.sum()
    return loss


def function(loss):
    if loss == "categorical_hinge":
        return categorical_hinge
    return getattr(F, loss)


def add(case_id, loss, args, options, grad=True, note=None, index_target=False):
    """Runs the loss on `args` (tensors) and records value and gradient."""
    pred = PRED.get(loss, "input")
    inputs = {k: v.clone() for k, v in args.items()}
    inputs[pred].requires_grad_(True)
    kwargs = dict(options)
    out = function(loss)(**inputs, **kwargs)
    out.sum().backward()
    g = inputs[pred].grad
    if g is None:
        g = torch.zeros_like(inputs[pred])
    case = {
        "id": f"{loss}/mr-{case_id}",
        "loss": loss,
        "args": {k: tensor(v, integer=index_target and k == "target") for k, v in args.items()},
        "options": {k: (v if isinstance(v, bool) else number(v)) for k, v in options.items()},
        "expected": {"loss": tensor(out.detach())},
        "rtol": 1e-9,
        "atol": 1e-12,
    }
    if grad:
        case["expected"]["grad"] = {pred: tensor(g)}
    if note:
        case["note"] = note
    cases.append(case)


def add_error(case_id, loss, args, options, note, integer_target=False):
    """An input that must be refused. Where PyTorch itself raises, check it."""
    case = {
        "id": f"{loss}/mr-error-{case_id}",
        "loss": loss,
        "args": {k: tensor(v, integer=integer_target and k == "target") for k, v in args.items()},
        "options": {k: (v if isinstance(v, bool) else number(v)) for k, v in options.items()},
        "expected": {"error": True},
        "note": note,
    }
    cases.append(case)


def raises(loss, args, options):
    try:
        function(loss)(**args, **options)
    except (RuntimeError, ValueError, IndexError):
        return True
    return False


def torch_error(case_id, loss, args, options, note, integer_target=False):
    """An error case that PyTorch refuses too (asserted here)."""
    targs = dict(args)
    if integer_target:
        targs["target"] = targs["target"].long()
    assert raises(loss, targs, options), case_id
    add_error(case_id, loss, args, options, note, integer_target)


def gen(seed):
    return torch.Generator().manual_seed(seed)


def randn(g, *shape, scale=1.0):
    return torch.randn(*shape, generator=g) * scale


def randint(g, high, *shape):
    return torch.randint(0, high, shape, generator=g)


def one_hot(g, n, c):
    return F.one_hot(randint(g, c, n), c).to(torch.float64)


# ---------------------------------------------------------------- cross_entropy

def cross_entropy_cases():
    loss = "cross_entropy"
    g = gen(1001)
    for red in REDUCTIONS:
        x = randn(g, 6, 5, scale=2)
        t = randint(g, 5, 6)
        w = torch.rand(5, generator=g) + 0.2
        t_ign = t.clone()
        t_ign[[1, 4]] = -100
        add(f"index-{red}", loss, {"input": x, "target": t}, {"reduction": red}, index_target=True)
        add(f"weight-ignore-smoothing-{red}", loss, {"input": x, "target": t_ign, "weight": w},
            {"reduction": red, "label_smoothing": 0.25}, index_target=True,
            note="class weights with ignored targets and label smoothing: mean divides by the weights used")
        add(f"ignore-smoothing-{red}", loss, {"input": x, "target": t_ign},
            {"reduction": red, "label_smoothing": 0.4}, index_target=True,
            note="unweighted smoothing term divides by the targets used, like the NLL term")
        t2 = t.clone()
        t2[t2 == 2] = 3
        t2[0] = 2
        add(f"ignore-index-2-{red}", loss, {"input": x, "target": t2, "weight": w},
            {"reduction": red, "ignore_index": 2, "label_smoothing": 0.1}, index_target=True,
            note="ignore_index names a real class")
        p = torch.softmax(randn(g, 6, 5), 1)
        add(f"prob-weight-smoothing-{red}", loss, {"input": x, "target": p, "weight": w},
            {"reduction": red, "label_smoothing": 0.3},
            note="probability targets: mean divides by N whatever the weights")
        # [N, C, d1, d2] with index and probability targets.
        x4 = randn(g, 2, 4, 3, 2)
        t4 = randint(g, 4, 2, 3, 2)
        t4[0, 1, 1] = -100
        w4 = torch.rand(4, generator=g) + 0.5
        add(f"spatial-index-{red}", loss, {"input": x4, "target": t4, "weight": w4},
            {"reduction": red, "label_smoothing": 0.2}, index_target=True)
        p4 = torch.softmax(randn(g, 2, 4, 3, 2), 1)
        add(f"spatial-prob-{red}", loss, {"input": x4, "target": p4, "weight": w4},
            {"reduction": red, "label_smoothing": 0.15})
        x3 = randn(g, 3, 5, 4)
        t3 = randint(g, 5, 3, 4)
        add(f"1d-spatial-{red}", loss, {"input": x3, "target": t3}, {"reduction": red}, index_target=True)
        # Unbatched [C].
        xc = randn(g, 7)
        add(f"unbatched-index-{red}", loss, {"input": xc, "target": torch.tensor(3)},
            {"reduction": red, "label_smoothing": 0.1}, index_target=True)
        add(f"unbatched-prob-{red}", loss, {"input": xc, "target": torch.softmax(randn(g, 7), 0),
                                             "weight": torch.rand(7, generator=g)},
            {"reduction": red})
        # Large batch.
        xl = randn(g, 64, 10, scale=3)
        tl = randint(g, 10, 64)
        tl[::9] = -100
        add(f"large-{red}", loss, {"input": xl, "target": tl, "weight": torch.rand(10, generator=g) + 0.1},
            {"reduction": red, "label_smoothing": 0.05}, index_target=True)
        add(f"smoothing-1-{red}", loss, {"input": x, "target": t}, {"reduction": red, "label_smoothing": 1.0},
            index_target=True, note="label_smoothing 1 leaves only the uniform target")
    x = torch.tensor([[1000.0, 0.0, -1000.0], [-800.0, 800.0, 0.0]])
    add("huge-logits", loss, {"input": x, "target": torch.tensor([2, 1])},
        {"reduction": "none", "label_smoothing": 0.2}, index_target=True,
        note="log-softmax through log-sum-exp: no overflow")
    add("huge-logits-prob", loss, {"input": x, "target": torch.tensor([[0.0, 0.5, 0.5], [1.0, 0.0, 0.0]])},
        {"reduction": "mean"})
    x = randn(g, 3, 4)
    add("all-ignored-mean", loss, {"input": x, "target": torch.tensor([-100, -100, -100])},
        {"reduction": "mean"}, grad=False, index_target=True,
        note="a mean over no targets is NaN in PyTorch (its gradient is 0)")
    add("all-ignored-sum", loss, {"input": x, "target": torch.tensor([-100, -100, -100])},
        {"reduction": "sum", "label_smoothing": 0.3}, index_target=True)
    add("unbatched-ignored-mean", loss, {"input": x[0], "target": torch.tensor(-100)},
        {"reduction": "mean"}, grad=False, index_target=True)
    add("unbatched-ignored-none", loss, {"input": x[0], "target": torch.tensor(-100)},
        {"reduction": "none"}, index_target=True)
    add("zero-weight-sum-mean", loss, {"input": x, "target": torch.tensor([0, 1, 0]),
                                       "weight": torch.tensor([0.0, 0.0, 1.0, 1.0])},
        {"reduction": "mean"}, grad=False, index_target=True,
        note="the weights used sum to 0: PyTorch gives NaN")
    add("negative-ignore-index-prob", loss, {"input": x, "target": torch.softmax(randn(g, 3, 4), 1)},
        {"reduction": "mean", "ignore_index": -1},
        note="a negative ignore_index is allowed with probability targets")

    x = randn(g, 3, 4)
    t = torch.tensor([0, 1, 2])
    torch_error("index-out-of-range", loss, {"input": x, "target": torch.tensor([0, 4, 1])}, {},
                "class 4 of 4 classes", integer_target=True)
    torch_error("negative-index", loss, {"input": x, "target": torch.tensor([0, -1, 1])}, {},
                "-1 is neither a class nor ignore_index", integer_target=True)
    torch_error("index-is-old-ignore", loss, {"input": x, "target": torch.tensor([0, -100, 1])},
                {"ignore_index": 1}, "-100 is only ignored while ignore_index is -100", integer_target=True)
    add_error("fractional-index", loss, {"input": x, "target": torch.tensor([0.0, 1.5, 2.0])}, {},
              "a class index must be a whole number")
    torch_error("weight-shape", loss, {"input": x, "target": t, "weight": torch.ones(3)}, {},
                "one weight per class", integer_target=True)
    torch_error("weight-2d", loss, {"input": x, "target": t, "weight": torch.ones(1, 4)}, {},
                "weight must be [C]", integer_target=True)
    torch_error("target-shape", loss, {"input": x, "target": torch.tensor([0, 1])}, {},
                "one index per row", integer_target=True)
    torch_error("prob-target-shape", loss, {"input": x, "target": torch.full((3, 5), 0.2)}, {},
                "probabilities must match the input's shape")
    torch_error("prob-with-ignore-index", loss, {"input": x, "target": torch.full((3, 4), 0.25)},
                {"ignore_index": 0}, "ignore_index is for class indices only")
    torch_error("unbatched-target-1", loss, {"input": x[0], "target": torch.tensor([1])}, {},
                "an unbatched input takes a scalar index", integer_target=True)
    torch_error("label-smoothing-above-1", loss, {"input": x, "target": t}, {"label_smoothing": 1.5},
                "label_smoothing lies in [0, 1]", integer_target=True)
    add_error("label-smoothing-negative", loss, {"input": x, "target": t}, {"label_smoothing": -0.1},
              "label_smoothing lies in [0, 1] (PyTorch 1.13 treats a negative one as 0)",
              integer_target=True)
    add_error("scalar-input", loss, {"input": torch.tensor(1.0), "target": torch.tensor(0)}, {},
              "a scalar has no class dimension", integer_target=True)
    add_error("empty", loss, {"input": torch.zeros(0, 3), "target": torch.zeros(0)}, {},
              "empty input", integer_target=True)
    add_error("fractional-ignore-index", loss, {"input": x, "target": t}, {"ignore_index": 0.5},
              "ignore_index is an integer", integer_target=True)


# ---------------------------------------------------------------- nll_loss

def nll_cases():
    loss = "nll_loss"
    g = gen(1002)
    for red in REDUCTIONS:
        x = torch.log_softmax(randn(g, 8, 6), 1)
        t = randint(g, 6, 8)
        t[[0, 5]] = -100
        w = torch.rand(6, generator=g) + 0.1
        add(f"weight-ignore-{red}", loss, {"input": x, "target": t, "weight": w}, {"reduction": red},
            index_target=True)
        t2 = randint(g, 6, 8)
        add(f"ignore-index-3-{red}", loss, {"input": x, "target": t2}, {"reduction": red, "ignore_index": 3},
            index_target=True)
        x4 = randn(g, 2, 3, 2, 4)
        t4 = randint(g, 3, 2, 2, 4)
        t4[1, 0, 2] = -100
        add(f"spatial-{red}", loss, {"input": x4, "target": t4, "weight": torch.rand(3, generator=g)},
            {"reduction": red}, index_target=True)
        add(f"unbatched-{red}", loss, {"input": randn(g, 5), "target": torch.tensor(4)},
            {"reduction": red}, index_target=True)
        add(f"positive-scores-{red}", loss, {"input": randn(g, 4, 3, scale=5), "target": randint(g, 3, 4)},
            {"reduction": red}, index_target=True, note="nll_loss does not check that input is a log-probability")
    x = randn(g, 3, 4)
    add("all-ignored-mean", loss, {"input": x, "target": torch.tensor([-100, -100, -100])},
        {"reduction": "mean"}, grad=False, index_target=True, note="NaN as in PyTorch")
    add("all-ignored-none", loss, {"input": x, "target": torch.tensor([-100, -100, -100])},
        {"reduction": "none"}, index_target=True)
    add("zero-weight-sum-mean", loss, {"input": x, "target": torch.tensor([0, 1, 0]),
                                       "weight": torch.tensor([0.0, 0.0, 2.0, 1.0])},
        {"reduction": "mean"}, grad=False, index_target=True)
    t = torch.tensor([0, 1, 2])
    torch_error("index-out-of-range", loss, {"input": x, "target": torch.tensor([0, 1, 7])}, {},
                "class 7 of 4", integer_target=True)
    add_error("fractional-index", loss, {"input": x, "target": torch.tensor([0.0, 1.0, 0.25])}, {},
              "a class index must be a whole number")
    torch_error("prob-target", loss, {"input": x, "target": torch.full((3, 4), 0.25)}, {},
                "nll_loss takes class indices only")
    torch_error("weight-shape", loss, {"input": x, "target": t, "weight": torch.ones(5)}, {},
                "one weight per class", integer_target=True)
    torch_error("scalar-input", loss, {"input": torch.tensor(1.0), "target": torch.tensor(0)}, {},
                "a scalar has no class dimension", integer_target=True)
    add_error("empty", loss, {"input": torch.zeros(0, 4), "target": torch.zeros(0)}, {},
              "empty input", integer_target=True)


# ---------------------------------------------------------------- multi_margin_loss

def multi_margin_cases():
    loss = "multi_margin_loss"
    g = gen(1003)
    for red in REDUCTIONS:
        for p in (1, 2):
            x = randn(g, 7, 5)
            t = randint(g, 5, 7)
            w = torch.rand(5, generator=g) + 0.2
            add(f"p{p}-{red}", loss, {"input": x, "target": t}, {"reduction": red, "p": p}, index_target=True)
            add(f"p{p}-weight-{red}", loss, {"input": x, "target": t, "weight": w},
                {"reduction": red, "p": p, "margin": 0.7}, index_target=True,
                note="the weight of the true class scales the row; mean divides by N")
            add(f"p{p}-margin-negative-{red}", loss, {"input": x, "target": t},
                {"reduction": red, "p": p, "margin": -0.4}, index_target=True)
            add(f"p{p}-margin-0-{red}", loss, {"input": randn(g, 4, 3), "target": randint(g, 3, 4)},
                {"reduction": red, "p": p, "margin": 0.0}, index_target=True)
            add(f"p{p}-margin-2.5-{red}", loss, {"input": randn(g, 4, 6), "target": randint(g, 6, 4)},
                {"reduction": red, "p": p, "margin": 2.5}, index_target=True)
            add(f"p{p}-unbatched-{red}", loss, {"input": randn(g, 6), "target": torch.tensor(2)},
                {"reduction": red, "p": p}, index_target=True, note="[C] with a scalar target gives a scalar")
            add(f"p{p}-unbatched-target-1-{red}", loss, {"input": randn(g, 6), "target": torch.tensor([5])},
                {"reduction": red, "p": p}, index_target=True, note="[C] with a [1] target gives [1]")
            add(f"p{p}-one-row-scalar-target-{red}", loss, {"input": randn(g, 1, 4), "target": torch.tensor(1)},
                {"reduction": red, "p": p}, index_target=True, note="[1, C] with a scalar target gives a scalar")
            add(f"p{p}-large-{red}", loss, {"input": randn(g, 48, 12, scale=0.6), "target": randint(g, 12, 48),
                                             "weight": torch.rand(12, generator=g)},
                {"reduction": red, "p": p}, index_target=True)
        add(f"defaults-{red}", loss, {"input": randn(g, 3, 4), "target": randint(g, 4, 3)}, {"reduction": red},
            index_target=True)
    add("one-class", loss, {"input": randn(g, 3, 1), "target": torch.tensor([0, 0, 0])},
        {"reduction": "none"}, index_target=True, note="with one class there is nothing to violate")
    add("scalar-input", loss, {"input": torch.tensor(0.3), "target": torch.tensor(0)},
        {"reduction": "mean"}, index_target=True, note="PyTorch accepts a scalar as one class")
    add("p2-at-margin", loss, {"input": torch.tensor([[0.5, 1.5, 0.0], [2.0, 1.0, 1.0]]),
                               "target": torch.tensor([1, 0])},
        {"reduction": "none", "p": 2}, index_target=True,
        note="terms exactly at the margin: the squared hinge is smooth there")
    add("p1-at-margin", loss, {"input": torch.tensor([[0.5, 1.5, 0.0], [2.0, 1.0, 1.0]]),
                               "target": torch.tensor([1, 0])},
        {"reduction": "none", "p": 1}, index_target=True, grad=False,
        note="terms exactly at the margin; their gradient (0) is checked natively")
    x = randn(g, 3, 4)
    t = torch.tensor([0, 1, 3])
    torch_error("p3", loss, {"input": x, "target": t}, {"p": 3}, "p is 1 or 2", integer_target=True)
    add_error("p1.5", loss, {"input": x, "target": t}, {"p": 1.5}, "p is 1 or 2", integer_target=True)
    torch_error("index-out-of-range", loss, {"input": x, "target": torch.tensor([0, 4, 1])}, {},
                "class 4 of 4", integer_target=True)
    torch_error("negative-index", loss, {"input": x, "target": torch.tensor([0, -100, 1])}, {},
                "multi_margin_loss has no ignore_index", integer_target=True)
    add_error("fractional-index", loss, {"input": x, "target": torch.tensor([0.0, 2.5, 1.0])}, {},
              "a class index must be a whole number")
    torch_error("target-2d", loss, {"input": x, "target": t.view(3, 1)}, {}, "target is [N]",
                integer_target=True)
    torch_error("target-length", loss, {"input": x, "target": torch.tensor([0, 1])}, {},
                "one index per row", integer_target=True)
    torch_error("input-3d", loss, {"input": randn(g, 2, 3, 2), "target": torch.tensor([0, 1])}, {},
                "input is [N, C] or [C]", integer_target=True)
    torch_error("weight-2d", loss, {"input": x, "target": t, "weight": torch.ones(1, 4)}, {},
                "weight is [C]", integer_target=True)
    add_error("weight-length", loss, {"input": x, "target": t, "weight": torch.ones(5)}, {},
              "weight is [C] (PyTorch 1.13 does not check its length)", integer_target=True)
    add_error("empty", loss, {"input": torch.zeros(0, 4), "target": torch.zeros(0)}, {},
              "empty input", integer_target=True)
    add_error("margin-inf", loss, {"input": x, "target": t}, {"margin": math.inf},
              "the margin must be finite", integer_target=True)


# ---------------------------------------------------------------- multilabel_soft_margin_loss

def multilabel_cases():
    loss = "multilabel_soft_margin_loss"
    g = gen(1004)
    for red in REDUCTIONS:
        x = randn(g, 6, 5, scale=2)
        y = torch.randint(0, 2, (6, 5), generator=g).to(torch.float64)
        add(f"basic-{red}", loss, {"input": x, "target": y}, {"reduction": red})
        add(f"class-weight-{red}", loss, {"input": x, "target": y, "weight": torch.rand(5, generator=g) + 0.1},
            {"reduction": red})
        add(f"element-weight-{red}", loss, {"input": x, "target": y, "weight": torch.rand(6, 5, generator=g)},
            {"reduction": red})
        add(f"soft-labels-{red}", loss, {"input": x, "target": torch.rand(6, 5, generator=g)}, {"reduction": red},
            note="PyTorch takes soft labels too")
        add(f"unbatched-{red}", loss, {"input": randn(g, 4), "target": torch.tensor([1.0, 0.0, 0.0, 1.0])},
            {"reduction": red}, note="[C] gives a scalar")
        add(f"3d-{red}", loss, {"input": randn(g, 2, 3, 4), "target": torch.randint(0, 2, (2, 3, 4), generator=g).double()},
            {"reduction": red}, note="the last dimension holds the classes")
        add(f"large-{red}", loss, {"input": randn(g, 40, 16, scale=3),
                                   "target": torch.randint(0, 2, (40, 16), generator=g).double()},
            {"reduction": red})
    x = torch.tensor([[800.0, -800.0, 0.0, 40.0], [-40.0, 700.0, -700.0, 1e-3]])
    y = torch.tensor([[0.0, 1.0, 1.0, 1.0], [0.0, 1.0, 0.0, 0.5]])
    add("extreme-logits", loss, {"input": x, "target": y}, {"reduction": "none"},
        note="stable log-sigmoid: no overflow at |x| = 800")
    x = randn(g, 3, 4)
    y = torch.ones(3, 4)
    torch_error("target-shape", loss, {"input": x, "target": torch.ones(3, 5)}, {}, "shapes must match")
    add_error("target-broadcast", loss, {"input": x, "target": torch.ones(4)}, {},
              "no silent broadcasting of the target")
    add_error("weight-shape", loss, {"input": x, "target": y, "weight": torch.ones(3)}, {},
              "weight is [C] or the input's shape")
    torch_error("scalar-input", loss, {"input": torch.tensor(0.5), "target": torch.tensor(1.0)}, {},
                "a scalar has no class dimension")
    add_error("empty", loss, {"input": torch.zeros(0, 4), "target": torch.zeros(0, 4)}, {}, "empty input")


# ---------------------------------------------------------------- categorical_hinge

def categorical_hinge_cases():
    loss = "categorical_hinge"
    g = gen(1005)
    for red in REDUCTIONS:
        add(f"basic-{red}", loss, {"input": randn(g, 8, 5), "target": one_hot(g, 8, 5)}, {"reduction": red})
        add(f"wide-margin-{red}", loss, {"input": randn(g, 8, 4, scale=3), "target": one_hot(g, 8, 4)},
            {"reduction": red}, note="some rows are past the margin and cost 0")
        add(f"unbatched-{red}", loss, {"input": randn(g, 6), "target": one_hot(g, 1, 6)[0]}, {"reduction": red})
        add(f"3d-{red}", loss, {"input": randn(g, 2, 3, 4), "target": one_hot(g, 6, 4).view(2, 3, 4)},
            {"reduction": red})
        add(f"large-{red}", loss, {"input": randn(g, 50, 10, scale=2), "target": one_hot(g, 50, 10)},
            {"reduction": red})
    x = torch.tensor([[1.0, 3.0, 3.0, 0.5], [-1.0, -2.0, -0.5, -3.0], [2.0, -1.0, 0.5, -0.25]])
    y = torch.tensor([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 0.0]])
    add("two-way-tie", loss, {"input": x, "target": y}, {"reduction": "none"},
        note="row 0: two wrong classes tie for the max and share its gradient; row 1: every wrong "
             "score is negative, so the max is the true class's 0")
    add("soft-targets", loss, {"input": randn(g, 4, 3), "target": torch.softmax(randn(g, 4, 3), 1)},
        {"reduction": "mean"}, note="the target is not checked to be one-hot (Keras computes the same)")
    add("huge-scores", loss, {"input": torch.tensor([[1e300, -1e300, 0.0], [-1e300, 1e300, 5.0]]),
                              "target": torch.tensor([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])},
        {"reduction": "none"}, note="no overflow in the products or the max")
    x = randn(g, 3, 4)
    add_error("target-shape", loss, {"input": x, "target": torch.ones(3, 5)}, {}, "shapes must match")
    add_error("target-broadcast", loss, {"input": x, "target": torch.ones(4)}, {}, "no silent broadcasting")
    add_error("scalar-input", loss, {"input": torch.tensor(0.5), "target": torch.tensor(1.0)}, {},
              "a scalar has no class dimension")
    add_error("empty", loss, {"input": torch.zeros(0, 4), "target": torch.zeros(0, 4)}, {}, "empty input")


# ---------------------------------------------------------------- margin_ranking_loss

def margin_ranking_cases():
    loss = "margin_ranking_loss"
    g = gen(1006)
    sign = lambda *shape: torch.randint(0, 2, shape, generator=g).double() * 2 - 1
    for red in REDUCTIONS:
        for margin in (0.0, 0.3, 1.5, -0.5):
            add(f"margin-{margin}-{red}", loss, {"input1": randn(g, 9), "input2": randn(g, 9), "target": sign(9)},
                {"reduction": red, "margin": margin})
        add(f"2d-{red}", loss, {"input1": randn(g, 3, 4), "input2": randn(g, 3, 4), "target": sign(3, 4)},
            {"reduction": red})
        add(f"scalar-{red}", loss, {"input1": torch.tensor(0.25), "input2": torch.tensor(1.0),
                                    "target": torch.tensor(1.0)}, {"reduction": red, "margin": 0.1})
        add(f"large-{red}", loss, {"input1": randn(g, 200), "input2": randn(g, 200), "target": sign(200)},
            {"reduction": red, "margin": 0.2})
    add("other-labels", loss, {"input1": torch.tensor([1.0, 2.0, -1.0]), "input2": torch.tensor([0.0, 3.0, 1.0]),
                               "target": torch.tensor([0.5, 0.0, 2.0])}, {"reduction": "none", "margin": 0.25},
        note="PyTorch uses any label as it is")
    add("at-margin", loss, {"input1": torch.tensor([1.0, 2.0]), "input2": torch.tensor([1.0, 2.5]),
                            "target": torch.tensor([1.0, -1.0])}, {"reduction": "none", "margin": 0.5},
        grad=False, note="the second pair sits exactly at the margin; its gradient is checked natively")
    x = randn(g, 4)
    s = torch.tensor([1.0, -1.0, 1.0, 1.0])
    add_error("input2-shape", loss, {"input1": x, "input2": randn(g, 3), "target": s}, {}, "shapes must match")
    add_error("input2-broadcast", loss, {"input1": x, "input2": randn(g, 1), "target": s}, {},
              "no silent broadcasting")
    add_error("target-shape", loss, {"input1": x, "input2": x, "target": torch.ones(5)}, {}, "shapes must match")
    torch_error("dims", loss, {"input1": x, "input2": x.view(1, 4), "target": s}, {},
                "all three have the same dimension")
    add_error("empty", loss, {"input1": torch.zeros(0), "input2": torch.zeros(0), "target": torch.zeros(0)}, {},
              "empty input")
    add_error("margin-nan", loss, {"input1": x, "input2": x, "target": s}, {"margin": math.nan},
              "the margin must be a number")


# ---------------------------------------------------------------- cosine_embedding_loss

def cosine_cases():
    loss = "cosine_embedding_loss"
    g = gen(1007)
    sign = lambda n: torch.randint(0, 2, (n,), generator=g).double() * 2 - 1
    for red in REDUCTIONS:
        for margin in (0.0, 0.4, -0.5, 1.0, -1.0):
            add(f"margin-{margin}-{red}", loss, {"input1": randn(g, 8, 5), "input2": randn(g, 8, 5),
                                                 "target": sign(8)}, {"reduction": red, "margin": margin})
        add(f"unbatched-{red}", loss, {"input1": randn(g, 6), "input2": randn(g, 6),
                                       "target": torch.tensor(-1.0)}, {"reduction": red, "margin": -0.2})
        add(f"large-{red}", loss, {"input1": randn(g, 40, 12), "input2": randn(g, 40, 12), "target": sign(40)},
            {"reduction": red, "margin": 0.1})
        add(f"scaled-{red}", loss, {"input1": randn(g, 4, 3, scale=1e5), "input2": randn(g, 4, 3, scale=1e-4),
                                    "target": sign(4)}, {"reduction": red, "margin": -0.9},
            note="the cosine does not depend on the scale")
    add("other-labels", loss, {"input1": randn(g, 3, 4), "input2": randn(g, 3, 4),
                               "target": torch.tensor([0.0, 2.0, 1.0])}, {"reduction": "mean"},
        note="labels other than 1 and -1 cost 0 in PyTorch")
    add("one-dimension", loss, {"input1": torch.tensor([[2.0], [-3.0]]), "input2": torch.tensor([[5.0], [4.0]]),
                                "target": torch.tensor([1.0, -1.0])}, {"reduction": "none"})
    add("zero-vectors", loss, {"input1": torch.tensor([[0.0, 0.0], [0.0, 0.0]]),
                               "input2": torch.tensor([[1.0, 1.0], [0.0, 0.0]]),
                               "target": torch.tensor([1.0, 1.0])}, {"reduction": "none"}, grad=False,
        note="eps = 1e-12 gives a zero vector cosine 0 (its large gradient is checked natively)")
    add("huge-values", loss, {"input1": torch.tensor([[1e200, 1e200]]), "input2": torch.tensor([[1.0, 1.0]]),
                              "target": torch.tensor([1.0])}, {"reduction": "none"},
        note="the squared norm overflows as in PyTorch: cosine 0")
    x = randn(g, 3, 4)
    s = torch.tensor([1.0, -1.0, 1.0])
    torch_error("input2-shape", loss, {"input1": x, "input2": randn(g, 3, 5), "target": s}, {}, "shapes must match")
    add_error("input2-broadcast", loss, {"input1": x, "input2": randn(g, 1, 4), "target": s}, {},
              "no silent broadcasting")
    torch_error("target-length", loss, {"input1": x, "input2": x, "target": torch.ones(2)}, {},
                "one label per row")
    add_error("target-broadcast", loss, {"input1": x, "input2": x, "target": torch.ones(1)}, {},
              "no silent broadcasting")
    torch_error("target-2d", loss, {"input1": x, "input2": x, "target": torch.ones(3, 1)}, {}, "target is [N]")
    torch_error("input-3d", loss, {"input1": randn(g, 2, 3, 4), "input2": randn(g, 2, 3, 4),
                                   "target": torch.ones(2)}, {}, "input is [N, D] or [D]")
    torch_error("unbatched-target-1", loss, {"input1": x[0], "input2": x[1], "target": torch.ones(1)}, {},
                "[D] inputs take a scalar target")
    add_error("margin-above-1", loss, {"input1": x, "input2": x, "target": s}, {"margin": 1.5},
              "margin is a cosine, in [-1, 1]")
    add_error("empty", loss, {"input1": torch.zeros(0, 3), "input2": torch.zeros(0, 3), "target": torch.zeros(0)},
              {}, "empty input")


# ---------------------------------------------------------------- triplet_margin_loss

def triplet_cases():
    loss = "triplet_margin_loss"
    g = gen(1008)
    settings = [
        {},
        {"margin": 0.5, "p": 1.0},
        {"margin": 2.0, "p": 3.0, "swap": True},
        {"margin": 1.0, "p": 1.5, "eps": 0.0},
        {"margin": 3.0, "p": 0.5, "eps": 0.1},
        {"margin": 1.0, "p": math.inf, "swap": True},
        {"margin": 0.0, "p": 2.0, "eps": 0.0, "swap": True},
        {"margin": -0.5, "p": 2.0},
    ]
    for red in REDUCTIONS:
        for k, opts in enumerate(settings):
            add(f"setting{k}-{red}", loss, {"anchor": randn(g, 7, 4), "positive": randn(g, 7, 4),
                                            "negative": randn(g, 7, 4)}, {"reduction": red, **opts})
        add(f"unbatched-{red}", loss, {"anchor": randn(g, 5), "positive": randn(g, 5), "negative": randn(g, 5)},
            {"reduction": red, "margin": 2.0, "swap": True})
        add(f"3d-{red}", loss, {"anchor": randn(g, 2, 3, 4), "positive": randn(g, 2, 3, 4),
                                "negative": randn(g, 2, 3, 4)}, {"reduction": red, "margin": 1.5},
            note="the distance runs over the last dimension")
        add(f"scalar-{red}", loss, {"anchor": torch.tensor(1.0), "positive": torch.tensor(2.0),
                                    "negative": torch.tensor(0.5)}, {"reduction": red})
        add(f"large-{red}", loss, {"anchor": randn(g, 32, 16), "positive": randn(g, 32, 16),
                                   "negative": randn(g, 32, 16)}, {"reduction": red, "margin": 2.0, "p": 1.0})
    add("swap-tie", loss, {"anchor": torch.tensor([[0.0, 1.0]]), "positive": torch.tensor([[1.0, 0.0]]),
                           "negative": torch.tensor([[1.0, 1.0]])},
        {"reduction": "none", "margin": 3.0, "eps": 0.0, "swap": True},
        note="d(a, n) = d(p, n): min() gives the anchor half of d(a, n)'s gradient")
    add("identical-points", loss, {"anchor": torch.tensor([[0.5, -1.0, 2.0]]),
                                   "positive": torch.tensor([[0.5, -1.0, 2.0]]),
                                   "negative": torch.tensor([[0.5, -1.0, 2.5]])}, {"reduction": "none"},
        grad=False, note="eps keeps d(a, p) = eps * sqrt(3), not 0 (a central difference step would be "
                         "as large as eps, so the gradient is checked natively)")
    x = randn(g, 3, 4)
    torch_error("positive-shape", loss, {"anchor": x, "positive": randn(g, 3, 5), "negative": x}, {},
                "shapes must match")
    add_error("negative-broadcast", loss, {"anchor": x, "positive": x, "negative": randn(g, 1, 4)}, {},
              "no silent broadcasting")
    torch_error("dims", loss, {"anchor": x, "positive": x[0], "negative": x}, {}, "same dimension")
    add_error("p-zero", loss, {"anchor": x, "positive": x, "negative": x}, {"p": 0.0}, "p > 0")
    add_error("p-negative", loss, {"anchor": x, "positive": x, "negative": x}, {"p": -1.0}, "p > 0")
    add_error("eps-negative", loss, {"anchor": x, "positive": x, "negative": x}, {"eps": -1e-6}, "eps >= 0")
    add_error("empty", loss, {"anchor": torch.zeros(0, 3), "positive": torch.zeros(0, 3),
                              "negative": torch.zeros(0, 3)}, {}, "empty input")
    add_error("swap-2", loss, {"anchor": x, "positive": x, "negative": x}, {"swap": 2}, "swap is a boolean")


def main():
    cross_entropy_cases()
    nll_cases()
    multi_margin_cases()
    multilabel_cases()
    categorical_hinge_cases()
    margin_ranking_cases()
    cosine_cases()
    triplet_cases()
    write_cases(OUT, cases, "gen_multirank.py")


if __name__ == "__main__":
    main()
