-- collectgarbage options return values of the documented types
print(collectgarbage())
print(collectgarbage("collect"))
print(type(collectgarbage("count")))
print(collectgarbage("isrunning"))
collectgarbage("stop")
print(collectgarbage("isrunning"))
collectgarbage("restart")
print(collectgarbage("isrunning"))
print(type(collectgarbage("step")))
print(type(collectgarbage("setpause", 100)))
print(type(collectgarbage("setstepmul", 200)))
collectgarbage("setpause", 200)
collectgarbage("setstepmul", 100)
print(pcall(collectgarbage, "invalid option"))
-- memory use grows when allocating and shrinks after collection
local before = collectgarbage("count")
local big = {}
for i = 1, 10000 do big[i] = {i} end
local during = collectgarbage("count")
big = nil
collectgarbage()
local after = collectgarbage("count")
print(during > before, after < during)
