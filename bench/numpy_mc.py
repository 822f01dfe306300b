#!/usr/bin/python3
"""numpy_mc.py - lotrinh's Monte Carlo of a scenario, as an analyst would
write it in NumPy: arrays of N draws, loops only over years, channels and
indicators.  `make bench` runs it beside `lotrinh simulate --draws N` and
compares both the time of the whole process and the results (bench.c).

    numpy_mc.py MODEL.json N [--seed S] [--out RESULT.json]

MODEL.json is what `bench/bench --export-model` writes from lotrinh's
compiled model (bench/export.c): the registry of parameters with their
distributions, each channel's spending by year, GRDP, each simulated
indicator's bounds, logit in t0, channel and target, and three probes
(θ and the model's logits there).  Nothing of the scenario is typed here.

The model is lotrinh's closed form (docs/MODEL.md): per channel, capital
K follows dK/dt = I - δK within each year (I = η·spending), GRDP grows at
γ = ln(1 + g), and the year's integral of the intensity 100·K/GRDP is
    ∫k = (100/GRDP_{i-1})·[K_{i-1}·φ(δ+γ) + I_i·(φ(γ) - φ(δ+γ))/δ],
φ(x) = (1 - e^-x)/x; each indicator's logit gains r + β·(∫k - k_ref)
(+ σ·ε with shocks) every year after its baseline year.  Before drawing,
the program reproduces the probes' logits to 1e-9 or stops.

Draws come from NumPy's default generator (PCG64), so they are not
lotrinh's draws: the results agree to Monte Carlo accuracy, not digit for
digit.  Quantiles are NumPy's (linear between order statistics); each has
a standard error from the sample's own quantiles, for the comparison.
"""
import argparse
import json
import sys

import numpy as np
from scipy import stats

LEVELS = np.array([5, 10, 25, 50, 75, 90, 95]) / 100.0
# How closely the closed form must reproduce lotrinh's logits at the probes.
PROBE_TOL = 1e-9


def frozen(slot):
    """The scipy.stats distribution of a slot (for truncated draws)."""
    p = slot["p"]
    d = slot["dist"]
    if d == "normal":
        return stats.norm(p[0], p[1])
    if d == "lognormal":
        return stats.lognorm(p[1], scale=np.exp(p[0]))
    if d == "uniform":
        return stats.uniform(p[0], p[1] - p[0])
    if d == "triangular":
        return stats.triang((p[1] - p[0]) / (p[2] - p[0]), p[0], p[2] - p[0])
    if d == "beta":
        return stats.beta(p[0], p[1], p[2], p[3] - p[2])
    raise ValueError(f"unknown distribution {d}")


def draw(slot, n, rng):
    """N draws of a slot: NumPy's own sampler, or the inverse CDF on the
    kept range when the slot is truncated; a fixed slot is its value."""
    d, p = slot["dist"], slot["p"]
    if d == "fixed":
        return slot["central"]
    if slot["min"] is None and slot["max"] is None:
        if d == "normal":
            return rng.normal(p[0], p[1], n)
        if d == "lognormal":
            return rng.lognormal(p[0], p[1], n)
        if d == "uniform":
            return rng.uniform(p[0], p[1], n)
        if d == "triangular":
            return rng.triangular(p[0], p[1], p[2], n)
        if d == "beta":
            return p[2] + (p[3] - p[2]) * rng.beta(p[0], p[1], n)
    dist = frozen(slot)
    a = dist.cdf(slot["min"]) if slot["min"] is not None else 0.0
    b = dist.cdf(slot["max"]) if slot["max"] is not None else 1.0
    return dist.ppf(a + rng.random(n) * (b - a))


def phi(x):
    """(1 - e^-x)/x, 1 at 0."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(np.abs(x) < 1e-8, 1.0 - x / 2, -np.expm1(-x) / x)


def intensity_integrals(model, theta, n):
    """Per channel, the year's integral of the intensity [ny, N] and the
    intensity at the end of each year [ny, N]."""
    ny, gamma = model["ny"], model["gamma"]
    ginv = np.array(model["ginv"])
    lam = theta.get("cofin", 0.0)
    out = []
    for ch in model["channels"]:
        delta, eta = theta[ch["delta"]], theta[ch["eta"]]
        if ch["capital0"] is not None:
            k = np.full(n, ch["capital0"])
        else:
            k = eta * ch["steady_flow"] / delta
        ed, fd = np.exp(-delta), phi(delta)
        fa = phi(delta + gamma)
        with np.errstate(divide="ignore", invalid="ignore"):
            fb = np.where(delta > 0, (phi(gamma) - fa) / delta, 0.5)
        integ = np.zeros((ny, n))
        inten = np.zeros((ny, n))
        inten[0] = k * ginv[0]
        for i in range(1, ny):
            inv = eta * (ch["public"][i] * (1.0 + lam) + ch["cofin"][i])
            integ[i] = (k * fa + inv * fb) * ginv[i - 1]
            k = k * ed + inv * fd
            inten[i] = k * ginv[i]
        out.append((integ, inten))
    return out


def logits(model, theta, n, rng=None):
    """Each simulated indicator's logit by year, [ny, N], in the order of
    model["indicators"]; shocks when RNG is given and σ > 0."""
    ny = model["ny"]
    chans = intensity_integrals(model, theta, n)
    result = []
    for ind in model["indicators"]:
        z = np.empty((ny, n))
        zz = np.full(n, ind["z0"])
        r, beta, sigma = theta[ind["r"]], theta[ind["beta"]], theta[ind["sigma"]]
        start = ind["start"]
        if ind["channel"] >= 0:
            integ, inten = chans[ind["channel"]]
            kref = inten[start]
        z[0] = zz
        for i in range(1, ny):
            if i > start:
                zz = zz + r
                if ind["channel"] >= 0:
                    zz = zz + beta * (integ[i] - kref)
                if rng is not None and np.any(sigma > 0):
                    zz = zz + sigma * rng.standard_normal(n)
            z[i] = zz
        result.append(z)
    return result


def theta_of(model, values):
    """θ as the dict logits() reads: slot index -> array (or number)."""
    theta = {j: v for j, v in enumerate(values)}
    for j, s in enumerate(model["slots"]):
        if s["name"] == "co-financing ratio":
            theta["cofin"] = values[j]
    return theta


def check_probes(model):
    """Reproduce lotrinh's logits at the probes; the largest difference."""
    worst = 0.0
    for probe in model["probes"]:
        vals = [np.array([v]) for v in probe["theta"]]
        zs = logits(model, theta_of(model, vals), 1)
        for z, want in zip(zs, probe["z"]):
            worst = max(worst, float(np.max(np.abs(z[:, 0] - np.array(want)))))
    return worst


def statistics(model, zs):
    """Per indicator: quantiles of the value by year with their standard
    errors, the probability of the target in its year and the cumulative
    probability of having met it by each year."""
    out = []
    n = zs[0].shape[1]
    for ind, z in zip(model["indicators"], zs):
        y = ind["lo"] + (ind["hi"] - ind["lo"]) / (1.0 + np.exp(-z))
        y[: ind["start"] + 1] = y[0]
        q = np.quantile(y, LEVELS, axis=1)
        res = {"id": ind["id"], "q": q.T.tolist(),
               "q_se": quantile_se(q, n).T.tolist()}
        t = ind["target"]
        if t is not None:
            met = t["sense"] * (y - t["aim"]) >= 0
            res["p_target"] = float(met[t["year_index"]].mean())
            res["reached"] = np.logical_or.accumulate(met, axis=0).mean(axis=1).tolist()
        out.append(res)
    return out


def quantile_se(q, n):
    """Standard errors of the quantiles Q [levels, years] of N draws,
    sqrt(p(1 - p)/N)/f(x_p), the density f from the neighbouring levels'
    quantiles (a difference quotient over the levels reported: coarse, but
    only a tolerance for the comparison)."""
    lv = LEVELS[:, None]
    slope = np.empty_like(q)
    slope[1:-1] = (q[2:] - q[:-2]) / (lv[2:] - lv[:-2])
    slope[0] = (q[1] - q[0]) / (lv[1] - lv[0])
    slope[-1] = (q[-1] - q[-2]) / (lv[-1] - lv[-2])
    return np.sqrt(lv * (1 - lv) / n) * slope


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model")
    ap.add_argument("draws", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out")
    a = ap.parse_args()
    with open(a.model, encoding="utf-8") as f:
        model = json.load(f)
    worst = check_probes(model)
    if not worst <= PROBE_TOL:
        sys.exit(f"numpy_mc: the closed form misses lotrinh's logits by {worst:g}")
    rng = np.random.default_rng(a.seed)
    values = [draw(s, a.draws, rng) for s in model["slots"]]
    zs = logits(model, theta_of(model, values), a.draws, rng)
    doc = {"draws": a.draws, "seed": a.seed, "probe_error": worst,
           "indicators": statistics(model, zs)}
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            json.dump(doc, f)
    else:
        json.dump(doc, sys.stdout)
        print()


if __name__ == "__main__":
    main()
