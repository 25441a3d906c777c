#!/usr/bin/env python3
"""The target graph in ARCHITECTURE.md (the ```graph block) is the one in Package.swift, and that graph has no cycle.

Reads every `.target(`, `.executableTarget(` and `.testTarget(` in `targets: [...]` of Package.swift: its `name:` and
the package's own targets in its `dependencies: [...]` (bare string literals, `.target(name:)`, `.byName(name:)`;
`.product(...)` entries and names that are not targets of this package are left out). Test targets and `TestSupport`
are not part of the graph.

The block has one line per target, `Target: Dep1, Dep2` (nothing after the colon for a target without dependencies),
targets and dependencies in alphabetical order (case-insensitive).

Exits 1 and lists every difference (a target or an edge on one side only, a line out of order or malformed) and any
cycle. Run from the project root.

  python3 scripts/check-graph.py            check
  python3 scripts/check-graph.py --print    print the block as it should be, to paste into ARCHITECTURE.md
Options for testing: --package FILE (a Package.swift), --package-json FILE (output of `swift package dump-package`),
--architecture FILE.
"""
import argparse, json, pathlib, re, sys

SKIPPED = {"TestSupport"}
DECLARATIONS = ("target", "executableTarget", "testTarget")


def order(name):
    return (name.lower(), name)


# --- Package.swift, read as text --------------------------------------------------------------------------------------

def scan(text):
    """Yields (index, char, depth) for every character outside comments and string literals; depth counts ( and [."""
    i, depth, n = 0, 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            if i < 0: return
            continue
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0: return
            i = end + 2
            continue
        if c == '"':
            end = string_end(text, i)
            yield i, c, depth  # the opening quote stands for the whole literal
            i = end
            continue
        if c in "([":
            yield i, c, depth
            depth += 1
        elif c in ")]":
            depth -= 1
            yield i, c, depth
        else:
            yield i, c, depth
        i += 1


def string_end(text, i):
    """The index just past the string literal that opens at i (plain or multi-line; no raw strings in Package.swift)."""
    if text.startswith('"""', i):
        end = text.find('"""', i + 3)
        return len(text) if end < 0 else end + 3
    j = i + 1
    while j < len(text) and text[j] != '"':
        j += 2 if text[j] == "\\" else 1
    return j + 1


def literal(text, i):
    """The value of the plain string literal opening at i (no escapes or interpolation expected in names)."""
    return text[i + 1:string_end(text, i) - 1]


def closing(text, open_index):
    """The index of the bracket that closes the one at open_index."""
    start_depth = None
    for i, c, depth in scan(text):
        if i == open_index:
            start_depth = depth
        elif start_depth is not None and c in ")]" and depth == start_depth:
            return i
    raise SystemExit(f"Package.swift: no closing bracket for the one at offset {open_index}")


def top_level_items(text, start, end):
    """Splits text[start:end] at its top-level commas: [(item start, item end)]."""
    items, item_start, base = [], start, None
    for i, c, depth in scan(text[:end]):
        if i < start: continue
        if base is None: base = depth
        if c == "," and depth == base:
            items.append((item_start, i))
            item_start = i + 1
    items.append((item_start, end))
    return [(s, e) for s, e in items if text[s:e].strip()]


def argument(text, start, end, label):
    """The (start, end) of the value of argument `label:` among the top-level arguments in text[start:end], or None."""
    for s, e in top_level_items(text, start, end):
        m = re.match(r"\s*" + re.escape(label) + r"\s*:", text[s:e])
        if m: return s + m.end(), e
    return None


def decomment(text):
    """The text with every comment blanked out (same length, so offsets stay); string literals kept as they are."""
    def blank(m):
        return m.group(0) if m.group(0).startswith('"') else re.sub(r"[^\n]", " ", m.group(0))
    return re.sub(r'"""[\s\S]*?"""|"(?:[^"\\\n]|\\.)*"|//[^\n]*|/\*[\s\S]*?\*/', blank, text)


def from_package_swift(path):
    text = decomment(pathlib.Path(path).read_text(encoding="utf-8"))
    m = re.search(r"\bPackage\s*\(", text)
    if not m: raise SystemExit(f"{path}: no Package(...)")
    package_open = m.end() - 1
    targets = argument(text, package_open + 1, closing(text, package_open), "targets")
    if not targets: raise SystemExit(f"{path}: no targets: [...] in Package(...)")
    list_open = text.index("[", targets[0])
    declared = []  # (kind, name, dependency names)
    for s, e in top_level_items(text, list_open + 1, closing(text, list_open)):
        m = re.match(r"\s*\.(\w+)\s*\(", text[s:e])
        if not m or m.group(1) not in DECLARATIONS:
            raise SystemExit(f"{path}: cannot read this entry of targets: {text[s:e].strip()[:80]!r}")
        call_open = s + m.end() - 1
        call_close = closing(text, call_open)
        name = argument(text, call_open + 1, call_close, "name")
        name_quote = text.index('"', name[0]) if name else -1
        if not name or name_quote >= name[1]: raise SystemExit(f"{path}: a .{m.group(1)}( without a name: \"...\"")
        deps = []
        dependencies = argument(text, call_open + 1, call_close, "dependencies")
        if dependencies:
            deps_open = text.index("[", dependencies[0])
            for ds, de in top_level_items(text, deps_open + 1, closing(text, deps_open)):
                item = text[ds:de].strip()
                bare = re.fullmatch(r'"([^"\\]+)"', item)
                own = re.fullmatch(r'\.(?:target|byName)\(\s*name:\s*"([^"\\]+)"[^"]*\)', item, re.S)
                if bare or own: deps.append((bare or own).group(1))
        declared.append((m.group(1), literal(text, name_quote), deps))
    return declared


# --- `swift package dump-package` JSON ----------------------------------------------------------------------------------

def from_package_json(path):
    dump = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    kinds = {"regular": "target", "executable": "executableTarget", "test": "testTarget"}
    declared = []
    for t in dump["targets"]:
        deps = []
        for d in t.get("dependencies", []):
            for key in ("byName", "target"):
                if key in d: deps.append(d[key][0])
        declared.append((kinds.get(t.get("type"), t.get("type")), t["name"], deps))
    return declared


def graph_of(declared):
    """{target: sorted dependencies} over the non-test targets; only edges to other targets of the graph."""
    nodes = {name for kind, name, _ in declared if kind != "testTarget" and name not in SKIPPED}
    graph = {}
    for kind, name, deps in declared:
        if name in nodes:
            graph[name] = sorted({d for d in deps if d in nodes}, key=order)
    return graph


def cycles(graph):
    """Every cycle found by a depth-first walk, each as a path [a, b, ..., a]."""
    found, state, stack = [], {}, []

    def visit(n):
        state[n] = "open"
        stack.append(n)
        for d in graph.get(n, []):
            if state.get(d) == "open":
                found.append(stack[stack.index(d):] + [d])
            elif d not in state:
                visit(d)
        stack.pop()
        state[n] = "done"

    for n in sorted(graph, key=order):
        if n not in state: visit(n)
    return found


def render(graph):
    return "\n".join(f"{t}: {', '.join(graph[t])}".rstrip() for t in sorted(graph, key=order))


# --- ARCHITECTURE.md ------------------------------------------------------------------------------------------------

def from_architecture(path, problems):
    lines = pathlib.Path(path).read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == "```graph"]
    if len(starts) != 1:
        problems.append(f"{path}: expected one ```graph block, found {len(starts)}")
        return None
    block = []
    for line in lines[starts[0] + 1:]:
        if line.strip() == "```": break
        block.append(line)
    else:
        problems.append(f"{path}: the ```graph block is not closed by ```")
        return None
    graph, listed = {}, []
    for number, line in enumerate(block, start=starts[0] + 2):
        if not line.strip(): continue
        m = re.fullmatch(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*:(.*)", line)
        if not m:
            problems.append(f"{path}:{number}: not `Target: Dep1, Dep2`: {line!r}")
            continue
        target, rest = m.group(1), m.group(2).strip()
        deps = [d.strip() for d in rest.split(",")] if rest else []
        if any(not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", d) for d in deps):
            problems.append(f"{path}:{number}: not `Target: Dep1, Dep2`: {line!r}")
            continue
        if target in graph:
            problems.append(f"{path}:{number}: {target} is listed twice")
            continue
        if deps != sorted(set(deps), key=order):
            problems.append(f"{path}:{number}: the dependencies of {target} are not in alphabetical order (or repeat)")
        graph[target] = deps
        listed.append(target)
    if listed != sorted(listed, key=order):
        problems.append(f"{path}: the targets of the ```graph block are not in alphabetical order")
    return graph


def compare(code, doc, doc_path, problems):
    for t in sorted(set(code) - set(doc), key=order):
        problems.append(f"target {t} is in Package.swift but not in the {doc_path} graph block")
    for t in sorted(set(doc) - set(code), key=order):
        problems.append(f"target {t} is in the {doc_path} graph block but not in Package.swift (or is a test target)")
    for t in sorted(set(code) & set(doc), key=order):
        for d in sorted(set(code[t]) - set(doc[t]), key=order):
            problems.append(f"edge {t} -> {d} is in Package.swift but not in the {doc_path} graph block")
        for d in sorted(set(doc[t]) - set(code[t]), key=order):
            problems.append(f"edge {t} -> {d} is in the {doc_path} graph block but not in Package.swift")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--print", action="store_true", help="print the graph block as it should be")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--package", default="Package.swift", help="the Package.swift to read")
    source.add_argument("--package-json", help="read `swift package dump-package` output instead")
    parser.add_argument("--architecture", default="ARCHITECTURE.md")
    args = parser.parse_args()

    graph = graph_of(from_package_json(args.package_json) if args.package_json else from_package_swift(args.package))
    problems = [f"Package.swift has a cycle: {' -> '.join(c)}" for c in cycles(graph)]
    if args.print:
        print(render(graph))
        for p in problems: print(p, file=sys.stderr)
        return 1 if problems else 0

    doc = from_architecture(args.architecture, problems)
    if doc is not None:
        compare(graph, doc, args.architecture, problems)
    if problems:
        print(f"check-graph: the target graph in {args.architecture} and Package.swift disagree, or the graph has a cycle:")
        for p in problems: print(f"  {p}")
        print("The block as Package.swift has it (python3 scripts/check-graph.py --print):")
        print("```graph\n" + render(graph) + "\n```")
        return 1
    print(f"check-graph: {len(graph)} targets, {sum(map(len, graph.values()))} edges, no cycle; {args.architecture} agrees")
    return 0


if __name__ == "__main__":
    sys.exit(main())
