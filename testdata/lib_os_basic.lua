-- deterministic parts of the os library
print(type(os.time()), type(os.clock()), type(os.date()))
print(os.date("!%Y-%m-%d %H:%M:%S", 0))
print(os.date("!%Y-%m-%d %H:%M:%S", 86400 * 365))
local t = os.date("!*t", 3600)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.isdst)
print(os.getenv("MOONFUEL_SURELY_UNSET_VARIABLE"))
print(os.time({year = 2000, month = 1, day = 1, hour = 12}) - os.time({year = 2000, month = 1, day = 2, hour = 12}))
print(os.difftime(10, 5))
