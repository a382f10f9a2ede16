#!/usr/bin/python3
"""Reference values for the trend of an indicator's actuals (src/engine/features/results/forecast.ts).

Run with the Debian interpreter that has numpy:

    /usr/bin/python3 test/reference/results_trend.py

For each indicator of data/samples/coalition/results/indicators.csv (its rows with a value, in
date order; a year `2021` is 1 January), the least-squares line through (x, actual) with
`numpy.polyfit(x, y, 1)`, where x is the date in years: days since 1970-01-01 / 365.2425.
Written: the slope per year, the line at each actual's date, and at 1 January 2025, 2026 and 2027.
Output: test/reference/results_trend.json.
"""

import csv
import datetime
import json
import os

import numpy

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
AHEAD = ["2025-01-01", "2026-01-01", "2027-01-01"]


def years(day):
    return (datetime.date.fromisoformat(day) - datetime.date(1970, 1, 1)).days / 365.2425


def main():
    series = {}
    with open(os.path.join(ROOT, "data", "samples", "coalition", "results", "indicators.csv"), newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["value"].strip() == "":
                continue
            day = row["date"] + "-01-01" if len(row["date"]) == 4 else row["date"]
            series.setdefault(row["indicator"], []).append((day, float(row["value"])))
    out = {"generator": "test/reference/results_trend.py", "numpy": numpy.__version__, "indicators": {}}
    for name, points in series.items():
        points.sort()
        x = numpy.array([years(d) for d, _ in points])
        y = numpy.array([v for _, v in points])
        slope, intercept = numpy.polyfit(x, y, 1)
        out["indicators"][name] = {
            "slope_per_year": float(slope),
            "fitted": {d: float(slope * years(d) + intercept) for d, _ in points},
            "ahead": {d: float(slope * years(d) + intercept) for d in AHEAD},
        }
    with open(os.path.join(HERE, "results_trend.json"), "w", encoding="utf-8") as handle:
        json.dump(out, handle, indent=1, sort_keys=True)
        handle.write("\n")


if __name__ == "__main__":
    main()
