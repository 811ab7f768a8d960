#!/usr/bin/python3
"""Prints the polynomials that the landscape's focal terms use for log1p(e), e in [0, 1].

log1p(e) = t P(t^2) with t = e / (2 + e) in [0, 1/3], P(s) ~ 2 atanh(sqrt s) / sqrt s on [0, 1/9]:
degree 6 in doubles (cpp/src/fit_landscape_fast.cpp, kLog1pT) and degree 3 in floats
(cpp/src/fit_focal_float.hpp, kLog1pT32). Fitted at Chebyshev nodes with mpmath, rounded to the
target precision, and checked on 2001 points: prints each set with its worst relative error.
Run: /usr/bin/python3 scripts/fit-log1p-coefficients.py  (needs Debian's python3-mpmath and numpy)
"""
import mpmath as mp
import numpy as np

mp.mp.dps = 40
TOP = mp.mpf(1) / 9


def target(s):
    if s == 0:
        return mp.mpf(2)
    r = mp.sqrt(s)
    return 2 * mp.atanh(r) / r


def fitted(degree, kind):
    poly = mp.chebyfit(target, [0, TOP], degree + 1)  # highest power first
    coefficients = [kind(float(p)) for p in poly]
    worst = 0
    for k in range(2001):
        s = kind(float(TOP * k / 2000))
        v = kind(0)
        for c in coefficients:
            v = kind(v * s + c)
        exact = target(mp.mpf(float(s)))
        worst = max(worst, abs((mp.mpf(float(v)) - exact) / exact))
    return coefficients, float(worst)


for name, degree, kind in (('kLog1pT (double)', 6, np.float64), ('kLog1pT32 (float)', 3, np.float32)):
    coefficients, worst = fitted(degree, kind)
    print(f'{name}: worst relative error {worst:.2g}')
    print('  ' + ', '.join(float.hex(float(c)) for c in coefficients))
