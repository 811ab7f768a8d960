#!/usr/bin/python3
"""Prints the polynomials of the core's logarithms, fitted at Chebyshev nodes with mpmath, rounded
to their precision and checked on 2001 points (each set with its worst relative error).

The landscape's focal terms: log1p(e) = t P(t^2) with t = e / (2 + e) in [0, 1/3], P(s) ~
2 atanh(sqrt s) / sqrt s on [0, 1/9]: degree 6 in doubles (cpp/src/fit_landscape_fast.cpp, kLog1pT,
highest power first) and degree 3 in floats (cpp/src/fit_focal_float.hpp, kLog1pT32).
BCE's log and log1p: log(1 + f) = 2s + s R(s^2), s = f / (2 + f) in [0, 0.1716], R(z) = z P(z),
P of degree 6 on [0, 0.0295] (cpp/src/vector_math.cpp, log_c, lowest power first).
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


def fitted_log(degree):
    smax = (mp.sqrt(2) - 1) / (mp.sqrt(2) + 1)
    top = smax ** 2 * mp.mpf('1.0001')

    def p_of(z):
        if z == 0:
            return mp.mpf(2) / 3
        s = mp.sqrt(z)
        return (mp.log((1 + s) / (1 - s)) - 2 * s) / s / z

    poly = mp.chebyfit(p_of, [0, top], degree + 1)
    coefficients = [float(p) for p in reversed(poly)]  # lowest power first
    worst = 0
    for k in range(2001):
        z = top * k / 2000
        v = 0.0
        for c in reversed(coefficients):
            v = v * float(z) + c
        worst = max(worst, abs((mp.mpf(v) - p_of(z)) / p_of(z)))
    return coefficients, float(worst)


for name, degree, kind in (('kLog1pT (double)', 6, np.float64), ('kLog1pT32 (float)', 3, np.float32)):
    coefficients, worst = fitted(degree, kind)
    print(f'{name}: worst relative error {worst:.2g}')
    print('  ' + ', '.join(float.hex(float(c)) for c in coefficients))
coefficients, worst = fitted_log(6)
print(f'log_c (double, lowest power first): worst relative error {worst:.2g}')
print('  ' + ', '.join(float.hex(c) for c in coefficients))
