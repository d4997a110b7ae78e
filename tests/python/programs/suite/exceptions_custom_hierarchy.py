class AppError(Exception):
    code = 1
class NotFound(AppError):
    code = 404
class Forbidden(AppError):
    code = 403

def handle(kind):
    errors = {"nf": NotFound("no such page"), "fb": Forbidden("go away"), "ok": None}
    err = errors[kind]
    if err:
        raise err
    return "fine"

for k in ["ok", "nf", "fb", "zz"]:
    try:
        print(handle(k))
    except (NotFound, Forbidden) as e:
        print(type(e).__name__, e.code, e.args)
    except KeyError as e:
        print("unknown", e)
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code)
