#!/usr/bin/env python3
"""Compares Apertura's compiled releases with the OCDS reference merge library's.

For each publication (a folder of OCDS files) it imports the files with
`apertura import ocds` into a new SQLite database, serves it on loopback and
asks the API for each process's compiled release; beside it, it reads the same
files in the same order, hands each process's releases to ocds-merge (its
source is public: open-contracting/ocds-merge; it needs `jsonref`, a local
copy of which is enough) and compares the two, process by process.

    python3 bench/ocds_merge_compare.py --ocds-merge DIR --jsonref DIR \
        --binary build/apertura ../shared/data/ocds-real/*

The reference is run, never copied: this script only calls it.

What the reference is given, as the OCDS standard and Apertura read a file:
release packages' releases; records' embedded releases (taking the record's
ocid when they have none); a package's `version` selects the schema of its
minor version (1.0 -> 1.0.3, 1.1 -> 1.1.5, the schemas in api/ocds/); without one, a
`version` the release states itself does; with neither, 1.0; a process merges by 1.1's rules when any of its releases is 1.1. A
record whose releases are only linked has no releases to merge: its
publisher's compiledRelease is counted apart ("del publicador"), not compared.
Releases without ocid, id or a text date are left out on both sides (Apertura
reports them). Releases with the same ocid, id and content are given once.
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request


def minor_version(text):
    if not isinstance(text, str):
        return None
    parts = text.split(".")
    if len(parts) >= 2 and parts[0] == "1" and parts[1] in ("0", "1"):
        return "1." + parts[1]
    return None


def publication_files(folder):
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            if name.endswith(".json"):
                found.append(os.path.join(root, name))
    return sorted(found)


def releases_of_file(path):
    """(release, version) pairs in file order, and the compiledRelease of each record that only links its releases."""
    with open(path, encoding="utf-8") as f:
        try:
            data = json.load(f)
        except ValueError:
            return [], set()
    out = []
    linked_only = {}
    if not isinstance(data, dict):
        return out, linked_only
    package_version = data.get("version")

    def version_of(release, stated=None):
        # The package's version, else the release's own, else 1.0.
        stated = stated if stated is not None else package_version
        if not stated and isinstance(release, dict):
            stated = release.get("version")
        if not stated:
            return "1.0"
        return minor_version(stated) or "1.1"

    def add_record(record):
        embedded = 0
        for release in record.get("releases") or []:
            if isinstance(release, dict) and "url" in release and "ocid" not in release and "id" not in release:
                continue
            if isinstance(release, dict) and "ocid" not in release and "ocid" in record:
                release = dict(release, ocid=record["ocid"])
            out.append((release, version_of(release)))
            embedded += 1
        compiled = record.get("compiledRelease")
        if embedded == 0 and isinstance(compiled, dict):
            # As Apertura keeps it: with the record's ocid, and an id of ocid and date when it has none.
            compiled = dict(compiled)
            compiled.setdefault("ocid", record.get("ocid"))
            if "id" not in compiled and isinstance(compiled.get("date"), str):
                compiled["id"] = "%s-%s" % (compiled["ocid"], compiled["date"])
            linked_only[compiled["ocid"]] = compiled

    if isinstance(data.get("releases"), list) and "ocid" not in data:
        for release in data["releases"]:
            out.append((release, version_of(release)))
    elif isinstance(data.get("records"), list):
        for record in data["records"]:
            if isinstance(record, dict):
                add_record(record)
    elif "ocid" in data and ("releases" in data or "compiledRelease" in data):
        add_record(data)
    elif "ocid" in data:
        info = data.get("packageInfo") if isinstance(data.get("packageInfo"), dict) else {}
        out.append((data, version_of(data, info.get("version") or "")))
    return out, linked_only


def usable(release):
    return (isinstance(release, dict) and isinstance(release.get("ocid"), (str, int)) and
            isinstance(release.get("id"), (str, int)) and isinstance(release.get("date"), str) and
            release.get("ocid") != "" and release.get("id") != "" and release.get("date") != "")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def compiled_by_apertura(binary, files, ocids):
    with tempfile.TemporaryDirectory() as scratch:
        db = "sqlite:" + os.path.join(scratch, "compare.db")
        subprocess.run([binary, "--db", db, "--log-level", "error", "import", "ocds"] + files,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen([binary, "--db", db, "--log-level", "error", "serve", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = "http://127.0.0.1:%d/api/v1/processes/" % port
            for _ in range(200):
                try:
                    urllib.request.urlopen("http://127.0.0.1:%d/healthz" % port, timeout=1)
                    break
                except OSError:
                    time.sleep(0.05)
            out = {}
            for ocid in ocids:
                try:
                    with urllib.request.urlopen(base + urllib.parse.quote(str(ocid), safe=""), timeout=10) as r:
                        out[ocid] = json.load(r)["data"]["compiled_release"]
                except OSError:
                    out[ocid] = None
            return out
        finally:
            server.terminate()
            server.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--ocds-merge", required=True, help="a checkout of open-contracting/ocds-merge")
    parser.add_argument("--jsonref", required=True, help="a checkout of gazpachoking/jsonref")
    parser.add_argument("--binary", default="build/apertura")
    parser.add_argument("--schemas", default="api/ocds",
                        help="folder with the release schemas Apertura ships (1__0__3 and 1__1__5)")
    parser.add_argument("--show", type=int, default=3, help="differing processes to print per publication")
    parser.add_argument("publications", nargs="+")
    args = parser.parse_args()
    sys.path[:0] = [args.ocds_merge, args.jsonref]
    import ocdsmerge  # noqa: E402  (from the paths given)

    mergers = {
        "1.0": ocdsmerge.Merger(os.path.join(args.schemas, "release-schema-1__0__3.json")),
        "1.1": ocdsmerge.Merger(os.path.join(args.schemas, "release-schema-1__1__5.json")),
    }
    totals = [0, 0, 0, 0, 0]
    print("| publicación | procesos | iguales | distintos | del publicador | del publicador, intacta |")
    print("|---|---:|---:|---:|---:|---:|")
    for folder in args.publications:
        files = publication_files(folder)
        by_ocid = {}
        publisher_compiled = {}
        for path in files:
            releases, linked_only = releases_of_file(path)
            publisher_compiled.update(linked_only)
            for release, version in releases:
                if not usable(release):
                    continue
                kept = by_ocid.setdefault(release["ocid"], [])
                if any(r == release for r, _ in kept):
                    continue
                kept.append((release, version))
        for ocid in by_ocid:
            publisher_compiled.pop(ocid, None)
        apertura = compiled_by_apertura(args.binary, files, list(by_ocid) + list(publisher_compiled))
        kept = sum(1 for ocid, compiled in publisher_compiled.items() if apertura.get(ocid) == compiled)
        same = differ = 0
        shown = 0
        for ocid, releases in by_ocid.items():
            rules = "1.1" if any(v == "1.1" for _, v in releases) else "1.0"
            try:
                reference = mergers[rules].create_compiled_release([r for r, _ in releases])
            except Exception as error:  # noqa: BLE001  (the reference refuses some inputs)
                reference = "error: %s" % error
            if reference == apertura.get(ocid):
                same += 1
            else:
                differ += 1
                if shown < args.show:
                    shown += 1
                    print("  %s: %s" % (ocid, "falta en Apertura" if apertura.get(ocid) is None else "distinto"),
                          file=sys.stderr)
        name = os.path.basename(os.path.normpath(folder))
        row = (len(by_ocid), same, differ, len(publisher_compiled), kept)
        print("| %s | %d | %d | %d | %d | %d |" % ((name,) + row))
        for i, n in enumerate(row):
            totals[i] += n
    print("| total | %d | %d | %d | %d | %d |" % tuple(totals))
    return 0 if totals[2] == 0 and totals[3] == totals[4] else 1


if __name__ == "__main__":
    sys.exit(main())
