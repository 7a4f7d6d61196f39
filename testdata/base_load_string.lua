-- load with a string chunk
local f = load("return 1 + 1")
print(type(f), f())
print(load("syntax error here"))
print(load("return ...", "=args")(1, 2, 3))
local g = load("local a, b = ... return a * b")
print(g(6, 7))
-- the chunk is a vararg function with _ENV as its only upvalue
local h = load("x_from_chunk = 5")
h()
print(x_from_chunk)
-- load compiles but does not run
local ran = false
local k = load("ran_global = true")
print(ran_global)
k()
print(ran_global)
-- runtime errors inside a loaded chunk carry its name
print(pcall(load("local t = nil\nreturn t.x", "=mychunk")))
print(pcall(load("error('e')", "@some/file.lua")))
print(pcall(load("error('e')")))
-- an empty chunk
print(load("")())
print(select("#", load("")()))
-- a chunk with a shebang-like first line is not accepted by load
print(load("#!/bin/lua\nreturn 1"))
-- load returns nil plus message for non-string non-function
print(pcall(load, 42))
print(pcall(load))
