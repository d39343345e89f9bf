#!/usr/bin/env python3
"""Charts and the comparison with the original, from the TSVs bench/run.sh writes.

    python3 bench/chart.py [--date YYYY-MM-DD] [--results bench/results]

Reads bench/results/<date>-scale<N>.tsv for every scale of the newest date (or --date) and writes,
in the same folder:

- throughput.svg: req/s per request, one bar per scale, the original Django figures as a last bar
  where the original measured that request;
- latency.svg: p99 per request, the same series;
- before-after.svg and open-latency.svg (from <date>-scale<N>-all.tsv, when bench/run.sh wrote it):
  closed req/s and the open model's p99 per request, one bar per configuration (baseline, current on
  Java 17, current on Java 25) and scale;
- comparison.md: one table per request: req/s, p50, p99 and SQL statements per request at each
  scale and in the original, the speed-up (ours at the smallest scale / original) and the flatness
  (p99 at the largest scale / p99 at the smallest).

Standard library only.
"""

import argparse
import csv
import math
import os
import re
import sys
from xml.sax.saxutils import escape

# The original (Django) on the same kind of machine: 2,000 students, 40 teachers, 20,000 threads,
# 200,000 messages; wrk 2 threads, 16 connections, 15 s. request -> (req/s, p99 ms, SQL statements)
ORIGINAL = {
    "unread count, student": (998, 21, "4"),
    "unread count, teacher": (233, 96, "4"),
    "inbox page 1, student": (95, 202, "52"),
    "inbox page 1, teacher": (66, 332, "42"),
    "thread page, student": (146, 145, "31"),
    "thread page, teacher": (93, 218, "31+"),
}
ORIGINAL_LABEL = "original (Django, 1x)"

COLOURS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#edc948", "#b07aa1"]
ORIGINAL_COLOUR = "#9d9d9d"

TSV_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-scale(\d+)\.tsv$")


def find_tsvs(folder, date):
    found = {}
    for name in os.listdir(folder):
        m = TSV_NAME.match(name)
        if m:
            found.setdefault(m.group(1), {})[int(m.group(2))] = os.path.join(folder, name)
    if not found:
        sys.exit(f"chart.py: no <date>-scale<N>.tsv in {folder}")
    if date is None:
        date = max(found)
    if date not in found:
        sys.exit(f"chart.py: no TSV for {date} in {folder} (there are: {', '.join(sorted(found))})")
    return date, dict(sorted(found[date].items()))


def read_tsv(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["request"]: r for r in rows}, [r["request"] for r in rows]


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def cores_of(md_path):
    try:
        with open(md_path, encoding="utf-8") as f:
            m = re.search(r"CPU: (\d+) cores", f.read())
            if m:
                return int(m.group(1))
    except OSError:
        pass
    return os.cpu_count()


def nice_ticks(maximum, count=6):
    if maximum <= 0:
        return [0, 1]
    raw = maximum / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)
    ticks = []
    v = 0.0
    while v < maximum + step * 0.999:
        ticks.append(v)
        v += step
    return ticks


def fmt(v):
    if v is None:
        return "–"
    if v >= 100 or v == int(v):
        return f"{v:,.0f}"
    return f"{v:.1f}" if v >= 10 else f"{v:.2f}"


def bar_chart(path, title, subtitle, unit, requests, series,
              note="No grey bar: the original has no figure for that request."):
    """series: list of (label, colour, {request: value or None})"""
    label_w, chart_w, right_pad = 370, 560, 90
    bar_h, bar_gap, group_gap = 13, 2, 14
    top, legend_h = 70, 24 * len(series)
    width = label_w + chart_w + right_pad
    groups = [r for r in requests if any(s[2].get(r) is not None for s in series)]
    group_h = len(series) * (bar_h + bar_gap) - bar_gap
    plot_top = top + legend_h + 10
    plot_h = len(groups) * (group_h + group_gap) + group_gap
    height = plot_top + plot_h + 62
    maximum = max([v for _, _, values in series for v in values.values() if v is not None] or [1])
    ticks = nice_ticks(maximum)
    scale = chart_w / ticks[-1]

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">{escape(title)}</text>',
        f'<text x="{width / 2}" y="44" text-anchor="middle" fill="#444">{escape(subtitle)}</text>',
    ]
    for i, (label, colour, _) in enumerate(series):
        y = top + i * 24
        out.append(f'<rect x="{label_w}" y="{y}" width="16" height="12" fill="{colour}"/>')
        out.append(f'<text x="{label_w + 22}" y="{y + 11}">{escape(label)}</text>')
    # grid and axis
    axis_y = plot_top + plot_h
    for t in ticks:
        x = label_w + t * scale
        out.append(f'<line x1="{x:.1f}" y1="{plot_top}" x2="{x:.1f}" y2="{axis_y}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle" fill="#333">{fmt(t)}</text>')
    out.append(f'<line x1="{label_w}" y1="{axis_y}" x2="{label_w + chart_w}" y2="{axis_y}" stroke="#333"/>')
    out.append(f'<line x1="{label_w}" y1="{plot_top}" x2="{label_w}" y2="{axis_y}" stroke="#333"/>')
    out.append(f'<text x="{label_w + chart_w / 2}" y="{axis_y + 36}" text-anchor="middle">{escape(unit)}</text>')
    out.append(f'<text x="{width - 10}" y="{axis_y + 52}" text-anchor="end" font-size="10" fill="#666">'
               f'{escape(note)}</text>')
    # bars
    y = plot_top + group_gap
    for request in groups:
        out.append(f'<text x="{label_w - 8}" y="{y + group_h / 2 + 4:.1f}" text-anchor="end">{escape(request)}</text>')
        for i, (label, colour, values) in enumerate(series):
            v = values.get(request)
            by = y + i * (bar_h + bar_gap)
            if v is None:
                continue
            w = max(v * scale, 1)
            out.append(f'<rect x="{label_w}" y="{by}" width="{w:.1f}" height="{bar_h}" fill="{colour}">'
                       f'<title>{escape(f"{request}, {label}: {fmt(v)} {unit}")}</title></rect>')
            out.append(f'<text x="{label_w + w + 4:.1f}" y="{by + bar_h - 2}" font-size="11" fill="#222">{fmt(v)}</text>')
        y += group_h + group_gap
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "–"
    return f"{a / b:.1f}×"


ALL_TSV_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-scale(\d+)-all\.tsv$")
CONFIG_LABEL = {"baseline": "baseline, Java 17", "current": "current, Java 17", "current-java25": "current, Java 25"}


def before_after(folder, date, cores):
    """before-after.svg (closed req/s) and open-latency.svg (open model p99) from <date>-scale<N>-all.tsv:
    one bar per configuration (baseline, current on Java 17, current on Java 25) and scale"""
    found = sorted((int(m.group(2)), os.path.join(folder, n)) for n in os.listdir(folder)
                   if (m := ALL_TSV_NAME.match(n)) and m.group(1) == date)
    if not found:
        return
    series_rps, series_p99, requests = [], [], []
    for scale, path in found:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f, delimiter="\t"))
        for config in CONFIG_LABEL:
            mine = {r["request"]: r for r in rows if r["config"] == config}
            if not mine:
                continue
            requests += [r for r in mine if r not in requests]
            colour = COLOURS[len(series_rps) % len(COLOURS)]
            label = f"{CONFIG_LABEL[config]}, {scale}x data"
            series_rps.append((label, colour, {r: number(v["req_per_s"]) for r, v in mine.items()}))
            series_p99.append((label, colour, {r: number(v["open_p99_ms"]) for r, v in mine.items()}))
    subtitle = f"{date}, {cores} cores shared by the app, PostgreSQL and the load client; one run of bench/run.sh"
    bar_chart(os.path.join(folder, "before-after.svg"), "Baseline vs current, Java 17 vs 25: throughput (wrk, closed)",
              subtitle, "requests per second (more is better)", requests, series_rps, note="")
    bar_chart(os.path.join(folder, "open-latency.svg"), "Baseline vs current, Java 17 vs 25: p99 at a fixed arrival rate (Gatling, open)",
              subtitle, "p99 latency in ms, queueing included (less is better)", requests, series_p99, note="")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", help="the results' date (default: the newest)")
    parser.add_argument("--results", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "results"))
    args = parser.parse_args()

    date, tsvs = find_tsvs(args.results, args.date)
    scales = list(tsvs)
    data, requests = {}, []
    for s, path in tsvs.items():
        rows, order = read_tsv(path)
        data[s] = rows
        requests += [r for r in order if r not in requests]
    cores = cores_of(os.path.join(args.results, f"{date}-scale{scales[0]}.md"))
    scale_names = " vs ".join(f"{s}x" for s in scales)
    subtitle = (f"{date}, {cores} cores shared by the app, PostgreSQL and wrk; wrk 2 threads, 16 connections; "
                f"original: Django, same kind of machine")

    def series(column, original_index):
        out = []
        for i, s in enumerate(scales):
            out.append((f"ours, {s}x data", COLOURS[i % len(COLOURS)],
                        {r: number(data[s].get(r, {}).get(column)) for r in requests}))
        out.append((ORIGINAL_LABEL, ORIGINAL_COLOUR,
                    {r: float(ORIGINAL[r][original_index]) if r in ORIGINAL else None for r in requests}))
        return out

    bar_chart(os.path.join(args.results, "throughput.svg"),
              f"Throughput per request, {scale_names} data, and the original", subtitle,
              "requests per second (median of the runs; more is better)", requests, series("req_per_s", 0))
    bar_chart(os.path.join(args.results, "latency.svg"),
              f"p99 latency per request, {scale_names} data, and the original", subtitle,
              "p99 latency in ms (median of the runs; less is better)", requests, series("p99_ms", 1))

    before_after(args.results, date, cores)

    first, last = scales[0], scales[-1]
    lines = [
        f"# Comparison with the original: {date}",
        "",
        f"Ours: `bench/run.sh` on {cores} cores at {', '.join(f'{s}x' for s in scales)} data "
        f"(`bench/results/{date}-scale<N>.md`). The original: Django on the same kind of machine, "
        "2,000 students, 40 teachers, 20,000 threads, 200,000 messages (1x), wrk 2 threads, 16 connections, "
        f"15 s. Speed-up: our req/s at {first}x over the original's. "
        + (f"Flatness: our p99 at {last}x over our p99 at {first}x (1.0× = the latency does not grow with "
           "the data). " if len(scales) > 1 else "Flatness needs two scales (`SCALES=\"1 10\"`). ")
        + "The original's SQL counts are per request as the original reported them; ours exclude "
        "BEGIN/COMMIT. Generated by `python3 bench/chart.py`; "
        "charts: `throughput.svg`, `latency.svg`.",
        "",
        "## Summary",
        "",
        "| request | " + " | ".join(f"req/s {s}x" for s in scales) + " | req/s original | speed-up | "
        + " | ".join(f"p99 ms {s}x" for s in scales) + f" | p99 ms original | flatness | SQL/req ours {first}x | SQL original |",
        "|---" * (len(scales) * 2 + 7) + "|",
    ]
    for r in requests:
        orig = ORIGINAL.get(r)
        rps = [number(data[s].get(r, {}).get("req_per_s")) for s in scales]
        p99 = [number(data[s].get(r, {}).get("p99_ms")) for s in scales]
        sql = data[first].get(r, {}).get("sql_per_req", "–")
        lines.append(f"| {r} | " + " | ".join(fmt(v) for v in rps)
                     + f" | {fmt(orig[0]) if orig else '–'} | {ratio(rps[0], orig[0]) if orig else '–'} | "
                     + " | ".join(fmt(v) for v in p99)
                     + f" | {fmt(orig[1]) if orig else '–'} | {ratio(p99[-1], p99[0]) if len(scales) > 1 else '–'}"
                     + f" | {sql} | {orig[2] if orig else '–'} |")
    lines.append("")
    for r in requests:
        orig = ORIGINAL.get(r)
        lines += [f"## {r}", "", "| | " + " | ".join(f"ours, {s}x" for s in scales) + f" | {ORIGINAL_LABEL} |",
                  "|---" * (len(scales) + 2) + "|"]
        for label, column, oi in (("req/s", "req_per_s", 0), ("p50 ms", "p50_ms", None),
                                  ("p99 ms", "p99_ms", 1), ("SQL statements per request", "sql_per_req", 2)):
            cells = []
            for s in scales:
                v = data[s].get(r, {}).get(column)
                cells.append(("–" if v in (None, "") else v) if column == "sql_per_req" else fmt(number(v)))
            o = "–" if not orig or oi is None else (orig[oi] if oi == 2 else fmt(orig[oi]))
            lines.append(f"| {label} | " + " | ".join(cells) + f" | {o} |")
        rps0 = number(data[first].get(r, {}).get("req_per_s"))
        p99s = [number(data[s].get(r, {}).get("p99_ms")) for s in scales]
        lines += ["",
                  f"- speed-up (ours {first}x / original req/s): {ratio(rps0, orig[0]) if orig else '– (no original figure)'}",
                  f"- flatness ({last}x p99 / {first}x p99): {ratio(p99s[-1], p99s[0]) if len(scales) > 1 else '– (one scale only)'}",
                  ""]
    with open(os.path.join(args.results, "comparison.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"chart.py: {date}, scales {', '.join(map(str, scales))}: wrote throughput.svg, latency.svg, "
          f"comparison.md in {args.results}")


if __name__ == "__main__":
    main()
