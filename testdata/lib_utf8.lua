-- utf8 library
print(utf8.char(72, 228, 8364, 128512))
print(utf8.len("häll€"), utf8.len("\xff"), utf8.len(""))
print(utf8.codepoint("häll€", 1, -1))
for p, c in utf8.codes("aé€") do print(p, c) end
print(utf8.offset("aé€x", 3), utf8.offset("aé€x", -1))
print(utf8.charpattern)
print(pcall(utf8.codepoint, "\xff"))
