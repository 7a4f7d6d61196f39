-- identifiers and keywords used as field names
local _ = 1
local _a1, a_b, A, aB = 1, 2, 3, 4
print(_, _a1, a_b, A, aB)
local t = {}
t["end"] = 1; t["while"] = 2; t["nil"] = 3
t.andx = 4; t.or_ = 5; t._ENVx = 6
print(t["end"], t["while"], t["nil"], t.andx, t.or_, t._ENVx)
local goto_ = "g"
print(goto_)
local longname_with_many_characters_in_it_____________________ = "long"
print(longname_with_many_characters_in_it_____________________)
-- keywords are case-sensitive
local And, Or, Nil, True = "And", "Or", "Nil", "True"
print(And, Or, Nil, True)
