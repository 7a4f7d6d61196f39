-- short comment
print("a") -- trailing comment
--[[ long
comment ]] print("b")
--[==[ level 2 comment with ]] and ]=] inside
]==] print("c")
---[[ this is a short comment, so the next line runs
print("d")
--]]
--[[]] print("e")
print("f") --[=[ unfinished? no ]=] print("g")
-- comment at end without newline
print("last line") -- no newline at end