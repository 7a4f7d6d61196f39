-- automatic string <-> number coercions
print("10" + 0, "10" * 1, 10 .. "")
print("0x10" + 0, "1e2" + 0, " 5 " + 0)
print(math_free == nil and ("3" + "4"))
print(#(1 .. ""), #(1.5 .. ""))
print(("10" + 0) == 10, "10" == 10)
-- string to integer conversion keeps the float subtype
print("2" * "3", "2.0" * 3, "6" / "2", "7" // "2", "7.0" // "2")
-- for loops accept numeric strings in lua5.3
local s = ""
for i = "1", "3" do s = s .. i .. " " end
print(s)
-- concatenation of floats uses %.14g
print(0.1 .. "", 1e15 .. "", 1e16 .. "", (2^63) .. "")
