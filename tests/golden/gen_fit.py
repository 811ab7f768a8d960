#!/usr/bin/python3
"""Writes tests/golden/fit/fit-cases.json (a folder of its own: the
conformance readers take every tests/golden/*.json as theirs): the line y = w*x + b fitted with each
loss, solved independently of lossplay, for tests/cpp/fit-test.cpp.

- optimum cases: the minimiser of the mean loss over (w, b).
  Piecewise-linear losses (l1_loss, quantile, mape, hinge) as a linear
  programme (scipy.optimize.linprog, HiGHS); mse_loss by numpy's lstsq;
  the smooth ones by scipy.optimize.minimize (trust-exact, with the
  gradient and Hessian from torch.autograd) to a gradient of 1e-13.
  "unique": false where the minimiser is a set (only the loss is compared).
- path cases: torch.optim.SGD (momentum, dampening 0) and torch.optim.Adam
  run on the same data and loss: (w, b, loss) before each step, as the
  loop `loss = F(w, b); loss.backward(); opt.step()` sees them.

Run with Debian's python3-torch and python3-scipy:
    /usr/bin/python3 tests/golden/gen_fit.py
"""
import json
import math
import os

import numpy as np
import scipy
import scipy.optimize
import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


# ---- the losses as lossplay's registry defines them (reduction mean) ----

def loss_fn(name, opts):
    F = torch.nn.functional
    if name == "mse_loss":
        return lambda p, y: F.mse_loss(p, y)
    if name == "l1_loss":
        return lambda p, y: F.l1_loss(p, y)
    if name == "huber_loss":
        return lambda p, y: F.huber_loss(p, y, delta=opts.get("delta", 1.0))
    if name == "smooth_l1_loss":
        return lambda p, y: F.smooth_l1_loss(p, y, beta=opts.get("beta", 1.0))
    if name == "log_cosh":
        # |d| + log1p(exp(-2|d|)) - log 2: log(cosh(d)) without overflow
        return lambda p, y: torch.mean((p - y).abs() + torch.log1p(torch.exp(-2 * (p - y).abs())) - math.log(2))
    if name == "quantile":
        tau = opts.get("tau", 0.5)
        return lambda p, y: torch.mean(torch.maximum(tau * (y - p), (tau - 1) * (y - p)))
    if name == "mape":
        return lambda p, y: torch.mean(100 * (y - p).abs() / torch.clamp(y.abs(), min=1e-7))
    if name == "msle":
        return lambda p, y: torch.mean((torch.log1p(p) - torch.log1p(y)) ** 2)
    if name == "binary_cross_entropy_with_logits":
        return lambda p, y: F.binary_cross_entropy_with_logits(p, y)
    if name == "sigmoid_focal_loss":
        alpha, gamma = opts.get("alpha", 0.25), opts.get("gamma", 2.0)

        def focal(p, y):  # torchvision.ops.sigmoid_focal_loss, reduction mean
            prob = torch.sigmoid(p)
            ce = F.binary_cross_entropy_with_logits(p, y, reduction="none")
            p_t = prob * y + (1 - prob) * (1 - y)
            loss = ce * (1 - p_t) ** gamma
            if alpha >= 0:
                loss = (alpha * y + (1 - alpha) * (1 - y)) * loss
            return loss.mean()
        return focal
    if name == "hinge":
        m = opts.get("margin", 1.0)
        return lambda p, y: torch.mean(torch.clamp(m - y * p, min=0))
    if name == "squared_hinge":
        m = opts.get("margin", 1.0)
        return lambda p, y: torch.mean(torch.clamp(m - y * p, min=0) ** 2)
    raise ValueError(name)


def objective(name, opts, x, y):
    f = loss_fn(name, opts)
    xt, yt = torch.tensor(x), torch.tensor(y)
    return lambda th: f(th[0] * xt + th[1], yt)


# ---- data ----

rng = np.random.default_rng(20261207)
DATA = {}
xs = np.arange(1.0, 11.0)
ys = 2 * xs + 1
ys[-1] = 60.0
DATA["done_when"] = (xs, ys)  # the case: MSE is pulled, MAE keeps slope 2
x = np.sort(rng.uniform(0, 10, 40))
DATA["heavy"] = (x, 1.5 * x - 2 + rng.standard_t(2, 40))
x = np.sort(rng.uniform(0, 5, 30))
DATA["growth"] = (x, np.exp(0.4 * x) - 1 + rng.uniform(0, 0.5, 30))  # y > -1 for MSLE
x = np.sort(rng.uniform(1, 10, 25))
DATA["percent"] = (x, 3 * x + 5 + rng.normal(0, 2, 25))  # y well away from 0 for MAPE
x = rng.normal(0, 1.5, 40)
labels = (rng.uniform(size=40) < 1 / (1 + np.exp(-(2 * x - 0.5)))).astype(float)
DATA["classes01"] = (x, labels)
DATA["classes_pm"] = (x, 2 * labels - 1)
DATA["separable01"] = (np.array([-3.0, -2, -1, 1, 2, 3]), np.array([0.0, 0, 0, 1, 1, 1]))
DATA["separable_pm"] = (np.array([-3.0, -2, -1, 1, 2, 3]), np.array([-1.0, -1, -1, 1, 1, 1]))
x = rng.uniform(-5, 5, 300)
DATA["wide300"] = (x, 0.7 * x + 3 + rng.standard_cauchy(300))  # Cauchy noise: a real LP
x3 = rng.normal(0, 2, 300)
DATA["classes300_pm"] = (x3, np.where(rng.uniform(size=300) < 1 / (1 + np.exp(-x3)), 1.0, -1.0))
# Small integer data with many ties: Wesolowsky's descent stalls at a
# degenerate vertex and lossplay falls back to its golden-section search.
DATA["degenerate_q"] = (np.array([0.0, 3, 2, 4, 4, 3, 2, 4]), np.array([0.0, 0, 1, 2, 4, 4, 1, 1]))
DATA["degenerate_l1"] = (np.array([3.0, 3, 2, 1, 0, 0]), np.array([0.0, 1, 4, 0, 0, 3]))
DATA["single"] = (np.array([2.0]), np.array([5.0]))
DATA["flat_x"] = (np.array([3.0, 3, 3, 3, 3]), np.array([1.0, 2, 4, 7, 20]))

PIECEWISE = {"l1_loss", "quantile", "mape", "hinge"}  # and smooth_l1_loss with beta 0


def piecewise_terms(name, opts, y):
    n = len(y)
    if name in ("l1_loss", "smooth_l1_loss"):
        return y, np.ones(n), np.ones(n)
    if name == "quantile":
        tau = opts.get("tau", 0.5)
        return y, np.full(n, tau), np.full(n, 1 - tau)
    if name == "mape":
        c = 100 / np.maximum(np.abs(y), 1e-7)
        return y, c, c
    m = opts.get("margin", 1.0)
    pos = y > 0
    return np.where(pos, m, -m), pos.astype(float), (~pos).astype(float)


def solve_lp(name, opts, x, y, flat):
    # min Σ (α e⁺ + β e⁻) / n  s.t.  w x_i + b + e⁺_i - e⁻_i = t_i, e ≥ 0
    t, a, bcoef = piecewise_terms(name, opts, y)
    n = len(y)
    cost = np.concatenate([[0, 0], a / n, bcoef / n])
    A = np.hstack([np.column_stack([x, np.ones(n)]), np.eye(n), -np.eye(n)])
    bounds = [(0, 0) if flat else (None, None), (None, None)] + [(0, None)] * (2 * n)
    r = scipy.optimize.linprog(cost, A_eq=A, b_eq=t, bounds=bounds, method="highs")
    assert r.status == 0, r.message
    # Is the minimiser unique? The range of w and of b over the optimal set
    # (cost <= optimum, to rounding), each by two more LPs.
    spread = 0.0
    for k in (0, 1):
        ends = []
        for sign in (1, -1):
            c = np.zeros(2 + 2 * n)
            c[k] = sign
            q = scipy.optimize.linprog(c, A_ub=[cost], b_ub=[r.fun + 1e-11 * (1 + abs(r.fun))], A_eq=A, b_eq=t,
                                       bounds=bounds, method="highs")
            assert q.status in (0, 3), q.message  # 3: unbounded, a set without end
            ends.append(q.x[k] if q.status == 0 else sign * -math.inf)
        spread = max(spread, abs(ends[0] - ends[1]) if math.isfinite(ends[0] - ends[1]) else math.inf)
    return r.x[0], r.x[1], bool(spread < 1e-7)


def solve_smooth(name, opts, x, y, start, flat):
    f = objective(name, opts, x, y)

    def fun(v):
        th = torch.tensor(v, requires_grad=True)
        val = f(th)
        (g,) = torch.autograd.grad(val, th)
        return val.item(), g.numpy()

    def hess(v):
        return torch.autograd.functional.hessian(f, torch.tensor(v)).numpy()

    if flat:  # w fixed at 0: a search over b alone
        r = scipy.optimize.minimize(lambda v: fun([0.0, v[0]])[0], [start[1]],
                                    jac=lambda v: fun([0.0, v[0]])[1][1:],
                                    method="BFGS", options={"gtol": 1e-13})
        return 0.0, r.x[0]
    r = scipy.optimize.minimize(fun, start, jac=True, hess=hess, method="trust-exact",
                                options={"gtol": 1e-13})
    assert np.max(np.abs(fun(r.x)[1])) < 1e-10, (name, r)
    return r.x[0], r.x[1]


def optimum_case(case_id, name, opts, data, status="found", unique=True):
    x, y = DATA[data]
    flat = bool(np.all(x == x[0]))
    out = {"id": case_id, "loss": name, "options": opts, "data": data, "status": status, "unique": unique}
    if status == "no_finite_optimum":
        return out
    if name == "mse_loss":
        if flat:
            w, b = 0.0, float(np.mean(y))
        else:
            w, b = np.linalg.lstsq(np.column_stack([x, np.ones(len(x))]), y, rcond=None)[0]
    elif name in PIECEWISE or (name == "smooth_l1_loss" and opts.get("beta") == 0):
        w, b, unique_lp = solve_lp(name, opts, x, y, flat)
        out["unique"] = unique and unique_lp
    else:
        if name == "msle":
            start = [0.0, math.expm1(np.mean(np.log1p(y)))]
        elif name in ("binary_cross_entropy_with_logits", "sigmoid_focal_loss", "squared_hinge"):
            start = [0.0, 0.0]
        else:
            start = list(np.polyfit(x, y, 1)) if not flat else [0.0, float(np.mean(y))]
        w, b = solve_smooth(name, opts, x, y, start, flat)
    out["w"], out["b"] = float(w), float(b)
    out["loss_value"] = objective(name, opts, x, y)(torch.tensor([w, b])).item()
    return out


OPTIMA = []
for data in ("done_when", "heavy"):
    for name, opts in [("mse_loss", {}), ("l1_loss", {}), ("huber_loss", {}), ("huber_loss", {"delta": 3.0}),
                       ("smooth_l1_loss", {"beta": 0.5}), ("log_cosh", {}), ("quantile", {}),
                       ("quantile", {"tau": 0.9}), ("quantile", {"tau": 0.25})]:
        suffix = "".join(f"-{k}{v}" for k, v in opts.items())
        OPTIMA.append(optimum_case(f"{data}-{name}{suffix}", name, opts, data))
OPTIMA.append(optimum_case("done_when-msle", "msle", {}, "done_when"))
OPTIMA.append(optimum_case("growth-msle", "msle", {}, "growth"))
OPTIMA.append(optimum_case("percent-mape", "mape", {}, "percent"))
OPTIMA.append(optimum_case("done_when-mape", "mape", {}, "done_when"))
OPTIMA.append(optimum_case("classes01-bce", "binary_cross_entropy_with_logits", {}, "classes01"))
OPTIMA.append(optimum_case("classes01-focal", "sigmoid_focal_loss", {}, "classes01"))
OPTIMA.append(optimum_case("classes01-focal-noalpha", "sigmoid_focal_loss", {"alpha": -1.0, "gamma": 1.0},
                           "classes01"))
OPTIMA.append(optimum_case("classes_pm-hinge", "hinge", {}, "classes_pm"))
OPTIMA.append(optimum_case("classes_pm-hinge-margin2", "hinge", {"margin": 2.0}, "classes_pm"))
OPTIMA.append(optimum_case("classes_pm-squared_hinge", "squared_hinge", {}, "classes_pm"))
for name, opts in [("l1_loss", {}), ("quantile", {"tau": 0.7}), ("mape", {}), ("huber_loss", {"delta": 0.5}),
                   ("log_cosh", {})]:
    suffix = "".join(f"-{k}{v}" for k, v in opts.items())
    OPTIMA.append(optimum_case(f"wide300-{name}{suffix}", name, opts, "wide300"))
OPTIMA.append(optimum_case("classes300_pm-hinge", "hinge", {}, "classes300_pm"))
OPTIMA.append(optimum_case("classes300_pm-squared_hinge", "squared_hinge", {"margin": 0.5}, "classes300_pm"))
OPTIMA.append(optimum_case("heavy-smooth_l1_loss-beta0", "smooth_l1_loss", {"beta": 0.0}, "heavy"))
OPTIMA.append(optimum_case("degenerate_q-quantile-tau0.3", "quantile", {"tau": 0.3}, "degenerate_q"))
OPTIMA.append(optimum_case("degenerate_l1-l1_loss", "l1_loss", {}, "degenerate_l1"))
OPTIMA.append(optimum_case("separable01-bce", "binary_cross_entropy_with_logits", {}, "separable01",
                           status="no_finite_optimum"))
OPTIMA.append(optimum_case("separable01-focal", "sigmoid_focal_loss", {}, "separable01", status="no_finite_optimum"))
OPTIMA.append(optimum_case("separable_pm-hinge", "hinge", {}, "separable_pm", unique=False))
OPTIMA.append(optimum_case("separable_pm-squared_hinge", "squared_hinge", {}, "separable_pm", unique=False))
for name in ("mse_loss", "l1_loss", "huber_loss", "log_cosh", "quantile"):
    OPTIMA.append(optimum_case(f"single-{name}", name, {}, "single", status="not_identifiable"))
for name, unique in (("mse_loss", True), ("l1_loss", True), ("huber_loss", True), ("log_cosh", True),
                     ("quantile", True), ("mape", True)):
    OPTIMA.append(optimum_case(f"flat_x-{name}", name, {}, "flat_x", status="not_identifiable", unique=unique))

# The "Done when": MSE's least-squares slope, MAE's slope 2.
dw = next(c for c in OPTIMA if c["id"] == "done_when-l1_loss")
assert abs(dw["w"] - 2) < 1e-9, dw


# ---- optimiser paths ----

def path_case(case_id, name, opts, data, optimizer, lr, steps, start=(0.0, 0.0), **hyper):
    x, y = DATA[data]
    f = objective(name, opts, x, y)
    w = torch.tensor(start[0], requires_grad=True)
    b = torch.tensor(start[1], requires_grad=True)
    if optimizer == "adam":
        opt = torch.optim.Adam([w, b], lr=lr, **hyper)
    else:
        opt = torch.optim.SGD([w, b], lr=lr, momentum=hyper.get("momentum", 0.0), dampening=0, nesterov=False)
    path = []
    for step in range(steps + 1):
        opt.zero_grad()
        val = f(torch.stack([w, b]))
        path.append([w.item(), b.item(), val.item()])
        if not all(math.isfinite(v) for v in path[-1]) or step == steps:
            break
        val.backward()
        opt.step()
    return {"id": case_id, "loss": name, "options": opts, "data": data, "optimizer": optimizer, "lr": lr,
            "steps": steps, "start": list(start), "hyper": hyper, "path": path}


PATHS = [
    path_case("gd-mse", "mse_loss", {}, "done_when", "gd", 0.01, 50),
    path_case("momentum-mse", "mse_loss", {}, "done_when", "momentum", 0.005, 60, momentum=0.9),
    path_case("adam-mae", "l1_loss", {}, "done_when", "adam", 0.1, 80),
    path_case("adam-huber", "huber_loss", {"delta": 1.0}, "heavy", "adam", 0.05, 100),
    path_case("adam-logcosh-betas", "log_cosh", {}, "heavy", "adam", 0.02, 60, start=(1.0, -1.0),
              betas=(0.8, 0.99), eps=1e-6),
    path_case("gd-quantile", "quantile", {"tau": 0.9}, "heavy", "gd", 0.01, 40),
    path_case("gd-bce", "binary_cross_entropy_with_logits", {}, "classes01", "gd", 0.5, 100),
    path_case("momentum-focal", "sigmoid_focal_loss", {}, "classes01", "momentum", 0.5, 60, momentum=0.5),
    path_case("gd-squared_hinge", "squared_hinge", {}, "classes_pm", "gd", 0.1, 50),
    path_case("momentum-smooth_l1", "smooth_l1_loss", {"beta": 0.5}, "heavy", "momentum", 0.01, 50,
              start=(-1.0, 2.0), momentum=0.8),
    path_case("gd-msle", "msle", {}, "growth", "gd", 0.05, 50, start=(0.0, 1.0)),
    # lr 0.1 on x up to 10: the step multiplies the error by about -14, so
    # the path explodes; torch keeps going until the loss is inf.
    path_case("gd-mse-divergent", "mse_loss", {}, "done_when", "gd", 0.1, 400),
]


def number(v):
    return v if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))


out = {
    "format": "lossplay-fit/1",
    "generator": "tests/golden/gen_fit.py",
    "torch": torch.__version__,
    "scipy": scipy.__version__,
    "data": {k: {"x": [float(v) for v in x], "y": [float(v) for v in y]} for k, (x, y) in DATA.items()},
    "optima": OPTIMA,
    "paths": [dict(c, path=[[number(v) for v in p] for p in c["path"]]) for c in PATHS],
}
with open(os.path.join(HERE, "fit", "fit-cases.json"), "w") as fh:
    json.dump(out, fh, indent=1)
    fh.write("\n")
print(f"{len(OPTIMA)} optimum cases, {len(PATHS)} path cases")
