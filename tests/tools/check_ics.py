#!/usr/bin/env python3
"""Check an iCalendar (RFC 5545) document and print a JSON summary.

Usage: check_ics.py FILE|-

Exits 0 and prints {"calendar": {...}, "events": [...], "timezones": [...]}
when the document is well formed; exits 1 with the problems on stderr when
it is not (parse errors, missing VERSION:2.0/PRODID, events without
UID/DTSTAMP/DTSTART, lines longer than 75 octets, lines not CRLF-terminated,
a TZID with no matching VTIMEZONE). Needs icalendar (see requirements.txt).
"""
import datetime as dt
import json
import sys

from icalendar import Calendar


def fail(problems):
    for p in problems:
        print(f"check_ics: {p}", file=sys.stderr)
    sys.exit(1)


def line_problems(raw: bytes):
    """RFC 5545 3.1: content lines end in CRLF and are folded at 75 octets."""
    if not raw:
        return ["empty document"]
    problems, not_crlf = [], []
    lines = raw.split(b"\n")
    last = lines.pop()  # b"" when the document ends with a line break
    if last:
        lines.append(last)
        problems.append("document does not end with CRLF")
    for no, line in enumerate(lines, 1):
        if line.endswith(b"\r"):
            line = line[:-1]
        elif no < len(lines) or not last:
            not_crlf.append(no)
        if b"\r" in line:
            problems.append(f"line {no}: bare CR inside a line")
        if len(line) > 75:  # octets, without the CRLF
            problems.append(f"line {no}: {len(line)} octets, longer than 75 (must be folded)")
    if not_crlf:
        problems.insert(0, f"{len(not_crlf)} line(s) end in bare LF, not CRLF (first: line {not_crlf[0]})")
    if len(problems) > 20:
        problems = problems[:20] + [f"... and {len(problems) - 20} more line problems"]
    return problems


def iso(value):
    if value is None:
        return None
    v = value.dt
    if isinstance(v, (dt.datetime, dt.date)):
        return v.isoformat()
    return str(v)


def text(comp, name):
    value = comp.get(name)
    return None if value is None else str(value)


def attendees(ev):
    """ATTENDEE may appear once (a value) or many times (a list)."""
    value = ev.get("ATTENDEE")
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        raw = sys.stdin.buffer.read() if argv[1] == "-" else open(argv[1], "rb").read()
    except OSError as exc:
        fail([f"cannot read {argv[1]}: {exc}"])

    problems = line_problems(raw)
    try:
        # Pass bytes: icalendar treats a str without line breaks as a file path.
        cal = Calendar.from_ical(raw)
    except Exception as exc:  # strict parser raises ValueError and friends
        fail(problems + [f"does not parse: {exc}"])
    if cal.name != "VCALENDAR":
        problems.append(f"top-level component is {cal.name}, not VCALENDAR")

    # Components with ignore_exceptions (VEVENT) collect errors instead of raising.
    for comp in cal.walk():
        for prop, err in getattr(comp, "errors", []) or []:
            where = f"{comp.name}" + (f" property {prop}" if prop else "")
            problems.append(f"{where}: {err}")

    version = text(cal, "VERSION")
    if version != "2.0":
        problems.append(f"VERSION must be 2.0, got {version!r}")
    if not text(cal, "PRODID"):
        problems.append("PRODID is missing")

    timezones = [text(tz, "TZID") for tz in cal.walk("VTIMEZONE")]
    events = []
    for i, ev in enumerate(cal.walk("VEVENT"), 1):
        label = f"VEVENT #{i}" + (f" (UID {ev.get('UID')})" if ev.get("UID") else "")
        for req in ("UID", "DTSTAMP", "DTSTART"):
            if ev.get(req) is None:
                problems.append(f"{label}: {req} is missing")
        dtstart = ev.get("DTSTART")
        tzid = dtstart.params.get("TZID") if dtstart is not None else None
        for name in ("DTSTART", "DTEND"):
            prop = ev.get(name)
            ptz = prop.params.get("TZID") if prop is not None else None
            if ptz and ptz not in timezones:
                problems.append(f"{label}: {name} TZID={ptz} has no VTIMEZONE in the calendar")
        try:
            seq = int(ev.get("SEQUENCE", 0))
        except (TypeError, ValueError):
            problems.append(f"{label}: SEQUENCE is not an integer")
            seq = None
        try:
            start, end = iso(dtstart), iso(ev.get("DTEND"))
        except Exception as exc:
            problems.append(f"{label}: bad DTSTART/DTEND: {exc}")
            start = end = None
        events.append({
            "uid": text(ev, "UID"),
            "sequence": seq,
            "status": text(ev, "STATUS"),
            "summary": text(ev, "SUMMARY"),
            "dtstart": start,
            "dtend": end,
            "url": text(ev, "URL"),
            "location": text(ev, "LOCATION"),
            "description": text(ev, "DESCRIPTION"),
            "tzid": str(tzid) if tzid else None,
            "organizer": text(ev, "ORGANIZER"),
            "attendees": [str(a) for a in attendees(ev)],
        })

    if problems:
        fail(problems)
    summary = {
        "calendar": {"prodid": text(cal, "PRODID"), "version": version, "method": text(cal, "METHOD")},
        "events": events,
        "timezones": timezones,
    }
    sys.stdout.reconfigure(encoding="utf-8")
    json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
