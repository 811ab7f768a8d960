#!/usr/bin/python3
"""Writes extra-probabilistic.json: loss-conformance/1 cases for
poisson_nll_loss, gaussian_nll_loss, kl_div and the Keras Poisson loss.

Values and gradients come from PyTorch autograd in float64; the Keras loss,
which PyTorch lacks, is built from torch ops as the conformance README
defines it. Every random tensor comes from a seeded generator, so running
this again writes the same file.

Cases that carry a gradient stay away from the domain's edge (the C++ suite
checks every gradient against central differences with a step of 1e-6) and
keep the elements of one case of similar size, so that the step is not
lost in the rounding of a much larger sum. Edges and extremes that break
either rule are value-only cases here and are covered in
tests/cpp/test_edges_probabilistic.cpp.

Run: /usr/bin/python3 tests/golden/gen_probabilistic.py
"""
import pathlib
import warnings

import torch
import torch.nn.functional as F

from conformance_format import tensor_json, write_cases

torch.set_default_dtype(torch.float64)
warnings.simplefilter("ignore")  # kl_div's warning about reduction="mean"

OUT = pathlib.Path(__file__).with_name("extra-probabilistic.json")
KERAS_EPSILON = 1e-7


def keras_poisson(input, target, reduction="mean"):
    if reduction not in ("none", "mean", "sum"):
        raise ValueError(f"{reduction} is not a valid reduction")
    loss = input - target * torch.log(input + KERAS_EPSILON)
    return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction]


LOSSES = {
    "poisson_nll_loss": F.poisson_nll_loss,
    "gaussian_nll_loss": F.gaussian_nll_loss,
    "kl_div": F.kl_div,
    "poisson": keras_poisson,
}


def as_tensor(v):
    return v if isinstance(v, torch.Tensor) else torch.tensor(v)


cases = []
ids = set()


def add(case_id, loss, args, options, expected, note):
    case_id = f"probabilistic/{loss}/{case_id}"
    assert case_id not in ids, case_id
    ids.add(case_id)
    c = {"id": case_id, "loss": loss, "args": {k: tensor_json(v) for k, v in args.items()},
         "options": options, "expected": expected, "rtol": 1e-9, "atol": 1e-12}
    if note:
        c["note"] = note
    cases.append(c)


def case(case_id, loss, args, options, grad=True, note=None):
    """A case computed by PyTorch: the loss and d(sum of it)/d(input)."""
    args = {k: as_tensor(v) for k, v in args.items()}
    x = args["input"].clone().requires_grad_(grad)
    rest = {k: v for k, v in args.items() if k != "input"}
    out = LOSSES[loss](x, **rest, **options)
    expected = {"loss": tensor_json(out.detach())}
    if grad:
        out.sum().backward()
        expected["grad"] = {"input": tensor_json(x.grad)}
    add(case_id, loss, args, options, expected, note)


def torch_outcome(loss, args, options):
    """What PyTorch (or, for the Keras loss, the torch ops) does with an
    input we refuse, for the case's note."""
    who = "the torch ops give" if loss == "poisson" else "PyTorch gives"
    try:
        out = LOSSES[loss](args["input"], **{k: v for k, v in args.items() if k != "input"}, **options)
    except Exception as e:  # noqa: BLE001 - any refusal is what we want to record
        return f"{who} {type(e).__name__}: {str(e).splitlines()[0]}"
    if torch.isnan(out).any():
        return f"{who} NaN"
    if torch.isinf(out).any():
        return f"{who} inf"
    return f"{who} a number"


def error_case(case_id, loss, args, options, note):
    args = {k: as_tensor(v) for k, v in args.items()}
    add(case_id, loss, args, options, {"error": True}, f"{note}; {torch_outcome(loss, args, options)}")


def generator(seed):
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def uniform(g, shape, low, high):
    return low + (high - low) * torch.rand(shape, generator=g)


def counts(g, shape, rate=3.0):
    return torch.poisson(torch.full(shape, rate), generator=g)


def name(shape):
    return "x".join(str(d) for d in shape) or "scalar"


REDUCTIONS = ["none", "mean", "sum"]
SHAPES = [[4], [3, 5], [2, 3, 4]]
LARGE = [12, 20]


def combinations(flag_values, reductions=REDUCTIONS, shapes=SHAPES, large=LARGE):
    """(shape, *flags, reduction): every combination on the small shapes, and
    the large shape once per reduction, its flags taken in turn."""
    flags = [()]
    for values in flag_values:
        flags = [f + (v,) for f in flags for v in values]
    for shape in shapes:
        for f in flags:
            for reduction in reductions:
                yield (shape, *f, reduction)
    for i, reduction in enumerate(reductions):
        yield (large, *flags[i % len(flags)], reduction)


def poisson_nll_cases():
    seed = 100
    for shape, log_input, full, reduction in combinations([(True, False), (False, True)]):
        seed += 1
        g = generator(seed)
        # log-rates around 0, or rates well inside (0, inf).
        x = torch.randn(shape, generator=g) if log_input else uniform(g, shape, 0.2, 5.0)
        y = counts(g, shape)
        opts = {"reduction": reduction, "log_input": log_input, "full": full}
        case(f"{name(shape)}-{reduction}-log_input={log_input}-full={full}", "poisson_nll_loss",
             {"input": x, "target": y}, opts)
    case("default-options", "poisson_nll_loss",
         {"input": [0.5, -1.0, 2.0], "target": [1.0, 0.0, 4.0]}, {},
         note="no options: log_input true, full false, eps 1e-8, reduction mean")
    case("full-mask-at-1", "poisson_nll_loss",
         {"input": [0.3, 0.3, 0.3, 0.3, 0.3], "target": [0.0, 0.5, 1.0, 1.0000001, 2.5]},
         {"reduction": "none", "full": True},
         note="Stirling's term is added only where target > 1: 0 at 1, about -0.08 just above")
    case("full-noninteger-counts", "poisson_nll_loss",
         {"input": [1.2, 0.7, 3.0], "target": [2.5, 7.25, 1.5]},
         {"reduction": "sum", "log_input": False, "full": True})
    for eps in (1e-3, 0.5):
        case(f"eps={eps}", "poisson_nll_loss",
             {"input": [0.1, 1.0, 2.0, 0.05], "target": [3.0, 1.0, 0.0, 2.0]},
             {"reduction": "none", "log_input": False, "eps": eps})
    case("rate-zero-with-eps", "poisson_nll_loss",
         {"input": [0.0, 0.0, 0.5], "target": [0.0, 2.0, 1.0]},
         {"reduction": "none", "log_input": False, "eps": 0.01},
         note="a zero rate is allowed: eps keeps the log finite")
    case("rate-zero-default-eps", "poisson_nll_loss",
         {"input": [0.0, 0.0, -5e-9], "target": [0.0, 2.0, 1.0]},
         {"reduction": "none", "log_input": False}, grad=False,
         note="rates in (-eps, 0] are still accepted; no gradient case (a 1e-6 step leaves the domain)")
    case("negative-target", "poisson_nll_loss",
         {"input": [0.5, -0.5], "target": [-1.0, -2.0]}, {"reduction": "none", "full": True},
         note="PyTorch computes a negative target (Stirling's term is masked there); so do we")
    for x in (30.0, -30.0):
        case(f"log_input-extreme-{x}", "poisson_nll_loss",
             {"input": [x], "target": [4.0]}, {"reduction": "sum"},
             note="large |log-rate| alone in its case, so the gradient check is not swamped")
    case("scalar", "poisson_nll_loss", {"input": 0.25, "target": 2.0}, {"reduction": "none"})

    error_case("rate-below-minus-eps", "poisson_nll_loss",
               {"input": [1.0, -0.5], "target": [1.0, 1.0]}, {"log_input": False},
               note="log(input + eps) of a negative number")
    error_case("rate-at-minus-eps", "poisson_nll_loss",
               {"input": [1e-3, -1e-8], "target": [1.0, 1.0]}, {"log_input": False},
               note="input + eps = 0: log(0)")
    error_case("rate-below-custom-eps", "poisson_nll_loss",
               {"input": [-0.2], "target": [1.0]}, {"log_input": False, "eps": 0.1},
               note="input + eps < 0")
    error_case("shape-mismatch", "poisson_nll_loss",
               {"input": [1.0, 2.0, 3.0], "target": [1.0, 2.0]}, {}, note="no broadcasting")
    error_case("empty", "poisson_nll_loss",
               {"input": torch.zeros(0), "target": torch.zeros(0)}, {}, note="empty input")
    error_case("eps-zero", "poisson_nll_loss",
               {"input": [1.0], "target": [1.0]}, {"log_input": False, "eps": 0.0},
               note="eps must be > 0")
    error_case("eps-negative", "poisson_nll_loss",
               {"input": [1.0], "target": [1.0]}, {"eps": -1e-8}, note="eps must be > 0")


def gaussian_nll_cases():
    seed = 200
    # (input shape, var shape): every var layout PyTorch 1.13 takes.
    layouts = [([5], [5]), ([5], []), ([5], [1]), ([4, 3], [4, 3]), ([4, 3], [4, 1]), ([4, 3], [4]),
               ([2, 3, 4], [2, 3, 4]), ([2, 3, 4], [2, 3, 1]), ([2, 3, 4], [2, 3])]
    large = [([48], [48], True, "none"), ([12, 20], [12], False, "mean"), ([12, 20], [12, 1], True, "sum")]
    for x_shape, var_shape, full, reduction in [(x, v, f, r) for x, v in layouts for f in (False, True)
                                                for r in REDUCTIONS] + large:
        seed += 1
        g = generator(seed)
        x = uniform(g, x_shape, -3.0, 3.0)
        y = x + torch.randn(x_shape, generator=g)
        var = uniform(g, var_shape, 0.2, 3.0)
        case(f"{name(x_shape)}-var{name(var_shape)}-{reduction}-full={full}", "gaussian_nll_loss",
             {"input": x, "target": y, "var": var}, {"reduction": reduction, "full": full})
    case("default-options", "gaussian_nll_loss",
         {"input": [0.5, -1.0, 2.0], "target": [0.0, 0.0, 1.0], "var": [1.0, 0.5, 2.0]}, {},
         note="no options: full false, eps 1e-6, reduction mean")
    case("scalar", "gaussian_nll_loss", {"input": 1.5, "target": 0.5, "var": 2.0}, {"reduction": "none"})
    case("scalar-input-var-1", "gaussian_nll_loss",
         {"input": 1.5, "target": 0.5, "var": [2.0]}, {"reduction": "none"},
         note="a 0-d input with var of shape [1]: PyTorch's loss has shape [1]")
    for target_shape in ([4, 1], [1, 3]):
        g = generator(seed := seed + 1)
        case(f"target{name(target_shape)}-broadcast", "gaussian_nll_loss",
             {"input": uniform(g, [4, 3], -2.0, 2.0), "target": uniform(g, target_shape, -2.0, 2.0),
              "var": uniform(g, [4, 3], 0.5, 2.0)}, {"reduction": "none"},
             note="PyTorch documents a target of the input's shape with one dimension equal to 1")
    case("target-broadcast-var-per-row", "gaussian_nll_loss",
         {"input": [[1.0, 2.0, 3.0], [-1.0, 0.0, 1.0]], "target": [[0.5], [0.0]], "var": [2.0, 0.5]},
         {"reduction": "sum"})
    case("var-clamped-at-eps", "gaussian_nll_loss",
         {"input": [1.001, 2.0, -1.0005, 0.3], "target": [1.0, 2.0015, -1.0, 0.0],
          "var": [0.0, 1e-8, 1e-7, 2.0]}, {"reduction": "none"},
         note="variances below eps = 1e-6 count as 1e-6 (value and gradient); 0 is allowed")
    case("var-clamped-at-custom-eps", "gaussian_nll_loss",
         {"input": [1.0, 2.0, -1.0, 0.3], "target": [0.5, 2.5, 0.0, 0.0], "var": [0.0, 0.05, 0.5, 0.1]},
         {"reduction": "mean", "eps": 0.1, "full": True})
    case("zero-residual", "gaussian_nll_loss",
         {"input": [1.0, -2.0], "target": [1.0, -2.0], "var": [0.5, 4.0]}, {"reduction": "none"})

    error_case("negative-var", "gaussian_nll_loss",
               {"input": [1.0, 2.0, 3.0], "target": [1.0, 2.0, 3.0], "var": [1.0, -0.5, 1.0]}, {},
               note="a negative variance")
    error_case("nan-var", "gaussian_nll_loss",
               {"input": [1.0, 2.0], "target": [1.0, 2.0], "var": [1.0, float("nan")]}, {},
               note="a variance must be a number >= 0")
    for var_shape in ([3], [1, 3], [1], [], [2, 3, 1], [3, 2]):
        error_case(f"var{name(var_shape)}-for-input2x3", "gaussian_nll_loss",
                   {"input": torch.zeros(2, 3), "target": torch.zeros(2, 3), "var": torch.ones(var_shape)}, {},
                   note="var must be the input's shape, or it with the last dimension 1 or left out")
    error_case("var2-for-scalar-input", "gaussian_nll_loss",
               {"input": 1.0, "target": 1.0, "var": [1.0, 2.0]}, {}, note="a 0-d input takes var [] or [1]")
    for target_shape in ([3], [1, 1], [2, 3, 1], [2, 2]):
        error_case(f"target{name(target_shape)}-for-input2x3", "gaussian_nll_loss",
                   {"input": torch.zeros(2, 3), "target": torch.zeros(target_shape), "var": torch.ones(2, 3)}, {},
                   note="only the documented broadcasting: the input's shape with one dimension 1")
    error_case("empty", "gaussian_nll_loss",
               {"input": torch.zeros(0), "target": torch.zeros(0), "var": torch.zeros(0)}, {}, note="empty input")
    error_case("eps-zero", "gaussian_nll_loss",
               {"input": [1.0], "target": [1.0], "var": [1.0]}, {"eps": 0.0}, note="eps must be > 0")


def log_probabilities(g, shape, sharpness=3.0):
    return torch.log_softmax(sharpness * torch.randn(shape, generator=g), dim=-1)


def kl_div_cases():
    seed = 300
    for shape, log_target, reduction in combinations([(False, True)], REDUCTIONS + ["batchmean"],
                                                     [[5], [3, 4], [2, 3, 5], [8, 10]], [16, 15]):
        seed += 1
        g = generator(seed)
        x = log_probabilities(g, shape)
        t = log_probabilities(g, shape, 1.0)
        opts = {"reduction": reduction, "log_target": log_target}
        case(f"{name(shape)}-{reduction}-log_target={log_target}", "kl_div",
             {"input": x, "target": t if log_target else t.exp()}, opts)
    case("default-options", "kl_div",
         {"input": [[-0.5, -1.2], [-2.0, -0.2]], "target": [[0.6, 0.4], [0.1, 0.9]]}, {},
         note="no options: log_target false, reduction mean (the elementwise mean, as PyTorch's default)")
    case("zero-target", "kl_div",
         {"input": [[-0.1, -2.5, -5.0], [-1.0, -0.8, -1.6]], "target": [[1.0, 0.0, 0.0], [0.5, 0.5, 0.0]]},
         {"reduction": "batchmean"}, note="0 log 0 = 0: a zero target adds nothing")
    case("not-log-probabilities", "kl_div",
         {"input": [0.5, 2.0, -3.0], "target": [0.2, 1.5, 0.3]}, {"reduction": "sum"},
         note="PyTorch takes any input and any non-negative target")
    case("log_target-underflow", "kl_div",
         {"input": [-1.0, -2.0, -0.5], "target": [-800.0, -0.1, -3.0]}, {"reduction": "none", "log_target": True},
         note="exp(-800) underflows to 0, so that element adds 0")
    for reduction in ("batchmean", "none"):
        case(f"scalar-{reduction}", "kl_div", {"input": -0.7, "target": 0.4}, {"reduction": reduction},
             note="batchmean of a 0-d input is the sum" if reduction == "batchmean" else None)
    case("1d-batchmean", "kl_div", {"input": [-1.0, -2.0, -0.3], "target": [0.3, 0.1, 0.6]},
         {"reduction": "batchmean"}, note="batchmean divides by the first dimension: here all 3 elements")

    error_case("negative-target", "kl_div",
               {"input": [-1.0, -1.0], "target": [0.5, -0.5]}, {},
               note="a probability cannot be negative")
    error_case("nan-target", "kl_div",
               {"input": [-1.0, -1.0], "target": [0.5, float("nan")]}, {"reduction": "sum"},
               note="a probability must be a number >= 0")
    error_case("shape-mismatch", "kl_div",
               {"input": torch.zeros(2, 3), "target": torch.full((3,), 1.0 / 3)}, {}, note="no broadcasting")
    error_case("empty", "kl_div", {"input": torch.zeros(0, 3), "target": torch.zeros(0, 3)},
               {"reduction": "batchmean"}, note="empty input")
    error_case("bad-reduction", "kl_div", {"input": [-1.0], "target": [1.0]}, {"reduction": "average"},
               note="reductions are none, mean, sum and batchmean")


def keras_poisson_cases():
    seed = 400
    for shape, reduction in combinations([]):
        seed += 1
        g = generator(seed)
        x = uniform(g, shape, 0.1, 6.0)
        case(f"{name(shape)}-{reduction}", "poisson", {"input": x, "target": counts(g, shape)},
             {"reduction": reduction})
    case("default-options", "poisson", {"input": [0.5, 1.0, 4.0], "target": [0.0, 2.0, 3.0]}, {},
         note="no options: reduction mean")
    case("zero-target", "poisson", {"input": [0.3, 2.0], "target": [0.0, 0.0]}, {"reduction": "none"},
         note="y = 0 leaves just the rate: gradient 1")
    case("small-rate", "poisson", {"input": [1e-3, 2e-3], "target": [0.001, 0.002]}, {"reduction": "none"})
    case("rate-zero", "poisson", {"input": [0.0, 0.0, -5e-8], "target": [0.0, 3.0, 1.0]},
         {"reduction": "none"}, grad=False,
         note="rates in (-1e-7, 0] are accepted; no gradient case (a 1e-6 step leaves the domain)")
    case("scalar", "poisson", {"input": 2.5, "target": 4.0}, {"reduction": "none"})

    error_case("rate-at-minus-1e-7", "poisson", {"input": [1.0, -1e-7], "target": [1.0, 1.0]}, {},
               note="log(input + 1e-7) of 0")
    error_case("negative-rate", "poisson", {"input": [[1.0, 2.0], [-1.0, 3.0]], "target": [[1.0, 1.0], [1.0, 1.0]]},
               {"reduction": "sum"}, note="log of a negative number")
    error_case("shape-mismatch", "poisson", {"input": [1.0, 2.0], "target": [[1.0, 2.0]]}, {},
               note="no broadcasting")
    error_case("empty", "poisson", {"input": torch.zeros(0), "target": torch.zeros(0)}, {}, note="empty input")
    error_case("batchmean", "poisson", {"input": [1.0], "target": [1.0]}, {"reduction": "batchmean"},
               note="batchmean belongs to kl_div only")


def main():
    poisson_nll_cases()
    gaussian_nll_cases()
    kl_div_cases()
    keras_poisson_cases()
    write_cases(OUT, cases, "gen_probabilistic.py")


if __name__ == "__main__":
    main()
