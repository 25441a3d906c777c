#!/usr/bin/env python3
"""Every module a Swift file imports is declared by its target in Package.swift (issue 10: no import that builds only
through another target). Prints the undeclared imports and exits 1 if there are any. Run from the project root."""
import pathlib, re, sys

SYSTEM = {"Foundation", "FoundationEssentials", "FoundationXML", "Testing", "Synchronization", "Dispatch", "Glibc", "Darwin", "XCTest"}
package = pathlib.Path("Package.swift").read_text()
problems = []
for block in re.finditer(r'\.(?:executableTarget|target|testTarget)\(\s*name:\s*"([^"]+)"(.*?)swiftSettings', package, re.S):
    name, body = block.group(1), block.group(2)
    declared = set(re.findall(r'"([A-Za-z_]+)"', body.split("dependencies:", 1)[1].split("]", 1)[0])) if "dependencies:" in body else set()
    declared |= set(re.findall(r'\.product\(name:\s*"([^"]+)"', body))
    path = re.search(r'path:\s*"([^"]+)"', body)
    folder = pathlib.Path(path.group(1)) if path else pathlib.Path("Tests" if block.group(0).lstrip(".").startswith("testTarget") else "Sources") / name
    listed = re.search(r'sources:\s*\[(.*?)\]', body, re.S)
    roots = [folder / s for s in re.findall(r'"([^"]+)"', listed.group(1))] if listed else [folder]
    files = []
    for root in roots:
        files += [root] if root.suffix == ".swift" else sorted(root.rglob("*.swift"))
    for f in files:
        for m in re.findall(r'^(?:@\w+\s+)?import\s+(?:struct\s+|enum\s+|class\s+)?([A-Za-z_]+)', f.read_text(), re.M):
            if m not in declared and m not in SYSTEM and m != name:
                problems.append(f"{f}: imports {m}, which target {name} does not declare")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
