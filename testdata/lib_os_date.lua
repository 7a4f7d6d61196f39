-- os.date and os.time: deterministic times only, in UTC ("!")
local all = "%a|%A|%b|%B|%c|%C|%d|%D|%e|%F|%g|%G|%h|%H|%I|%j|%m|%M|%n|%p|%r|%R|%S|%t|%T|%u|%U|%V|%w|%W|%x|%X|%y|%Y|%z|%Z|%%"
print(os.date("!" .. all, 0))
print(os.date("!" .. all, 1e9))
print(os.date("!" .. all, -1e10))
print(os.date("!%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy", 1234567890))
print(os.date("!", 0) == "", os.date("", 0) == "", os.date("!\0x\0", 0) == "\0x\0")
print(os.date("!%Y-%m-%d %H:%M:%S", 2^40), os.date("!%Y", -2^40))
print(os.date("!%c", 67768036191676799))
print(os.date("!%c", -67768040609740800))
for _, f in ipairs{"%", "%E", "%O", "%Ea", "%9", "%k", "%Ez abc", "x%"} do
  print(pcall(os.date, f, 0))
end
print(pcall(os.date, "%c", 1.5))
print(pcall(os.date, "%c", "x"))
print(pcall(os.date, {}))
print(pcall(os.date, "!%c", 2^60))
print(pcall(os.date, "!%c", 67768036191676800))
print(pcall(os.date, "!%c", -67768040609740801))
local t = os.date("!*t", 1e9)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
t = os.date("!*t", 0)
print(t.year, t.month, t.day, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst)
print(os.date("!*t", 67768036191676799).year)
-- every ISO week boundary around new year (days counted in UTC)
local function utcday(y, m, d) -- days from 1970-01-01 (proleptic Gregorian)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
end
for y = 1998, 2012 do
  local d = utcday(y, 12, 29) * 86400 + 43200
  for k = 0, 6 do io.write(os.date("!%G-%V-%u ", d + k * 86400)) end
  print()
end
-- os.time with tables: results shown as local time, which makes them the
-- same in every time zone (outside daylight-saving transitions)
local function L(t) return os.date("%Y-%m-%d %H:%M:%S", t) end
print(L(os.time{year = 2000, month = 1, day = 1, hour = 0}))
print(L(os.time{year = 2000, month = 1, day = 1}))
print(L(os.time{year = 1970, month = 1, day = 2, hour = 0, min = 0, sec = 0}))
print(L(os.time{year = "2000", month = 1.0, day = 1}))
print(os.time{year = 2000, month = 1, day = 2} - os.time{year = 2000, month = 1, day = 1})
local n = {year = 2000, month = 14, day = -3, hour = 25, min = -1, sec = 100}
print(L(os.time(n)), n.year, n.month, n.day, n.hour, n.min, n.sec, n.wday, n.yday)
n = {year = 2001, month = 2, day = 29}
print(L(os.time(n)), n.month, n.day, n.yday)
n = {year = 2001, month = 0, day = 0, hour = -1}
print(L(os.time(n)), n.year, n.month, n.day, n.hour, n.yday, n.wday)
-- the time just before the epoch is mktime's error value
print(pcall(os.time, os.date("*t", -1)))
print(pcall(os.time, {year = 2000, month = 1.5, day = 1}))
print(pcall(os.time, {year = 2000, month = "x", day = 1}))
print(pcall(os.time, {year = 2000, month = 1}))
print(pcall(os.time, {}))
print(pcall(os.time, {hour = 12}))
print(pcall(os.time, 1))
print(pcall(os.time, {year = 2000, month = 1, day = 2^31}))
print(pcall(os.time, {year = 2000, month = 1, day = 1073741824}))
print(pcall(os.time, {year = 2000, month = -1073741824, day = 1}))
print(pcall(os.time, {year = 1000, month = 1, day = 1, hour = "x"}))
print(math.type(os.time{year = 2000, month = 1, day = 1073741823}))
print(math.type(os.time{year = -1073741823, month = 1, day = 1}))
print(math.type(os.time{year = 1073741823, month = 1, day = 1}))
-- fields read through __index
local proxy = setmetatable({}, {__index = {year = 2020, month = 2, day = 29, hour = 0}})
print(L(os.time(proxy)), rawget(proxy, "yday"))
print(os.difftime(5, 2), os.difftime(5.0, 2), os.difftime(0, 1e9))
print(pcall(os.difftime, 5))
print(pcall(os.difftime, 5.5, 1))
print(math.type(os.time()), type(os.date()), type(os.date("*t").isdst))
local now = os.time()
local d = os.date("*t", now)
print(os.time(d) == now)
print(math.type(os.clock()), os.clock() >= 0)
