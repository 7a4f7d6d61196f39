-- escape sequences in short strings
local function show(s)
  local bytes = {}
  for i = 1, #s do bytes[#bytes + 1] = string.byte(s, i) end
  print(#s, table_concat_free(bytes))
end
function table_concat_free(t)
  local r = ""
  for i = 1, #t do
    if i > 1 then r = r .. "," end
    r = r .. t[i]
  end
  return r
end
show("\a\b\f\n\r\t\v\\\"\'")
show('\65\066\0677')
show("\x41\x42\x7a\xff")
show("\0")
show("a\0b")
show("\u{41}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}")
show("line1\
line2")
show("a\z
       b")
show("a\z  b")
show('single "double" inside')
show("double 'single' inside")
print("tab\tseparated")
print('\104\101\108\108\111')
print("\x48\x65\x6c\x6C\x6f")
-- long strings
local s = [[
first newline is skipped]]
print(s)
print([==[
with ]] inside ]=] too]==])
print([[a
b
c]])
show([[
]])
show([[

x]])
print(#[[]], #"", #'')
-- \r\n in long strings become \n
local src = "return [[a\r\nb\n\rc\r\rd]]"
show(load(src)())
-- a long string keeps backslashes verbatim
print([[\n\t\\]])
