#!/usr/bin/env python3
"""The reports of bench/run.sh, from the raw outputs it keeps in its temporary directory.

    python3 bench/report.py RAW_DIR bench/results

RAW_DIR holds run.tsv and, per scale, scale<N>/ with scale.tsv, the configurations (baseline,
current, current-java25: config.tsv, heap-info.txt, cold-counts.txt, prometheus.txt and one folder
per row with row.tsv, wrk-<run>.txt, sql-<run>.txt, statements-<run>.txt, stored-*.txt,
gatling-stats.js, jstat.txt) and streams.tsv/.md when bench/streams/streams.sh ran. Writes:

- <date>-scale<N>.md: the report of one scale, every configuration;
- <date>-scale<N>.tsv: the current code on Java 17, one line per row (the columns bench/chart.py
  reads, then the open model's);
- <date>-scale<N>-all.tsv: every configuration, row and model (config, model, request, ...);
- <date>-scale<N>-streams.md: bench/streams/streams.sh's own report, when it ran;
- <date>-comparison.md: baseline vs current, Java 17 vs Java 25, the issue's targets met or missed.

Standard library only.
"""

import math
import json
import os
import re
import statistics
import sys

CONFIG_LABEL = {
    "baseline": "baseline (Java 17)",
    "current": "current (Java 17)",
    "current-java25": "current (Java 25)",
}
UNREAD_STUDENT = "unread count, student"
PROBE = "unauthenticated liveness probe"
REPLY = "posting a reply (teacher)"
INBOX_STUDENT = "inbox page 1, student"
INBOX_TEACHER = "inbox page 1, teacher"


def read_kv(path):
    values = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if "\t" in line:
                    k, v = line.rstrip("\n").split("\t", 1)
                    values[k] = v
    return values


def text(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def to_ms(value):
    m = re.match(r"^([0-9.]+)(us|ms|s|m)$", value)
    if not m:
        return None
    n = float(m.group(1))
    return n * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[m.group(2)]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def parse_wrk(out):
    """wrk --latency output -> dict(rps, p50, p99, requests, errors, replies)"""
    r = {}
    m = re.search(r"^Requests/sec:\s+([0-9.]+)", out, re.M)
    r["rps"] = float(m.group(1)) if m else None
    m = re.search(r"^\s*(\d+) requests in", out, re.M)
    r["requests"] = int(m.group(1)) if m else 0
    for pct in ("50", "99"):
        m = re.search(rf"^\s*{pct}%\s+(\S+)", out, re.M)
        r["p" + pct] = to_ms(m.group(1)) if m else None
    socket = sum(int(n) for n in re.findall(r"(\d+)", (re.search(r"Socket errors:(.*)", out) or [None, ""])[1]))
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    r["socket_errors"] = socket
    r["errors"] = socket + (int(m.group(1)) if m else 0)
    m = re.search(r"^replies: sent (\d+), 302 (\d+), other (\d+)", out, re.M)
    r["replies"] = tuple(int(g) for g in m.groups()) if m else None
    return r


def parse_gatling(js, name=None, duration=None):
    """Gatling's js/stats.js: the figures of the request called `name` (the measured one; the
    warm-up before it has a name of its own), its achieved rate over `duration` seconds, and the
    whole run's ok/ko (warm-up included: what the stored-message check compares with)"""

    def first(section, key, field="total"):
        m = re.search(r'"%s":\s*\{[^}]*?"%s":\s*"([^"]*)"' % (key, field), section)
        if not m:
            return None
        try:
            return float(m.group(1))
        except ValueError:
            return None

    if not js:
        return None
    section = js
    if name:
        at = js.find('"name": %s,' % json.dumps(name))
        if at < 0:
            return None
        section = js[at:]
    ok = first(section, "numberOfRequests", "ok")
    return {
        "requests": first(section, "numberOfRequests"),
        "ok": ok,
        "ko": first(section, "numberOfRequests", "ko"),
        "rps": ok / duration if ok is not None and duration else first(section, "meanNumberOfRequestsPerSecond"),
        "p50": first(section, "percentiles1"),
        "p95": first(section, "percentiles3"),
        "p99": first(section, "percentiles4"),
        "all_ok": first(js, "numberOfRequests", "ok"),
        "all_ko": first(js, "numberOfRequests", "ko"),
    }


def parse_jstat(out):
    """jstat -gc samples -> (max used MB, max committed MB)"""
    cols, used, committed = None, 0.0, 0.0
    for line in out.splitlines():
        f = line.split()
        if f and f[0] == "S0C":
            cols = {name: i for i, name in enumerate(f)}
        elif cols and f and re.match(r"^[0-9.]+$", f[0]) and len(f) >= len(cols):
            try:
                u = sum(float(f[cols[k]]) for k in ("S0U", "S1U", "EU", "OU"))
                c = sum(float(f[cols[k]]) for k in ("S0C", "S1C", "EC", "OC"))
            except (KeyError, ValueError):
                continue
            used, committed = max(used, u), max(committed, c)
    return (round(used / 1024), round(committed / 1024)) if committed else (None, None)


def parse_heap_info(out):
    """jcmd GC.heap_info after GC.run -> (used MB, committed MB); Java 17 and 25 word it differently"""
    line = next((l for l in out.splitlines() if " used " in l and "heap" in l), "")
    used = re.search(r"used (\d+)K", line)
    committed = re.search(r"committed (\d+)K", line) or re.search(r"total (\d+)K", line)
    if not used:
        return None, None
    return round(int(used.group(1)) / 1024), round(int(committed.group(1)) / 1024) if committed else None


def parse_cold_counts(out):
    return {m.group(1): (int(m.group(2)), float(m.group(3)))
            for m in re.finditer(r"^(\S+)\s+unread\s+(\d+)\s+best of \d+:\s+([0-9.]+) ms", out, re.M)}


def parse_after_a_message(out):
    """db cold-counts --after-a-message: the first count after a message on the person's desk, as the app answers it."""
    return {m.group(1): (float(m.group(2)), m.group(3), m.group(4) == "right")
            for m in re.finditer(r"^(\S+)\s+after a message on their desk:\s+([0-9.]+) ms, (counted again|brought up to date), (right|WRONG)", out, re.M)}


def parse_counts_metrics(out):
    def metric(pattern):
        m = re.search(pattern + r".*?\s([0-9.eE+-]+)$", out, re.M)
        return float(m.group(1)) if m else None

    hits = metric(r'^otos_unread_count_cache_total\{[^}]*result="hit"')
    misses = metric(r'^otos_unread_count_cache_total\{[^}]*result="miss"')
    n, total = metric(r"^otos_unread_count_seconds_count"), metric(r"^otos_unread_count_seconds_sum")
    if not n:
        return "no figures"
    return f"{hits or 0:.0f} answered from memory, {misses or 0:.0f} counted in the database (mean {1000 * total / n:.2f} ms)"


def durability(acknowledged, stored, unacknowledged, why_more):
    """Whether every acknowledged reply was stored: (the note's ending, whether it is a mismatch).
    More stored than acknowledged is fine up to the requests that were never acknowledged."""
    if stored == acknowledged:
        return " (stored = 302s)", False
    if acknowledged < stored <= acknowledged + unacknowledged:
        return f" ({stored - acknowledged} {why_more})", False
    return " — MISMATCH", True


def read_row(folder, duration):
    meta = read_kv(os.path.join(folder, "row.tsv"))
    runs = sorted(f for f in os.listdir(folder) if re.match(r"wrk-\d+\.txt$", f))
    closed, sqls, txs, notes, durables = [], [], [], [], []
    mismatch = False
    for name in runs:
        run = name[4:-4]
        w = parse_wrk(text(os.path.join(folder, name)))
        n = w["requests"]
        if w["replies"]:
            sent, found, other = w["replies"]
            before_after = text(os.path.join(folder, f"stored-{run}.txt")).split()
            stored = int(before_after[1]) - int(before_after[0]) if len(before_after) == 2 else None
            in_flight = sent - found - other
            w["errors"] = other + w["socket_errors"]
            n = found
            note = f"closed run {run}: {sent} sent, {found} answered 302, {other} otherwise, {in_flight} in flight at the stop; {stored} stored"
            if stored is not None:
                durables.append(stored / duration)
                verdict, bad = durability(found, stored, in_flight, "more than the 302s: the requests in flight at the stop")
                note += verdict
                mismatch = mismatch or bad
            notes.append(note)
        closed.append(w)
        st = text(os.path.join(folder, f"sql-{run}.txt")).split()
        if len(st) == 2 and n > 0:
            sqls.append(int(st[0]) / n)
            txs.append(int(st[1]) / n)
    g = parse_gatling(text(os.path.join(folder, "gatling-stats.js")), meta.get("name"), duration)
    durable_open = None
    if g and meta.get("who") == "reply":
        before_after = text(os.path.join(folder, "stored-open.txt")).split()
        if len(before_after) == 2:
            stored = int(before_after[1]) - int(before_after[0])
            ok, ko = int(g["all_ok"] or 0), int(g["all_ko"] or 0)
            durable_open = (g["ok"] or 0) / duration
            verdict, bad = durability(ok, stored, ko, "failed requests were stored nonetheless: not acknowledged, no loss")
            notes.append(f"open run: {ok} answered 302, {ko} failed; {stored} stored" + verdict)
            mismatch = mismatch or bad
    heap_used, heap_committed = parse_jstat(text(os.path.join(folder, "jstat.txt")))
    statements = text(os.path.join(folder, f"statements-{runs[-1][4:-4]}.txt")) if runs else ""
    return {
        "name": meta.get("name", os.path.basename(folder)),
        "who": meta.get("who"),
        "path": meta.get("path"),
        "rate": float(meta["rate"]) if meta.get("rate") else None,
        "closed": {
            "rps": median([w["rps"] for w in closed]),
            "p50": median([w["p50"] for w in closed]),
            "p99": median([w["p99"] for w in closed]),
            "errors": sum(w["errors"] for w in closed),
            "durable": median(durables),
        },
        "open": g,
        "durable_open": durable_open,
        "sql": median(sqls),
        "tx": median(txs),
        "heap_used": heap_used,
        "heap_committed": heap_committed,
        "notes": notes,
        "mismatch": mismatch,
        "statements": statements,
    }


def read_config(folder, duration):
    rows = [read_row(os.path.join(folder, d), duration) for d in sorted(os.listdir(folder))
            if os.path.isdir(os.path.join(folder, d)) and os.path.exists(os.path.join(folder, d, "row.tsv"))]
    meta = read_kv(os.path.join(folder, "config.tsv"))
    gc_used, gc_committed = parse_heap_info(text(os.path.join(folder, "heap-info.txt")))
    return {
        "meta": meta,
        "rows": {r["name"]: r for r in rows},
        "order": [r["name"] for r in rows],
        "heap_after_gc": (gc_used, gc_committed),
        "cold": parse_cold_counts(text(os.path.join(folder, "cold-counts.txt"))),
        "after_message": parse_after_a_message(text(os.path.join(folder, "cold-counts.txt"))),
        "cold_raw": text(os.path.join(folder, "cold-counts.txt")).strip(),
        "counts": parse_counts_metrics(text(os.path.join(folder, "prometheus.txt"))),
    }


def fmt(v, digits=None):
    if v is None:
        return "–"
    if digits is not None:
        return f"{v:,.{digits}f}"
    if abs(v) >= 100 or v == int(v):
        return f"{v:,.0f}"
    return f"{v:.1f}" if abs(v) >= 10 else f"{v:.2f}"


def g(row, model, key):
    if row is None:
        return None
    block = row["closed"] if model == "closed" else row["open"]
    return block.get(key) if block else None


def scale_report(date, scale, folder, run, duration):
    s = read_kv(os.path.join(folder, "scale.tsv"))
    configs = {c: read_config(os.path.join(folder, c), duration) for c in CONFIG_LABEL if os.path.isdir(os.path.join(folder, c))}
    streams = read_kv(os.path.join(folder, "streams.tsv"))
    out = [f"# Benchmark: scale {scale}, {date}", ""]
    out += [f"Produced by `{run.get('command', 'bash bench/run.sh')}`; machine: {run.get('cpu')}, {run.get('memory')},",
            f"{run.get('kernel')}; load average before {run.get('load_before')}, after {run.get('load_after', '?')}.", ""]
    out += ["**How to read it.** Each configuration (the baseline commit and the current code on Java 17, the current",
            "code on Java 25) ran alone against a fresh copy of the same seeded database, one after the other.",
            "Per row, **closed** is wrk (2 threads, 16 connections: each connection waits for its answer before",
            "sending the next, as in the history), **open** is Gatling at a fixed arrival rate (the column",
            f"*offered/s*, a share of the closed req/s) for {duration} s: requests arrive whether or not the earlier",
            "ones have been answered, so its p95/p99 include the queueing (Gatling measures in whole milliseconds).",
            "SQL/req and tx/req: statements and transactions the app's database user ran per request in the",
            "closed runs (pg_stat_statements). Heap: max used / committed (MB) during the row (jstat, -Xmx512m).", ""]
    out += [f"- data: {s.get('data')} (`db seed --scale={scale}` in {s.get('seed_seconds')} s); PostgreSQL {s.get('postgres')}",
            f"- {s.get('users')}", ""]
    for c, cfg in configs.items():
        m = cfg["meta"]
        out += [f"## {CONFIG_LABEL[c]}", "",
                f"`{m.get('jar')}` on `{m.get('java')}`; start-up {m.get('startup', '?')}; heap after a full GC "
                f"{fmt(cfg['heap_after_gc'][0])} MB used of {fmt(cfg['heap_after_gc'][1])} MB committed; RSS at the end {m.get('rss_mb', '?')} MB;",
                f"unread counts: {cfg['counts']}.",
                (f"JIT before the first row: {m.get('jit_settle_seconds')} s of load after the warm-up, the compiler busy "
                 f"{m.get('jit_busy_last_round')}% of the last round, {m.get('jit_compile_seconds')} s compiled in all."
                 if "jit_settle_seconds" in m else ""), "",
                "| request | closed req/s | closed p50 ms | closed p99 ms | offered/s | open req/s | open p50 ms | open p95 ms | open p99 ms | open errors | closed errors | SQL/req | tx/req | heap MB used / committed |",
                "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
        for name in cfg["order"]:
            r = cfg["rows"][name]
            out.append(f"| {name} | {fmt(g(r, 'closed', 'rps'), 0)} | {fmt(g(r, 'closed', 'p50'))} | {fmt(g(r, 'closed', 'p99'))} | "
                       f"{fmt(r['rate'], 0)} | {fmt(g(r, 'open', 'rps'), 0)} | {fmt(g(r, 'open', 'p50'))} | {fmt(g(r, 'open', 'p95'))} | "
                       f"{fmt(g(r, 'open', 'p99'))} | {fmt(g(r, 'open', 'ko'), 0)} | {r['closed']['errors']} | {fmt(r['sql'], 1)} | {fmt(r['tx'], 1)} | "
                       f"{fmt(r['heap_used'])} / {fmt(r['heap_committed'])} |")
        reply = cfg["rows"].get(REPLY)
        if reply:
            out += ["", f"Replies: durable messages/s {fmt(reply['closed']['durable'], 1)} (closed), {fmt(reply['durable_open'], 1)} (open); "
                    "every reply answered 302 must be a stored message:", ""]
            out += [f"- {n}" for n in reply["notes"]]
            if reply["mismatch"]:
                out += ["", "**MISMATCH: stored messages and 302 answers disagree (see above).**"]
        if cfg["cold_raw"]:
            out += ["", "`db cold-counts` (the first unread count after a change, database time, per role):", "", "```", cfg["cold_raw"], "```"]
        out += ["", "<details><summary>Most frequent statements per row (last closed run)</summary>", ""]
        for name in cfg["order"]:
            out += [f"{name}:", "", "```", cfg["rows"][name]["statements"].rstrip() or "(none)", "```", ""]
        out += ["</details>", ""]
    if streams:
        out += ["## Open event streams (bench/streams/streams.sh, current jar on Java 17, -Xmx512m)", "",
                f"Its own report: {date}-scale{scale}-streams.md.", "",
                "| figure | value |", "|---|---|"] + [f"| {k} | {v} |" for k, v in streams.items()] + [""]
    elif os.path.exists(os.path.join(folder, "streams.log")):
        out += ["## Open event streams", "", "bench/streams/streams.sh wrote no figures; its log ends with:", "", "```",
                "\n".join(text(os.path.join(folder, "streams.log")).splitlines()[-15:]), "```", ""]
    else:
        out += ["## Open event streams", "", "Not measured: there is no bench/streams/streams.sh in this checkout.", ""]
    return configs, streams, "\n".join(out) + "\n"


TSV_HEADER = ["request", "path", "req_per_s", "p50_ms", "p99_ms", "sql_per_req", "errors", "tx_per_req", "durable_messages_per_s",
              "open_offered_per_s", "open_req_per_s", "open_p50_ms", "open_p95_ms", "open_p99_ms", "open_errors",
              "heap_used_max_mb", "heap_committed_max_mb"]


def tsv_line(r):
    def v(x, d=2):
        return "" if x is None else f"{x:.{d}f}"

    return [r["name"], r["path"] or "", v(g(r, "closed", "rps"), 0), v(g(r, "closed", "p50")), v(g(r, "closed", "p99")),
            v(r["sql"], 1), str(r["closed"]["errors"]), v(r["tx"], 1), v(r["closed"]["durable"], 1), v(r["rate"], 0),
            v(g(r, "open", "rps"), 0), v(g(r, "open", "p50"), 0), v(g(r, "open", "p95"), 0), v(g(r, "open", "p99"), 0),
            v(g(r, "open", "ko"), 0), v(r["heap_used"], 0), v(r["heap_committed"], 0)]


def verdict(ok):
    return "–" if ok is None else ("**met**" if ok else "**missed**")


def comparison(date, scales, run):
    out = [f"# Comparison: {date}", "", f"From one run: `{run.get('command')}` ({run.get('cpu')}; load average before "
           f"{run.get('load_before')}, after {run.get('load_after', '?')}). The per-scale reports hold every figure.", ""]
    # baseline vs current
    for scale, (configs, _) in scales.items():
        base, cur = configs.get("baseline"), configs.get("current")
        if not cur:
            continue
        out += [f"## Baseline vs current, scale {scale}", ""]
        if base:
            out += [f"baseline `{base['meta'].get('jar')}`, current `{cur['meta'].get('jar')}`, both on Java 17.", "",
                    "| request | closed req/s before | after | change | open p99 ms before | after | SQL/req before | after |", "|---|---|---|---|---|---|---|---|"]
            for name in cur["order"]:
                b, c = base["rows"].get(name), cur["rows"][name]
                br, cr = g(b, "closed", "rps"), g(c, "closed", "rps")
                change = f"{100 * (cr / br - 1):+.0f}%" if br and cr else "–"
                out.append(f"| {name} | {fmt(br, 0)} | {fmt(cr, 0)} | {change} | {fmt(g(b, 'open', 'p99'))} | {fmt(g(c, 'open', 'p99'))} | "
                           f"{fmt(b['sql'] if b else None, 1)} | {fmt(c['sql'], 1)} |")
        else:
            out += ["No baseline in this run (BASELINE=none).", ""]
        out.append("")
    # Java 17 vs 25
    for scale, (configs, _) in scales.items():
        j17, j25 = configs.get("current"), configs.get("current-java25")
        if not (j17 and j25):
            continue
        out += [f"## Java 17 vs Java 25 (current code), scale {scale}", "",
                "| request | Java 17 closed req/s | Java 25 closed req/s | 25 / 17 | Java 17 open p99 ms | Java 25 open p99 ms |", "|---|---|---|---|---|---|"]
        ratios = []
        for name in j17["order"]:
            a, b = j17["rows"][name], j25["rows"].get(name)
            ra, rb = g(a, "closed", "rps"), g(b, "closed", "rps")
            if ra and rb:
                ratios.append(rb / ra)
            out.append(f"| {name} | {fmt(ra, 0)} | {fmt(rb, 0)} | {f'{rb / ra:.2f}×' if ra and rb else '–'} | "
                       f"{fmt(g(a, 'open', 'p99'))} | {fmt(g(b, 'open', 'p99'))} |")
        for label, cfg in (("Java 17", j17), ("Java 25", j25)):
            out.append(f"\n{label}: heap after GC {fmt(cfg['heap_after_gc'][0])} MB, RSS {cfg['meta'].get('rss_mb', '?')} MB, start-up {cfg['meta'].get('startup', '?')}.")
        if ratios:
            gm = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
            faster = "Java 25" if gm > 1.02 else "Java 17" if gm < 0.98 else "neither (within 2%)"
            out += ["", f"Geometric mean of the closed req/s ratios (25 / 17) over {len(ratios)} rows: **{gm:.2f}×**: faster: **{faster}** "
                    "(one run each on a shared machine: a difference within a few percent is noise)."]
        out.append("")
    # targets
    out += ["## The issue's targets (current code, Java 17)", "",
            "| # | target | measured | verdict |", "|---|---|---|---|"]
    targets = []
    first_scale = min(scales)
    cur1 = scales[first_scale][0].get("current")
    if cur1:
        rows = cur1["rows"]
        u, p = rows.get(UNREAD_STUDENT), rows.get(PROBE)
        ur, pr = g(u, "closed", "rps"), g(p, "closed", "rps")
        if ur:
            targets.append(("2", f"unread count (student) ≥ 10,000 req/s (scale {first_scale}, closed)", fmt(ur, 0), ur >= 10000))
        if ur and pr:
            targets.append(("2", "unread count ≥ 85% of the liveness probe's req/s (closed)", f"{fmt(ur, 0)} / {fmt(pr, 0)} = {100 * ur / pr:.0f}%", ur >= 0.85 * pr))
        for model in ("closed", "open"):
            up, pp = g(u, model, "p99"), g(p, model, "p99")
            if up and pp:
                targets.append(("2", f"unread count p99 ≤ 1.2× the probe's ({model})", f"{fmt(up)} / {fmt(pp)} ms = {up / pp:.2f}×", up <= 1.2 * pp))
        reply = rows.get(REPLY)
        if reply and reply["closed"]["durable"] is not None:
            targets.append(("3", "replies ≥ 1,000 durable messages/s (closed; every 302 stored)",
                            f"{fmt(reply['closed']['durable'], 0)}/s{' MISMATCH' if reply['mismatch'] else ''}", reply["closed"]["durable"] >= 1000 and not reply["mismatch"]))
        for name, goal in ((INBOX_STUDENT, 1400), (INBOX_TEACHER, 1000)):
            v = g(rows.get(name), "closed", "rps")
            if v:
                targets.append(("3", f"{name} ≥ {goal:,} req/s (scale {first_scale}, closed)", fmt(v, 0), v >= goal))
    if len(scales) > 1:
        last = max(scales)
        a = g(cur1["rows"].get(INBOX_TEACHER), "closed", "rps") if cur1 else None
        curn = scales[last][0].get("current")
        b = g(curn["rows"].get(INBOX_TEACHER), "closed", "rps") if curn else None
        if a and b:
            targets.append(("3", f"inbox page 1, teacher at scale {last} within 20% of scale {first_scale}", f"{fmt(b, 0)} vs {fmt(a, 0)} ({100 * b / a:.0f}%)", b >= 0.8 * a))
    big = max(scales)
    curb = scales[big][0].get("current")
    if curb and curb["cold"]:
        # per role: the first count after a message on their desk as the app answers it when measured
        # (db cold-counts --after-a-message), else the count over their desk (what every change cost before)
        after = curb.get("after_message") or {}
        figures = []
        for who, (_, ms) in curb["cold"].items():
            if who in after:
                took, how, right = after[who]
                figures.append((who, took, f"{who} {took:.1f} ms ({how}{'' if right else ', WRONG'})", right))
            else:
                figures.append((who, ms, f"{who} {ms:.1f} ms (counted)", True))
        targets.append(("4", f"first unread count after a message ≤ 20 ms of database time, every role (scale {big}, db cold-counts --after-a-message)",
                        ", ".join(text for _, _, text, _ in figures), all(ms <= 20 and right for _, ms, _, right in figures)))
    for scale, (_, streams) in sorted(scales.items()):
        if streams:
            try:
                opened, dropped, p99 = int(streams.get("streams_opened", 0)), int(streams.get("streams_dropped", -1)), float(streams.get("p99_ms", "inf"))
            except ValueError:
                opened, dropped, p99 = 0, -1, math.inf
            targets.append(("1", f"10,000 open streams in -Xmx512m, none dropped, p99 commit to arrival ≤ 250 ms (scale {scale})",
                            f"{opened} opened, {dropped} dropped, p99 {streams.get('p99_ms')} ms, heap after GC {streams.get('heap_after_gc_mb')} MB, RSS {streams.get('rss_mb')} MB",
                            opened >= 10000 and dropped == 0 and p99 <= 250))
    if not any(s for _, s in scales.values()):
        targets.append(("1", "10,000 open streams", "not measured (no bench/streams/streams.sh)", None))
    out += [f"| {n} | {t} | {m} | {verdict(ok)} |" for n, t, m, ok in targets]
    out += ["", "Item 5 (this benchmark) has no figure: one command, Gatling's Java DSL (open model) beside wrk (closed),"
            " SQL per request, 10x data, charts, Java 17 and 25.", ""]
    return "\n".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    raw, results = sys.argv[1], sys.argv[2]
    run = read_kv(os.path.join(raw, "run.tsv"))
    date = run["date"]
    duration = int(re.search(r"DURATION=(\d+)", run.get("command", "DURATION=10")).group(1))
    scales = {}
    for d in sorted(os.listdir(raw)):
        m = re.match(r"^scale(\d+)$", d)
        if not m:
            continue
        scale = int(m.group(1))
        configs, streams, md = scale_report(date, scale, os.path.join(raw, d), run, duration)
        scales[scale] = (configs, streams)
        with open(os.path.join(results, f"{date}-scale{scale}.md"), "w", encoding="utf-8") as f:
            f.write(md)
        streams_md = text(os.path.join(raw, d, "streams.md"))
        if streams_md:
            with open(os.path.join(results, f"{date}-scale{scale}-streams.md"), "w", encoding="utf-8") as f:
                f.write(streams_md)
        cur = configs.get("current")
        if cur:
            with open(os.path.join(results, f"{date}-scale{scale}.tsv"), "w", encoding="utf-8") as f:
                f.write("\t".join(TSV_HEADER) + "\n")
                for name in cur["order"]:
                    f.write("\t".join(tsv_line(cur["rows"][name])) + "\n")
        with open(os.path.join(results, f"{date}-scale{scale}-all.tsv"), "w", encoding="utf-8") as f:
            f.write("config\t" + "\t".join(TSV_HEADER) + "\n")
            for c, cfg in configs.items():
                for name in cfg["order"]:
                    f.write(c + "\t" + "\t".join(tsv_line(cfg["rows"][name])) + "\n")
    if not scales:
        sys.exit("report.py: no scale<N> folder in " + raw)
    with open(os.path.join(results, f"{date}-comparison.md"), "w", encoding="utf-8") as f:
        f.write(comparison(date, scales, run))
    print(f"report.py: wrote {results}/{date}-scale*.md, .tsv, -all.tsv and {date}-comparison.md")


if __name__ == "__main__":
    main()
