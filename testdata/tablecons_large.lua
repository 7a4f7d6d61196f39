-- large constructors (more than one SETLIST batch)
local t = {
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
  21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
  41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60,
  61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80,
}
print(#t, t[1], t[50], t[51], t[80])
local function many() return 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 end
local u = {
  "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p",
  "q", "r", "s", "t", "u", "v", "w", "x", "y", "z", "A", "B", "C", "D", "E", "F",
  "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U", "V",
  "W", "X", "Y", "Z", many()
}
print(#u, u[52], u[53], u[62])
local src = "return {" .. string.rep("1,", 1000) .. "}"
print(#load(src)())
local hsrc = "return {"
for i = 1, 300 do hsrc = hsrc .. "k" .. i .. " = " .. i .. ", " end
hsrc = hsrc .. "}"
local h = load(hsrc)()
local n = 0
for k, v in pairs(h) do n = n + v end
print(n)
