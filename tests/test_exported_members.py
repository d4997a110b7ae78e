import sandboxes


def test_all_is_the_public_surface():
    public = {n for n in dir(sandboxes) if not n.startswith("_")} - {
        "api", "audit", "errors", "policy", "result", "python", "isolation", "javascript", "go", "cli",
        "attacks"}
    assert set(sandboxes.__all__) - {"__version__"} == public
    assert list(sandboxes.__all__) == sorted(sandboxes.__all__)
