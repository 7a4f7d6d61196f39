-- package and require
print(package.config == "/\n;\n?\n!\n-\n", type(package.path), type(package.cpath))
print(package.loaded.table == table, package.loaded.math == math, package.loaded.package == package)
print(type(package.preload), #package.searchers, type(package.searchers[1]))

-- preload
package.preload.pre = function(...)
  print("loading pre", select("#", ...), ...)
  return {value = 1}
end
local m = require("pre")
print(m.value, require("pre") == m, package.loaded.pre == m)
package.preload.nothing = function() end
print(require("nothing"), package.loaded.nothing)
package.preload.falsy = function() return false end
print(require("falsy"), package.loaded.falsy)

-- Lua modules along package.path
local dir = os.tmpname()
os.remove(dir)
os.execute("mkdir -p " .. dir .. "/sub")
local function write(path, text)
  local f = assert(io.open(dir .. "/" .. path, "w"))
  f:write(text)
  f:close()
end
write("mod.lua", "local name, file = ...\nreturn {name = name, tail = select('#', ...)}\n")
write("sub/inner.lua", "#!/usr/bin/env lua\nreturn 'inner ' .. (...)\n")
write("sub/init.lua", "return 'package init'\n")
write("bad.lua", "return +\n")
write("fails.lua", "error('failed while loading')\n")
write("sets.lua", "package.loaded[...] = 'set by module'\n")
package.path = dir .. "/?.lua;" .. dir .. "/?/init.lua"
local mod = require("mod")
print(mod.name, mod.tail)
print(require("sub.inner"))
print(require("sub"))
print(require("sets"))
print(select(2, pcall(require, "bad")) ~= nil)
local ok, err = pcall(require, "fails")
print(ok, err ~= nil)

-- searchpath
local found = package.searchpath("sub.inner", package.path)
print(found == dir .. "/sub/inner.lua")
print(package.searchpath("nope", "/nonexistent/?.lua;/nonexistent/?/x.lua"))
print(package.searchpath("a.b", "/nonexistent/?.lua", ""))
print(package.searchpath("a_b", "/nonexistent/?.lua", "_", "+"))
print(package.searchpath("x", ";;/nonexistent/?;;"))
print(pcall(package.searchpath))

-- not found: every searcher reports what it tried
package.path = "/nonexistent/?.lua;/nonexistent/?/init.lua"
package.cpath = "/nonexistent/?.so"
print(pcall(require, "missing.mod"))
print(pcall(require, "missing"))
print(pcall(require))
package.path = 42
print(pcall(require, "other"))
package.path = {}
print(pcall(require, "other2"))
package.path = "/nonexistent/?.lua"
local saved = package.searchers
package.searchers = nil
print(pcall(require, "x"))
package.searchers = {function(name) return "\n\tcustom " .. name end, function() return nil end}
print(pcall(require, "y"))
package.searchers = {function(name) return function(...) return "custom:" .. select(1, ...) .. ":" .. tostring(select(2, ...)) end, "extra" end}
print(require("z"))
package.searchers = saved
print((package.loadlib("/nonexistent/lib.so", "f")))
os.execute("rm -r " .. dir)
