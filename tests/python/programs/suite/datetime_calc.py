from datetime import datetime, date, timedelta, timezone
import time
d1 = datetime.strptime("2024-02-27 08:30", "%Y-%m-%d %H:%M")
d2 = d1 + timedelta(days=3, hours=17)
print(d2, d2.strftime("%A %d %B %Y %I:%M %p"), (d2 - d1).total_seconds())
print(date(2024, 3, 1) - date(2023, 3, 1), date(2024, 1, 31).isoweekday(), date.fromisoformat("2020-12-31").toordinal())
t = time.strptime("15 Mar 2021 10:20:30", "%d %b %Y %H:%M:%S")
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_wday, t.tm_yday)
print(time.strftime("%Y/%m/%d", t), time.mktime(t) > 0)
u = datetime(2021, 1, 1, 12, tzinfo=timezone.utc)
print(u.isoformat(), u.astimezone(timezone(timedelta(hours=2))).isoformat())
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]))
