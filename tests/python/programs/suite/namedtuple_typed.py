from typing import NamedTuple, TypedDict, Optional
class Employee(NamedTuple):
    name: str
    dept: str
    salary: int = 50000
    def raise_(self, pct):
        return self._replace(salary=int(self.salary * (1 + pct / 100)))
class Movie(TypedDict, total=False):
    title: str
    year: int
staff = [Employee("ann", "eng", 120000), Employee("bob", "ops"), Employee("cy", "eng", 95000)]
by_dept = {}
for e in staff:
    by_dept.setdefault(e.dept, []).append(e)
for d, es in sorted(by_dept.items()):
    print(d, [e.name for e in es], sum(e.salary for e in es))
print(staff[1].raise_(10), staff[0]._asdict(), Employee._fields)
m: Movie = {"title": "Alien"}
m["year"] = 1979
print(m, sorted(m))
name, dept, sal = staff[2]
print(name, dept, sal)
