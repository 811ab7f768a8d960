#!/usr/bin/python3
"""Writes extra-regbin.json: loss-conformance/1 cases for the regression
losses (mse_loss, rmse, l1_loss, huber_loss, smooth_l1_loss, msle, mape,
log_cosh, quantile) and the binary ones (binary_cross_entropy,
binary_cross_entropy_with_logits, sigmoid_focal_loss, hinge, squared_hinge,
soft_margin_loss, hinge_embedding_loss).

Values and gradients come from PyTorch autograd in float64. The losses that
PyTorch lacks are built from torch ops as the conformance README defines
them (the focal loss as torchvision writes it). Every random tensor comes
from one seeded generator, so running this again writes the same file.

Cases that carry a gradient avoid the points where PyTorch's subgradient is
not the mean of the two one-sided slopes (the hinge at its kink, smooth L1
with beta = 0 at a zero residual, hinge embedding at its margin): the C++
suite checks every gradient against central differences with a step of 1e-6.
Those points are value-only cases here; tests/cpp/test_edges_regbin.cpp
checks their gradients. The elements of one case are kept of similar size,
so the step is not lost in the rounding of a much larger sum.

Run: /usr/bin/python3 tests/golden/gen_regbin.py
"""
import math
import pathlib
import warnings

import torch
import torch.nn.functional as F

from conformance_format import tensor_json, write_cases

torch.set_default_dtype(torch.float64)
warnings.simplefilter("ignore")  # the broadcasting warnings of the error cases

OUT = pathlib.Path(__file__).with_name("extra-regbin.json")
GEN = torch.Generator().manual_seed(20240611)
REDUCTIONS = ("none", "mean", "sum")


# --- the losses, as torch computes them --------------------------------------

def reduce(loss, reduction):
    return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]


def rmse(input, target, reduction="mean"):
    assert reduction == "mean"
    return torch.sqrt(F.mse_loss(input, target))


def msle(input, target, reduction="mean"):
    return F.mse_loss(torch.log1p(input), torch.log1p(target), reduction=reduction)


def mape(input, target, reduction="mean"):
    loss = 100 * torch.abs(target - input) / torch.clamp(torch.abs(target), min=1e-7)
    return reduce(loss, reduction)


def log_cosh(input, target, reduction="mean"):
    # The README's stable form: log(cosh(d)) = |d| + log1p(exp(-2|d|)) - log 2.
    a = torch.abs(input - target)
    return reduce(a + torch.log1p(torch.exp(-2 * a)) - math.log(2), reduction)


def quantile(input, target, tau=0.5, reduction="mean"):
    d = target - input
    return reduce(torch.maximum(tau * d, (tau - 1) * d), reduction)


def hinge(input, target, margin=1.0, reduction="mean"):
    return reduce(torch.clamp(margin - target * input, min=0), reduction)


def squared_hinge(input, target, margin=1.0, reduction="mean"):
    return reduce(torch.clamp(margin - target * input, min=0) ** 2, reduction)


def stable_soft_margin(input, target, reduction="mean"):
    # log(1 + exp(z)) as max(z, 0) + log1p(exp(-|z|)): F.soft_margin_loss
    # overflows to inf for z beyond about 710. Not for z = 0, where the
    # autograd of max and |.| would pick one side.
    z = -target * input
    return reduce(torch.clamp(z, min=0) + torch.log1p(torch.exp(-torch.abs(z))), reduction)


def sigmoid_focal_loss(input, target, alpha=0.25, gamma=2.0, reduction="mean"):
    # torchvision.ops.sigmoid_focal_loss, with the README's default reduction.
    p = torch.sigmoid(input)
    ce = F.binary_cross_entropy_with_logits(input, target, reduction="none")
    p_t = p * target + (1 - p) * (1 - target)
    loss = ce * (1 - p_t) ** gamma
    if alpha >= 0:
        loss = (alpha * target + (1 - alpha) * (1 - target)) * loss
    return reduce(loss, reduction)


LOSSES = {
    "mse_loss": F.mse_loss,
    "rmse": rmse,
    "l1_loss": F.l1_loss,
    "huber_loss": F.huber_loss,
    "smooth_l1_loss": F.smooth_l1_loss,
    "msle": msle,
    "mape": mape,
    "log_cosh": log_cosh,
    "quantile": quantile,
    "binary_cross_entropy": F.binary_cross_entropy,
    "binary_cross_entropy_with_logits": F.binary_cross_entropy_with_logits,
    "sigmoid_focal_loss": sigmoid_focal_loss,
    "hinge": hinge,
    "squared_hinge": squared_hinge,
    "soft_margin_loss": F.soft_margin_loss,
    "hinge_embedding_loss": F.hinge_embedding_loss,
}


# --- the format --------------------------------------------------------------

def as_tensor(v):
    return v if isinstance(v, torch.Tensor) else torch.tensor(v, dtype=torch.float64)


CASES = []
COUNTS = {}


def next_id(loss, tag):
    COUNTS[loss] = COUNTS.get(loss, 0) + 1
    return f"regbin/{loss}/{COUNTS[loss]}-{tag}"


def add(loss, args, options=None, reduction="mean", tag="", note=None, grad=True, ref=None):
    """A case whose expected values PyTorch computes. `ref` replaces the
    loss's torch function (for the extremes where PyTorch 1.13 overflows)."""
    options = dict(options or {})
    args = {name: as_tensor(v) for name, v in args.items()}
    x = args["input"].clone().requires_grad_(True)
    call_args = dict(args, input=x)
    fn = ref or LOSSES[loss]
    out = fn(**call_args, **options, reduction=reduction)
    out.sum().backward()
    expected = {"loss": tensor_json(out.detach())}
    if grad:
        expected["grad"] = {"input": tensor_json(x.grad)}
    case = {
        "id": next_id(loss, tag or reduction),
        "loss": loss,
        "args": {name: tensor_json(t) for name, t in args.items()},
        "options": dict(reduction=reduction, **options),
        "expected": expected,
        "rtol": 1e-9,
        "atol": 1e-12,
    }
    if note:
        case["note"] = note
    CASES.append(case)


def refuse(loss, args, options=None, reduction="mean", tag="error", note=None):
    """A case the implementation must refuse."""
    case = {
        "id": next_id(loss, tag),
        "loss": loss,
        "args": {name: tensor_json(as_tensor(v)) for name, v in args.items()},
        "options": dict(reduction=reduction, **(options or {})),
        "expected": {"error": True},
    }
    if note:
        case["note"] = note
    CASES.append(case)


# --- random data -------------------------------------------------------------

def uniform(shape, lo, hi):
    return lo + (hi - lo) * torch.rand(shape, generator=GEN)


def signs(shape):
    return torch.where(torch.rand(shape, generator=GEN) < 0.5, -1.0, 1.0)


def bits(shape):
    return (torch.rand(shape, generator=GEN) < 0.5).to(torch.float64)


SHAPES = [(1,), (6,), (3, 4), (2, 3, 4), ()]
LARGE = [(129,), (8, 17)]


def sweep(loss, make, option_sets):
    """Every option set under every reduction, on two of the small shapes
    in turn, and each large shape once; `make(shape)` draws the arguments."""
    turn = 0
    for options in option_sets:
        for reduction in REDUCTIONS:
            for _ in range(2):
                add(loss, make(SHAPES[turn % len(SHAPES)]), options, reduction)
                turn += 1
    for i, shape in enumerate(LARGE):
        add(loss, make(shape), option_sets[i % len(option_sets)], REDUCTIONS[(i + 1) % 3], tag="large")


def pair(lo, hi):
    return lambda s: {"input": uniform(s, lo, hi), "target": uniform(s, lo, hi)}


def common_errors(loss, make_pair, extra_options=None):
    """Shape mismatches (PyTorch would broadcast some of them, with a
    warning; the spec refuses all) and empty input."""
    o = extra_options or {}
    a = make_pair((3,))
    b = make_pair((4,))
    refuse(loss, {"input": a["input"], "target": b["target"]}, o, tag="length-mismatch")
    a = make_pair((2, 3))
    b = make_pair((3, 2))
    refuse(loss, {"input": a["input"], "target": b["target"]}, o, tag="shape-mismatch")
    a = make_pair((3,))
    b = make_pair((1,))
    refuse(loss, {"input": a["input"], "target": b["target"]}, o, tag="broadcast-refused",
           note="PyTorch broadcasts a [1] target with a warning; we refuse it")
    for reduction in REDUCTIONS if loss != "rmse" else ("mean",):
        refuse(loss, {"input": torch.zeros(0), "target": torch.zeros(0)}, o, reduction, tag="empty",
               note="PyTorch returns nan for a mean over nothing; we refuse empty input")


# --- regression --------------------------------------------------------------

def regression():
    wide = pair(-5, 5)
    sweep("mse_loss", wide, [{}])
    sweep("l1_loss", wide, [{}])
    sweep("huber_loss", wide, [{}, {"delta": 0.3}, {"delta": 2.5}, {"delta": 10.0}])
    sweep("smooth_l1_loss", wide, [{}, {"beta": 0.0}, {"beta": 0.5}, {"beta": 3.0}])
    sweep("mape", wide, [{}])
    sweep("log_cosh", lambda s: {"input": uniform(s, -20, 20), "target": uniform(s, -20, 20)}, [{}])
    sweep("quantile", wide, [{}, {"tau": 0.0}, {"tau": 0.1}, {"tau": 0.9}, {"tau": 1.0}])
    sweep("msle", pair(-0.95, 10), [{}])
    for shape in SHAPES + LARGE:
        add("rmse", wide(shape))

    # Kinks where the gradient is the mean of the two sides, so they pass
    # the central-difference check too.
    x = torch.tensor([1.5, -2.0, 0.25, 3.0])
    add("l1_loss", {"input": x, "target": torch.tensor([1.5, -2.0, 1.0, 2.0])}, tag="zero-residual",
        note="the gradient of |d| at d = 0 is 0")
    add("mse_loss", {"input": x, "target": x.clone()}, tag="zero-residual", reduction="sum")
    for delta in (1.0, 2.0):
        add("huber_loss", {"input": torch.tensor([delta, -delta, 0.0, 0.5 * delta]), "target": torch.zeros(4)},
            {"delta": delta}, "none", tag="at-delta", note="quadratic and linear pieces meet with equal slopes at |d| = delta")
    for beta in (1.0, 0.5):
        add("smooth_l1_loss", {"input": torch.tensor([beta, -beta, 0.0, 2 * beta]), "target": torch.zeros(4)},
            {"beta": beta}, "none", tag="at-beta", note="pieces meet at |d| = beta; the gradient at d = 0 is 0")
    add("smooth_l1_loss", {"input": torch.tensor([0.0, 1.0, -1.0]), "target": torch.tensor([0.0, 0.0, 0.0])},
        {"beta": 0.0}, "none", tag="beta0-zero-residual", grad=False,
        note="beta = 0 is L1; PyTorch 1.13's gradient at d = 0 is -1 (value-only here: a kink)")
    for tau in (0.0, 0.3, 0.5, 1.0):
        add("quantile", {"input": torch.tensor([1.0, -2.5, 4.0]), "target": torch.tensor([1.0, -2.5, 3.0])},
            {"tau": tau}, "none", tag=f"tie-tau{tau}",
            note="at d = 0 torch.maximum splits the gradient between its two terms: 1/2 - tau")
    add("mape", {"input": torch.tensor([2.0, -0.5]), "target": torch.tensor([2.0, -0.5])}, reduction="sum",
        tag="zero-residual", note="the gradient of |y - x| at x = y is 0")
    add("mape", {"input": torch.tensor([0.25, -3e-6]), "target": torch.tensor([0.0, 0.0])}, reduction="none",
        tag="zero-target", note="the divisor is clamped at 1e-7")
    add("mape", {"input": torch.tensor([1.0, 2.0]), "target": torch.tensor([1e-9, -3e-8])}, reduction="mean",
        tag="tiny-target", note="|y| below 1e-7 divides by 1e-7")
    add("log_cosh", {"input": torch.tensor([800.0, -750.0, 30.0]), "target": torch.tensor([0.0, 0.0, -0.5])},
        reduction="none", tag="huge-residual", note="cosh overflows here; the loss is |d| - log 2")
    add("log_cosh", {"input": torch.tensor([0.0, 1e-9, -3e-5, 0.7]), "target": torch.tensor([0.0, 0.0, 0.0, 0.7])},
        reduction="none", tag="tiny-residual")
    add("msle", {"input": torch.tensor([-0.999, 0.0, 1e6]), "target": torch.tensor([0.0, -0.9999, 1e6])},
        reduction="none", tag="near-minus-one", note="log1p near its pole and far away")
    add("msle", {"input": torch.tensor([0.0, 3.0]), "target": torch.tensor([0.0, 3.0])}, tag="zero-residual")
    add("rmse", {"input": torch.tensor([1.0, 2.0, 3.0]), "target": torch.tensor([1.0, 2.0, 3.0])},
        tag="all-zero", grad=False,
        note="value-only: torch.sqrt(mse_loss) has a nan gradient where every residual is 0")
    add("rmse", {"input": torch.tensor([1.0, 2.0, 3.0]), "target": torch.tensor([1.0, 2.0, 3.5])},
        tag="one-residual")
    add("huber_loss", {"input": torch.tensor([1e8, -1e8]), "target": torch.tensor([0.0, 0.0])},
        {"delta": 1e-3}, "sum", tag="large-residual")

    for loss in ("mse_loss", "rmse", "l1_loss", "huber_loss", "smooth_l1_loss", "mape", "log_cosh", "quantile"):
        common_errors(loss, wide)
    common_errors("msle", pair(0, 3))
    for reduction in ("none", "sum", "batchmean"):
        refuse("rmse", wide((3,)), reduction=reduction, tag=f"reduction-{reduction}",
               note="rmse is defined under the mean only")
    refuse("mse_loss", wide((3,)), reduction="batchmean", tag="reduction-batchmean")
    for delta in (0.0, -1.0):
        refuse("huber_loss", wide((3,)), {"delta": delta}, tag="bad-delta",
               note="PyTorch: huber_loss does not support non-positive values for delta")
    refuse("smooth_l1_loss", wide((3,)), {"beta": -0.5}, tag="bad-beta",
           note="PyTorch: smooth_l1_loss does not support negative values for beta")
    for tau in (-0.1, 1.5):
        refuse("quantile", wide((3,)), {"tau": tau}, tag="bad-tau", note="tau is a quantile, in [0, 1]")
    refuse("huber_loss", wide((3,)), {"beta": 1.0}, tag="unknown-option")
    for bad in ([0.5, -1.0, 2.0], [0.5, -1.5, 2.0], [0.5, float("nan"), 2.0]):
        refuse("msle", {"input": torch.tensor(bad), "target": torch.tensor([1.0, 1.0, 1.0])}, tag="input-domain",
               note="log1p needs values above -1")
    refuse("msle", {"input": torch.tensor([1.0, 1.0]), "target": torch.tensor([2.0, -1.0])}, tag="target-domain")
    refuse("msle", {"input": torch.tensor([1.0, 1.0]), "target": torch.tensor([-3.0, 1.0])}, reduction="none",
           tag="target-domain")


# --- binary ------------------------------------------------------------------

def probabilities(s):
    return uniform(s, 0.02, 0.98)


def binary():
    sweep("binary_cross_entropy", lambda s: {"input": probabilities(s), "target": bits(s)}, [{}])
    sweep("binary_cross_entropy", lambda s: {"input": probabilities(s), "target": uniform(s, 0, 1),
                                              "weight": uniform(s, 0, 2)}, [{}])
    logits = lambda s: uniform(s, -6, 6)
    sweep("binary_cross_entropy_with_logits", lambda s: {"input": logits(s), "target": bits(s)}, [{}])
    sweep("binary_cross_entropy_with_logits",
          lambda s: {"input": logits(s), "target": uniform(s, 0, 1), "weight": uniform(s, 0, 2),
                     "pos_weight": uniform(s, 0.2, 3)}, [{}])
    for shape in ((4, 3), (2, 3, 5), (7,)):
        for reduction in REDUCTIONS:
            add("binary_cross_entropy_with_logits",
                {"input": logits(shape), "target": bits(shape), "pos_weight": uniform(shape[-1:], 0.2, 3)},
                reduction=reduction, tag="pos_weight-per-class",
                note="pos_weight [C] weighs the positives of each class (last dimension)")
    focal_sets = [{}, {"alpha": -1.0, "gamma": 2.0}, {"alpha": 0.5, "gamma": 0.0}, {"alpha": 0.9, "gamma": 0.5},
                  {"alpha": 0.0, "gamma": 1.0}, {"alpha": 1.0, "gamma": 3.5}, {"alpha": -0.3, "gamma": 1.5}]
    sweep("sigmoid_focal_loss", lambda s: {"input": logits(s), "target": bits(s)}, focal_sets)
    for reduction in REDUCTIONS:
        s = (3, 4)
        add("sigmoid_focal_loss", {"input": logits(s), "target": uniform(s, 0, 1)}, {"gamma": 1.5},
            reduction, tag="soft-labels")
    scores = lambda s: {"input": uniform(s, -3, 3), "target": signs(s)}
    margins = [{}, {"margin": 0.0}, {"margin": 0.5}, {"margin": 2.0}]
    sweep("hinge", scores, margins)
    sweep("squared_hinge", scores, margins)
    sweep("soft_margin_loss", lambda s: {"input": uniform(s, -8, 8), "target": signs(s)}, [{}])
    sweep("hinge_embedding_loss", lambda s: {"input": uniform(s, -0.5, 3), "target": signs(s)}, margins)

    # Clamps, kinks and extremes.
    add("binary_cross_entropy", {"input": torch.tensor([0.0, 1.0, 1.0, 0.0, 0.0]),
                                 "target": torch.tensor([1.0, 0.0, 1.0, 0.0, 0.5])}, reduction="none",
        tag="saturated", note="each log is clamped at -100; the gradient's divisor p(1-p) at 1e-12")
    add("binary_cross_entropy", {"input": torch.tensor([1e-50, 1 - 1e-16, 0.5]),
                                 "target": torch.tensor([1.0, 0.0, 0.3]),
                                 "weight": torch.tensor([0.5, 2.0, 0.0])}, reduction="sum", tag="near-saturated")
    add("binary_cross_entropy", {"input": torch.tensor([[0.2, 0.7], [0.9, 0.4]]),
                                 "target": torch.tensor([[0.0, 1.0], [1.0, 1.0]]),
                                 "weight": torch.tensor([[0.0, 0.0], [1.0, 3.0]])}, reduction="mean",
        tag="zero-weight", note="the mean still divides by the element count, not by the weights")
    add("binary_cross_entropy_with_logits", {"input": torch.tensor([800.0, -800.0, 800.0, -800.0, 0.0]),
                                             "target": torch.tensor([0.0, 1.0, 1.0, 0.0, 0.5])},
        reduction="none", tag="extreme-logits", note="stable softplus: no overflow")
    add("binary_cross_entropy_with_logits", {"input": torch.tensor([40.0, -40.0, 3.0]),
                                             "target": torch.tensor([0.0, 1.0, 1.0]),
                                             "pos_weight": torch.tensor([2.0, 5.0, 0.5])},
        reduction="sum", tag="large-logits-pos_weight")
    for gamma in (0.0, 1.0, 2.0):
        add("sigmoid_focal_loss", {"input": torch.tensor([800.0, -800.0, 800.0, -800.0]),
                                   "target": torch.tensor([1.0, 1.0, 0.0, 0.0])},
            {"gamma": gamma}, "none", tag=f"extreme-logits-gamma{gamma}",
            note="saturated sigmoid: the confident right answers cost 0, the wrong ones 800 alpha_t")
    for gamma in (0.5, 2.0):
        add("sigmoid_focal_loss", {"input": torch.tensor([30.0, -30.0, 30.0, -30.0]),
                                   "target": torch.tensor([1.0, 0.0, 0.0, 1.0])},
            {"gamma": gamma, "alpha": 0.5}, "sum", tag=f"large-logits-gamma{gamma}")
    add("sigmoid_focal_loss", {"input": torch.tensor([0.0, 0.0]), "target": torch.tensor([1.0, 0.0])},
        {"alpha": 0.25, "gamma": 2.0}, "none", tag="zero-logit")
    add("hinge", {"input": torch.tensor([1.0, -1.0, 0.5, 2.0]), "target": torch.tensor([1.0, -1.0, -1.0, 1.0])},
        reduction="none", tag="at-margin", grad=False,
        note="value-only: at y x = margin torch.clamp passes the gradient -y (a kink)")
    add("squared_hinge", {"input": torch.tensor([1.0, -1.0, 0.5, 2.0]),
                          "target": torch.tensor([1.0, -1.0, -1.0, 1.0])},
        reduction="none", tag="at-margin", note="the square's gradient is 0 at the margin: smooth there")
    add("hinge_embedding_loss", {"input": torch.tensor([1.0, 0.0, 2.0]), "target": torch.tensor([-1.0, 1.0, -1.0])},
        reduction="none", tag="at-margin", grad=False,
        note="value-only: at x = margin torch.clamp passes the gradient -1 (a kink)")
    add("hinge_embedding_loss", {"input": torch.tensor([0.3, 1.7, 0.2]), "target": torch.tensor([0.0, 0.5, 1.0])},
        reduction="none", tag="other-labels", note="PyTorch adds both terms for a label that is neither 1 nor -1")
    add("soft_margin_loss", {"input": torch.tensor([-800.0, 800.0, 750.0, -750.0]),
                             "target": torch.tensor([1.0, 1.0, -1.0, -1.0])}, reduction="none",
        tag="extreme-scores", ref=stable_soft_margin,
        note="PyTorch 1.13's soft_margin_loss gives inf and a nan gradient here; computed in the stable form")
    add("soft_margin_loss", {"input": torch.tensor([0.0, 0.0, 2.0]), "target": torch.tensor([1.0, -1.0, 0.5])},
        reduction="mean", tag="zero-score-soft-label", note="PyTorch takes any real label")

    # Errors.
    pairs = {
        "binary_cross_entropy": lambda s: {"input": probabilities(s), "target": bits(s)},
        "binary_cross_entropy_with_logits": lambda s: {"input": logits(s), "target": bits(s)},
        "sigmoid_focal_loss": lambda s: {"input": logits(s), "target": bits(s)},
        "hinge": scores,
        "squared_hinge": scores,
        "soft_margin_loss": scores,
        "hinge_embedding_loss": scores,
    }
    for loss, make in pairs.items():
        common_errors(loss, make)
    for bad in (1.5, -0.1, float("nan")):
        refuse("binary_cross_entropy", {"input": torch.tensor([0.5, bad]), "target": torch.tensor([1.0, 0.0])},
               tag="input-domain", note="binary_cross_entropy takes probabilities in [0, 1]")
    for bad in (1.5, -0.5):
        add("binary_cross_entropy", {"input": torch.tensor([0.5, 0.3]), "target": torch.tensor([1.0, bad])},
            tag="target-outside-0-1", note="PyTorch 1.13 scores any target (a negative loss for -0.5)")
    refuse("binary_cross_entropy", {"input": torch.tensor([0.5, 0.3, 0.2]), "target": torch.tensor([1.0, 0.0, 1.0]),
                                    "weight": torch.tensor([2.0])}, tag="weight-shape",
           note="PyTorch broadcasts the weight; we take the input's shape only")
    refuse("binary_cross_entropy", {"input": torch.full((2, 3), 0.5), "target": torch.ones(2, 3),
                                    "weight": torch.ones(3)}, tag="weight-shape")
    refuse("binary_cross_entropy_with_logits", {"input": torch.zeros(3), "target": torch.ones(3),
                                                "weight": torch.ones(2)}, tag="weight-shape")
    refuse("binary_cross_entropy_with_logits", {"input": torch.zeros(3, 4), "target": torch.ones(3, 4),
                                                "pos_weight": torch.ones(3)}, tag="pos_weight-shape",
           note="pos_weight is one weight per class (the last dimension) or the input's shape")
    for options in ({"gamma": -1.0}, {"alpha": 1.5}):
        refuse("sigmoid_focal_loss", {"input": torch.zeros(2), "target": torch.ones(2)}, options, tag="bad-option")
    for bad in (2.0, -0.5):
        refuse("sigmoid_focal_loss", {"input": torch.zeros(2), "target": torch.tensor([1.0, bad])},
               tag="target-domain", note="labels in [0, 1]: outside, 1 - p_t can be negative and its power nan")
    for loss in ("hinge", "squared_hinge"):
        for bad in (0.0, 0.5):
            add(loss, {"input": torch.tensor([0.3, -0.2]), "target": torch.tensor([1.0, bad])},
                tag="label-not-sign", note="the formula applies to any label; a 0 label gives the constant margin")
    refuse("hinge", {"input": torch.zeros(2), "target": torch.ones(2)}, {"delta": 1.0}, tag="unknown-option")


def main():
    regression()
    binary()
    write_cases(OUT, CASES, "gen_regbin.py")


if __name__ == "__main__":
    main()
