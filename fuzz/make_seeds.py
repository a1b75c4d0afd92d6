#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (fuzz/seeds/<target>/) from the bundled pack
(config/cases, prompts/cases) and the answers, drafts and console lines of tests/it/*.rs.

Run from anywhere: python3 fuzz/make_seeds.py. The seeds are committed; re-run it when the
pack or the tests change. Deterministic: the same inputs give the same files."""

import hashlib
import random
import re
import shutil
import tomllib
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
SEEDS = FUZZ / "seeds"
PACK = "arbre-cadeau"
# The same order as PACK_FILES in fuzz/src/lib.rs.
PACK_FILES = [
    f"config/cases/{PACK}/case.toml",
    f"config/cases/{PACK}/annexes.toml",
    f"config/cases/{PACK}/kpis.toml",
    f"config/cases/{PACK}/questions.toml",
    f"config/cases/{PACK}/grids.toml",
    f"config/cases/{PACK}/linkedin.toml",
    f"prompts/cases/{PACK}/case.toml",
    f"prompts/cases/{PACK}/annexes.toml",
    f"prompts/cases/{PACK}/questions.toml",
    f"prompts/cases/{PACK}/grids.toml",
    f"prompts/cases/{PACK}/mistakes.toml",
    f"prompts/cases/{PACK}/linkedin.toml",
]

# A Rust string literal: "…" with escapes (raw strings are not used by these tests).
RUST_STR = re.compile(r'"((?:[^"\\]|\\.)*)"', re.S)


def unescape(body: str) -> str:
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == "\n":  # line continuation: the newline and the next line's indent go
            i += 2
            while i < len(body) and body[i] in " \t\n":
                i += 1
            continue
        if n == "x":
            out.append(chr(int(body[i + 2 : i + 4], 16)))
            i += 4
            continue
        if n == "u":
            end = body.index("}", i)
            out.append(chr(int(body[i + 3 : end], 16)))
            i = end + 1
            continue
        out.append({"n": "\n", "t": "\t", "r": "\r", "0": "\0"}.get(n, n))
        i += 2
    return "".join(out)


def literals(text: str):
    return [unescape(m.group(1)) for m in RUST_STR.finditer(text)]


def write(target: str, items):
    d = SEEDS / target
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    seen = set()
    for item in items:
        data = item.encode() if isinstance(item, str) else bytes(item)
        if data in seen:
            continue
        seen.add(data)
        (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"{target}: {len(seen)} seeds")


def tests():
    return {p.name: p.read_text() for p in sorted((ROOT / "tests/it").glob("*.rs"))}


def answers(sources):
    out = []
    # The checker's table: ("kpi_id", "answer", Verdict, Reason).
    for m in re.finditer(r'\(\s*"[a-z0-9_]+",\s*"((?:[^"\\]|\\.)*)",\s*(?:Correct|Close|Wrong|Invalid)', sources["checker.rs"]):
        out.append(unescape(m.group(1)))
    for text in sources.values():
        for m in re.finditer(r'\.check\([^,]+,\s*"((?:[^"\\]|\\.)*)"', text):
            out.append(unescape(m.group(1)))
        for lit in literals(text):
            for line in lit.split("\n"):
                m = re.search(r"/r[ée]pondre\s+(.+)", line)
                if m:
                    out.append(m.group(1))
    return out


def formulas():
    kpis = tomllib.loads((ROOT / f"config/cases/{PACK}/kpis.toml").read_text())
    out = []
    for k in kpis.get("kpis", {}).values():
        if "formula" in k:
            out.append(k["formula"])
        for ev in ("evolution", "difference"):
            if ev in k:
                out.append(f"({k[ev]['to']} - {k[ev]['from']}) / {k[ev]['from']} * 100")
        for mistake in k.get("mistakes", []):
            if "formula" in mistake:
                out.append(mistake["formula"])
    out += ["1 / 0", "-(-(-a))", "((a + b) * (c - d)) / 100", "79228162514264337593543950335 * 10"]
    return out


def drafts(sources):
    out = []
    testimonial = None
    text = sources["linkedin.rs"]
    m = re.search(r'const TESTIMONIAL: &str = "((?:[^"\\]|\\.)*)"', text)
    if m:
        testimonial = unescape(m.group(1))
    for lit in literals(text):
        # Drafts are the long literals with a line break (names and ids are short).
        if "\n" in lit and len(lit) > 40:
            out.append(lit.replace("{T}", testimonial or "{T}"))
    linkedin = tomllib.loads((ROOT / f"prompts/cases/{PACK}/linkedin.toml").read_text())

    def posts(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == "post" and isinstance(x, str):
                    yield x
                else:
                    yield from posts(x)

    out += list(posts(linkedin))
    return out


def console_lines(sources):
    lines = []
    for text in sources.values():
        for lit in literals(text):
            for line in lit.split("\n"):
                if re.match(r"^(?:[A-Za-z0-9_-]+>\s*)?/[a-zéè-]+(?:\s|$)", line):
                    lines.append(line)
    # Each line alone, and the scripts of whole tests (several lines, multi-line texts).
    out = list(lines)
    for text in sources.values():
        for lit in literals(text):
            if lit.count("\n") >= 2 and re.search(r"(?m)^[a-z]+> /", lit):
                out.append(lit)
    return out


def written():
    """The model comments of the readings (after the byte that picks their part), and a few
    crafted comments and réflexions."""
    texts = tomllib.loads((ROOT / f"prompts/cases/{PACK}/interpretations.toml").read_text())
    items = [
        bytes([i]) + t["example"].encode()
        for i, t in enumerate(texts.get("interpret", {}).values())
        if isinstance(t, dict) and "example" in t
    ]
    items += [
        "\x0eLe CPM de 93,23 € est élevé par rapport au display, il faut revoir le ciblage.",
        "\x09Les sessions payantes chutent de −67,32 % par rapport à 2019.",
        "\x13Une perte de 700 € ; env. 16000€, dév. ce segment.",
        "\x00Les réseaux sociaux comptent. Comment adapter la stratégie ? Tout d’abord, Decathlon. "
        "Ensuite, LinkedIn. En conclusion, oui.",
        "\x01I. Pour les particuliers\nII. Pour les entreprises\nEn conclusion, bcp d’entreprize "
        "#RSE @ICOOPA www.x.fr éco-responsable",
    ]
    return items


def main():
    sources = tests()
    write("answer", answers(sources))
    write("formula", formulas())
    write(
        "pack_bytes",
        [bytes([i]) + (ROOT / f).read_bytes() for i, f in enumerate(PACK_FILES)],
    )
    # Mutations are read from bytes by `arbitrary`: seeds are a few fixed pseudo-random byte
    # strings (one to eight mutations each), the fuzzer finds the rest.
    rng = random.Random(11)
    write("pack_mutate", [bytes(rng.randrange(256) for _ in range(rng.randrange(4, 96))) for _ in range(48)])
    write("draft", drafts(sources))
    write("console_line", console_lines(sources))
    write("written", written())


if __name__ == "__main__":
    main()
