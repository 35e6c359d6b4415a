"""wrk as the benchmark drives it (-t2 -c32), the figures read from its reports, and a plain GET."""

import re
import statistics
import subprocess
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROTATE = Path(__file__).with_name("bench_rotate.lua")
GZIP = {"Accept-Encoding": "gzip"}
TABLE = "{:20} {:10} {:>8} {:>8} {:>8} {:>10} {:>6}"


class Result(NamedTuple):
    rps: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    errors: int  # answers other than 2xx or 3xx, and time-outs


def start(url, headers=None, duration="5s", paths=()):
    """wrk in the background, at `url` or, given `paths`, at each of them in turn on that host."""
    command = ["wrk", "-t2", "-c32", f"-d{duration}", "--latency", url]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if paths:
        command += ["-s", str(ROTATE), "--", *paths]
    return subprocess.Popen(command, stdout=subprocess.PIPE, text=True)  # noqa: S603


def result(process):
    output, _ = process.communicate()
    if process.returncode:
        raise RuntimeError(f"wrk failed: {output}")
    return Result(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=milliseconds(re.search(r"\s50%\s+([\d.]+\w+)", output).group(1)),
        p99_ms=milliseconds(re.search(r"\s99%\s+([\d.]+\w+)", output).group(1)),
        max_ms=milliseconds(re.search(r"Latency(?:\s+\S+){2}\s+([\d.]+\w+)", output).group(1)),
        errors=count(r"Non-2xx or 3xx responses: (\d+)", output)
        + count(r"Socket errors:.*timeout (\d+)", output),
    )


def wrk(url, headers=None, duration="5s"):
    return result(start(url, headers, duration))


def milliseconds(figure):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", figure).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def count(pattern, output):
    found = re.search(pattern, output)
    return int(found.group(1)) if found else 0


def row(page, layer, runs, reference_runs=None):
    """The medians of the runs, and of the ratios to the reference run of the same round."""
    medians = Result(*map(statistics.median, zip(*runs, strict=True)))
    figures = {
        "page": page,
        "layer": layer,
        "rps": round(medians.rps),
        "p50_ms": round(medians.p50_ms, 2),
        "p99_ms": round(medians.p99_ms, 2),
        "errors": sum(run.errors for run in runs),
        "reference_rps": None,
        "ratio": None,
    }
    if reference_runs:
        ratios = [run.rps / ref.rps for run, ref in zip(runs, reference_runs, strict=True)]
        figures["reference_rps"] = round(statistics.median(ref.rps for ref in reference_runs))
        figures["ratio"] = round(statistics.median(ratios), 2)
    return figures


def show(figures):
    reference, ratio = figures["reference_rps"], figures["ratio"]
    line = TABLE.format(
        figures["page"],
        figures["layer"],
        figures["rps"],
        f"{figures['p50_ms']:.2f}",
        f"{figures['p99_ms']:.2f}",
        "" if reference is None else reference,
        "" if ratio is None else f"{ratio:.2f}",
    )
    notes = [f"max {figures['max_ms']:.0f} ms"] if "max_ms" in figures else []
    notes += [f"{figures['errors']} errors"] if figures["errors"] else []
    print(line + (f"  ({', '.join(notes)})" if notes else ""))


def get(url, headers=None):
    """The answer's headers and body, as sent (compressed if it is)."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.headers, response.read()
