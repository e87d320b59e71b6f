#!/usr/bin/env python3
"""Crawl an OParl 1.1 endpoint and validate every object against the OParl 1.1 JSON schemas.

Usage: check_oparl.py SYSTEM_URL SCHEMA_DIR [--allow-empty File,Location]
                      [--sample N] [--max-requests N]

Starts at the System object, follows every external list (System.body, Body.organization,
.person, .meeting, .paper, .membership, .agendaItem, .file, .locationList,
.legislativeTermList, Organization.meeting, ...) through all pages (links.next), validates
every list item and every embedded object ("schema": "X.json" in the schema) against its
schema, then GETs objects by their id (up to --sample per type, default all) and checks
the same id comes back. Prints {"objects_validated": {type: n}, "errors": [...],
"warnings": [...]} and exits 1 on any error or when a required type has no objects.
"""
import argparse
import datetime as dt
import json
import re
import sys
import urllib.error
import urllib.request
from collections import defaultdict, deque
from pathlib import Path
from urllib.parse import urlparse

from jsonschema import Draft7Validator, FormatChecker

TYPE_PREFIX = "https://schema.oparl.org/1.1/"
MUST_HAVE = ["System", "Body", "Organization", "Person", "Membership", "Meeting",
             "AgendaItem", "LegislativeTerm", "File", "Location"]
# Body list links the spec text calls ZWINGEND although Body.json does not require them.
BODY_MANDATORY_LISTS = ["agendaItem", "consultation", "file", "membership", "locationList",
                        "legislativeTermList"]

formats = FormatChecker(formats=())


@formats.checks("url")
def is_url(value):
    if not isinstance(value, str):
        return True
    u = urlparse(value)
    return u.scheme in ("http", "https") and bool(u.netloc) and not re.search(r"\s", value)


@formats.checks("date-time", raises=ValueError)
def is_date_time(value):
    if not isinstance(value, str):
        return True
    # OParl: ISO 8601 / RFC 3339 with a time zone offset, e.g. 2025-06-12T17:00:00+02:00
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value):
        raise ValueError("not an RFC 3339 date-time with offset")
    dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return True


@formats.checks("date", raises=ValueError)
def is_date(value):
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        raise ValueError("not a YYYY-MM-DD date")
    dt.date.fromisoformat(value)
    return True


class Crawler:
    def __init__(self, schema_dir, sample, max_requests):
        self.schemas, self.validators = {}, {}
        for f in sorted(Path(schema_dir).glob("*.json")):
            schema = json.loads(f.read_text(encoding="utf-8"))
            Draft7Validator.check_schema(schema)
            self.schemas[f.stem] = schema
            self.validators[f.stem] = Draft7Validator(schema, format_checker=formats)
        if "System" not in self.schemas:
            sys.exit(f"check_oparl: no OParl schemas (System.json ...) in {schema_dir}")
        self.sample, self.max_requests, self.requests = sample, max_requests, 0
        self.errors, self.warnings = [], []
        self.validated = defaultdict(set)  # type -> ids (or anonymous markers)
        self.lists_todo, self.lists_seen = deque(), set()
        self.ids_todo, self.ids_done = deque(), set()
        self.fetch_count = defaultdict(int)
        self.seen_content = set()

    def err(self, msg):
        self.errors.append(msg)

    def get(self, url, where):
        if self.requests >= self.max_requests:
            if not any("max-requests" in w for w in self.warnings):
                self.warnings.append(f"crawl stopped after --max-requests={self.max_requests}")
            return None
        if not is_url(url):
            return self.err(f"{where}: {url!r} is not an absolute http(s) URL; not fetched")
        self.requests += 1
        req = urllib.request.Request(url, headers={"Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                ctype = resp.headers.get("Content-Type", "")
                body = resp.read()
        except urllib.error.HTTPError as e:
            return self.err(f"{where}: GET {url} -> HTTP {e.code}")
        except (urllib.error.URLError, OSError, ValueError) as e:
            return self.err(f"{where}: GET {url} failed: {e}")
        if "json" not in ctype:
            self.err(f"{where}: GET {url} Content-Type is {ctype!r}, expected application/json")
        try:
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            return self.err(f"{where}: GET {url} is not UTF-8 JSON: {e}")

    def validate(self, obj, tname, where, top_level):
        """Validate obj (and, recursively, its embedded objects) as OParl type tname."""
        if not isinstance(obj, dict):
            return self.err(f"{where}: expected a {tname} object, got {type(obj).__name__}")
        oid = obj.get("id")
        where = f"{where} [{oid}]" if isinstance(oid, str) else where
        key = oid if isinstance(oid, str) else f"<no id {len(self.validated[tname])}>"
        self.validated[tname].add(key)
        fingerprint = (tname, top_level, json.dumps(obj, sort_keys=True))
        if fingerprint in self.seen_content:  # same object reached again: already checked
            return
        self.seen_content.add(fingerprint)
        if obj.get("type") != TYPE_PREFIX + tname:
            self.err(f"{where}: type is {obj.get('type')!r}, expected {TYPE_PREFIX + tname}")
        for e in sorted(self.validators[tname].iter_errors(obj), key=lambda e: list(e.path)):
            if list(e.path) == ["type"]:
                continue  # reported by the explicit type check above
            path = "/".join(str(p) for p in e.path) or "(object)"
            self.err(f"{where}: {tname} schema: {path}: {e.message}")
        if top_level and not obj.get("deleted"):
            for prop in ("created", "modified"):
                if prop not in obj:
                    self.err(f"{where}: '{prop}' is missing (spec: must be given on every "
                             "object that is not embedded)")
        if tname == "Body" and top_level:
            missing = [p for p in BODY_MANDATORY_LISTS if p not in obj]
            if missing:
                self.warnings.append(f"{where}: Body lacks list links the spec calls ZWINGEND: "
                                     f"{', '.join(missing)}")
        if isinstance(oid, str) and oid not in self.ids_done:
            self.ids_todo.append((oid, tname, where))
        for prop, ps in self.schemas[tname].get("properties", {}).items():
            if prop not in obj:
                continue
            value, sub = obj[prop], f"{where}.{prop}"
            if ps.get("references") == "externalList":
                item_type = ps["items"]["schema"].removesuffix(".json")
                if isinstance(value, str) and value not in self.lists_seen:
                    self.lists_seen.add(value)
                    self.lists_todo.append((value, item_type, sub))
            elif "schema" in ps and isinstance(value, dict):
                self.validate(value, ps["schema"].removesuffix(".json"), sub, False)
            elif ps.get("type") == "array" and "schema" in ps.get("items", {}) \
                    and isinstance(value, list):
                for i, item in enumerate(value):
                    self.validate(item, ps["items"]["schema"].removesuffix(".json"),
                                  f"{sub}[{i}]", False)

    def crawl_list(self, url, tname, where):
        pages, seen_ids, page = set(), set(), 0
        while url:
            if url in pages:
                return self.err(f"{where}: links.next loops back to {url}")
            pages.add(url)
            page += 1
            lst = self.get(url, f"{where} page {page}")
            if lst is None:
                return
            pwhere = f"list {url}"
            if not isinstance(lst, dict):
                return self.err(f"{pwhere}: list page is not a JSON object")
            for prop, typ in (("data", list), ("links", dict), ("pagination", dict)):
                if not isinstance(lst.get(prop), typ):
                    self.err(f"{pwhere}: list page needs '{prop}' ({typ.__name__})")
            links = lst["links"] if isinstance(lst.get("links"), dict) else {}
            pag = lst["pagination"] if isinstance(lst.get("pagination"), dict) else {}
            for k in [k for k, v in links.items() if not is_url(v)]:
                self.err(f"{pwhere}: links.{k} is not an absolute URL: {links[k]!r}")
            for k in [k for k, v in pag.items() if type(v) is not int]:
                self.err(f"{pwhere}: pagination.{k} is not an integer: {pag[k]!r}")
            for i, item in enumerate(lst.get("data") or []):
                oid = item.get("id") if isinstance(item, dict) else None
                if oid in seen_ids:
                    self.err(f"{pwhere}: id {oid} appears twice in the list")
                seen_ids.add(oid)
                self.validate(item, tname, f"{pwhere} data[{i}]", True)
            url = links.get("next")
            if url is not None and not isinstance(url, str):
                return self.err(f"{pwhere}: links.next is not a string")

    def fetch_ids(self):
        while self.ids_todo:
            oid, tname, where = self.ids_todo.popleft()
            if oid in self.ids_done:
                continue
            self.ids_done.add(oid)
            if self.sample and self.fetch_count[tname] >= self.sample:
                continue
            self.fetch_count[tname] += 1
            obj = self.get(oid, f"GET by id (from {where})")
            if obj is None:
                continue
            if not isinstance(obj, dict) or obj.get("id") != oid:
                got = obj.get("id") if isinstance(obj, dict) else type(obj).__name__
                self.err(f"GET {oid}: returned id {got!r}, expected the same id")
                continue
            self.validate(obj, tname, f"GET {oid}", True)
            self.drain_lists()

    def drain_lists(self):
        while self.lists_todo:
            self.crawl_list(*self.lists_todo.popleft())

    def run(self, system_url):
        self.ids_done.add(system_url)
        system = self.get(system_url, "System")
        if system is not None:
            if isinstance(system, dict) and system.get("id") not in (None, system_url):
                self.warnings.append(f"System id {system.get('id')} differs from start URL "
                                     f"{system_url}; fetching it too")
            self.validate(system, "System", f"System {system_url}", True)
            self.drain_lists()
            self.fetch_ids()
            self.drain_lists()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("system_url")
    ap.add_argument("schema_dir")
    ap.add_argument("--allow-empty", default="", help="comma list of types that may have no objects "
                    "(only File and Location are accepted)")
    ap.add_argument("--sample", type=int, default=0,
                    help="GET at most N objects per type by id (0 = all)")
    ap.add_argument("--max-requests", type=int, default=5000)
    args = ap.parse_args()
    allow = {t.strip() for t in args.allow_empty.split(",") if t.strip()}
    if allow - {"File", "Location"}:
        ap.error("--allow-empty accepts only File and Location")

    c = Crawler(args.schema_dir, args.sample, args.max_requests)
    c.run(args.system_url)
    for t in MUST_HAVE:
        if t not in allow and not c.validated.get(t):
            c.err(f"no {t} object was validated")
    summary = {"objects_validated": {t: len(ids) for t, ids in sorted(c.validated.items())},
               "requests": c.requests, "errors": c.errors, "warnings": c.warnings}
    sys.stdout.reconfigure(encoding="utf-8")
    json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 1 if c.errors else 0


if __name__ == "__main__":
    sys.exit(main())
