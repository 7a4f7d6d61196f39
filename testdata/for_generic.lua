-- generic for
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
local s = ""
for i in range(5) do s = s .. i end
print(s)
-- stateless iterator with state and control
local function iter(state, ctrl)
  if ctrl < state then return ctrl + 1, (ctrl + 1) * state end
end
for i, v in iter, 3, 0 do print(i, v) end
-- three loop variables
local function triples(n, c)
  if c < n then return c + 1, "x" .. (c + 1), c % 2 == 0 end
end
for a, b, c in triples, 3, 0 do print(a, b, c) end
-- iteration ends when the first value is nil, even if others aren't
local function stop(s, c) if c < 2 then return c + 1, "v" end return nil, "ignored" end
for i, v in stop, nil, 0 do print(i, v) end
-- the explist is adjusted to three values
local function explist() return iter, 2, 0, "extra" end
for i, v in explist() do print("explist", i, v) end
-- modifying the control variable does not change iteration
for i in range(3) do i = i * 100; print("modified", i) end
-- break from a generic for
for i in range(100) do if i > 2 then break end print("b", i) end
-- iterating over a string with string.byte
local word = "lua"
for i, c in function(s, k) k = k + 1; if k <= #s then return k, string.byte(s, k) end end, word, 0 do
  print(i, c)
end
-- calling a non-function in generic for
print(pcall(function() for x in 5 do end end))
print(pcall(function() for x in nil do end end))
