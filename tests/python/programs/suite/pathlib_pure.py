from pathlib import PurePosixPath, PurePath
paths = [PurePosixPath(line.strip()) for line in __import__("sys").stdin if line.strip()]
for p in paths:
    print(p, p.name, p.stem, p.suffix, p.parent, p.is_absolute(), p.parts[-2:])
p = PurePosixPath("/srv/app") / "static" / "css" / "site.min.css"
print(p, p.suffixes, p.with_suffix(".map"), p.relative_to("/srv"), p.match("*.css"))
print(sorted(str(q) for q in paths), PurePath("a/b") == PurePosixPath("a/b"))
print(list(p.parents)[:2], p.as_posix())
