import types

import sandboxes


def test_all_is_the_public_surface():
    # Submodules become attributes of the package once anything imports them (the server's tests
    # import sandboxes.server, the batch tests sandboxes._batch): they are not the exported surface.
    public = {n for n in dir(sandboxes)
              if not n.startswith("_") and not isinstance(getattr(sandboxes, n), types.ModuleType)}
    assert set(sandboxes.__all__) - {"__version__"} == public
    assert list(sandboxes.__all__) == sorted(sandboxes.__all__)
    for name in sandboxes.__all__:
        assert not isinstance(getattr(sandboxes, name), types.ModuleType), name
